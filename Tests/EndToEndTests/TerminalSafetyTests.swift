import Foundation
import TestSupport
import Testing

/// Issue 11: what a handbook holds never reaches the terminal as control characters, whichever
/// command prints it and in whichever format.
@Suite struct TerminalSafetyTests {
    /// Retitles the window (OSC … BEL), clears the screen (CSI 2J) and hides text behind a
    /// right-to-left override; in a file name, a title, a link target and the body.
    static let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{202E}"

    static let site = [
        "playbook.yml": "title: 小站\n",
        "content/index.md": "# 首页\n",
        "content/groups/a\(hostile).md":
            "---\ntitle: \"读书会\(hostile)\"\nowner: 林晓\n---\n# 读书会\n\n[链接](missing\(hostile).md)\n\n\(hostile)\n",
    ]

    static func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0 == "\u{202E}" }
    }

    @Test(arguments: [
        ["check"], ["check", "--summary"], ["check", "--format", "github"], ["check", "--format", "json"],
        ["check", "--format", "sarif"], ["build"],
    ])
    func noControlCharacterReachesTheTerminal(arguments: [String]) throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let run = try CommandRun.run(Repository.binary, arguments, in: site.root)
        #expect(run.status == 1, "\(arguments): \(run.stderr)")
        #expect(!Self.hasControls(run.stdout), "\(arguments) stdout: \(run.stdout.debugDescription)")
        #expect(!Self.hasControls(run.stderr), "\(arguments) stderr: \(run.stderr.debugDescription)")
        #expect((run.stdout + run.stderr).contains("\\u{1B}") || (run.stdout + run.stderr).contains("\\u001b"))
    }
}
