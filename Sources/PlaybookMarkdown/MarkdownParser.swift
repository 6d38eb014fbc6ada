import CCmarkGFM
import Foundation
import PlaybookModel

/// Parses CommonMark + GFM (tables, strikethrough, autolinks, tag filter, task lists, footnotes).
public struct MarkdownParser: Sendable {
    public init() {
        Self.registerExtensions
    }

    /// cmark-gfm keeps a global extension registry; registering once per process is enough and
    /// must happen before any lookup.
    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Held while cmark-gfm parses inlines. The inline parser reads one process-wide table of
    /// "special" characters, and `cmark_parser_finish` adds the extensions' characters (`~` for
    /// strikethrough, `w` and `:` for autolinks) before its inline pass and clears them after it.
    /// Two parsers finishing at once let one clear the table under the other, which then prints
    /// a literal `~~x~~` or an unlinked `www.` address. Block parsing (`cmark_parser_feed`) and
    /// the conversion into Swift values touch no shared state and stay parallel.
    private static let inlinePass = NSLock()

    /// How deep blocks and inlines may nest (a list item in a list counts two). Every later stage
    /// walks the tree recursively, and so do Swift's own equality, hashing and freeing of it, on
    /// worker threads with small stacks; so the tree never gets deeper than this, and a page that
    /// nests deeper is refused there (`MarkdownLimit`). Real pages stay below 30.
    package static let maxDepth = 100

    static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE

    /// cmark-gfm's tree for `utf8`, with Playbook's extensions, handed to `body` with its parser
    /// and freed after it.
    static func withCmarkDocument<Result>(
        _ utf8: [UInt8], options: Int32, _ body: (_ root: OpaquePointer, _ parser: OpaquePointer) -> Result
    ) -> Result? {
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        inlinePass.lock()
        let finished = cmark_parser_finish(parser)
        inlinePass.unlock()
        guard let root = finished else { return nil }
        defer { cmark_node_free(root) }
        return body(root, parser)
    }

    /// libcmark-gfm's own HTML for `markdown`, parsed and rendered with Playbook's extensions
    /// (`unsafe` as in `HTMLRenderer`, tables aligned by style attributes): what the
    /// conformance tests hold `HTMLRenderer` to.
    package static func cmarkHTML(_ markdown: String, unsafe: Bool) -> String {
        _ = MarkdownParser()
        let options = CMARK_OPT_FOOTNOTES | (unsafe ? CMARK_OPT_UNSAFE : 0)
        let html = withCmarkDocument(Array(markdown.utf8), options: options) { root, parser -> String in
            let renderOptions = options | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
            guard let html = cmark_render_html(root, renderOptions, cmark_parser_get_syntax_extensions(parser))
            else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
        return html ?? ""
    }

    /// Reads the `[` of each range as a space, except a footnote definition's `[^`, which
    /// opens a block and so decides what the lines after it are.
    static func mask(_ ranges: [(range: Range<Int>, openers: Int)], in utf8: inout [UInt8]) {
        for (range, _) in ranges {
            for i in range where utf8[i] == UInt8(ascii: "[") {
                if i + 1 < utf8.count, utf8[i + 1] == UInt8(ascii: "^") { continue }
                utf8[i] = UInt8(ascii: " ")
            }
        }
    }

    /// The 0-based lines cmark reads as code blocks or raw HTML blocks: no inline parsing there.
    static func codeLines(_ utf8: [UInt8]) -> Set<Int> {
        withCmarkDocument(utf8, options: options) { root, _ in
            var lines: Set<Int> = []
            guard let iterator = cmark_iter_new(root) else { return lines }
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { continue }
                let start = Int(cmark_node_get_start_line(node))
                let end = max(Int(cmark_node_get_end_line(node)), start)
                if start >= 1 { lines.formUnion((start - 1)..<end) }
            }
            return lines
        } ?? []
    }

