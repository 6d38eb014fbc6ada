import PlaybookModel

/// Converts a parsed page, or a line of interface text, into another script for an edition.
///
/// What a reader reads is converted: the title, headings, body text, link and image text, table
/// cells, and the front matter values the theme shows (`shownFields`). What a machine reads, or
/// a person wrote on purpose, is never converted: code blocks and inline code, raw HTML, link
/// and image targets, footnote labels, URLs written in the text, `{{placeholders}}`, front matter
/// keys and the other fields, and every name in `keep` (people, brands, places: 拾页 stays 拾页).
///
/// Heading anchors are not recomputed: each heading keeps the anchor of the script its page was
/// written in, so `#结构` reaches the converted heading 結構 in every edition, and a link written
/// on one page works the same in all of them.
///
/// A page's convertible texts go to OpenCC in one call (see `ScriptConverter.convert(_:)` for
/// why that converts each text as it would alone).
public struct EditionConverter: Sendable {
    public let converter: ScriptConverter
    /// Names never converted, longest first so a longer name wins over a name inside it.
    public let keep: [String]

    /// The front matter fields the theme shows to readers; other values stay as written.
    /// `tags` stay too: a tag names its page's URL, and every edition has the same URLs.
    public static let shownFields: Set<String> = [
        "title", "description", "summary", "owner", "platform", "cadence", "trigger",
    ]

    public init(converter: ScriptConverter, keep: [String] = []) {
        self.converter = converter
        self.keep = Array(Set(keep.filter { !$0.isEmpty })).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// `page` with everything a reader reads converted; its path, URL, kind and anchors unchanged.
    public func convert(_ page: Page) throws -> Page {
        var collected: [String] = []
        _ = rewrite(page) { text in
            collected.append(text)
            return text
        }
        let converted = try converter.convert(collected)
        var next = converted.makeIterator()
        return rewrite(page) { next.next() ?? $0 }
    }

    /// `page`'s body converted, and nothing else: for a page whose tree was let go and parsed
    /// again after the rest of it was converted. Texts convert one by one, so the body comes
    /// out as `convert(_:)` converts it with the rest.
    public func convertingTree(_ page: Page) throws -> Page {
        var collected: [String] = []
        _ = rewrite(page.document.root) { text in
            collected.append(text)
            return text
        }
        let converted = try converter.convert(collected)
        var next = converted.makeIterator()
        var page = page
        page.document.root = rewrite(page.document.root) { next.next() ?? $0 }
        return page
    }

    /// A line of text (a folder title, an interface word), converted except what `keep`, URLs
    /// and placeholders protect.
    public func convert(text: String) throws -> String {
        var collected: [String] = []
        _ = rewrite(text: text) { piece in
            collected.append(piece)
            return piece
        }
        let converted = try converter.convert(collected)
        var next = converted.makeIterator()
        return rewrite(text: text) { next.next() ?? $0 }
    }

    // MARK: - One traversal, run twice: once to collect the texts, once to put them back.

    private func rewrite(_ page: Page, _ change: (String) -> String) -> Page {
        var page = page
        page.title = rewrite(text: page.title, change)
        page.headings = page.headings.map { heading in
            var heading = heading
            heading.text = rewrite(text: heading.text, change)
            return heading
        }
        // A page without its tree (`Page.treeReleased`) has its body converted when the tree is
        // restored (`convertingTree`).
        if !page.treeReleased { page.document.root = rewrite(page.document.root, change) }
        var frontMatter = page.source.frontMatter
        frontMatter.entries = frontMatter.entries.map { entry in
            guard Self.shownFields.contains(entry.key) else { return entry }
            var entry = entry
            entry.value = rewrite(entry.value, change)
            return entry
        }
        page.source.frontMatter = frontMatter
        return page
    }

    private func rewrite(_ value: Value, _ change: (String) -> String) -> Value {
        switch value {
        case .string(let s): return .string(rewrite(text: s, change))
        case .array(let items): return .array(items.map { rewrite($0, change) })
        default: return value
        }
    }

    private func rewrite(_ node: MarkdownNode, _ change: (String) -> String) -> MarkdownNode {
        var node = node
        switch node.kind {
        case .text(let s):
            node.kind = .text(rewrite(text: s, change))
            return node
        case .code, .codeBlock, .htmlBlock, .htmlInline, .footnoteReference:
            return node
        case .link(let destination, let title):
            // An autolink shows its own address: it stays as written.
            if node.plainText == destination || "mailto:" + node.plainText == destination { return node }
            node.kind = .link(destination: destination, title: rewrite(text: title, change))
        case .image(let source, let title):
            node.kind = .image(source: source, title: rewrite(text: title, change))
        default:
            break
        }
        if !node.children.isEmpty { node.children = node.children.map { rewrite($0, change) } }
        return node
    }

    /// `text` with each convertible piece passed through `change`, in order.
    private func rewrite(text: String, _ change: (String) -> String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return text }
        var out = ""
        for piece in pieces(of: text) {
            out += piece.convert ? change(piece.text) : piece.text
        }
        return out
    }

    /// `text` cut into pieces to convert and pieces that stay: placeholders, URLs, kept names.
    func pieces(of text: String) -> [(text: String, convert: Bool)] {
        let scalars = Array(text.unicodeScalars)
        var protected = [Bool](repeating: false, count: scalars.count)
        for match in PlaceholderSyntax.scan(scalars) {
            for i in match.start..<match.end { protected[i] = true }
        }
        for range in Self.urlRanges(in: scalars) {
            for i in range { protected[i] = true }
        }
        for name in keep {
            let needle = Array(name.unicodeScalars)
            var i = 0
            while i + needle.count <= scalars.count {
                if !protected[i], scalars[i] == needle[0], Array(scalars[i..<(i + needle.count)]) == needle {
                    for k in i..<(i + needle.count) { protected[k] = true }
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        var result: [(text: String, convert: Bool)] = []
        var start = 0
        while start < scalars.count {
            var end = start
            while end < scalars.count, protected[end] == protected[start] { end += 1 }
            result.append((String(String.UnicodeScalarView(scalars[start..<end])), !protected[start]))
            start = end
        }
        return result
    }

    /// Addresses written in running text (`https://…`, `mailto:…`): from the scheme to the next
    /// space or closing punctuation.
    static func urlRanges(in s: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while i + 2 < s.count {
            let isSchemeEnd = s[i] == ":" && ((s[i + 1] == "/" && s[i + 2] == "/"))
            let isMail = s[i] == ":" && i >= 6 && String(String.UnicodeScalarView(s[(i - 6)..<i])) == "mailto"
            guard isSchemeEnd || isMail else {
                i += 1
                continue
            }
            var start = i
            while start > 0, s[start - 1].isASCII, s[start - 1].properties.isAlphabetic || s[start - 1] == "+" {
                start -= 1
            }
            var end = i + 1
            while end < s.count, !s[end].properties.isWhitespace, !urlStoppers.contains(s[end]) { end += 1 }
            if start < i { ranges.append(start..<end) }
            i = end
        }
        return ranges
    }

    private static let urlStoppers: Set<Unicode.Scalar> = Set("，。；：！？）】」』、“”‘’《》<>\"".unicodeScalars)
}
