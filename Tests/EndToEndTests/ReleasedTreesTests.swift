import Foundation
import PlaybookEngine
import PlaybookMarkdown
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookEngine

/// Issue 12, flat memory: `build` checks each page by its own rules as it is parsed and lets
/// its tree go (`Engine`), then parses it again while it renders.
/// Nothing a reader or a writer sees may change: the same findings, the same health view, the
/// same bytes in every edition as checking and rendering with every tree held.
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
        var handbook = Pipeline.parse(loaded)
        handbook.config.kindLabels = engine.rules.kindLabels
        let whole = engine.checker.check(handbook)
        let rules = Set(whole.map(\.rule))
        for rule in ["page.broken-anchor", "page.broken-link", "page.unpublished-link", "group.unknown-template"] {
            #expect(rules.contains(rule), "the fixture lost its \(rule) finding")
        }
        #expect(engine.findings == whole)
        #expect(
            engine.check.health
                == Pipeline.annotateLineage(engine.checker.health(handbook, findings: whole), files: loaded.files))
        // Only group charters and template pages keep their trees; every other page gives the
        // same page back when its tree is parsed again.
        let parser = PageParser()
        for (kept, page) in zip(handbook.pages, engine.handbook.pages) {
            #expect(page.treeReleased == !(page.kind == .group || page.templateName != nil), "\(page.path)")
            #expect(parser.restoringTree(page) == kept, "\(page.path)")
            #expect(page.links == kept.links, "\(page.path)")
        }
        #expect(engine.handbook.pages.contains { $0.treeReleased })
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
