import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookReplication

/// A lineage file read line by line (`Lineage.parseAsWritten`, what a network of thousands of
/// cloned groups needs on every check) gives what the YAML reader gives, for every file Playbook
/// writes and for hand edits; what it cannot read it leaves to the YAML reader.
@Suite struct LineageReadingTests {
    /// Text a group's answers may hold: quotes, backslashes, colons, hashes, both scripts.
    static let pieces = [
        "杭州", "臺北", "Hangzhou", "\"引号\"", "back\\slash", "a: b", "# not a comment", "  spaced  ", "", "tab\there",
        "'single'", "{braces}", "[list]", "&anchor", "*alias", "!tag", "%", "@", "`", "yes", "null", "123", "1e5",
        "😀", "\\\"", "end\\",
    ]

    static func random(_ random: inout SeededRandom) -> Lineage {
        func text() -> String {
            (0..<Int.random(in: 1...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        func hash() -> String {
            String((0..<64).map { _ in "0123456789abcdef".randomElement(using: &random)! })
        }
        let keys = ["city", "city_en", "owner", "platform", "meetup-day", "Slot2"]
        var lineage = Lineage(
            template: text(), version: text(), hash: hash(),
            answers: keys.shuffled(using: &random).prefix(Int.random(in: 0...keys.count, using: &random)).map {
                ($0, text())
            },
            files: Dictionary(
                (0..<Int.random(in: 0...4, using: &random)).map { ("\(text())\($0).md", hash()) },
                uniquingKeysWith: { a, _ in a }))
        if Bool.random(using: &random) { lineage.renamed = ["\(text()).md": "\(text()).md"] }
        return lineage
    }

    @Test func everyLineagePlaybookWritesReadsAsTheYAMLReaderReadsIt() {
        var random = SeededRandom(seed: testSeed("lineage files"))
        var fast = 0
        for _ in 0..<400 {
            let lineage = Self.random(&random)
            let text = lineage.yaml
            let yaml = Lineage.parseAsYAML(text)
            #expect(yaml == lineage, "\(text)")
            if let read = Lineage.parseAsWritten(text) {
                fast += 1
                #expect(read == yaml, "\(text)")
            }
            #expect(Lineage.parse(text) == yaml)
        }
        // Most files never reach the YAML reader.
        #expect(fast > 300)
    }

    @Test func handEditsGoToTheYAMLReader() {
        let written = Lineage(
            template: "city-chapter", version: "1.0", hash: String(repeating: "ab", count: 32),
            answers: [("city", "杭州")], files: ["rules.md": String(repeating: "cd", count: 32)]
        ).yaml
        let edits = [
            written.replacingOccurrences(of: "template: \"city-chapter\"", with: "template: city-chapter"),
            written.replacingOccurrences(of: "  city: \"杭州\"", with: "  city: 杭州  # the city"),
            written.replacingOccurrences(of: "answers:\n", with: "answers: {city: 杭州}\n"),
            written + "extra: 1\n",
            written.replacingOccurrences(of: "hash: ", with: "hash:   "),
            written.replacingOccurrences(of: "\"杭州\"", with: "'杭州'"),
        ]
        for text in edits {
            #expect(Lineage.parseAsWritten(text) == nil, "\(text)")
            #expect(Lineage.parse(text) == Lineage.parseAsYAML(text), "\(text)")
        }
        // A hash of digits alone is a number to YAML: left to it.
        let digits = written.replacingOccurrences(
            of: "hash: " + String(repeating: "ab", count: 32), with: "hash: " + String(repeating: "12", count: 32))
        #expect(Lineage.parseAsWritten(digits) == nil)
        #expect(Lineage.parse(digits) == Lineage.parseAsYAML(digits))
    }

    @Test func theSampleHandbooksLineagesReadTheSameBothWays() throws {
        let content = Repository.root().appendingPathComponent("content")
        let paths = FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String } ?? []
        let lineages = paths.filter { $0.hasSuffix("/" + Lineage.fileName) }
        #expect(!lineages.isEmpty)
        for path in lineages {
            let text = try String(contentsOf: content.appendingPathComponent(path), encoding: .utf8)
            #expect(Lineage.parseAsWritten(text) != nil, "\(path)")
            #expect(Lineage.parseAsWritten(text) == Lineage.parseAsYAML(text), "\(path)")
        }
    }
}
