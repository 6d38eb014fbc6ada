import Foundation
import PlaybookCheck
import PlaybookModel
import PlaybookReport
import Testing

// Read with Foundation's JSONSerialization on purpose: a reader Playbook did not write judges what
// Playbook's `JSON` wrote, so an escaping mistake shared by our writer and reader cannot pass.

// Issue 11: control characters from content never reach a terminal raw, in any format.
@Suite struct TerminalEscapingTests {
    /// A heading that retitles the window (OSC), clears the screen (CSI), rings the bell and
    /// hides text behind a right-to-left override.
    static let hostile = "标题\u{1B}]0;owned\u{07}\u{1B}[2J\u{7F}\u{9B}31m\u{202E}txt"
    static let shown = "标题\\u{1B}]0;owned\\u{7}\\u{1B}[2J\\u{7F}\\u{9B}31m\\u{202E}txt"

    static let diagnostic = Diagnostic(
        file: "content/a\u{1B}b.md", line: 2, column: 4, rule: "page.title", message: "「\(hostile)」",
        hint: "line one\nline two\u{07}")

    static func containsControl(_ text: String, allowing allowed: Set<Unicode.Scalar> = ["\n"]) -> Bool {
        text.unicodeScalars.contains { VisibleText.needsEscape($0) && !allowed.contains($0) }
    }

    @Test func visibleTextEscapesControlsInSwiftStyleAndKeepsTheRest() {
        #expect(VisibleText.escaped(Self.hostile) == Self.shown)
        #expect(VisibleText.escaped("a\tb 中文 \\u{1B}") == "a\tb 中文 \\u{1B}")
        #expect(VisibleText.escaped("a\nb") == "a\\u{A}b")
        #expect(VisibleText.escaped("a\nb", keepingNewlines: true) == "a\nb")
        #expect(VisibleText.escaped("bad \u{FFFD} byte") == "bad \u{FFFD} byte")
    }

    @Test func textReportEscapesMessageHintPathAndExcerptAndKeepsTheCaretUnderTheColumn() {
        let excerpt = "\u{1B}[31mab"
        let out = DiagnosticReport.text(Self.diagnostic, line: { _, _ in excerpt })
        #expect(!Self.containsControl(out))
        #expect(out.contains("content/a\\u{1B}b.md:2:4: error: 「\(Self.shown)」 [page.title]"))
        #expect(out.contains("2 | \\u{1B}[31mab\n"))
        // Column 4 is the `1`: after the six cells of `\u{1B}` and the two of `[3`.
        #expect(out.contains("  | " + String(repeating: " ", count: 8) + "^\n"))
        #expect(out.contains("hint: line one\nline two\\u{7}\n"))
    }

    @Test func githubCommandsAndStepSummaryEscapeControls() {
        let commands = GitHubReport.commands([Self.diagnostic])
        #expect(!Self.containsControl(commands))
        #expect(commands.contains("file=content/a\\u{1B}b.md"))
        #expect(commands.contains(Self.shown))
        // Newlines stay newlines, encoded for the workflow command.
        #expect(commands.contains("」%0Aline one%0Aline two\\u{7}"))
        let summary = GitHubReport.stepSummary([Self.diagnostic], files: 1, language: .en)
        #expect(!Self.containsControl(summary))
    }

    @Test func jsonAndSARIFStayValidAndEscapeControls() throws {
        let json = DiagnosticReport.json([Self.diagnostic], files: 1)
        #expect(!Self.containsControl(json, allowing: ["\n"]))
        #expect(json.contains("\\u001b]0;owned\\u0007\\u001b[2J\\u007f\\u009b31m\\u202etxt"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let first = try #require((parsed["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["message"] as? String == "「\(Self.hostile)」")
        let sarif = SARIFReport.log(
            [Self.diagnostic], rules: RuleCatalog.entries(for: .defaults, language: .en), toolVersion: "0",
            siteRoot: "file:///site/")
        #expect(!Self.containsControl(sarif, allowing: ["\n"]))
        _ = try JSONSerialization.jsonObject(with: Data(sarif.utf8))
    }
}
