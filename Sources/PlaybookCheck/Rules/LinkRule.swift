import PlaybookModel

/// `page.broken-link`, `page.broken-anchor`, `page.unpublished-link`: links to `.md` files resolve
/// to pages of the handbook, and their `#anchors` (or a bare `#anchor` on the same page) to
/// headings; a published page does not link to one the build leaves out (a draft, or an internal
/// page in a public build), which would be a dead link on the site. Paths
/// starting with `/` are relative to `content/`, as the renderer reads them. Links with
/// `{{placeholders}}` belong to a template's documents and resolve only once cloned.
struct LinkRule: OtherPagesRule {
    func check(_ page: LinkedPage, in context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // A page that repeats one broken link is judged (and its suggestion searched) once.
        var judged: [String: Diagnostic?] = [:]
        // The page's links, not its tree: this rule reads other pages' headings, so it runs after
        // every page was parsed, when the trees are let go (`Checker.otherPagesRules`).
        for link in page.page.links {
            let destination = link.destination
            let verdict: Diagnostic?
            if let known = judged[destination] {
                verdict = known
            } else {
                verdict = Self.check(destination, at: link.position, page: page, context: context)
                judged[destination] = .some(verdict)
            }
            if var diagnostic = verdict {
                diagnostic.position = link.position
                found.append(diagnostic)
            }
        }
        return found
    }

    static func check(_ destination: String, at position: SourcePosition, page: LinkedPage, context: CheckContext)
        -> Diagnostic?
    {
        guard !destination.containsLiteral("{{"), let link = LinkDestination(destination) else { return nil }
        let l = context.language
        let fragment = link.fragment ?? ""
        let decoded = link.path
        let targetIndex: Int
        if decoded.isEmpty {
            guard !fragment.isEmpty, let own = context.pagesByContentPath[page.page.source.contentPath] else {
                return nil
            }
            targetIndex = own
        } else {
            guard link.isPage else { return nil }
            let contentPath = page.page.source.contentPath
            let folder = contentPath.lastIndex(of: "/").map { String(contentPath[..<$0]) } ?? ""
            guard let target = Slug.resolve(decoded, inFolder: folder), let index = context.pagesByContentPath[target]
            else {
                var hint = l.pick(
                    "改成存在的页面路径（相对于本页，或以 `/` 开头表示相对于 content/）；断掉的链接会让读者无路可走。",
                    "改成存在的頁面路徑（相對於本頁，或以 `/` 開頭表示相對於 content/）；斷掉的連結會讓讀者無路可走。",
                    "Point it at a page that exists (relative to this page, or starting with `/` for content/); a broken link strands the reader."
                )
                let resolved = Slug.resolve(decoded, inFolder: folder) ?? decoded
                if let closest = Suggestion.closest(to: resolved, in: context.pagesByContentPath.keys) {
                    // Written as the link would be written on this page.
                    let suggestion = Self.relativeLink(from: folder, to: closest)
                    hint =
                        l.pick("你是不是想链接 `\(suggestion)`？", "你是不是想連結 `\(suggestion)`？", "Did you mean `\(suggestion)`? ")
                        + hint
                }
                return page.diagnostic(
                    line: position.line, column: position.column, rule: "page.broken-link",
                    message: l.pick(
                        "链接指向不存在的页面 `\(decoded)`", "連結指向不存在的頁面 `\(decoded)`",
                        "link to a page that does not exist: `\(decoded)`"),
                    hint: hint)
            }
            targetIndex = index
            let linked = context.handbook.pages[targetIndex]
            if context.publication.publishes(page.page), !context.publication.publishes(linked) {
                return unpublished(decoded, target: linked, at: position, page: page, language: l)
            }
        }
        guard !fragment.isEmpty, !context.anchors[targetIndex].contains(fragment),
            !context.anchors[targetIndex].contains(Slug.anchor(fragment))
        else { return nil }
        let target = context.handbook.pages[targetIndex]
        var hint = l.pick(
            "锚点是标题的小写形式，空格换成 `-`，标点去掉，例如 `## 奖励 Rewards` → `#奖励-rewards`。",
            "錨點是標題的小寫形式，空格換成 `-`，標點去掉，例如 `## 獎勵 Rewards` → `#獎勵-rewards`。",
            "An anchor is the heading lower-cased, spaces as `-`, punctuation dropped: `## Rewards` → `#rewards`.")
        if let suggestion = Suggestion.closest(to: fragment, in: context.anchors[targetIndex]) {
            hint =
                l.pick("你是不是想写 `#\(suggestion)`？", "你是不是想寫 `#\(suggestion)`？", "Did you mean `#\(suggestion)`? ") + hint
        }
        return page.diagnostic(
            line: position.line, column: position.column, rule: "page.broken-anchor",
            message: l.pick(
                "\(target.source.contentPath) 里没有锚点 `#\(fragment)`",
                "\(target.source.contentPath) 裡沒有錨點 `#\(fragment)`",
                "\(target.source.contentPath) has no anchor `#\(fragment)`"),
            hint: hint)
    }

    static func unpublished(
        _ destination: String, target: Page, at position: SourcePosition, page: LinkedPage, language l: Language
    ) -> Diagnostic {
        let why =
            target.isDraft
            ? l.pick("它是草稿（`draft: true`）", "它是草稿（`draft: true`）", "it is a draft (`draft: true`)")
            : l.pick(
                "它是内部页面（`visibility: internal`），`--public` 不发布", "它是內部頁面（`visibility: internal`），`--public` 不發布",
                "it is internal (`visibility: internal`) and `--public` leaves it out")
        return page.diagnostic(
            line: position.line, column: position.column, rule: "page.unpublished-link",
            message: l.pick(
                "链接指向不发布的页面 `\(destination)`：\(why)", "連結指向不發布的頁面 `\(destination)`：\(why)",
                "link to a page the site leaves out, `\(destination)`: \(why)"),
            hint: l.pick(
                "发布那个页面，或者先去掉这个链接（或把本页也标成草稿）；否则读者点开的是一个不存在的页面。",
                "發布那個頁面，或者先去掉這個連結（或把本頁也標成草稿）；否則讀者點開的是一個不存在的頁面。",
                "Publish that page, or remove the link for now (or mark this page a draft too); otherwise readers follow it to a page that is not there."
            ))
    }

    /// A relative link from a page in `folder` to the content path `target`.
    static func relativeLink(from folder: String, to target: String) -> String {
        let from = folder.split(separator: "/")
        let to = target.split(separator: "/")
        var shared = 0
        while shared < from.count, shared < to.count - 1, from[shared] == to[shared] { shared += 1 }
        let ups = Array(repeating: "..", count: from.count - shared)
        return (ups + to[shared...].map(String.init)).joined(separator: "/")
    }
}
