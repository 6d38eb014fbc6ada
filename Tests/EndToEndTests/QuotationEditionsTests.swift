import Foundation
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

/// Issue 21: a Simplified page quoting a Traditional source, built into both editions. Each
/// block is read by its own script: the page's prose is converted into each edition's script,
/// the quotation (a block quote, or 「…」 in the other script) stays as its source wrote it in
/// both, and the Traditional page the quotation comes from is linked by its own title.
@Suite struct QuotationEditionsTests {
    static let files: [String: String] = [
        "playbook.yml": """
        title: 读书会手册
        editions:
          languages: [zh-Hans, {language: zh-Hant-TW, prefix: zh-Hant}]
          phrases:
            - [读书会, 讀書會]
        """,
        "content/index.md": """
        ---
        title: 首页
        ---
        # 首页

        见[台北分會 Taipei Chapter](taipei.md)和[社群的核心](core.md)。
        """,
        "content/taipei.md": """
        ---
        title: 台北分會 Taipei Chapter
        tags: [台北, 分會]
        ---
        # 台北分會 Taipei Chapter

        社群的核心特徵是同好；我們要建立以下四感。五、複製：本分會的檔案、群規都來自模板。
        """,
        "content/core.md": """
        ---
        title: 社群的核心
        tags: [复盘]
        ---
        # 社群的核心

        [台北分會 Taipei Chapter](taipei.md)的档案里写道：

        > 社群的核心特徵是同好；我們要建立以下四感。

        杭州分会把它概括为「有進有出」，复盘时审核通过并入群的人数是核心指标。
        """,
    ]

    @Test func prosFollowsTheEditionAndTheQuotationStaysAsWritten() throws {
        let site = try TemporarySite(Self.files)
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        let result = try Pipeline.build(siteAt: site.root, into: out)
        #expect(!result.refused)
        #expect(result.check.diagnostics.filter { $0.rule == "page.mixed-script" } == [])
        let simplified = try String(contentsOf: out.appendingPathComponent("core/index.html"), encoding: .utf8)
        let traditional = try String(
            contentsOf: out.appendingPathComponent("zh-Hant/core/index.html"), encoding: .utf8)
        // The page's own words, in each edition's script.
        #expect(simplified.contains("的档案里写道："))
        #expect(simplified.contains("杭州分会把它概括为「有進有出」，复盘时审核通过并入群的人数是核心指标。"))
        #expect(traditional.contains("的檔案裡寫道："))
        #expect(traditional.contains("杭州分會把它概括為「有進有出」，復盤時審核通過並入群的人數是核心指標。"))
        // The quotation, as its source wrote it, in both.
        let quote = "<blockquote>\n<p>社群的核心特徵是同好；我們要建立以下四感。</p>"
        #expect(simplified.contains(quote))
        #expect(traditional.contains(quote))
        // The link to the Traditional page, by its title, in each edition's script.
        #expect(simplified.contains(">台北分会 Taipei Chapter</a>的档案"))
        #expect(traditional.contains(">台北分會 Taipei Chapter</a>的檔案"))
        // The Traditional page itself, read in Simplified with the handbook's words.
        let taipei = try String(contentsOf: out.appendingPathComponent("taipei/index.html"), encoding: .utf8)
        #expect(taipei.contains("社群的核心特征是同好；我们要建立以下四感。五、复制：本分会的文件、群规都来自模板。"))
        // Tags are shown in the edition's script; their URLs are the same in every edition.
        let tagged = try String(contentsOf: out.appendingPathComponent("zh-Hant/core/index.html"), encoding: .utf8)
        #expect(tagged.contains("href=\"../tags/%E5%A4%8D%E7%9B%98/index.html\">#復盤</a>"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("zh-Hant/tags/复盘/index.html").path))
    }
}
