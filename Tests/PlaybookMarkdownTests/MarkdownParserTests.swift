import Foundation
import PlaybookMarkdown
import PlaybookModel
import PlaybookSource
import TestSupport
import Testing

@Suite struct MarkdownParserTests {
    let parser = MarkdownParser()

    @Test func dumpsGFMDocumentWithPositionsGolden() {
        let source = """
            ---
            title: 样例
            ---
            # 标题 Title

            段落 *强调* **加粗** ~~删除~~ `代码` https://example.org 和 [链接](other.md#锚点 "提示")。

            - [ ] 待办
            - [x] 完成

            1. 第一步
            2. 第二步

            | 左 | 中 | 右 |
            |:---|:--:|---:|
            | a | b | c |

            > 引用[^n]

            [^n]: 脚注内容。

            ```swift
            let x = 1
            ```

            """
        let file = FrontMatterSplitter().split(path: "content/a.md", text: source)
        let document = parser.parse(file.body, lineOffset: file.bodyLineOffset)
        Golden.check(TreeDump.dump(document.root), against: Golden.folder().appendingPathComponent("Goldens/gfm.txt"))
    }

    @Test func positionsCountTheFrontMatter() {
        let file = FrontMatterSplitter().split(path: "content/a.md", text: "---\na: 1\nb: 2\n---\n\n## 结构\n")
        let document = parser.parse(file.body, lineOffset: file.bodyLineOffset)
        #expect(document.headings.first?.range.start == SourcePosition(line: 6, column: 1))
    }

    @Test func columnsCountCharactersNotBytes() {
        let document = parser.parse("同好：**重点**\n")
        let strong = document.blocks[0].children[1]
        #expect(strong.kind == .strong)
        #expect(strong.range.start.column == 4)
    }

    @Test func footnoteDefinitionsKeepTheirLabel() {
        let document = parser.parse("正文[^a]。\n\n[^a]: 说明。\n\n[^unused]: 无。\n")
        let labels = document.blocks.compactMap { block -> String? in
            if case .footnoteDefinition(let label) = block.kind { return label }
            return nil
        }
        #expect(labels == ["1"])
        let html = HTMLRenderer().render(document)
        #expect(html.contains("<li id=\"fn-1\">\n<p>说明。</p>"))
    }

    @Test func rawHTMLIsOmittedUnlessUnsafe() {
        let document = parser.parse("<div>hi</div>\n\n文本 <b>粗</b> <script>x</script>\n")
        let safe = HTMLRenderer().render(document)
        #expect(!safe.contains("<div>") && !safe.contains("<b>") && !safe.contains("<script>"))
        let unsafe = HTMLRenderer(unsafe: true).render(document)
        #expect(unsafe.contains("<div>hi</div>") && unsafe.contains("<b>粗</b>"))
        // The GFM tag filter still disarms script tags.
        #expect(unsafe.contains("&lt;script>x&lt;/script>"))
    }

    @Test func dangerousLinkSchemesAreDropped() {
        let html = HTMLRenderer().render(parser.parse("[x](javascript:alert(1))\n"))
        #expect(html.contains("href=\"\""))
    }

    @Test func headingsGetAnchorsAndSelfLinks() {
        let page = PageParser().parse(
            FrontMatterSplitter().split(path: "content/sops/daily.md", text: "## 步骤 Steps\n\n## 步骤 Steps\n"))
        #expect(page.headings.map(\.anchor) == ["步骤-steps", "步骤-steps-1"])
        let html = HTMLRenderer(anchors: page.headings.map(\.anchor)).render(page.document)
        #expect(html.contains("<h2 id=\"步骤-steps-1\">"))
    }

    @Test func emptyAndHugeInputsParse() {
        #expect(parser.parse("").blocks.isEmpty)
        let big = String(repeating: "## 标题 🎉\n\n- 项目 **粗** [链](a.md)\n\n", count: 50_000)
        #expect(parser.parse(big).headings.count == 50_000)
    }
}

@Suite struct PageParserTests {
    func page(_ path: String, _ text: String) -> Page {
        PageParser().parse(FrontMatterSplitter().split(path: path, text: text))
    }

    @Test func kindComesFromFrontMatterThenFolderThenPage() {
        #expect(page("content/groups/a.md", "").kind == .group)
        #expect(page("content/sops/x/y.md", "").kind == .sop)
        #expect(page("content/groups/a.md", "---\nkind: rules\n---\n").kind == .rules)
        #expect(page("content/about.md", "").kind == .page)
        #expect(page("content/misc/a.md", "").kind == .page)
    }

    @Test func titleComesFromFrontMatterThenFirstHeading() {
        #expect(page("content/a.md", "---\ntitle: 甲\n---\n# 乙\n").title == "甲")
        #expect(page("content/a.md", "## 丙\n# 乙\n").title == "乙")
        #expect(page("content/a.md", "文字\n").title == "")
    }

    @Test func prettyURLs() {
        #expect(page("content/groups/hangzhou.md", "").url == "groups/hangzhou/")
        #expect(page("content/groups/hangzhou/index.md", "").url == "groups/hangzhou/")
        #expect(page("content/index.md", "").url == "")
        #expect(page("content/groups/杭州 分会 🎉.md", "").url == "groups/杭州 分会 🎉/")
    }
}
