import PlaybookModel

/// Prints diagnostics in the compiler style editors can jump to:
/// `path:line:col: error: message [rule-id]`, the offending line with a caret, then the hint.
struct DiagnosticPrinter {
    var terminal: Terminal
    /// Source text by path, for the caret display.
    var sources: [String: SourceFile]
    var configText: (path: String, text: String)?

    func format(_ diagnostic: Diagnostic) -> String {
        let severity =
            diagnostic.severity == .error
            ? terminal.paint("error", "1;31") : terminal.paint("warning", "1;33")
        var out =
            "\(terminal.paint("\(diagnostic.file):\(diagnostic.position.line):\(diagnostic.position.column):", "1")) "
            + "\(severity): \(diagnostic.message) [\(diagnostic.rule)]\n"
        if let line = sourceLine(diagnostic) {
            let number = String(diagnostic.position.line)
            let gutter = String(repeating: " ", count: number.count)
            out += "\(number) | \(line)\n"
            let prefix = line.unicodeScalars.prefix(max(diagnostic.position.column - 1, 0))
                .map { $0 == "\t" ? "\t" : " " }.joined()
            out += "\(gutter) | \(prefix)\(terminal.paint("^", "1;32"))\n"
        }
        if let hint = diagnostic.hint {
            out += "  \(terminal.paint("hint", "1;36")): \(hint)\n"
        }
        return out
    }

    private func sourceLine(_ diagnostic: Diagnostic) -> String? {
        if let source = sources[diagnostic.file] { return source.line(diagnostic.position.line) }
        if let config = configText, config.path == diagnostic.file {
            return SourceFile(path: config.path, text: config.text, body: "").line(diagnostic.position.line)
        }
        return nil
    }
}
