import Foundation
import PlaybookEngine
import PlaybookLSP
import PlaybookModel
import TestSupport
import Testing

/// Issue 23: the language server runs the engine `check` runs, so every page it is shown gets
/// exactly the findings `playbook check` reports for that file: here every page of a copy of the
/// sample handbook, opened as it is and then with an edit other pages read.
@Suite struct EveryPageTests {
    func published(_ diagnostics: [JSON]?, path: String) -> [Diagnostic] {
        ServerTests().published(diagnostics, path: path)
    }

    @Test func everyPageOfTheSampleGetsWhatCheckReports() throws {
        let root = try Repository.root()
        var files = [
            "playbook.yml": try String(contentsOf: root.appendingPathComponent("playbook.yml"), encoding: .utf8)
        ]
        let content = root.appendingPathComponent("content")
        for case let path as String in FileManager.default.enumerator(atPath: content.path)! where path.hasSuffix(".md")
        {
            files["content/" + path] = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
        }
        let site = try TemporarySite(files)
        defer { site.remove() }
        let client = Client()
        client.initialize(root: site.root)
        let pages = site.files(under: "content").filter { $0.hasSuffix(".md") }.map { "content/" + $0 }
        #expect(pages.count > 20)
        for path in pages {
            client.open(site.root.appendingPathComponent(path), try site.read(path))
        }
        client.runScheduled()
        try compare(client, site, pages)
        // Rename the penalties heading other pages link to, in the editor and on disk alike:
        // the pages linking to its anchor get findings they did not have.
        let rules = "content/rules/network-rules.md"
        let text = try site.read(rules).replacingOccurrences(of: "惩罚 Penalties", with: "处罚 Sanctions")
        #expect(text != (try site.read(rules)))
        try site.write(rules, text)
        client.replaceAll(site.root.appendingPathComponent(rules), text, version: 2)
        client.clock += 10
        client.runScheduled()
        let findings = try compare(client, site, pages)
        #expect(findings.contains { $0.rule == "page.broken-anchor" && $0.file != rules })
    }

    /// Compares every page's published findings with what `check` reports now; gives those.
    @discardableResult
    func compare(_ client: Client, _ site: TemporarySite, _ pages: [String]) throws -> [Diagnostic] {
        let expected = try Pipeline.check(siteAt: site.root).diagnostics
        for path in pages {
            let shown = published(client.diagnostics(site.root.appendingPathComponent(path)), path: path)
            #expect(shown == expected.filter { $0.file == path }, "\(path)")
        }
        return expected
    }
}
