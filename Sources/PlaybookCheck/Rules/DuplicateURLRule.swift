import PlaybookModel

/// `page.duplicate-url`: no two files produce the same page URL (`groups/a.md` and
/// `groups/a/index.md` are both `groups/a/`); one would silently overwrite the other. Every
/// file after the first, in path order, is reported and names the first.
struct DuplicateURLRule {
    func check(_ context: CheckContext) -> [Diagnostic] {
        check(context.handbook.pages, language: context.language)
    }

    /// The findings among `pages`, which must be in path order: all pages of the handbook, or
    /// all that share one URL.
    func check<Pages: Sequence<Page>>(_ pages: Pages, language l: Language) -> [Diagnostic] {
        // Keyed by scalars: Swift's String equality would also join URLs that differ only by
        // Unicode normalisation, which `page.colliding-url` reports with its own words.
        var first: [[Unicode.Scalar]: String] = [:]
        var found: [Diagnostic] = []
        for page in pages {
            let key = Array(page.url.unicodeScalars)
            guard let earlier = first[key] else {
                first[key] = page.path
                continue
            }
            let url = "/" + page.url
            found.append(
                Diagnostic(
                    file: page.path, line: 1, rule: "page.duplicate-url",
                    message: l.pick(
                        "和 \(earlier) 生成同一个网址 \(url)", "和 \(earlier) 產生同一個網址 \(url)",
                        "produces the same URL \(url) as \(earlier)"),
                    hint: l.pick(
                        "改名或合并其中一个文件：`x.md` 和 `x/index.md` 都会生成 `x/`，发布时一个会覆盖另一个。",
                        "改名或合併其中一個檔案：`x.md` 和 `x/index.md` 都會產生 `x/`，發佈時一個會覆蓋另一個。",
                        "Rename or merge one of them: `x.md` and `x/index.md` both become `x/`, and one would overwrite the other."
                    )))
        }
        return found
    }
}

extension DuplicateURLRule: SiteRule {
    var levelledAs: String? { nil }

    func check(_ context: CheckContext, near: NearPage?) -> [Diagnostic] {
        guard let near else { return check(context) }
        return check(near.folding.lazy.filter { $0.url == near.page.url }, language: context.language)
    }
}
