/// Playbook's own Markdown tree. The parser fills it from cmark-gfm; checks and the HTML
/// renderer read it. Positions count from the start of the file, front matter included.
public struct MarkdownNode: Hashable, Sendable {
    package enum Alignment: String, Hashable, Sendable { case none, left, center, right }

    package enum Kind: Hashable, Sendable {
        case document
        case heading(level: Int)
        case paragraph
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        /// `task` is nil for a plain item, true/false for a checked/unchecked task item.
        case item(task: Bool?)
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case thematicBreak
        case table(alignments: [Alignment])
        case tableRow(header: Bool)
        case tableCell
        case footnoteDefinition(label: String)
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        case emphasis
        case strong
        case strikethrough
        case link(destination: String, title: String)
        case image(source: String, title: String)
        case footnoteReference(label: String)
    }

    package var kind: Kind
    package var children: [MarkdownNode]
    package var range: SourceRange

    package init(_ kind: Kind, range: SourceRange, children: [MarkdownNode] = []) {
        self.kind = kind
        self.range = range
        self.children = children
    }

    package var isBlock: Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong, .strikethrough, .link, .image,
            .footnoteReference:
            return false
        default:
            return true
        }
    }

    /// The plain text of this node and its descendants, with breaks as spaces.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    package func appendPlainText(to out: inout String) {
        switch kind {
        case .text(let s), .code(let s): out += s
        case .softBreak, .lineBreak: out += " "
        case .codeBlock(_, let literal): out += literal
        default:
            for (index, child) in children.enumerated() {
                if index > 0, child.isBlock { out += "\n" }
                child.appendPlainText(to: &out)
            }
        }
    }

    /// Calls `visit` for this node and every descendant, in document order.
    package func walk(_ visit: (MarkdownNode) -> Void) {
        visit(self)
        for child in children { child.walk(visit) }
    }

    package var headingLevel: Int? {
        if case .heading(let level) = kind { return level }
        return nil
    }
}

/// A place where the parser refused to follow the input as written, so that no later stage
/// meets a tree it cannot walk or a paragraph the C parser would take minutes on. The page is
/// refused with an error there (see `PageParser`); the tree holds what was read around it.
package struct MarkdownLimit: Hashable, Sendable {
    package enum Reason: Hashable, Sendable {
        /// Blocks and inlines nest deeper than `limit`; what lies deeper was left out.
        case nesting(limit: Int)
        /// A paragraph holds `openers` unclosed `[` / `![` that links after them would each
        /// walk over; its brackets were read as plain text.
        case brackets(openers: Int)
    }

    package var reason: Reason
    package var position: SourcePosition

    package init(_ reason: Reason, at position: SourcePosition) {
        self.reason = reason
        self.position = position
    }
}

/// A parsed page body.
public struct MarkdownDocument: Hashable, Sendable {
    package var root: MarkdownNode
    /// Where the parser stopped following the input, in document order; empty for real pages.
    package var limits: [MarkdownLimit]

    package init(root: MarkdownNode, limits: [MarkdownLimit] = []) {
        self.root = root
        self.limits = limits
    }

    package var blocks: [MarkdownNode] { root.children }

    /// Every heading in document order, at any depth of nesting (block quotes, list items).
    public var headings: [MarkdownNode] {
        var result: [MarkdownNode] = []
        root.walk { if $0.headingLevel != nil { result.append($0) } }
        return result
    }
}
