import Foundation
import PlaybookModel

/// A readable dump of a Markdown tree with positions, for golden tests of the parser.
enum TreeDump {
    static func dump(_ node: MarkdownNode, depth: Int = 0) -> String {
        let r = node.range
        var line = String(repeating: "  ", count: depth)
        line += "\(describe(node.kind)) @\(r.start.line):\(r.start.column)-\(r.end.line):\(r.end.column)\n"
        return line + node.children.map { dump($0, depth: depth + 1) }.joined()
    }

    static func describe(_ kind: MarkdownNode.Kind) -> String {
        switch kind {
        case .text(let s): return "text \(quote(s))"
        case .code(let s): return "code \(quote(s))"
        case .htmlInline(let s): return "htmlInline \(quote(s))"
        case .htmlBlock(let s): return "htmlBlock \(quote(s))"
        case .codeBlock(let info, let literal): return "codeBlock info=\(quote(info)) \(quote(literal))"
        case .link(let d, let t): return "link \(quote(d)) title=\(quote(t))"
        case .image(let s, let t): return "image \(quote(s)) title=\(quote(t))"
        default: return "\(kind)"
        }
    }

    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
