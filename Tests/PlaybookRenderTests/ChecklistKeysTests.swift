import Foundation
import TestSupport
import Testing

@testable import PlaybookRender

/// Checklist keys made in one pass over the page's bytes are the keys of the plain reading: each
/// item's text runs to its first `</li>`, `<ul` or `<ol`.
@Suite struct ChecklistKeysTests {
    /// The plain reading, searched again from every item (what the renderer did before).
    static func plain(_ html: String) -> String {
        let marker = "<li class=\"task\">"
        var out = ""
        var rest = Substring(html)
        var seen: [String: Int] = [:]
        while let range = rest.range(of: marker) {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let end =
                [after.range(of: "</li>"), after.range(of: "<ul"), after.range(of: "<ol")]
                .compactMap { $0?.lowerBound }.min() ?? after.endIndex
            var key = ChecklistKeys.hash(ChecklistKeys.normalized(after[..<end]))
            seen[key, default: 0] += 1
            if let count = seen[key], count > 1 { key += "~\(count)" }
            out += "<li class=\"task\" data-key=\"\(key)\">"
            rest = after
        }
        return out + rest
    }

    @Test func keysAreThoseOfThePlainReading() {
        let pieces = [
            "<li class=\"task\">", "<li class=\"task\">", "</li>", "<ul>", "</ul>", "<ol>", "<li>",
            "<input type=\"checkbox\">",
            " 检查 ", "檢查", "Check", "<code>x</code>", "  ", "\n", "<", ">", "😀", "<u", "</l", "<o",
        ]
        var random = SeededRandom(seed: testSeed("checklist keys"))
        for _ in 0..<500 {
            let html = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            #expect(ChecklistKeys.annotate(html) == Self.plain(html), "\(html)")
        }
    }

    @Test func aLongChecklistIsKeyedItemByItem() {
        let items = (0..<3_000).map { "<li class=\"task\"><input type=\"checkbox\"> 第\($0)步</li>\n" }.joined()
        let html = "<ul>\n" + items + "</ul>\n"
        let keyed = ChecklistKeys.annotate(html)
        #expect(keyed.components(separatedBy: "data-key=").count == 3_001)
        #expect(keyed == Self.plain(html))
    }
}
