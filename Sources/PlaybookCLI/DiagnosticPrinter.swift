import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookReport

/// Prints diagnostics in the compiler style editors can jump to:
/// `path:line:col: error: message [rule-id]`, the offending line with a caret under the
/// column (wide characters counted as two cells), then the hint. One format for every command.
struct DiagnosticPrinter {
    var terminal: Terminal
    /// Source lines by path, for the caret display.
    private let lines: LineLookup

    init(terminal: Terminal, sources: [String: SourceFile], configText: (path: String, text: String)?) {
        self.terminal = terminal
        var texts = sources.mapValues(\.text)
        if let configText { texts[configText.path] = configText.text }
        lines = LineLookup(texts: texts)
    }

    func format(_ diagnostic: Diagnostic) -> String {
        DiagnosticReport.text(diagnostic, line: lines.line, paint: terminal.paint)
    }
}
