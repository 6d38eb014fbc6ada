import Foundation
import PlaybookEngine
import PlaybookMarkdown
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookEngine

/// Issue 12, flat memory, and issue 23, a page's states: `build` checks each page by its own
/// rules as it is parsed and keeps only its summary (`Page`, which holds no tree), then parses
/// it again while a step reads its body (the health view's charters, an edition's conversion,
/// rendering). Nothing a reader or a writer sees may change: the same findings, the same health
/// view, the same bytes in every edition as checking and rendering every page as first parsed.
@Suite struct ReleasedTreesTests {
    /// The sample handbook (two editions, a template, four groups) plus pages whose findings
    /// come from the rules that read other pages: a broken anchor on another page, a broken
    /// page link, a link to a draft, an unknown template and a template version ahead, next to
    /// findings of the page's own rules on the same lines.
    static func site() throws -> TemporarySite {
        let site = try TemporarySite()
        let root = Repository.root()
        let fm = FileManager.default
        for top in ["playbook.yml", "content", ".playbook-baseline.json"] {
            try fm.copyItem(at: root.appendingPathComponent(top), to: site.root.appendingPathComponent(top))
        }
        try site.write(
            "content/sops/cross-links.md",
            """
            ---
            kind: sop
            title: 交叉链接 Cross links
            owner: 运营组
            ---
            ## 步骤 Steps

            1. 先读[日常运营](daily-operations.md#不存在的锚点)，再读[不存在](missing.md)。
            2. 草稿见[草稿](draft.md)；本页[这里](#步骤-steps)和[那裡](#沒有)。
            3. 後來的會員看[档案](../groups/hangzhou/index.md#结构)。

            """)
        try site.write(
            "content/sops/draft.md",
            "---\nkind: sop\ntitle: 草稿 Draft\nowner: 运营组\ndraft: true\n---\n## 步骤 Steps\n\n1. 写完它。\n")
        try site.write(
            "content/groups/lineage/index.md",
            """
            ---
            kind: group
            title: 血缘 Lineage
            template: city-chapter
            template_version: 9.0.0
            ---
            ## 共同兴趣

            读书。[入群](../../onboarding/new-member.md)

            """)
        try site.write(
            "content/groups/stray/index.md",
            "---\nkind: group\ntitle: 走失 Stray\ntemplate: no-such-template\n---\n## 共同兴趣\n\n讀書會。\n")
        return site
    }

    @Test func checkingAsPagesAreParsedFindsWhatCheckingWholeTreesFinds() throws {
        let site = try Self.site()
        defer { site.remove() }
        let loaded = try Pipeline.load(siteAt: site.root)
        let engine = Engine(loaded)
        // The oracle: every rule run over every page's whole tree, parsed and kept.
        var files = loaded.files
        let first = Pipeline.parse(
            &files, config: (loaded.config, loaded.configDiagnostics), language: nil, lettingBytesGo: false
        ) { ($0.page, $0) }
        let parsed = first.made
        var handbook = first.handbook
        handbook.config.kindLabels = engine.rules.kindLabels
        let whole = engine.checker.check(parsed, config: handbook.config, assets: handbook.assets)
        let rules = Set(whole.map(\.rule))
        for rule in ["page.broken-anchor", "page.broken-link", "page.unpublished-link", "group.unknown-template"] {
            #expect(rules.contains(rule), "the fixture lost its \(rule) finding")
        }
        #expect(engine.findings == whole)
        // The health view's rows from the charters' trees as first parsed.
        let byPath = Dictionary(uniqueKeysWithValues: parsed.map { ($0.path, $0) })
        #expect(
            engine.check.health
                == Pipeline.annotateLineage(
                    engine.checker.health(
                        handbook, findings: whole, sections: { engine.checker.charterSections(byPath[$0.path]!) }),
                    files: loaded.files))
        // The engine holds every page by its summary alone, group charters and template pages
        // too; each gives the page as first parsed when its body is parsed again.
        #expect(parsed.contains { $0.kind == .group } && parsed.contains { $0.templateName != nil })
        let parser = PageParser()
        for (kept, page) in zip(parsed, engine.handbook.pages) {
            #expect(page == kept.page, "\(page.path)")
            #expect(parser.parsed(page) == kept, "\(page.path)")
        }
    }

    @Test func buildingFromTreesParsedAgainWritesWhatRenderingWholeTreesGives() throws {
        let site = try Self.site()
        defer { site.remove() }
        // The build refuses a site with errors: keep the sample's own pages only.
        for path in [
            "content/sops/cross-links.md", "content/sops/draft.md", "content/groups/lineage", "content/groups/stray",
        ] {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
        }
        let out = site.root.appendingPathComponent("public")
        let built = try Pipeline.build(siteAt: site.root, into: out)
        let errors = built.check.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(FixtureCaseTests.report(errors))")
        let expected = try Pipeline.render(
            Pipeline.leaveOut(Pipeline.check(try Pipeline.load(siteAt: site.root)), publication: .standard))
        #expect(built.written == expected.map(\.path))
        #expect(expected.contains { $0.path.hasPrefix("zh-Hant/") }, "the sample lost its second edition")
        for file in expected {
            let written = try Data(contentsOf: out.appendingPathComponent(file.path))
            #expect(Array(written) == file.bytes, "\(file.path) differs")
        }
    }
}
