import Foundation
import PlaybookModel

/// Links that build without a word but lead nowhere:
/// - `page.missing-file`: an image (`![活动合影](images/合影.png)`) or a link to a file that is
///   not a page names a file the site does not have; the published page would show a broken
///   picture or a dead link. Relative paths are read from the page's folder under `content/`;
///   paths starting with `/` may name `static/` files, which this rule does not see, so only
///   relative ones are checked.
/// - `page.link-syntax`: `[群规]（../rules/group-rules.md）` or `【群规】(…)` with full-width brackets
///   or parentheses is text, not a link.
struct LinkSyntaxRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let l = context.language
        let contentPath = page.page.source.contentPath
        let folder = contentPath.lastIndex(of: "/").map { String(contentPath[..<$0]) } ?? ""
        // A file is reported where it is first named: a page that repeats a broken picture (or
        // thousands of them, in a damaged file) gets one finding for it.
        var named: Set<String> = []
        // Links are listed with the page already; the tree is walked only for images and for
        // full-width marks, which most pages do not hold.
        for link in page.page.links where named.insert(link.destination).inserted && Self.namesAFile(link.destination) {
            if let missing = Self.missing(link.destination, folder: folder, context: context) {
                found.append(Self.missingFile(missing, image: false, at: link.position, page: page, context: context))
            }
        }
        let text = page.page.source.text
        let mayHaveImages = text.containsLiteral("![")
        let mayHaveWideLinks = text.containsLiteral("】") || text.containsLiteral("］") || text.containsLiteral("（")
        guard mayHaveImages || mayHaveWideLinks else { return found }
        var lines: [Substring]?
        page.parsed.document.root.walk { node in
            switch node.kind {
            case .image(let source, _):
                if named.insert(source).inserted, let missing = Self.missing(source, folder: folder, context: context) {
                    found.append(
                        Self.missingFile(missing, image: true, at: node.range.start, page: page, context: context))
                }
            case .paragraph, .heading, .tableCell:
                guard mayHaveWideLinks else { return }
                if lines == nil {
                    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                }
                // Only leaf blocks: a paragraph inside a list item is walked on its own.
                guard let all = lines else { return }
                for number in node.range.start.line...max(node.range.start.line, node.range.end.line)
                where number - 1 < all.count {
                    let line = all[number - 1]
                    let from = number == node.range.start.line ? node.range.start.column : 1
                    found += Self.syntax(in: line, from: from, line: number, page: page, context: context, language: l)
                }
            default:
                break
            }
        }
        found.sort { $0.position < $1.position }
        return found
    }

    /// Whether a link names a file rather than a page or a folder's list page (`sops/`): its last
    /// part has an extension other than `.md` or `.html`. Pages are `LinkRule`'s.
    static func namesAFile(_ destination: String) -> Bool {
        guard let link = LinkDestination(destination), !link.path.hasSuffix("/"),
            let last = link.path.split(separator: "/").last, let dot = last.lastIndex(of: "."), dot != last.startIndex
        else { return false }
        let ext = last[last.index(after: dot)...].lowercased()
        return !ext.isEmpty && ext != "md" && ext != "html" && ext != "htm"
    }

    /// The content path a relative destination names when no file of the site has it.
    static func missing(_ destination: String, folder: String, context: CheckContext) -> String? {
        guard !destination.containsLiteral("{{"), !destination.hasPrefix("/"), let link = LinkDestination(destination),
            !link.path.isEmpty, !link.isPage, let resolved = Slug.resolve(link.path, inFolder: folder)
        else { return nil }
        let asset = "content/" + resolved
        return context.assets.contains(asset) ? nil : resolved
    }

    static func missingFile(
        _ path: String, image: Bool, at position: SourcePosition, page: CheckedPage, context: CheckContext
    )
        -> Diagnostic
    {
        let l = context.language
        var hint = l.pick(
            "把文件放到 content/\(path)，或改成已有文件的路径（相对于本页所在的文件夹）；否则发布出去的页面上是一张打不开的图或一个死链接。",
            "把檔案放到 content/\(path)，或改成已有檔案的路徑（相對於本頁所在的資料夾）；否則發布出去的頁面上是一張打不開的圖或一個死連結。",
            "Put the file at content/\(path), or point at a file that exists (relative to this page's folder); otherwise the published page shows a broken picture or a dead link."
        )
        let assets = context.assets.filter { $0.hasPrefix("content/") }.map { String($0.dropFirst("content/".count)) }
        if let closest = Suggestion.closest(to: path, in: assets) {
            let contentPath = page.page.source.contentPath
            let folder = contentPath.lastIndex(of: "/").map { String(contentPath[..<$0]) } ?? ""
            let suggestion = LinkRule.relativeLink(from: folder, to: closest)
            hint = l.pick("你是不是想写 `\(suggestion)`？", "你是不是想寫 `\(suggestion)`？", "Did you mean `\(suggestion)`? ") + hint
        }
        return page.diagnostic(
            line: position.line, column: position.column, rule: "page.missing-file",
            message: image
                ? l.pick("图片 `\(path)` 不存在", "圖片 `\(path)` 不存在", "image `\(path)` does not exist")
                : l.pick(
                    "链接指向不存在的文件 `\(path)`", "連結指向不存在的檔案 `\(path)`", "link to a file that does not exist: `\(path)`"),
            hint: hint)
    }

    /// `[text]（path）`, `【text】(path)`, `［text］（path）`: at least one of the four marks is
    /// full-width, and the parentheses hold a path or an address.
    private static let wideLink = try! NSRegularExpression(
        pattern: #"([\[【［])([^\]】］\n]+)([\]】］])\s*([（(])([^）)\s]+)([）)])"#)

    static func syntax(
        in line: Substring, from column: Int, line number: Int, page: CheckedPage, context: CheckContext,
        language l: Language
    ) -> [Diagnostic] {
        guard line.contains("】") || line.contains("］") || line.contains("（") else { return [] }
        var text = String(line)
        // Inline code is written as it is: blank it out, keeping the columns.
        text = blankingCode(text)
        let ns = text as NSString
        var found: [Diagnostic] = []
        func columnOf(_ range: NSRange) -> Int {
            ns.substring(to: range.location).unicodeScalars.count + 1
        }
        for match in wideLink.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let marks = [1, 3, 4, 6].map { ns.substring(with: match.range(at: $0)) }
            let target = ns.substring(with: match.range(at: 5))
            let wide = marks.contains { $0.unicodeScalars.first.map { $0.value > 0x7F } ?? false }
            let pathLike =
                target.contains("/") || target.hasSuffix(".md") || target.containsLiteral(".md#")
                || target.hasPrefix("#")
                || target.hasPrefix("http")
            let at = columnOf(match.range)
            guard wide, pathLike, at >= column else { continue }
            let label = ns.substring(with: match.range(at: 2))
            let written = ns.substring(with: match.range)
            let fixed = "[\(label)](\(target))"
            found.append(
                page.diagnostic(
                    line: number, column: at, rule: "page.link-syntax",
                    message: l.pick(
                        "`\(written)` 用了全角括号，不会变成链接", "`\(written)` 用了全形括號，不會變成連結",
                        "`\(written)` uses full-width brackets, so it is not a link"),
                    hint: l.pick(
                        "改成半角的方括号和圆括号：`\(fixed)`。中文输入法打出的「【】」「（）」是全角的。",
                        "改成半形的方括號和圓括號：`\(fixed)`。中文輸入法打出的「【】」「（）」是全形的。",
                        "Use ASCII brackets and parentheses: `\(fixed)`; a Chinese input method types full-width ones.")
                ))
        }
        return found
    }

    static func blankingCode(_ text: String) -> String {
        guard text.contains("`") else { return text }
        var out = ""
        var inCode = false
        for character in text {
            if character == "`" {
                inCode.toggle()
                out.append(" ")
            } else {
                out.append(inCode ? " " : character)
            }
        }
        return out
    }
}

