import PlaybookModel

/// Converts a parsed page, or a line of interface text, into another script for an edition.
///
/// What a reader reads is converted: the title, headings, body text, link and image text, table
/// cells, the front matter values the theme shows (`shownFields`, and a template's variables'
/// descriptions, defaults and choices), and the tags as the theme shows them (`tagLabels`;
/// a tag's URL is made from the tag as written, so every edition has the same URLs). What a machine reads, or a person wrote
/// on purpose, is never converted: code blocks and inline code, raw HTML, link and image targets,
/// footnote labels, URLs written in the text, `{{placeholders}}`, front matter keys and the other
/// fields, and every name in `keep` (people, brands, places: 拾页 stays 拾页).
///
/// Each block is converted by its own script (`ScriptReading`): a block written in the edition's
/// script stays as it is, a block written in the other script is converted, a block that mixes
/// both follows its page. Link text is a block of its own (it is often the title of the page it
/// links to, written in that page's script). A quotation in another script than the text around it (a block quote
/// in the other script than its page's, 「…」 in the other script than its block's) is kept as
/// its source wrote it, in every edition. So a Simplified page quoting a Traditional source reads
/// Simplified with the quotation as written in the Simplified edition, and Traditional with the
/// same quotation in the Traditional one.
///
/// Heading anchors are not recomputed: each heading keeps the anchor of the script its page was
/// written in, so `#结构` reaches the converted heading 結構 in every edition, and a link written
/// on one page works the same in all of them.
///
/// A page's convertible texts go to OpenCC in one call (see `ScriptConverter.convert(_:)` for
/// why that converts each text as it would alone).
package struct EditionConverter: Sendable {
    package let converter: ScriptConverter
    /// Names never converted, longest first so a longer name wins over a name inside it.
    package let keep: [String]

    /// The front matter fields the theme shows to readers as text; other values stay as written.
    package static let shownFields: Set<String> = [
        "title", "description", "summary", "owner", "platform", "cadence", "trigger",
    ]
    /// The fields of a template's declared variable the catalog shows.
    package static let shownVariableFields: Set<String> = ["description", "default", "choices"]

    package init(converter: ScriptConverter, keep: [String] = []) {
        self.converter = converter
        self.keep = Array(Set(keep.filter { !$0.isEmpty })).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// The script the edition is written in.
    package var script: WrittenScript { converter.configuration.target }
    /// The script the edition converts from.
    var other: WrittenScript { script == .simplified ? .traditional : .simplified }

    /// `page` with everything a reader reads in the edition's script, its body included; its
    /// path, URL, kind and anchors unchanged. `written` is the page's script (`script(of:)` when
    /// not given).
    package func convert(_ page: ParsedPage, writtenIn written: WrittenScript?? = nil) throws -> ParsedPage {
        let pageScript = written ?? Self.script(of: page)
        return try convertingTree(
            ParsedPage(page: convert(page.page, writtenIn: pageScript), document: page.document),
            writtenIn: pageScript)
    }

    /// A page's summary in the edition's script (title, headings, the front matter shown), its
    /// body left to `convertingTree` when it is parsed: what an edition's handbook holds.
    /// `written` is the page's script (`scripts(of:parsing:)`). Texts convert one by one, so the
    /// two parts come out as they would converted together.
    package func convert(_ page: Page, writtenIn written: WrittenScript?) throws -> Page {
        var collected: [String] = []
        _ = rewrite(page, written) { text in
            collected.append(text)
            return text
        }
        let converted = try converter.convert(collected)
        var next = converted.makeIterator()
        return rewrite(page, written) { next.next() ?? $0 }
    }

    /// `page`'s body converted, and nothing else: for a page whose summary was converted
    /// (`convert(_:writtenIn:)`), parsed again when a step reads its body.
    package func convertingTree(_ page: ParsedPage, writtenIn written: WrittenScript?? = nil) throws -> ParsedPage {
        let pageScript = written ?? Self.script(of: page)
        var collected: [String] = []
        _ = rewrite(page.document.root, pageScript, block: pageScript) { text in
            collected.append(text)
            return text
        }
        let converted = try converter.convert(collected)
        var next = converted.makeIterator()
        var page = page
        page.document.root = rewrite(page.document.root, pageScript, block: pageScript) { next.next() ?? $0 }
        return page
    }

    /// How the edition shows each tag of `pages` (`SiteConfig.tagLabels`): each tag a block of
    /// its page, in its page's script (`scripts`, which holds every page of `pages`); a tag
    /// already in the edition's script is left out.
    package func tagLabels(_ pages: [Page], scripts: [String: PageScript]) throws -> [String: String] {
        var tags: [(name: String, page: WrittenScript?)] = []
        var seen: Set<String> = []
        for page in pages {
            let value = page.frontMatter["tags"]
            for name in value?.array?.compactMap(\.string) ?? value?.string.map({ [$0] }) ?? []
            where seen.insert(name).inserted {
                tags.append((name, scripts[page.path]?.written))
            }
        }
        var labels: [String: String] = [:]
        for tag in tags {
            let label = try convert(block: tag.name, writtenIn: tag.page)
            if label != tag.name { labels[tag.name] = label }
        }
        return labels
    }

    /// `text`, one block of a page written in `written`, in the edition's script.
    package func convert(block text: String, writtenIn written: WrittenScript?) throws -> String {
        var collected: [String] = []
        _ = rewrite(block: text, written) { piece in
            collected.append(piece)
            return piece
        }
        let converted = try converter.convert(collected)
        var next = converted.makeIterator()
        return rewrite(block: text, written) { next.next() ?? $0 }
    }

    /// A line of text (a folder title, an interface word, a finding), in the edition's script:
    /// left as it is when written in the edition's script alone, else converted, except what
    /// `keep`, URLs, placeholders and quotations in the edition's script protect.
    package func convert(text: String) throws -> String {
        let written = ScriptReading.pureScript(text, keep: keep)
        guard written != script else { return text }
        let block = written ?? other
        var collected: [String] = []
        _ = rewrite(text: text, block: block) { piece in
            collected.append(piece)
            return piece
        }
        let converted = try converter.convert(collected)
        var next = converted.makeIterator()
        return rewrite(text: text, block: block) { next.next() ?? $0 }
    }

    // MARK: - One traversal, run twice: once to collect the texts, once to put them back.

    private func rewrite(_ page: Page, _ pageScript: WrittenScript?, _ change: (String) -> String) -> Page {
        var page = page
        page.title = rewrite(block: page.title, pageScript, change)
        page.headings = page.headings.map { heading in
            var heading = heading
            heading.text = rewrite(block: heading.text, pageScript, change)
            return heading
        }
        // The body is converted when it is parsed (`convertingTree`).
        var frontMatter = page.source.frontMatter
        frontMatter.entries = frontMatter.entries.map { entry in
            var entry = entry
            if Self.shownFields.contains(entry.key) {
                entry.value = rewrite(entry.value, pageScript, change)
            } else if entry.key == "variables", page.kind == .template {
                entry.value = rewriteVariables(entry.value, pageScript, change)
            }
            return entry
        }
        page.source.frontMatter = frontMatter
        return page
    }

    /// Each string of `value` (a text or a list of them) as a block of its own.
    private func rewrite(_ value: Value, _ pageScript: WrittenScript?, _ change: (String) -> String) -> Value {
        switch value {
        case .string(let s): return .string(rewrite(block: s, pageScript, change))
        case .array(let items): return .array(items.map { rewrite($0, pageScript, change) })
        default: return value
        }
    }

    /// A template's `variables:` (a list of mappings, or a mapping by name) with the fields the
    /// catalog shows converted; names, `required` and the rest as written.
    private func rewriteVariables(_ value: Value, _ pageScript: WrittenScript?, _ change: (String) -> String)
        -> Value
    {
        func fields(_ mapping: Mapping) -> Mapping {
            var mapping = mapping
            mapping.entries = mapping.entries.map { entry in
                guard Self.shownVariableFields.contains(entry.key) else { return entry }
                var entry = entry
                entry.value = rewrite(entry.value, pageScript, change)
                return entry
            }
            return mapping
        }
        switch value {
        case .array(let items):
            return .array(
                items.map { item in
                    if case .mapping(let mapping) = item { return .mapping(fields(mapping)) }
                    return item
                })
        case .mapping(let byName):
            var byName = byName
            byName.entries = byName.entries.map { entry in
                guard case .mapping(let mapping) = entry.value else { return entry }
                var entry = entry
                entry.value = .mapping(fields(mapping))
                return entry
            }
            return .mapping(byName)
        default:
            return value
        }
    }

    /// `text`, a block of its own: converted when its script (`ScriptReading.blockScript`) is
    /// not the edition's.
    private func rewrite(block text: String, _ pageScript: WrittenScript?, _ change: (String) -> String) -> String {
        let written = ScriptReading.blockScript(text, page: pageScript, keep: keep)
        guard written != script else { return text }
        return rewrite(text: text, block: written ?? other, change)
    }

    /// `node` with its text in the edition's script; `block` is the script of the block that
    /// holds it, decided at each paragraph, heading and table cell.
    private func rewrite(
        _ node: MarkdownNode, _ pageScript: WrittenScript?, block: WrittenScript?, _ change: (String) -> String
    ) -> MarkdownNode {
        var node = node
        var block = block
        switch node.kind {
        case .text(let s):
            guard block != script else { return node }
            node.kind = .text(rewrite(text: s, block: block, change))
            return node
        case .code, .codeBlock, .htmlBlock, .htmlInline, .footnoteReference:
            return node
        case .paragraph, .heading, .tableCell:
            var prose = ""
            Self.appendProse(of: node, to: &prose)
            block = ScriptReading.blockScript(prose, page: pageScript, keep: keep) ?? other
        case .blockQuote:
            // A quotation in the other script than its page's stays as its source wrote it.
            if ScriptReading.isQuotation(node.plainText, page: pageScript, keep: keep) { return node }
        case .link(let destination, let title):
            // An autolink shows its own address: it stays as written.
            if node.plainText == destination || "mailto:" + node.plainText == destination { return node }
            // Link text is a block of its own: often the title of the page it links to, in
            // that page's script.
            block = ScriptReading.pureScript(node.plainText, keep: keep) ?? block
            if block == script { return node }
            node.kind = .link(destination: destination, title: rewrite(text: title, block: block, change))
        case .image(let source, let title):
            if block != script { node.kind = .image(source: source, title: rewrite(text: title, block: block, change)) }
        default:
            break
        }
        if !node.children.isEmpty {
            node.children = node.children.map { rewrite($0, pageScript, block: block, change) }
        }
        return node
    }

    /// The text of `node` outside links and code: what tells a block's script.
    static func appendProse(of node: MarkdownNode, to text: inout String) {
        switch node.kind {
        case .text(let s): text += s
        case .softBreak, .lineBreak: text += " "
        case .link, .image, .code, .codeBlock, .htmlBlock, .htmlInline, .footnoteReference: return
        default: for child in node.children { appendProse(of: child, to: &text) }
        }
    }

    /// `text` with each convertible piece passed through `change`, in order.
    private func rewrite(text: String, block: WrittenScript?, _ change: (String) -> String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return text }
        var out = ""
        for piece in pieces(of: text, block: block) {
            out += piece.convert ? change(piece.text) : piece.text
        }
        return out
    }

    /// `text` cut into pieces to convert and pieces that stay: placeholders, URLs, kept names,
    /// and quotations written in another script than `block`, the script of the text around them.
    func pieces(of text: String, block: WrittenScript? = nil) -> [(text: String, convert: Bool)] {
        let scalars = Array(text.unicodeScalars)
        var protected = [Bool](repeating: false, count: scalars.count)
        for quotation in ScriptReading.quotations(in: scalars) {
            guard quotation.count > 2 else { continue }
            let quoted = String(
                String.UnicodeScalarView(scalars[(quotation.lowerBound + 1)..<(quotation.upperBound - 1)]))
            if let written = ScriptReading.pureScript(quoted, keep: keep), written != block {
                for i in quotation { protected[i] = true }
            }
        }
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
