import PlaybookModel

/// Renders a `MarkdownDocument` to HTML: what libcmark-gfm's own renderer writes for the same
/// input (`cmark_render_html` with the table, strikethrough, autolink, tag filter, task list and
/// footnote extensions, and its style attributes for table alignment), byte for byte, plus only
/// the additions the README lists under "The output": heading ids and anchors, links rewritten
/// by `resolveLink`, `loading="lazy"` on images, focusable code and table boxes, and
/// interactive checklist markup. `CmarkConformanceTests` holds it to that.
///
/// Raw HTML is replaced by a comment unless `unsafe` is set, as cmark's default safe mode does;
/// even then GFM's tag filter disarms `<script>`, `<iframe>` and the other tags GFM lists.
public struct HTMLRenderer {
    package var unsafe: Bool
    /// Anchors for the document's headings, in document order (see `PageParser`).
    package var anchors: [String]
    package var resolveLink: (String) -> String
    /// Put before every id the page defines (headings, footnotes), so several documents can
    /// share one page (a group's kit) without two elements of one id; `#` links inside the
    /// document get it too.
    package var idPrefix: String
    /// Added to every heading level (at most `h6`), so a document shown under its own title on
    /// another page keeps its headings in order.
    package var headingShift: Int

    public init(
        unsafe: Bool = false, anchors: [String] = [], idPrefix: String = "", headingShift: Int = 0,
        resolveLink: @escaping (String) -> String = { $0 }
    ) {
        self.unsafe = unsafe
        self.anchors = anchors
        self.idPrefix = idPrefix
        self.headingShift = headingShift
        self.resolveLink = resolveLink
    }

    public func render(_ document: MarkdownDocument) -> String {
        var state = State(footnotes: Footnotes(document))
        renderChildren(document.root, tight: false, state: &state)
        if state.footnoteIndex > 0 { state.out += "</ol>\n</section>\n" }
        return state.out
    }

    /// cmark-gfm numbers footnotes by first reference, moves their definitions to the end in
    /// that order and drops the unreferenced ones before Playbook sees the tree: the n-th
    /// definition is footnote n, and a reference's literal is its number. Ids and back-links
    /// need more: each definition's label, how often it is referenced, and which reference (in
    /// source order, as cmark counted them before moving the definitions) each one is.
    struct Footnotes {
        var labels: [String] = []
        var referenceCounts: [Int] = []
        /// Keyed by a reference's source position; 1 for a definition's first reference.
        var referenceIndex: [SourcePosition: Int] = [:]

        init(_ document: MarkdownDocument) {
            for block in document.blocks {
                if case .footnoteDefinition(let label) = block.kind { labels.append(label) }
            }
            guard !labels.isEmpty else { return }
            referenceCounts = Array(repeating: 0, count: labels.count)
            var references: [(position: SourcePosition, number: Int)] = []
            document.root.walk { node in
                if case .footnoteReference(let literal) = node.kind, let number = Int(literal) {
                    references.append((node.range.start, number))
                }
            }
            for reference in references.sorted(by: { $0.position < $1.position }) {
                guard reference.number >= 1, reference.number <= labels.count else { continue }
                referenceCounts[reference.number - 1] += 1
                referenceIndex[reference.position] = referenceCounts[reference.number - 1]
            }
        }
    }

    private struct State {
        var out = ""
        var footnotes: Footnotes
        var headingIndex = 0
        /// Footnote definitions opened so far, and the one whose back-links were written last.
        var footnoteIndex = 0
        var writtenFootnoteIndex = 0
        var inTableHeader = false
        var tableBodyOpen = false

        init(footnotes: Footnotes) {
            self.footnotes = footnotes
            out.reserveCapacity(4096)
        }

        /// cmark's `cmark_html_render_cr`: a newline unless the output is empty or ends in one.
        mutating func cr() {
            if let last = out.utf8.last, last != 10 { out += "\n" }
        }
    }

    private func renderChildren(_ node: MarkdownNode, tight: Bool, state: inout State) {
        let isFootnote = if case .footnoteDefinition = node.kind { true } else { false }
        for (index, child) in node.children.enumerated() {
            renderNode(
                child, lastInFootnote: isFootnote && index == node.children.count - 1, tight: tight, state: &state)
        }
    }

