import PlaybookModel

/// Findings formatted for people and machines. Pure functions from values to text; the CLI
/// prints them and writes files.
package enum DiagnosticReport {
    /// `--format json`: `{"version":1,"diagnostics":[…],"summary":{"files","errors","warnings"}}`,
    /// paths relative to the site root, lines and columns from 1 counting the front matter.
    package static func json(_ diagnostics: [Diagnostic], files: Int) -> String {
        JSON.object([
            ("version", .int(1)),
            (
                "diagnostics",
                .array(
                    diagnostics.map { d in
                        .object([
                            ("file", .string(d.file)), ("line", .int(d.position.line)),
                            ("column", .int(d.position.column)),
                            ("severity", .string(d.severity.rawValue)), ("rule", .string(d.rule)),
                            ("message", .string(d.message)), ("hint", d.hint.map(JSON.string) ?? .null),
                        ])
                    })
            ),
            (
                "summary",
                .object([
                    ("files", .int(files)), ("errors", .int(diagnostics.errorCount)),
                    ("warnings", .int(diagnostics.warningCount)),
                ])
            ),
        ]).rendered(indented: true)
    }

    /// The compiler-style text form: `path:line:col: error: message [rule-id]`, the offending
    /// line with a caret under the column, then the hint. `line` gives a file's line text.
    /// Everything that comes from the handbook goes through `VisibleText`, so control characters
    /// in a page show as `\u{1B}` instead of acting on the terminal.
    package static func text(
        _ diagnostic: Diagnostic, line: (String, Int) -> String?, paint: (String, String) -> String = { s, _ in s }
    ) -> String {
        let severity =
            diagnostic.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
        let file = VisibleText.escaped(diagnostic.file)
        let location = "\(file):\(diagnostic.position.line):\(diagnostic.position.column):"
        let message = VisibleText.escaped(diagnostic.message, keepingNewlines: true)
        var out = "\(paint(location, "1")) \(severity): \(message) [\(diagnostic.rule)]\n"
        if let text = line(diagnostic.file, diagnostic.position.line) {
            let number = String(diagnostic.position.line)
            let gutter = String(repeating: " ", count: number.count)
            out += "\(number) | \(VisibleText.escaped(text))\n"
            // Wide (CJK) characters take two cells in a terminal; tabs stay tabs; an escaped
            // character takes the cells of its escape.
            var pad = ""
            for scalar in text.unicodeScalars.prefix(max(diagnostic.position.column - 1, 0)) {
                if scalar == "\t" {
                    pad += "\t"
                } else if VisibleText.needsEscape(scalar) {
                    pad += String(repeating: " ", count: VisibleText.escape(scalar).count)
                } else {
                    pad += TextWidth.isWide(scalar) ? "  " : " "
                }
            }
            out += "\(gutter) | \(pad)\(paint("^", "1;32"))\n"
        }
        if let hint = diagnostic.hint {
            out += "  \(paint("hint", "1;36")): \(VisibleText.escaped(hint, keepingNewlines: true))\n"
        }
        return out
    }
}

/// Display width of text in a terminal: East Asian wide and full-width characters take two cells.
package enum TextWidth {
    package static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) {
            $0 + (isWide($1) ? 2 : ($1.properties.generalCategory == .nonspacingMark ? 0 : 1))
        }
    }

    package static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` padded with spaces to `width` cells.
    package static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }
}
