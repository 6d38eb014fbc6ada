import Foundation
import PlaybookMarkdown
import PlaybookModel
import PlaybookSource
import TestSupport
import Testing

/// Playbook renders every page as libcmark-gfm's own renderer would, plus only what the README
/// documents under "The output" (issue 25). Each example of cmark-gfm's spec, extension and
/// regression suites (`CmarkGFM/`, from the Debian source of the library we link) and each of
/// its pathological inputs goes through Playbook's parser and renderer and through
/// `cmark_render_html`; `Documented.removing` takes out the documented additions, and nothing
/// else may differ.
@Suite struct CmarkConformanceTests {
    struct Example {
        var file: String
        var number: Int
        var line: Int
        var markdown: String
    }

    /// The examples of one file, read as cmark-gfm's `spec_tests.py` reads them: `→` is a tab,
    /// and an example marked `disabled` is left out.
    static func examples(in file: String) throws -> [Example] {
        let url = Golden.folder().appendingPathComponent("CmarkGFM/\(file)")
        let bytes = try Data(contentsOf: url)
        let text = String(decoding: bytes, as: UTF8.self)
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var state = 0
        var markdown = ""
        var start = 0
        var disabled = false
        var lineNumber = 0
        // Split after each LF only, keeping CRs: regression example 1 is about them.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map({ $0 + "\n" }) {
            lineNumber += 1
            let stripped = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if stripped.hasPrefix(fence + " example") {
                state = 1
                disabled = stripped.split(separator: " ").contains("disabled")
                start = lineNumber
                markdown = ""
            } else if stripped == fence {
                if state != 0 && !disabled {
                    examples.append(
                        Example(
                            file: file, number: examples.count + 1, line: start,
                            markdown: markdown.replacingOccurrences(of: "→", with: "\t")))
                }
                state = 0
            } else if stripped == "." && state == 1 {
                state = 2
            } else if state == 1 {
                markdown += line
            }
        }
        return examples
    }

    /// Playbook's HTML for `markdown`, by the path a page takes: `PageParser` gives the tree and
    /// the heading anchors, `HTMLRenderer` the HTML (links left as written, as on a page whose
    /// links name nothing of the handbook).
    static func playbookHTML(_ markdown: String, unsafe: Bool) -> (html: String, limits: [MarkdownLimit]) {
        let page = PageParser().parse(SourceFile(path: "content/example.md", text: markdown, bodyOffset: 0))
        let html = HTMLRenderer(unsafe: unsafe, anchors: page.headings.map(\.anchor)).render(page.document)
        return (html, page.document.limits)
    }

    @Test(arguments: ["spec.txt", "extensions.txt", "regression.txt"])
    func everyExampleRendersAsCmarkGFM(file: String) throws {
        let examples = try Self.examples(in: file)
        #expect(examples.count > 20)
        var failures = 0
        for example in examples {
            for unsafe in [false, true] {
                let expected = MarkdownParser.cmarkHTML(example.markdown, unsafe: unsafe)
                let actual = Documented.removing(Self.playbookHTML(example.markdown, unsafe: unsafe).html)
                guard actual != expected else { continue }
                failures += 1
                if failures <= 12 {
                    Issue.record(
                        """
                        \(file) example \(example.number) (line \(example.line)), \(unsafe ? "unsafe" : "safe"):
                        \(example.markdown.debugDescription)
                        \(Diff.lines(expected: expected, actual: actual))
                        """)
                }
            }
        }
        #expect(failures == 0, "\(failures) renderings of \(examples.count) examples differ from cmark-gfm's")
    }

    /// cmark-gfm's `test/pathological_tests.py`, generated here: each finishes within a loose
    /// bound, with cmark-gfm's HTML or with a located refusal (nesting deeper than
    /// `MarkdownParser.maxDepth`, or a paragraph cmark would read in quadratic time).
    @Test(arguments: Pathological.cases)
    func pathologicalInputFinishesBounded(_ input: Pathological) {
        let clock = ContinuousClock()
        var result: (html: String, limits: [MarkdownLimit]) = ("", [])
        let elapsed = clock.measure { result = Self.playbookHTML(input.markdown, unsafe: false) }
        // Loose on purpose: a debug build on a busy machine; each finishes in about a second.
        #expect(elapsed < .seconds(60), "\(input.name) took \(elapsed)")
        if result.limits.isEmpty {
            let expected = MarkdownParser.cmarkHTML(input.markdown, unsafe: false)
            #expect(Documented.removing(result.html) == expected, "\(input.name) renders unlike cmark-gfm")
        } else {
            #expect(input.mayBeRefused, "\(input.name) was refused")
            #expect(result.limits.allSatisfy { $0.position.line >= 1 && $0.position.column >= 1 })
        }
    }

    @Test func slowBracketsAreRefusedWhereTheyStand() {
        let slow = String(repeating: "![[]()", count: 20_000)
        let (_, limits) = Self.playbookHTML("# T\n\nfine\n\n" + slow + "\n", unsafe: false)
        #expect(limits.map(\.position) == [SourcePosition(line: 5, column: 1)])
        if case .brackets? = limits.first?.reason {} else { Issue.record("expected a bracket limit, got \(limits)") }
    }

    @Test func bracketsInCodeAreNeverRefused() {
        let slow = String(repeating: "![[]()", count: 20_000)
        let fenced = "```\n" + slow + "\n```\n"
        let indented = "para\n\n    " + slow + "\n"
        let span = "`" + slow + "`\n"
        for markdown in [fenced, indented, span] {
            let (html, limits) = Self.playbookHTML(markdown, unsafe: false)
            #expect(limits.isEmpty)
            #expect(Documented.removing(html) == MarkdownParser.cmarkHTML(markdown, unsafe: false))
        }
    }

    @Test func nestedBracketsAreReadAsCmarkReadsThem() {
        let nested = String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000) + "\n"
        let (html, limits) = Self.playbookHTML(nested, unsafe: false)
        #expect(limits.isEmpty)
        #expect(html == MarkdownParser.cmarkHTML(nested, unsafe: false))
    }
}

