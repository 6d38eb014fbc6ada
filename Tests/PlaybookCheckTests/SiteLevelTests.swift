import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

/// What the whole pipeline does with a site's rule files and baseline, read from disk.
@Suite struct SiteLevelTests {
    static let page = "---\ntitle: 读书分享会\nkind: event\n---\n正文。\n"

    @Test func includedRuleFilesReachTheChecker() throws {
        let site = try TemporarySite([
            "playbook.yml": "title: 手册\nlanguage: en\ninclude: [rules/events.yml]\n",
            "rules/events.yml": """
            kinds:
              event:
                sections:
                  - {id: agenda, label: 议程, aliases: [议程, 議程, agenda], required: true}
            """,
            "content/events/share.md": Self.page,
        ])
        defer { site.remove() }
        let result = try Pipeline.check(siteAt: site.root)
        #expect(result.diagnostics.map(\.rule) == ["event.missing-section"])
        #expect(result.rules.kinds["event"] != nil)
    }

    @Test func aBrokenIncludedFileIsReportedInItself() throws {
        let site = try TemporarySite([
            "playbook.yml": "title: 手册\nlanguage: en\ninclude: [rules/events.yml]\n",
            "rules/events.yml": "kinds:\n  event:\n    sections: [\n",
            "content/index.md": "# 首页\n",
        ])
        defer { site.remove() }
        let result = try Pipeline.check(siteAt: site.root)
        #expect(result.diagnostics.contains { $0.file == "rules/events.yml" && $0.severity == .error })
    }

    @Test func theBaselineLetsKnownFindingsBuildAndStopsNewOnes() throws {
        let site = try TemporarySite([
            "playbook.yml": "title: 手册\nlanguage: en\n",
            "content/sops/old.md": "---\ntitle: 老流程\n---\n## Steps\n\n1. a\n2. b\n",
        ])
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        #expect(try Pipeline.build(siteAt: site.root, into: out).refused)

        let checked = try Pipeline.check(siteAt: site.root)
        let baseline = Baseline(recording: checked.diagnostics, line: LineLookup(checked).line)
        try site.write(Baseline.fileName, baseline.rendered())
        let tolerated = try Pipeline.build(siteAt: site.root, into: out)
        #expect(!tolerated.refused)
        #expect(tolerated.check.known.count == checked.diagnostics.count)
        #expect(site.exists("public/sops/old/index.html"))

        // A new page with its own problems is not covered by the old baseline.
        try site.write("content/sops/new.md", "---\ntitle: 新流程\n---\n## Steps\n\n1. a\n2. b\n")
        let refused = try Pipeline.build(siteAt: site.root, into: out)
        #expect(refused.refused)
        #expect(refused.check.diagnostics.allSatisfy { $0.file == "content/sops/new.md" })
    }

    @Test func aCorruptBaselineIsAnErrorNamingTheFile() throws {
        let site = try TemporarySite(["playbook.yml": "title: 手册\n", Baseline.fileName: "{not json"])
        defer { site.remove() }
        #expect(throws: PlaybookError.self) {
            try Pipeline.build(siteAt: site.root, into: site.root.appendingPathComponent("public"))
        }
    }
}
