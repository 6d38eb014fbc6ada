import Foundation
import PlaybookModel
import Testing

@testable import PlaybookEditions

// Issue 21: community-operations wording, as each edition writes it, in both directions: the
// corpus in `Corpus/community-phrases.tsv`, converted with the editions' default configurations
// and Playbook's domain phrases.
@Suite struct PhraseCorpusTests {
    struct Row {
        var line: Int
        var simplified: String
        var traditional: String
        var taiwan: String
        /// The Simplified words the Taiwan form reads back as.
        var readBack: String
    }

    static let rows: [Row] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Corpus/community-phrases.tsv")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let forms = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard forms.count == 3 || forms.count == 4 else {
                Issue.record("community-phrases.tsv:\(index + 1): expected 3 or 4 columns, found \(forms.count)")
                return nil
            }
            return Row(
                line: index + 1, simplified: forms[0], traditional: forms[1], taiwan: forms[2],
                readBack: forms.count == 4 ? forms[3] : forms[0])
        }
    }()

    /// Converts every row's `from` with `configuration` and records each row that does not
    /// come out as `to`; returns how many did not.
    @discardableResult
    static func expect(
        _ configuration: ScriptConfiguration, phrases: [EditionPhrase]? = [], from: KeyPath<Row, String>,
        to: KeyPath<Row, String>, recording: Bool = true
    ) throws -> Int {
        let converter =
            try phrases.map { try ScriptConverter.open(configuration, phrases: $0) }
            ?? ScriptConverter.open(configuration)
        let converted = try converter.convert(rows.map { $0[keyPath: from] })
        var wrong = 0
        for (row, text) in zip(rows, converted) where text != row[keyPath: to] {
            wrong += 1
            if recording {
                Issue.record(
                    "community-phrases.tsv:\(row.line): \(configuration.rawValue) gives \(text), expected \(row[keyPath: to])"
                )
            }
        }
        return wrong
    }

    @Test func theCorpusHoldsAtLeast150Phrases() {
        #expect(Self.rows.count >= 150)
        #expect(Set(Self.rows.map(\.simplified)).count == Self.rows.count, "each phrase once")
    }

    @Test func simplifiedBecomesEachTraditionalEdition() throws {
        try Self.expect(.s2t, from: \.simplified, to: \.traditional)
        try Self.expect(.s2twp, from: \.simplified, to: \.taiwan)
    }

    @Test func traditionalReadsBackAsSimplified() throws {
        try Self.expect(.t2s, from: \.traditional, to: \.simplified)
        try Self.expect(.tw2sp, from: \.taiwan, to: \.readBack)
    }

    /// The corpus is worth its keep: OpenCC alone gets many of its phrases wrong.
    @Test func openCCAloneRewritesTheDomainsWords() throws {
        let wrong =
            try Self.expect(.s2twp, phrases: nil, from: \.simplified, to: \.taiwan, recording: false)
            + Self.expect(.tw2sp, phrases: nil, from: \.taiwan, to: \.readBack, recording: false)
        #expect(wrong >= 40)
    }
}
