import PlaybookModel

/// Renders a `MarkdownDocument` to HTML.
///
/// Raw HTML is replaced by a comment unless `unsafe` is set; even then GFM's tag filter disarms
/// `<script>`, `<iframe>` and the other tags GFM lists. Link destinations go through `resolveLink`
/// so the render stage can turn `.md` links into page URLs.
public struct HTMLRenderer {
    public var unsafe: Bool
    /// Anchors for the document's headings, in document order (see `PageParser`).
    public var anchors: [String]
    public var resolveLink: (String) -> String
    /// Put before every id the page defines (headings, footnotes), so several documents can
    /// share one page (a group's kit) without two elements of one id; `#` links inside the
    /// document get it too.
    public var idPrefix: String
    /// Added to every heading level (at most `h6`), so a document shown under its own title on
    /// another page keeps its headings in order.
    public var headingShift: Int

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
        var state = State()
        var out = ""
        out.reserveCapacity(4096)
        var definitions: [String: MarkdownNode] = [:]
        for block in document.blocks {
            if case .footnoteDefinition(let label) = block.kind {
                definitions[label] = block
            } else {
                renderBlock(block, tight: false, into: &out, state: &state)
            }
        }
        if !state.footnoteOrder.isEmpty {
            out += "<section class=\"footnotes\">\n<ol>\n"
            for label in state.footnoteOrder {
                let id = idPrefix + Slug.encodeFragment(label)
                out += "<li id=\"fn-\(id)\">\n"
                if let definition = definitions[label] {
                    for child in definition.children { renderBlock(child, tight: false, into: &out, state: &state) }
                }
                out += "<p><a href=\"#fnref-\(id)\" class=\"footnote-backref\" aria-label=\"↩\">↩</a></p>\n</li>\n"
            }
            out += "</ol>\n</section>\n"
        }
        return out
    }

    private struct State {
        var headingIndex = 0
        var footnoteOrder: [String] = []
        var footnoteNumbers: [String: Int] = [:]
    }

    private func renderBlock(_ node: MarkdownNode, tight: Bool, into out: inout String, state: inout State) {
        switch node.kind {
        case .heading(let written):
            let level = min(written + headingShift, 6)
            let anchor = idPrefix + (state.headingIndex < anchors.count ? anchors[state.headingIndex] : "")
            state.headingIndex += 1
            out += "<h\(level) id=\"\(anchor.htmlEscaped)\">"
            renderInlines(node.children, into: &out, state: &state)
            // Out of the tab order and hidden from screen readers: the heading itself is the
            // landmark; the sign is a convenience for copying a link with the mouse.
            out +=
                "<a class=\"anchor\" href=\"#\(Slug.encodeFragment(anchor))\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h\(level)>\n"
        case .paragraph:
            if tight {
                renderInlines(node.children, into: &out, state: &state)
            } else {
                out += "<p>"
                renderInlines(node.children, into: &out, state: &state)
                out += "</p>\n"
            }
        case .blockQuote:
            out += "<blockquote>\n"
            for child in node.children { renderBlock(child, tight: false, into: &out, state: &state) }
            out += "</blockquote>\n"
        case .list(let ordered, let start, let isTight):
            let hasTasks = node.children.contains { if case .item(task: .some) = $0.kind { true } else { false } }
            let tag = ordered ? "ol" : "ul"
            out += "<\(tag)"
            if ordered && start != 1 { out += " start=\"\(start)\"" }
            if hasTasks { out += " class=\"checklist\"" }
            out += ">\n"
            for item in node.children { renderBlock(item, tight: isTight, into: &out, state: &state) }
            out += "</\(tag)>\n"
        case .item(let task):
            out += "<li"
            if let task {
                out += " class=\"task\"><label><input type=\"checkbox\"\(task ? " checked" : "")> "
            } else {
                out += ">"
            }
            for (index, child) in node.children.enumerated() {
                if tight, case .paragraph = child.kind {
                    renderBlock(child, tight: true, into: &out, state: &state)
                    if index + 1 < node.children.count { out += "\n" }
                } else {
                    if index == 0 { out += "\n" }
                    renderBlock(child, tight: false, into: &out, state: &state)
                }
            }
            if task != nil { out += "</label>" }
            out += "</li>\n"
        case .codeBlock(let info, let literal):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            // A `<pre>` scrolls sideways on a phone; tabindex lets the keyboard reach and scroll it.
            out +=
                language.isEmpty
                ? "<pre tabindex=\"0\"><code>" : "<pre tabindex=\"0\"><code class=\"language-\(language.htmlEscaped)\">"
            out += literal.htmlEscaped
            out += "</code></pre>\n"
        case .htmlBlock(let literal):
            out += unsafe ? Self.tagFiltered(literal) : "<!-- raw HTML omitted -->\n"
        case .thematicBreak:
            out += "<hr>\n"
        case .table(let alignments):
            // Wide tables scroll inside this box, which the keyboard can reach to scroll it.
            out += "<div class=\"table-wrap\" tabindex=\"0\"><table>\n"
            var inBody = false
            for row in node.children {
                guard case .tableRow(let header) = row.kind else { continue }
                if header {
                    out += "<thead>\n"
                } else if !inBody {
                    out += "<tbody>\n"
                    inBody = true
                }
                out += "<tr>\n"
                for (column, cell) in row.children.enumerated() {
                    let tag = header ? "th" : "td"
                    let alignment = column < alignments.count ? alignments[column] : .none
                    out += alignment == .none ? "<\(tag)>" : "<\(tag) style=\"text-align: \(alignment.rawValue)\">"
                    renderInlines(cell.children, into: &out, state: &state)
                    out += "</\(tag)>\n"
                }
                out += "</tr>\n"
                if header { out += "</thead>\n" }
            }
            if inBody { out += "</tbody>\n" }
            out += "</table></div>\n"
        case .footnoteDefinition:
            break
        default:
            renderInlines([node], into: &out, state: &state)
        }
    }

    private func renderInlines(_ nodes: [MarkdownNode], into out: inout String, state: inout State) {
        for node in nodes {
            switch node.kind {
            case .text(let text): out += text.htmlEscaped
            case .softBreak: out += "\n"
            case .lineBreak: out += "<br>\n"
            case .code(let code): out += "<code>\(code.htmlEscaped)</code>"
            case .htmlInline(let html): out += unsafe ? Self.tagFiltered(html) : "<!-- raw HTML omitted -->"
            case .emphasis:
                out += "<em>"
                renderInlines(node.children, into: &out, state: &state)
                out += "</em>"
            case .strong:
                out += "<strong>"
                renderInlines(node.children, into: &out, state: &state)
                out += "</strong>"
            case .strikethrough:
                out += "<del>"
                renderInlines(node.children, into: &out, state: &state)
                out += "</del>"
            case .link(let destination, let title):
                out += "<a href=\"\(safeURL(resolveLink(destination)).htmlEscaped)\""
                if !title.isEmpty { out += " title=\"\(title.htmlEscaped)\"" }
                out += ">"
                renderInlines(node.children, into: &out, state: &state)
                out += "</a>"
            case .image(let source, let title):
                out += "<img src=\"\(safeURL(resolveLink(source), image: true).htmlEscaped)\" alt=\""
                var alt = ""
                for child in node.children { child.appendPlainText(to: &alt) }
                out += alt.htmlEscaped
                out += "\""
                if !title.isEmpty { out += " title=\"\(title.htmlEscaped)\"" }
                out += " loading=\"lazy\">"
            case .footnoteReference(let label):
                let number: Int
                if let existing = state.footnoteNumbers[label] {
                    number = existing
                } else {
                    state.footnoteOrder.append(label)
                    number = state.footnoteOrder.count
                    state.footnoteNumbers[label] = number
                }
                let id = idPrefix + Slug.encodeFragment(label)
                out += "<sup class=\"footnote-ref\"><a href=\"#fn-\(id)\" id=\"fnref-\(id)\">\(number)</a></sup>"
            default:
                renderBlock(node, tight: false, into: &out, state: &state)
            }
        }
    }

    /// Blocks script-like URL schemes unless raw HTML is allowed, as cmark's safe mode does.
    private func safeURL(_ url: String, image: Bool = false) -> String {
        if unsafe { return url }
        let lowered = url.prefix(16).lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("file:") {
            return ""
        }
        if lowered.hasPrefix("data:") {
            let allowed = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return image && allowed.contains(where: { url.lowercased().hasPrefix($0) }) ? url : ""
        }
        return url
    }

    /// GFM's tag filter: the opening `<` of these tags becomes `&lt;` so they render as text.
    static func tagFiltered(_ html: String) -> String {
        guard html.contains("<") else { return html }
        let filtered = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
        var out = ""
        var rest = html[...]
        while let lt = rest.firstIndex(of: "<") {
            out += rest[..<lt]
            var after = rest[rest.index(after: lt)...]
            if after.first == "/" { after = after.dropFirst() }
            let name = after.prefix { $0.isLetter }.lowercased()
            let next = after.dropFirst(name.count).first
            if filtered.contains(name), next == nil || next == ">" || next == "/" || next!.isWhitespace {
                out += "&lt;"
            } else {
                out += "<"
            }
            rest = rest[rest.index(after: lt)...]
        }
        out += rest
        return out
    }
}
