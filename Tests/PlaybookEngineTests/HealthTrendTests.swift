import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookEngine

// Issue 20: the health view's trend against the previous build. The build reads the totals the
// output it replaces kept (`health/totals.txt`, only from a folder Playbook wrote), so its
// output is a function of its inputs: into an empty folder, no trend.
@Suite struct HealthTrendTests {
    static let charter =
        "---\ntitle: 杭州分会\nkind: group\n---\n## 同好\n\n读书的人。\n\n## 结构\n\n群主。\n\n## 输出\n\n纪要。\n\n"
        + "## 运营\n\n仪式感。\n\n## 复制\n\n模板。\n"

    static let site = [
        "playbook.yml": "title: 手册\nlanguage: zh-Hans\nseverity: {\"*\": warning}\n",
        "content/index.md": "---\ntitle: 首页\n---\n欢迎。\n",
        "content/groups/hz/index.md": charter,
    ]

    @Test func aBuildShowsTheTrendAgainstTheBuildItReplacesAndNoneIntoAnEmptyFolder() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public")
        _ = try Pipeline.build(siteAt: site.root, into: output)
        #expect(!(try site.read("public/health/index.html")).contains("health-trend"))
        let totals = try #require(HealthReport.Totals(text: try site.read("public/health/totals.txt")))
        #expect(totals.groups == 1 && totals.lacking.first { $0.id == "output" }?.count == 0)
        // The charter loses its 输出 section: one gap more, on that element.
        try site.write(
            "content/groups/hz/index.md", Self.charter.replacingOccurrences(of: "## 输出\n\n纪要。\n\n", with: ""))
        _ = try Pipeline.build(siteAt: site.root, into: output)
        let health = try site.read("public/health/index.html")
        #expect(health.contains("与上次构建相比：写全的社群 0，缺口 +1；各要素的缺口：输出 +1"))
        // The same build into a new folder shows none.
        let fresh = site.root.appendingPathComponent("fresh")
        _ = try Pipeline.build(siteAt: site.root, into: fresh)
        #expect(!(try site.read("fresh/health/index.html")).contains("health-trend"))
    }

    @Test func onlyAFolderPlaybookWroteIsRead() throws {
        let site = try TemporarySite(["other/health/totals.txt": "groups=3\ncomplete=1\ngaps=4\n"])
        defer { site.remove() }
        let other = site.root.appendingPathComponent("other")
        #expect(Pipeline.previousHealth(in: other) == nil)
        try site.write("other/.playbook-output", "")
        #expect(Pipeline.previousHealth(in: other)?.gaps == 4)
        #expect(Pipeline.previousHealth(in: site.root.appendingPathComponent("missing")) == nil)
    }
}
