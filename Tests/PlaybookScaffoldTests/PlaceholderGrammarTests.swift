import Foundation
import PlaybookModel
import PlaybookReplication
import PlaybookScaffold
import PlaybookSource
import TestSupport
import Testing

/// One grammar of placeholders (`Placeholder.all(in:)`, PlaybookModel) serves the checker, which
/// reports undeclared names and unknown filters, and the cloner, which fills them in
/// (`Placeholders.render`). What the one finds the other must replace, on every input, or a
/// template that checks clean clones wrong.
@Suite struct PlaceholderGrammarTests {
    static let inputs = [
        "{{city}}", "{{ city_en | slug }}", "{{city | title}}", "{{city-name}}", "{{城市}}", "{{{city}}}",
        "{{a\n}}", "{{a}b}}", "x {{ a | lower | slug }} y {{b}}", "{{city|}}", "{{ | slug}}", "{{_x9}}", "{{9x}}",
        "{{ city\t|\ttrim }}", "前缀{{城市}}{{city}}后缀", "{{city}}}}", "{{{{city}}", "}}{{city", "{{city | title case}}",
        "{{CITY|UPPER}}", "a\r\n{{x}}\r\n", "🙂🙂{{x | slgu}}", "{{ owner | upper }}{{owner|lower|slug|trim}}",
        "title: \"{{city}}分会\"\n\n## 同好\n{{city}}的读书人 {{ city_en | lower | slug }}\n", "{{", "}}", "{ {x} }",
        "{{x}} {{y | title}} {{z|lower}}\n{{w | }}",
    ]

    /// Rendering with an answer for every name found replaces exactly the placeholders found
    /// with known filters, leaves the others as written, and reports no name as unanswered.
    static func renderAgreesWithScan(_ input: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = Placeholder.all(in: input)
        // "7" survives every filter and occurs in no input.
        let answers = Dictionary(found.map { ($0.name, "7") }, uniquingKeysWith: { a, _ in a })
        let rendered = Placeholders.render(input, answers: answers)
        let replaced = found.filter(\.unknownFilters.isEmpty).count
        #expect(
            rendered.text.filter { $0 == "7" }.count - input.filter { $0 == "7" }.count == replaced,
            "input: \(input.debugDescription)", sourceLocation: sourceLocation)
        #expect(rendered.unknown == [], sourceLocation: sourceLocation)
        #expect(
            Placeholder.all(in: rendered.text).map(\.text) == found.filter { !$0.unknownFilters.isEmpty }.map(\.text),
            "input: \(input.debugDescription)", sourceLocation: sourceLocation)
        // Without answers nothing changes and every name is reported.
        let untouched = Placeholders.render(input, answers: [:])
        #expect(untouched.text == input, sourceLocation: sourceLocation)
        #expect(untouched.unknown == found.map(\.name), sourceLocation: sourceLocation)
    }

    @Test(arguments: inputs) func renderReplacesWhatScanFinds(_ input: String) {
        Self.renderAgreesWithScan(input)
    }

    @Test func renderReplacesWhatScanFindsOnRandomText() {
        var generator = SplitMix(seed: 20_250_628)
        let alphabet: [String] = [
            "{", "{{", "}", "}}", "|", " ", "\t", "a", "Z", "_", "-", "1", "\n", "城", "slug", "title", "🙂",
        ]
        for _ in 0..<3000 {
            let length = Int(generator.next() % 16)
            let input = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            Self.renderAgreesWithScan(input)
        }
    }

    @Test func renderReplacesWhatScanFindsInTheSampleTemplate() throws {
        let files = try SiteReader(root: Repository.root()).read()
        let documents = files.content.filter { $0.path.hasPrefix("content/templates/") }
        #expect(!documents.isEmpty)
        for file in documents {
            Self.renderAgreesWithScan(String(decoding: file.bytes, as: UTF8.self))
        }
    }

    @Test func theGrammar() {
        let found = Placeholder.all(in: "{{ city_en | lower | slug }} {{city | title}} {{city-name}} {{城市}} {{{x}}")
        #expect(found.map(\.text) == ["{{ city_en | lower | slug }}", "{{city | title}}", "{{x}}"])
        #expect(found.map(\.column) == [1, 30, 69])
        #expect(found[0].filters == ["lower", "slug"] && found[0].unknownFilters == [])
        #expect(found[1].unknownFilters == ["title"])
        #expect(Placeholders.filters == PlaceholderSyntax.filters)
    }

    @Test func renderLeavesAPlaceholderWithAnUnknownFilterAlone() {
        let rendered = Placeholders.render(
            "{{city | title}} {{ city_en | lower | slug }}\n{{city}}", answers: ["city": "苏州", "city_en": "Su Zhou"])
        #expect(rendered.text == "{{city | title}} su-zhou\n苏州")
        #expect(rendered.unknown == [])
    }

    @Test func cloningRefusesAnUnknownFilterNamingFileAndLine() throws {
        let site = try ReplicationTests.site(extra: [
            "content/templates/city/files/rules.md": "---\nkind: page\ntitle: 群规\n---\n\n{{city | title}}群规\n",
            "content/templates/city/files/{{code | camel}}.md": "---\nkind: page\ntitle: x\n---\n{{code}}\n",
        ])
        defer { site.remove() }
        var refused: ScaffoldRefusal?
        do {
            _ = try Replicator.planClone(
                site: try SiteReader(root: site.root).read(), template: "city", slug: "suzhou",
                answers: ReplicationTests.answers)
        } catch let refusal as ScaffoldRefusal {
            refused = refusal
        }
        let problems = try #require(refused).problems
        #expect(
            problems == [
                .unknownFilter(
                    file: "content/templates/city/files/rules.md", line: 6, column: 1, placeholder: "{{city | title}}",
                    filters: ["title"]),
                .unknownFilter(
                    file: "content/templates/city/files/{{code | camel}}.md", line: nil, column: nil,
                    placeholder: "{{code | camel}}", filters: ["camel"]),
                .templateHasUnknownFilters("city"),
            ])
        #expect(
            problems[0].message(.en)
                == "content/templates/city/files/rules.md:6:1: placeholder `{{city | title}}` uses the unknown filter `title`; the filters are slug, lower, upper, trim"
        )
        #expect(
            problems[1].message(.en)
                == "content/templates/city/files/{{code | camel}}.md: in the file's path, placeholder `{{code | camel}}` uses the unknown filter `camel`; the filters are slug, lower, upper, trim"
        )
        #expect(problems[2].message(.zhHans).contains("什么都没有写"))
        #expect(!site.exists("content/groups"))
        #expect(!site.exists(".playbook"))
    }
}

/// A small deterministic generator, so a failing random input is reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