/// `page.wikilink`: `[[入群流程]]` is a wiki's link, which Markdown prints as it is. The hint gives
/// the Markdown link to the page of that title, file name or path. It reads the page's text (not
/// its tree, which is let go before the rules that read other pages run), outside code.
struct WikilinkRule: OtherPagesRule {
    private static let wikilink = try! NSRegularExpression(pattern: #"\[\[([^\[\]\n|]+)(?:\|([^\[\]\n]+))?\]\]"#)

    func check(_ page: LinkedPage, in context: CheckContext) -> [Diagnostic] {
        let source = page.page.source
        guard source.text.containsLiteral("[[") else { return [] }
        var found: [Diagnostic] = []
        var fence: Substring? = nil
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() where offset >= source.bodyLineOffset {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            guard line.containsLiteral("[["), !line.hasPrefix("    "), !line.hasPrefix("\t") else { continue }
            found += Self.wikilinks(in: line, line: offset + 1, page: page, context: context)
        }
        return found
    }

    static func wikilinks(in line: Substring, line number: Int, page: LinkedPage, context: CheckContext)
        -> [Diagnostic]
    {
        let l = context.language
        let text = LinkSyntaxRule.blankingCode(String(line))
        let ns = text as NSString
        var found: [Diagnostic] = []
        for match in wikilink.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let at = ns.substring(to: match.range.location).unicodeScalars.count + 1
            let target = ns.substring(with: match.range(at: 1)).trimmingCharacters(in: .whitespaces)
            let shown = match.range(at: 2).location != NSNotFound ? ns.substring(with: match.range(at: 2)) : target
            var hint = l.pick(
                "Playbook 不认 wiki 链接，发布出去是原样的 `[[\(target)]]`。写成 Markdown 链接 `[\(shown)](页面路径.md)`。",
                "Playbook 不認 wiki 連結，發布出去是原樣的 `[[\(target)]]`。寫成 Markdown 連結 `[\(shown)](頁面路徑.md)`。",
                "Playbook does not read wiki links; the page would show `[[\(target)]]` as it is. Write a Markdown link `[\(shown)](path-of-the-page.md)`."
            )
            if let path = Self.page(named: target, context: context) {
                let contentPath = page.page.source.contentPath
                let folder = contentPath.lastIndex(of: "/").map { String(contentPath[..<$0]) } ?? ""
                let link = "[\(shown)](\(LinkRule.relativeLink(from: folder, to: path)))"
                hint = l.pick(
                    "改成 Markdown 链接：`\(link)`。Playbook 不认 wiki 链接，发布出去是原样的 `[[\(target)]]`。",
                    "改成 Markdown 連結：`\(link)`。Playbook 不認 wiki 連結，發布出去是原樣的 `[[\(target)]]`。",
                    "Write it as a Markdown link: `\(link)`. Playbook does not read wiki links; the page would show `[[\(target)]]` as it is."
                )
            }
            found.append(
                page.diagnostic(
                    line: number, column: at, rule: "page.wikilink",
                    message: l.pick(
                        "`[[\(target)]]` 是 wiki 链接写法，不会变成链接", "`[[\(target)]]` 是 wiki 連結寫法，不會變成連結",
                        "`[[\(target)]]` is a wiki link, which is not a link here"),
                    hint: hint))
        }
        return found
    }

    /// The content path of the page a wiki link names: by title, by file name, or by path.
    static func page(named name: String, context: CheckContext) -> String? {
        let folded = TermMatcher.fold(name)
        let pages = context.handbook.pages
        if let byTitle = pages.first(where: { TermMatcher.fold($0.title) == folded }) {
            return byTitle.source.contentPath
        }
        for candidate in [name, name + ".md", name + "/index.md"] where context.pagesByContentPath[candidate] != nil {
            return candidate
        }
        return pages.first { page in
            let path = page.source.contentPath
            let stem = path.hasSuffix("/index.md") ? String(path.dropLast(9)) : String(path.dropLast(3))
            return stem.split(separator: "/").last.map(String.init) == name
        }?.source.contentPath
    }

}