    private func renderNode(_ node: MarkdownNode, lastInFootnote: Bool, tight: Bool, state: inout State) {
        switch node.kind {
        case .document:
            renderChildren(node, tight: false, state: &state)
        case .heading(let written):
            let level = min(written + headingShift, 6)
            let anchor = idPrefix + (state.headingIndex < anchors.count ? anchors[state.headingIndex] : "")
            state.headingIndex += 1
            state.cr()
            guard !anchor.isEmpty else {
                state.out += "<h\(level)>"
                renderChildren(node, tight: false, state: &state)
                state.out += "</h\(level)>\n"
                return
            }
            state.out += "<h\(level) id=\"\(Self.escapeHTML(anchor))\">"
            renderChildren(node, tight: false, state: &state)
            // Out of the tab order and hidden from screen readers: the heading itself is the
            // landmark; the sign is a convenience for copying a link with the mouse.
            state.out +=
                "<a class=\"anchor\" href=\"#\(Slug.encodeFragment(anchor))\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h\(level)>\n"
        case .paragraph:
            if tight {
                renderChildren(node, tight: false, state: &state)
            } else {
                state.cr()
                state.out += "<p>"
                renderChildren(node, tight: false, state: &state)
                // cmark puts the back-links at the end of a definition's last paragraph.
                if lastInFootnote {
                    state.out += " "
                    writeBackLinks(state: &state)
                }
                state.out += "</p>\n"
            }
        case .blockQuote:
            state.cr()
            state.out += "<blockquote>\n"
            renderChildren(node, tight: false, state: &state)
            state.cr()
            state.out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            let hasTasks = node.children.contains { if case .item(task: .some) = $0.kind { true } else { false } }
            state.cr()
            state.out += ordered ? "<ol" : "<ul"
            if ordered && start != 1 { state.out += " start=\"\(start)\"" }
            if hasTasks { state.out += " class=\"checklist\"" }
            state.out += ">\n"
            for item in node.children { renderNode(item, lastInFootnote: false, tight: isTight, state: &state) }
            state.out += ordered ? "</ol>\n" : "</ul>\n"
        case .item(let task):
            state.cr()
            guard let task else {
                state.out += "<li>"
                renderChildren(node, tight: tight, state: &state)
                state.out += "</li>\n"
                return
            }
            // The box is labelled by the item's first paragraph only, so a nested checklist or a
            // detail paragraph below it is not part of the label (and does not tick it).
            let box = "<input type=\"checkbox\"\(task ? " checked=\"\"" : "") /> "
            state.out += "<li class=\"task\">"
            var rest = node.children[...]
            if let first = rest.first, case .paragraph = first.kind {
                rest = rest.dropFirst()
                if tight {
                    state.out += "<label>" + box
                    renderChildren(first, tight: false, state: &state)
                    state.out += "</label>"
                } else {
                    state.cr()
                    state.out += "<p><label>" + box
                    renderChildren(first, tight: false, state: &state)
                    state.out += "</label></p>\n"
                }
            } else {
                state.out += box
            }
            for child in rest { renderNode(child, lastInFootnote: false, tight: tight, state: &state) }
            state.out += "</li>\n"
        case .codeBlock(let info, let literal):
            state.cr()
            // A `<pre>` scrolls sideways on a phone; tabindex lets the keyboard reach and scroll it.
            if info.isEmpty {
                state.out += "<pre tabindex=\"0\"><code>"
            } else {
                let language = info.utf8.prefix { !Self.isSpace($0) }
                state.out += "<pre tabindex=\"0\"><code class=\"language-"
                state.out += Self.escapeHTML(String(decoding: language, as: UTF8.self))
                state.out += "\">"
            }
            state.out += Self.escapeHTML(literal)
            state.out += "</code></pre>\n"
        case .htmlBlock(let literal):
            state.cr()
            state.out += unsafe ? Self.tagFiltered(literal) : "<!-- raw HTML omitted -->"
            state.cr()
        case .thematicBreak:
            state.cr()
            state.out += "<hr />\n"
        case .table(let alignments):
            state.cr()
            // Wide tables scroll inside this box, which the keyboard can reach to scroll it.
            state.out += "<div class=\"table-wrap\" tabindex=\"0\"><table>"
            state.tableBodyOpen = false
            for row in node.children {
                guard case .tableRow(let header) = row.kind else { continue }
                state.cr()
                if header {
                    state.inTableHeader = true
                    state.out += "<thead>"
                    state.cr()
                } else if !state.tableBodyOpen {
                    state.out += "<tbody>"
                    state.cr()
                    state.tableBodyOpen = true
                }
                state.out += "<tr>"
                for (column, cell) in row.children.enumerated() {
                    state.cr()
                    let tag = state.inTableHeader ? "th" : "td"
                    state.out += "<" + tag
                    let alignment = column < alignments.count ? alignments[column] : .none
                    if alignment != .none { state.out += " style=\"text-align: \(alignment.rawValue)\"" }
                    state.out += ">"
                    renderChildren(cell, tight: false, state: &state)
                    state.out += "</" + tag + ">"
                }
                state.cr()
                state.out += "</tr>"
                if header {
                    state.cr()
                    state.out += "</thead>"
                    state.inTableHeader = false
                }
            }
            if state.tableBodyOpen {
                state.cr()
                state.out += "</tbody>"
                state.cr()
            }
            state.tableBodyOpen = false
            state.cr()
            state.out += "</table></div>"
            state.cr()
        case .tableRow, .tableCell:
            renderChildren(node, tight: false, state: &state)
        case .footnoteDefinition(let label):
            if state.footnoteIndex == 0 { state.out += "<section class=\"footnotes\" data-footnotes>\n<ol>\n" }
            state.footnoteIndex += 1
            state.out += "<li id=\"\(Self.escapeHTML(idPrefix))fn-\(Self.escapeHref(label))\">\n"
            renderChildren(node, tight: false, state: &state)
            if writeBackLinks(state: &state) { state.out += "\n" }
            state.out += "</li>\n"
        case .text(let text):
            state.out += Self.escapeHTML(text)
        case .softBreak:
            state.out += "\n"
        case .lineBreak:
            state.out += "<br />\n"
        case .code(let code):
            state.out += "<code>" + Self.escapeHTML(code) + "</code>"
        case .htmlInline(let html):
            if !unsafe {
                state.out += "<!-- raw HTML omitted -->"
            } else if Self.filteredTags.contains(where: { Self.isTag(Array(html.utf8)[...], $0) }) {
                state.out += "&lt;" + String(decoding: html.utf8.dropFirst(), as: UTF8.self)
            } else {
                state.out += html
            }
        case .emphasis:
            state.out += "<em>"
            renderChildren(node, tight: false, state: &state)
            state.out += "</em>"
        case .strong:
            state.out += "<strong>"
            renderChildren(node, tight: false, state: &state)
            state.out += "</strong>"
        case .strikethrough:
            state.out += "<del>"
            renderChildren(node, tight: false, state: &state)
            state.out += "</del>"
        case .link(let destination, let title):
            let href = safeURL(resolveLink(destination))
            // A web address without a valid host (`http://../`) opens nothing, and as an `href`
            // it is not valid HTML: it is kept in `data-href` instead.
            state.out += (Self.lacksValidHost(href) ? "<a data-href=\"" : "<a href=\"") + href + "\""
            if !title.isEmpty { state.out += " title=\"" + Self.escapeHTML(title) + "\"" }
            state.out += ">"
            renderChildren(node, tight: false, state: &state)
            state.out += "</a>"
        case .image(let source, let title):
            state.out += "<img src=\"" + safeURL(resolveLink(source)) + "\" alt=\""
            for child in node.children { Self.appendAlt(child, to: &state.out) }
            state.out += "\""
            if !title.isEmpty { state.out += " title=\"" + Self.escapeHTML(title) + "\"" }
            state.out += " loading=\"lazy\" />"
        case .footnoteReference(let literal):
            let number = Int(literal) ?? 0
            guard number >= 1, number <= state.footnotes.labels.count else {
                state.out += Self.escapeHTML(literal)
                return
            }
            let label = Self.escapeHref(state.footnotes.labels[number - 1])
            let prefix = Self.escapeHTML(idPrefix)
            let index = state.footnotes.referenceIndex[node.range.start] ?? 1
            state.out += "<sup class=\"footnote-ref\"><a href=\"#\(prefix)fn-\(label)\" id=\"\(prefix)fnref-\(label)"
            if index > 1 { state.out += "-\(index)" }
            state.out += "\" data-footnote-ref>\(Self.escapeHref(literal))</a></sup>"
        }
    }

    /// cmark's `S_put_footnote_backref`: once per definition, a back-link to each of its references.
    @discardableResult
    private func writeBackLinks(state: inout State) -> Bool {
        guard state.writtenFootnoteIndex < state.footnoteIndex else { return false }
        state.writtenFootnoteIndex = state.footnoteIndex
        let number = state.footnoteIndex
        guard number <= state.footnotes.labels.count else { return false }
        let target = "#" + Self.escapeHTML(idPrefix) + "fnref-" + Self.escapeHref(state.footnotes.labels[number - 1])
        let attributes = "class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\""
        state.out += "<a href=\"\(target)\" \(attributes)>↩</a>"
        let count = state.footnotes.referenceCounts[number - 1]
        if count > 1 {
            for index in 2...count {
                state.out +=
                    " <a href=\"\(target)-\(index)\" \(attributes)>↩<sup class=\"footnote-ref\">\(index)</sup></a>"
            }
        }
        return true
    }

    /// An image's `alt`: the plain text of its description, as cmark writes it.
    private static func appendAlt(_ node: MarkdownNode, to out: inout String) {
        switch node.kind {
        case .text(let text), .code(let text), .htmlInline(let text): out += escapeHTML(text)
        case .softBreak, .lineBreak: out += " "
        case .footnoteReference: break
        default: for child in node.children { appendAlt(child, to: &out) }
        }
    }

    /// cmark's link and image destinations: script-like schemes dropped unless raw HTML is
    /// allowed (its safe mode), then escaped as cmark's `houdini_escape_href` does.
    private func safeURL(_ url: String) -> String {
        if !unsafe && Self.isDangerous(url) { return "" }
        return Self.escapeHref(url)
    }

    /// True for an address (as written in `href`) with a web scheme (`http`, `https`, `ftp`,
    /// `ws`, `wss`) whose host the URL standard rejects: empty, holding an empty label before
    /// the last (`..`), or a character no host may hold (cmark's `%5B` for `[` among them).
    package static func lacksValidHost(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"),
            ["http", "https", "ftp", "ws", "wss"].contains(url[..<colon].lowercased())
        else { return false }
        var rest = url[url.index(after: colon)...].drop { $0 == "/" || $0 == "\\" }
        rest = rest.prefix { !"/\\?#".contains($0) }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let port = rest.lastIndex(of: ":") { rest = rest[..<port] }
        let host = Slug.decodePercent(String(rest))
        if host.isEmpty { return true }
        if host.unicodeScalars.contains(where: {
            $0.value < 0x21 || $0.value == 0x7F || " #%/:<>?@[\\]^|".unicodeScalars.contains($0)
        }) {
            return true
        }
        return host.split(separator: ".", omittingEmptySubsequences: false).dropLast().contains { $0.isEmpty }
    }

    /// cmark's `_scan_dangerous_url`, case-insensitive on the scheme.
    static func isDangerous(_ url: String) -> Bool {
        let head = String(decoding: url.utf8.prefix(16), as: UTF8.self).lowercased()
        if head.hasPrefix("data:image/png") || head.hasPrefix("data:image/gif") || head.hasPrefix("data:image/jpeg")
            || head.hasPrefix("data:image/webp")
        {
            return false
        }
        return head.hasPrefix("javascript:") || head.hasPrefix("vbscript:") || head.hasPrefix("file:")
            || head.hasPrefix("data:")
    }

    /// cmark's `cmark_isspace`: space, tab, line feed, vertical tab, form feed, carriage return.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }

    /// cmark's text escaping (`houdini_escape_html0`, not secure): `"`, `&`, `<`, `>`.
    static func escapeHTML(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 34 || $0 == 38 || $0 == 60 || $0 == 62 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "&quot;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// cmark's `houdini_escape_href`: letters, digits and `-_.~!#$%()*+,/:;=?@` kept, `&` and
    /// `'` as entities, every other byte (UTF-8 of non-ASCII letters too) as `%XX`. Escapes
    /// already written (`%E4`) are kept, so a rewritten link is not escaped twice.
    static func escapeHref(_ url: String) -> String {
        var out = ""
        out.reserveCapacity(url.utf8.count + 8)
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "&"): out += "&amp;"
            case UInt8(ascii: "'"): out += "&#x27;"
            default:
                if hrefSafePunctuation.contains(byte) {
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    out += "%"
                    out.unicodeScalars.append(hexDigits[Int(byte >> 4)])
                    out.unicodeScalars.append(hexDigits[Int(byte & 0xF)])
                }
            }
        }
        return out
    }

    private static let hrefSafePunctuation = Set("-_.~!#$%()*+,/:;=?@".utf8)
    private static let hexDigits = Array("0123456789ABCDEF".unicodeScalars)

    private static let filteredTags = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ]
    .map { Array($0.utf8) }

    /// GFM's tag filter (`tagfilter.c`): the `<` of these tags, opening or closing, becomes
    /// `&lt;`, so they render as text.
    static func tagFiltered(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for i in bytes.indices {
            if bytes[i] == UInt8(ascii: "<"), filteredTags.contains(where: { isTag(bytes[i...], $0) }) {
                out += Array("&lt;".utf8)
            } else {
                out.append(bytes[i])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `tagfilter.c`'s `is_tag`: `<name` or `</name`, case-insensitive, then a space, `>` or `/>`.
    private static func isTag(_ tag: ArraySlice<UInt8>, _ name: [UInt8]) -> Bool {
        guard tag.count >= 3 else { return false }
        var i = tag.startIndex + 1
        if tag[i] == UInt8(ascii: "/") { i += 1 }
        for letter in name {
            guard i < tag.endIndex else { return false }
            let byte = tag[i]
            let lowered = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if lowered != letter { return false }
            i += 1
        }
        guard i < tag.endIndex else { return false }
        if isSpace(tag[i]) || tag[i] == UInt8(ascii: ">") { return true }
        return tag[i] == UInt8(ascii: "/") && i + 1 < tag.endIndex && tag[i + 1] == UInt8(ascii: ">")
    }
}