    /// Parses `body`; `lineOffset` is the number of file lines before the body (the front matter),
    /// added to every line so positions point into the whole file.
    public func parse(_ body: String, lineOffset: Int = 0) -> MarkdownDocument {
        var utf8 = Array(body.utf8)
        var limits: [MarkdownLimit] = []
        let lines = LineIndex(utf8)
        var slow = BracketGuard.overLimit(utf8)
        if !slow.isEmpty {
            // Only cmark knows which lines are code: ask it, with the slow paragraphs' brackets
            // read as spaces so that this first reading is fast, and count again without them.
            var masked = utf8
            Self.mask(slow, in: &masked)
            slow = BracketGuard.overLimit(utf8, skippedLines: Self.codeLines(masked))
        }
        for (range, openers) in slow {
            let line = lines.line(ofByte: range.lowerBound)
            limits.append(
                MarkdownLimit(.brackets(openers: openers), at: SourcePosition(line: line + lineOffset, column: 1)))
        }
        Self.mask(slow, in: &utf8)
        let converted = Self.withCmarkDocument(utf8, options: Self.options) { root, _ in
            var converter = Converter(lines: lines, lineOffset: lineOffset)
            let tree = converter.convert(root, parentRange: SourceRange(line: lineOffset + 1), depth: 0)
            return (tree, converter.firstCut)
        }
        guard let (tree, cut) = converted else {
            return MarkdownDocument(root: MarkdownNode(.document, range: SourceRange(line: lineOffset + 1)))
        }
        if let cut { limits.append(MarkdownLimit(.nesting(limit: Self.maxDepth), at: cut)) }
        return MarkdownDocument(root: tree, limits: limits.sorted { $0.position < $1.position })
    }
}

/// Byte offsets of line starts, to turn cmark's byte columns into scalar columns.
struct LineIndex {
    let bytes: [UInt8]
    let starts: [Int]
    /// The number of scalars that start before each multiple of `stride` bytes: any column is
    /// then counted from the nearest checkpoint, at most `stride` bytes away, whatever order the
    /// nodes come in (deeply nested emphasis on one long line asks for columns back and forth).
    private let checkpoints: [Int]
    private static let stride = 256

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var checkpoints = [0]
        checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
        var scalars = 0
        // An index loop: a debug build walks `enumerated()` many times slower, and the editor
        // server parses whole pages on every change.
        // Line ends as cmark counts them: LF, CR LF, and a CR alone.
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 10 || (byte == 13 && (i + 1 == bytes.count || bytes[i + 1] != 10)) {
                starts.append(i + 1)
            }
            // Count lead bytes only: continuation bytes are 10xxxxxx.
            if byte & 0xC0 != 0x80 { scalars += 1 }
            i += 1
            if i % Self.stride == 0 { checkpoints.append(scalars) }
        }
        self.starts = starts
        self.checkpoints = checkpoints
    }

    /// The label of a footnote definition `[^label]:`; cmark gives the definition the line of
    /// `[^` and, as its column, the byte after `]:` and the spaces that follow. The definition
    /// opens at the first `[^` of its line (only block quote and list markers come before it),
    /// and its label, which holds no space, tab or line end, runs to that `]:`.
    func footnoteLabel(line: Int, byteColumn: Int) -> String? {
        guard line >= 1, line <= starts.count, byteColumn >= 1 else { return nil }
        let lineStart = starts[line - 1]
        var close = min(lineStart + byteColumn - 1, bytes.count) - 1
        while close > lineStart, bytes[close] == 32 || bytes[close] == 9 { close -= 1 }
        guard close > lineStart, bytes[close] == UInt8(ascii: ":"), bytes[close - 1] == UInt8(ascii: "]") else {
            return nil
        }
        close -= 1
        var open = lineStart
        while open + 1 < close, !(bytes[open] == UInt8(ascii: "[") && bytes[open + 1] == UInt8(ascii: "^")) {
            open += 1
        }
        guard open + 2 < close else { return nil }
        return String(decoding: bytes[(open + 2)..<close], as: UTF8.self)
    }

    /// The 1-based body line that holds byte `offset`.
    func line(ofByte offset: Int) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid } else { high = mid }
        }
        return low + 1
    }

    /// Converts a 1-based byte column on a 1-based body line to a 1-based scalar column.
    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1, line >= 1, line <= starts.count else { return max(byteColumn, 1) }
        let start = starts[line - 1]
        let target = min(start + byteColumn - 1, bytes.count)
        return scalars(before: target) - scalars(before: start) + 1
    }

    /// The number of scalars that start before byte `offset`.
    private func scalars(before offset: Int) -> Int {
        let block = offset / Self.stride
        var count = checkpoints[min(block, checkpoints.count - 1)]
        var i = block * Self.stride
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}

