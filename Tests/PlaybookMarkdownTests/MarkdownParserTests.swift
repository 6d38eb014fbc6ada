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
        #expect(labels == ["a"])
        let html = HTMLRenderer().render(document)
        #expect(html.contains("<li id=\"fn-a\">\n<p>说明。 <a href=\"#fnref-a\" class=\"footnote-backref\""))
    }

    // Issue 25: a footnote referenced only from another footnote is kept, in cmark's order.
    @Test func footnoteReferencedFromAFootnoteIsKept() {
        let html = HTMLRenderer().render(parser.parse("x[^a]\n\n[^a]: see[^b]\n\n[^b]: inner note\n"))
        #expect(html.contains("<li id=\"fn-b\">\n<p>inner note <a href=\"#fnref-b\""))
        #expect(html.components(separatedBy: "<li id=").count == 3)
    }

    // Issue 25: each reference has its own id, and the note links back to each.
    @Test func repeatedFootnoteReferencesGetOwnIdsAndBackLinks() {
        let html = HTMLRenderer().render(parser.parse("x[^n] y[^n]\n\n[^n]: note\n"))
        #expect(html.contains("id=\"fnref-n\"") && html.contains("id=\"fnref-n-2\""))
        #expect(html.contains("<a href=\"#fnref-n-2\" class=\"footnote-backref\""))
        #expect(html.components(separatedBy: "id=\"fnref-n\"").count == 2)
    }

    // Issue 25: the label holds the box and the item's first paragraph, nothing more.
    @Test func checklistLabelsHoldOnlyTheFirstParagraph() {
        let nested = HTMLRenderer().render(parser.parse("- [ ] step\n  - [x] sub-step\n"))
        #expect(
            nested
                == "<ul class=\"checklist\">\n<li class=\"task\"><label><input type=\"checkbox\" /> step</label>\n"
                + "<ul class=\"checklist\">\n<li class=\"task\"><label><input type=\"checkbox\" checked=\"\" /> sub-step</label></li>\n"
                + "</ul>\n</li>\n</ul>\n")
        let loose = HTMLRenderer().render(parser.parse("- [ ] step\n\n  detail\n"))
        #expect(
            loose
                == "<ul class=\"checklist\">\n<li class=\"task\">\n<p><label><input type=\"checkbox\" /> step</label></p>\n"
                + "<p>detail</p>\n</li>\n</ul>\n")
    }

    // Issue 25: URLs are escaped as cmark escapes them; a backslash is never left for a browser to read as `/`.
    @Test func urlsArePercentEncodedAsCmarkDoes() {
        let html = HTMLRenderer().render(parser.parse("<http://example.com/\\[\\>\n\n[a](/b?x=1&y='2' \"t\")\n"))
        #expect(html.contains("href=\"http://example.com/%5C%5B%5C\""))
        #expect(html.contains("href=\"/b?x=1&amp;y=&#x27;2&#x27;\" title=\"t\""))
    }

    // Issue 25: an address with a web scheme but no valid host is kept out of `href`.
    @Test func webAddressesWithoutAValidHostAreNoHref() {
        let html = HTMLRenderer().render(
            parser.parse("<http://../> <https://a.example:8080/x> [v6](http://[::1]/) <mailto:a@b>\n"))
        #expect(html.contains("<a data-href=\"http://../\">http://../</a>"))
        #expect(html.contains("<a href=\"https://a.example:8080/x\">"))
        #expect(html.contains("<a data-href=\"http://%5B::1%5D/\">v6</a>"))
        #expect(html.contains("<a href=\"mailto:a@b\">"))
        #expect(HTMLRenderer.lacksValidHost("http://a..b/") && HTMLRenderer.lacksValidHost("https://exa%20mple/"))
        #expect(!HTMLRenderer.lacksValidHost("https://user@例子.中国:443/路径"))
    }

    // Issue 25: the language is the info string up to its first space or tab, as cmark cuts it.
    @Test func codeLanguageStopsAtATab() {
        let html = HTMLRenderer().render(parser.parse("```swift\tlinenos\nlet x = 1\n```\n"))
        #expect(html.contains("<code class=\"language-swift\">"))
    }

    // Issue 25: a CR before a CR LF still ends a line, so the blank line between paragraphs stays.
    @Test func loneCarriageReturnsEndLines() {
        let file = FrontMatterSplitter().split(path: "content/a.md", text: "line1\r\r\nline2\rline3\r\n")
        #expect(file.body == "line1\n\nline2\nline3\n")
        let html = HTMLRenderer().render(parser.parse(file.body))
        #expect(html == "<p>line1</p>\n<p>line2\nline3</p>\n")
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

    // Issue 25: heading ids are never empty, never the theme's ids, never a footnote's.
    @Test func headingIdsAvoidEmptyThemeAndFootnoteIds() {
        let page = PageParser().parse(
            FrontMatterSplitter().split(
                path: "content/a.md", text: "# Main\n\n## Site nav\n\n## 🎉\n\n##\n\n## fn-a\n\nx[^a]\n\n[^a]: n\n"))
        #expect(page.headings.map(\.anchor) == ["main-1", "site-nav-1", "section", "section-1", "fn-a-1"])
        let html = HTMLRenderer(anchors: page.headings.map(\.anchor)).render(page.document)
        #expect(!html.contains("id=\"\""))
    }

    @Test func emptyAndHugeInputsParse() {
        #expect(parser.parse("").blocks.isEmpty)
        let big = String(repeating: "## 标题 🎉\n\n- 项目 **粗** [链](a.md)\n\n", count: 50_000)
        #expect(parser.parse(big).headings.count == 50_000)
    }
}

@Suite struct PageParserTests {
    func page(_ path: String, _ text: String) -> Page {
        PageParser().parse(FrontMatterSplitter().split(path: path, text: text)).page
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
