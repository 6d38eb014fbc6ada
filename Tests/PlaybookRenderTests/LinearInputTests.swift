import Foundation
import PlaybookMarkdown
import PlaybookModel
import PlaybookRender
import PlaybookSource
import TestSupport
import Testing

/// The two paths that were quadratic in a page's size, each timed alone at two sizes (issue 26):
/// a page's search record (which once copied a section's whole text for every paragraph) and the
/// column mapping of the parser (which once counted from the line's start for every node of a
/// long line). A time is never asserted: the larger input may cost at most a loose multiple of
/// the size ratio, far below the ratio's square that a quadratic path costs.
@Suite(.serialized) struct LinearInputTests {
    static func seconds(_ work: () -> Void) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        work()
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func page(_ text: String) -> ParsedPage {
        PageParser().parse(FrontMatterSplitter().split(path: "content/long.md", text: text))
    }

    /// One section of `kilobytes` KB of paragraphs.
    static func longSection(kilobytes: Int) -> String {
        let paragraph = String(repeating: "群主每天早上发早报，晚上做总结，新人入群先读群规。", count: 8) + "\n\n"
        return "---\ntitle: 长页\n---\n# 长页\n\n## 一节\n\n"
            + String(repeating: paragraph, count: kilobytes * 1024 / paragraph.utf8.count)
    }

    @Test func aPagesSearchRecordIsLinearInItsLongestSection() async throws {
        let (small, large) = try await offThePool { () -> (Double, Double) in
            let small = Self.page(Self.longSection(kilobytes: 1024))
            let large = Self.page(Self.longSection(kilobytes: 8192))
            return (
                Self.seconds { _ = SearchDocument(small) }, Self.seconds { _ = SearchDocument(large) }
            )
        }
        print("search record of one section: 1 MB in \(small) s, 8 MB in \(large) s (\(large / small)× for 8×)")
        #expect(large < small * 24, "8× the size cost \(large / small)× the time")
    }

    @Test func columnsOfALongLineOfNestedEmphasisAreLinear() async throws {
        let (small, large) = try await offThePool { () -> (Double, Double) in
            let small = String(repeating: "*a* ", count: 125_000)
            let large = String(repeating: "*a* ", count: 500_000)
            return (
                Self.seconds { _ = MarkdownParser().parse(small) }, Self.seconds { _ = MarkdownParser().parse(large) }
            )
        }
        print("a line of nested emphasis: 0.5 MB parsed in \(small) s, 2 MB in \(large) s (\(large / small)× for 4×)")
        #expect(large < small * 10, "4× the size cost \(large / small)× the time")
    }
}