/// One of cmark-gfm's pathological inputs.
struct Pathological: Sendable, CustomTestStringConvertible {
    var name: String
    var markdown: String
    /// Nesting past `MarkdownParser.maxDepth`: Playbook refuses it at the place it was cut.
    var mayBeRefused = false

    var testDescription: String { name }

    static func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

    static let cases: [Pathological] = [
        Pathological(
            name: "nested strong emph", markdown: repeated("*a **a ", 65000) + "b" + repeated(" a** a*", 65000),
            mayBeRefused: true),
        Pathological(name: "many emph closers with no openers", markdown: repeated("a_ ", 65000)),
        Pathological(name: "many emph openers with no closers", markdown: repeated("_a ", 65000)),
        Pathological(name: "many link closers with no openers", markdown: repeated("a]", 65000)),
        Pathological(name: "many link openers with no closers", markdown: repeated("[a", 65000)),
        Pathological(name: "mismatched openers and closers", markdown: repeated("*a_ ", 50000)),
        Pathological(name: "openers and closers multiple of 3", markdown: "a**b" + repeated("c* ", 50000)),
        Pathological(name: "link openers and emph closers", markdown: repeated("[ a_", 50000)),
        Pathological(name: "pattern [ (]( repeated", markdown: repeated("[ (](", 80000)),
        Pathological(name: "hard link/emph case", markdown: "**x [a*b**c*](d)"),
        Pathological(name: "nested brackets", markdown: repeated("[", 50000) + "a" + repeated("]", 50000)),
        Pathological(name: "nested block quotes", markdown: repeated("> ", 50000) + "a", mayBeRefused: true),
        Pathological(
            name: "deeply nested lists",
            markdown: (0..<1000).map { repeated("  ", $0) + "* a\n" }.joined(), mayBeRefused: true),
        Pathological(name: "U+0000 in input", markdown: "abc\u{0}de\u{0}"),
        Pathological(name: "backticks", markdown: (1..<5000).map { "e" + repeated("`", $0) }.joined()),
        Pathological(name: "unclosed links A", markdown: repeated("[a](<b", 30000)),
        Pathological(name: "unclosed links B", markdown: repeated("[a](b", 30000)),
        Pathological(name: "tables", markdown: repeated("aaa\rbbb\n-\u{0B}\n", 30000)),
        Pathological(name: "reference collisions", markdown: referenceCollisions()),
        Pathological(name: "unclosed images before links", markdown: repeated("![[]()", 80000), mayBeRefused: true),
    ]

    /// 50,000 reference definitions whose labels all fall in one bucket of a 16-slot hash table
    /// (cmark's old reference map), each followed by a use of one of them.
    static func referenceCollisions() -> String {
        func badHash(_ key: String) -> Bool {
            var h: UInt32 = 0
            for scalar in key.unicodeScalars {
                h = scalar.value &+ (h << 6) &+ (h << 16) &- h
            }
            return h % 16 == 0
        }
        var keys: [String] = []
        var i = 0
        while keys.count < 50000 {
            let key = "x\(i)"
            if badHash(key) { keys.append(key) }
            i += 1
        }
        let bad = keys[0]
        return keys.dropFirst().map { "[\($0)]: /url\n\n[\(bad)]\n\n" }.joined()
    }
}

/// The deliberate differences from cmark-gfm's HTML, as the README's "The output" lists them,
/// taken out again so that what remains must be cmark-gfm's HTML byte for byte.
enum Documented {
    static func removing(_ html: String) -> String {
        var html = html
        for (pattern, template) in replacements {
            html = pattern.stringByReplacingMatches(
                in: html, range: NSRange(html.startIndex..., in: html), withTemplate: template)
        }
        return html
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern)
    }

    private static let box = #"<input type="checkbox"( checked="")? /> "#
    private static let replacements: [(NSRegularExpression, String)] = [
        // Heading ids and their anchor links.
        (regex(#"<h([1-6]) id="[^"]*">"#), "<h$1>"),
        (regex(##"<a class="anchor" href="#[^"]*" aria-hidden="true" tabindex="-1">#</a>(</h[1-6]>)"##), "$1"),
        // A web address without a valid host is kept out of `href`.
        (regex(#"<a data-href=""#), "<a href=\""),
        // Images load lazily.
        (regex(#"(<img [^>]*?) loading="lazy" />"#), "$1 />"),
        // Code blocks and tables can be reached by the keyboard; tables scroll in a box.
        (regex(#"<pre tabindex="0">"#), "<pre>"),
        (regex(#"<div class="table-wrap" tabindex="0"><table>"#), "<table>"),
        (regex(#"</table></div>"#), "</table>"),
        // Checklists: classes for the theme, boxes that can be ticked, labelled by the first paragraph.
        (regex(#"<(ul|ol)( start="-?\d+")? class="checklist">"#), "<$1$2>"),
        (regex(#"<li class="task">\n<p><label>"# + box), "<li><input type=\"checkbox\"$1 disabled=\"\" /> \n<p>"),
        (regex(#"<li class="task"><label>"# + box), "<li><input type=\"checkbox\"$1 disabled=\"\" /> "),
        (regex(#"<li class="task">"# + box), "<li><input type=\"checkbox\"$1 disabled=\"\" /> "),
        (regex(#"</label>"#), ""),
    ]
}
