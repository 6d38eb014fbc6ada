import PlaybookModel
import Testing

@testable import PlaybookSource

// Issue 11: YAML alias expansion is bounded, in front matter and in config files alike.
@Suite struct YAMLExpansionTests {
    /// Nine levels of ten aliases each: 10^9 values from about 350 bytes.
    static let laughs =
        "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
        + zip("abcdefgh", "bcdefghi").map { previous, name in
            "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
        }.joined()

    @Test func billionLaughsAreRefusedAtTheKeyThatExpandedThem() throws {
        guard case .failure(let failure) = YAMLReader.parse(Self.laughs) else {
            Issue.record("the expansion was not refused")
            return
        }
        // a to d expand to about 12,000 values together; e alone to 111,111, past the bound.
        #expect(failure.line == 5)
        #expect(failure.message == "the aliases (`*name`) here expand to more than 100000 values")
        #expect(failure.hint?.contains("aliases of aliases") == true)
    }

    @Test func aliasesNestingPastTheDepthBoundAreRefused() {
        // Each level wraps the one before in a list: depth grows by one per line.
        var text = "l0: &l0 x\n"
        for i in 1...120 { text += "l\(i): &l\(i) [*l\(i - 1)]\n" }
        guard case .failure(let failure) = YAMLReader.parse(text) else {
            Issue.record("the depth was not refused")
            return
        }
        #expect(failure.message.contains("nest more than 100 levels"))
    }

    @Test func ordinaryAliasesStillWork() throws {
        let value = try YAMLReader.parse("base: &base {owner: 林晓}\ncopy: *base\n").get()
        #expect(value.mapping?["copy"]?.mapping?["owner"] == .string("林晓"))
    }

    @Test func frontMatterLaughsAreOneFindingWithTheExpansionHint() {
        let source = FrontMatterSplitter(language: .en).split(
            path: "content/a.md", bytes: Array(("---\n" + Self.laughs + "---\n# A\n").utf8))
        #expect(source.diagnostics.map(\.rule) == ["frontmatter.yaml"])
        #expect(source.diagnostics.first?.position.line == 6)
        #expect(source.diagnostics.first?.hint?.contains("aliases of aliases") == true)
        // Issue 22: and in Chinese for a Chinese site.
        let chinese = FrontMatterSplitter(language: .zhHans).split(
            path: "content/a.md", bytes: Array(("---\n" + Self.laughs + "---\n# A\n").utf8))
        #expect(chinese.diagnostics.first?.hint?.contains("别名的别名") == true)
    }
}
