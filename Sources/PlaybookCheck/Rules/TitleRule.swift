import PlaybookModel

/// `page.title`: every page has a title, from front matter or its first heading; the title
/// names the page in navigation, search and the browser tab.
struct TitleRule: PageRule {
    var readsFrontMatter: Bool { true }

    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard page.page.title.allSatisfy(\.isWhitespace) else { return [] }
        let l = context.language
        let entry = page.page.frontMatter.entry("title")
        return [
            page.diagnostic(
                line: entry?.line ?? 1, column: entry?.column ?? 1, rule: "page.title",
                message: entry == nil
                    ? l.pick("页面没有标题", "頁面沒有標題", "the page has no title")
                    : l.pick("标题是空的", "標題是空的", "the title is empty"),
                hint: l.pick(
                    "在 front matter 写 `title: 杭州分会社群档案`，或以一个 `# 标题` 开头；标题会出现在导航、搜索和浏览器标签上。",
                    "在 front matter 寫 `title: 台北分會社群檔案`，或以一個 `# 標題` 開頭；標題會出現在導覽、搜尋和瀏覽器分頁上。",
                    "Write `title: Hangzhou chapter charter` in the front matter, or start with a `# Heading`; the title names the page in navigation, search and the browser tab."
                ))
        ]
    }
}
