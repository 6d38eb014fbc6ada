import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

// Issue 13: each input is read once. LOAD reads the files, decodes playbook.yml, reads the rule
// files and the baseline; the check takes those values and reads or decodes nothing again. Each
// test changes a loaded value (or the disk after loading) and sees the check follow the value.
@Suite struct LoadOnceTests {
    static let site = [
        "playbook.yml": "title: 手册\nlanguage: en\ninclude: [rules/events.yml]\n",
        "rules/events.yml": """
        kinds:
          event:
            sections:
              - {id: agenda, label: 议程, aliases: [议程, 議程, agenda], required: true}
        """,
        "content/events/share.md": "---\ntitle: 读书分享会\nkind: event\n---\n正文。\n",
    ]

    @Test func theCheckTakesTheConfigAsDecodedAndDoesNotDecodeItsTextAgain() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        var loaded = try Pipeline.load(siteAt: site.root)
        #expect(loaded.config.title == "手册")
        #expect(loaded.configDiagnostics.isEmpty)
        // Text that would not decode: were it decoded again, the title would be lost and a
        // config.yaml error reported.
        loaded.config.title = "另一个标题"
        loaded.files.config = "title: [\n"
        let result = Pipeline.check(loaded)
        #expect(result.handbook.config.title == "另一个标题")
        #expect(!result.diagnostics.contains { $0.rule == "config.yaml" })
        #expect(result.diagnostics.map(\.rule) == ["event.missing-section"])
    }

    @Test func theRuleFilesAreReadWithTheSiteAndHandedToTheCheck() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        var loaded = try Pipeline.load(siteAt: site.root)
        #expect(Array(loaded.ruleFiles.keys) == ["rules/events.yml"])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("rules/events.yml"))
        // Gone from disk after loading: the check still has the text LOAD read.
        #expect(Pipeline.check(loaded).diagnostics.map(\.rule) == ["event.missing-section"])
        // And it uses the text it is given, not the file.
        loaded.ruleFiles["rules/events.yml"] = "kinds:\n  event:\n    sections: []\n"
        #expect(Pipeline.check(loaded).diagnostics.isEmpty)
    }

    @Test func theBaselineIsReadBeforeTheCheck() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let findings = try Pipeline.check(siteAt: site.root)
        #expect(findings.diagnostics.count == 1)
        try site.write(
            Baseline.fileName, Baseline(recording: findings.diagnostics, line: LineLookup(findings).line).rendered())
        let loaded = try Pipeline.load(siteAt: site.root)
        #expect(loaded.baseline != nil)
        // Removed after loading and before checking: the check tolerates what was read.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(Baseline.fileName))
        let result = Pipeline.check(loaded)
        #expect(result.diagnostics.isEmpty)
        #expect(result.known == findings.diagnostics)
    }

    @Test func noBaselineIsReadWhenNoneIsAskedFor() throws {
        let site = try TemporarySite(Self.site.merging([Baseline.fileName: "{not json"]) { a, _ in a })
        defer { site.remove() }
        let loaded = try Pipeline.load(siteAt: site.root, baseline: nil)
        #expect(loaded.baseline == nil)
        #expect(Pipeline.check(loaded).diagnostics.map(\.rule) == ["event.missing-section"])
    }

    @Test func aBaselineThatDoesNotParseStopsTheLoadNamingTheFile() throws {
        let site = try TemporarySite(Self.site.merging([Baseline.fileName: "{not json"]) { a, _ in a })
        defer { site.remove() }
        let error = try #require(throws: PlaybookError.self) { try Pipeline.load(siteAt: site.root) }
        #expect(error.path == Baseline.fileName)
        #expect(error.stage == "check")
        // The build refuses the same way, and writes nothing.
        let out = site.root.appendingPathComponent("public")
        let refused = try #require(throws: PlaybookError.self) { try Pipeline.build(siteAt: site.root, into: out) }
        #expect(refused == error)
        #expect(!site.exists("public"))
    }

    @Test func aMissingBaselineIsNoBaseline() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        #expect(try Pipeline.load(siteAt: site.root).baseline == nil)
        #expect(try Pipeline.load(siteAt: site.root, baseline: "elsewhere.json").baseline == nil)
    }
}
