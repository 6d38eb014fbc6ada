import Dispatch
import PlaybookMarkdown
import PlaybookModel
import Testing

/// Issue 11: cmark-gfm's inline pass shares one table of special characters between parsers,
/// so pages parsed on several threads at once lost strikethrough and autolinks at random.
@Suite struct ParallelParsingTests {
    /// A page that uses every GFM extension Playbook turns on, different per index.
    static func page(_ i: Int) -> String {
        """
        # 第\(i)页 Page \(i)

        删除线 ~~旧规则 \(i)~~ 与 ~~old~~，网址 www.example\(i).org 和 https://example.org/\(i)。

        | 步骤 | 负责人 |
        |:---|---:|
        | 欢迎 ~~x~~ | 群主\(i) |

        - [x] 完成 \(i)
        - [ ] 待办 www.todo\(i).cn

        脚注[^n]

        [^n]: 说明 \(i) ~~旧~~

        """
    }

    @Test func parallelParsingGivesTheBytesOfAOneThreadParse() {
        let parser = MarkdownParser()
        let sources = (0..<400).map(Self.page)
        let serial = sources.map { HTMLRenderer().render(parser.parse($0)) }
        #expect(serial.allSatisfy { $0.contains("<del>") && $0.contains("href=\"http://www.example") })
        for _ in 0..<3 {
            var parallel = [String](repeating: "", count: sources.count)
            parallel.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: sources.count) { i in
                    base[i] = HTMLRenderer().render(parser.parse(sources[i]))
                }
            }
            let differing = (0..<sources.count).filter { parallel[$0] != serial[$0] }
            #expect(differing.isEmpty, "pages differing from the one-thread parse: \(differing.prefix(10))")
        }
    }
}