private struct Converter {
    var lines: LineIndex
    let lineOffset: Int
    var footnoteCount = 0
    /// Where the first node deeper than `maxDepth` starts, if any was left out.
    var firstCut: SourcePosition?

    /// Recursion is bounded by `MarkdownParser.maxDepth`: children of a node at that depth are
    /// left out (cmark frees them with the rest of its tree, without recursion).
    mutating func convert(_ node: OpaquePointer, parentRange: SourceRange, depth: Int) -> MarkdownNode {
        let range = self.range(of: node) ?? parentRange
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        if child != nil, depth >= MarkdownParser.maxDepth {
            if firstCut == nil { firstCut = (child.flatMap { self.range(of: $0) } ?? range).start }
            child = nil
        }
        while let current = child {
            children.append(convert(current, parentRange: range, depth: depth + 1))
            child = cmark_node_next(current)
        }
        return MarkdownNode(kind(of: node, childCount: children.count), range: range, children: children)
    }

    mutating func range(of node: OpaquePointer) -> SourceRange? {
        let startLine = Int(cmark_node_get_start_line(node))
        guard startLine > 0 else { return nil }
        let startColumn = Int(cmark_node_get_start_column(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let endColumn = Int(cmark_node_get_end_column(node))
        return SourceRange(
            start: SourcePosition(
                line: startLine + lineOffset, column: lines.scalarColumn(line: startLine, byteColumn: startColumn)),
            end: SourcePosition(
                line: max(endLine, startLine) + lineOffset,
                column: lines.scalarColumn(line: max(endLine, startLine), byteColumn: endColumn)))
    }

    mutating func kind(of node: OpaquePointer, childCount: Int) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM:
            if typeString(node) == "tasklist" {
                return .item(task: cmark_gfm_extensions_get_tasklist_item_checked(node))
            }
            return .item(task: nil)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: literal(node))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal(node))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            // cmark-gfm numbers references ("1", "2", …) by first use, keeps only referenced
            // definitions and moves them to the end in that order: the n-th definition here is
            // footnote n. Its label (which the HTML's ids carry) is not exposed, so it is read
            // from the source at the definition's start, `[^label]:`.
            footnoteCount += 1
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            return .footnoteDefinition(
                label: lines.footnoteLabel(line: line, byteColumn: column) ?? String(footnoteCount))
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(literal(node))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(label: literal(node))
        default:
            switch typeString(node) {
            case "table":
                let count = Int(cmark_gfm_extensions_get_table_columns(node))
                var alignments: [MarkdownNode.Alignment] = []
                if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                    for i in 0..<count {
                        switch raw[i] {
                        case UInt8(ascii: "l"): alignments.append(.left)
                        case UInt8(ascii: "c"): alignments.append(.center)
                        case UInt8(ascii: "r"): alignments.append(.right)
                        default: alignments.append(.none)
                        }
                    }
                }
                return .table(alignments: alignments)
            case "table_header": return .tableRow(header: true)
            case "table_row": return .tableRow(header: false)
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            default: return .paragraph
            }
        }
    }

    func typeString(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    func literal(_ node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
