import PlaybookModel

/// `page.colliding-url`: no two files produce URLs that differ only by letter case (`Guide.md`,
/// `guide.md`) or only by Unicode normalisation (`é` as one code point or as `e` plus an accent,
/// which macOS writes). Such pages are two folders on Linux but one on macOS, Windows and many
/// hosts, where one silently replaces the other. Every file after the first, in path order, is
/// reported and names the first.
struct CollidingURLRule {
    func check(_ context: CheckContext) -> [Diagnostic] {
        check(context.handbook.pages, language: context.language)
    }

    /// The findings among `pages`, in path order: all pages, or all whose URLs fold together.
    func check<Pages: Sequence<Page>>(_ pages: Pages, language l: Language) -> [Diagnostic] {
        // String equality is canonical equivalence, so lower-casing is the whole fold.
        var first: [String: Page] = [:]
        var found: [Diagnostic] = []
        for page in pages {
            let key = page.url.lowercased()
            guard let earlier = first[key] else {
                first[key] = page
                continue
            }
            // Identical URLs are `page.duplicate-url`.
            if Array(earlier.url.unicodeScalars) == Array(page.url.unicodeScalars) { continue }
            let byCase = earlier.url != page.url
            let url = "/" + page.url
            let other = "/" + earlier.url
            found.append(
                Diagnostic(
                    file: page.path, line: 1, rule: "page.colliding-url",
                    message: byCase
                        ? l.pick(
                            "网址 \(url) 和 \(earlier.path) 的 \(other) 只差大小写",
                            "網址 \(url) 和 \(earlier.path) 的 \(other) 只差大小寫",
                            "its URL \(url) differs from \(other) of \(earlier.path) only by letter case")
                        : l.pick(
                            "网址 \(url) 和 \(earlier.path) 的 \(other) 只差 Unicode 规范化形式（NFC / NFD）",
                            "網址 \(url) 和 \(earlier.path) 的 \(other) 只差 Unicode 正規化形式（NFC / NFD）",
                            "its URL \(url) differs from \(other) of \(earlier.path) only by Unicode normalisation (NFC / NFD)"
                        ),
                    hint: l.pick(
                        "改名或合并其中一个文件：在 macOS、Windows 和很多网站主机上，这两个网址是同一个文件夹，发布时一个会覆盖另一个。",
                        "改名或合併其中一個檔案：在 macOS、Windows 和很多網站主機上，這兩個網址是同一個資料夾，發佈時一個會覆蓋另一個。",
                        "Rename or merge one of them: on macOS, Windows and many hosts both URLs are one folder, and one page would overwrite the other."
                    )))
        }
        return found
    }
}

extension CollidingURLRule: SiteRule {
    var levelledAs: String? { nil }

    func check(_ context: CheckContext, near: NearPage?) -> [Diagnostic] {
        guard let near else { return check(context) }
        return check(near.folding, language: context.language)
    }
}
