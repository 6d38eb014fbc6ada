import Foundation
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

/// The real-wording corpus (issue 22): charters, group rules, onboarding flows and SOPs written
/// the way operators write them, in Simplified, Traditional and English (combined 奖惩 sections,
/// bold labels such as `**会员结构和分工**`, 入群当天 / 當晚 / Upon joining, 「群主在…」 steps), with
/// the findings a careful reader would report kept in `Cases/corpus/expected.txt`. The check's
/// findings are scored against them; `swift test --filter RealWordingCorpusTests` prints the
/// precision and recall.
@Suite struct RealWordingCorpusTests {
    static let folder = Golden.folder().appendingPathComponent("Cases/corpus")

    /// `path:line: severity[rule]`, one finding a line; `#` starts a comment.
    static func findings(_ text: String) -> Set<String> {
        Set(
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    @Test func precisionAndRecallAreAtLeast95Percent() throws {
        let result = try Pipeline.check(siteAt: Self.folder.appendingPathComponent("site"))
        let reported = Set(
            result.diagnostics.map { "\($0.file):\($0.position.line): \($0.severity.rawValue)[\($0.rule)]" })
        let expected = Self.findings(
            try String(contentsOf: Self.folder.appendingPathComponent("expected.txt"), encoding: .utf8))
        let right = reported.intersection(expected).count
        let precision = reported.isEmpty ? 1 : Double(right) / Double(reported.count)
        let recall = expected.isEmpty ? 1 : Double(right) / Double(expected.count)
        let documents = result.handbook.pages.count
        print(
            "real-wording corpus: \(documents) documents, \(expected.count) expected findings, \(reported.count) reported, \(right) right; precision \(String(format: "%.3f", precision)), recall \(String(format: "%.3f", recall))"
        )
        let falseFindings = reported.subtracting(expected).sorted()
        let missed = expected.subtracting(reported).sorted()
        #expect(precision >= 0.95, "false findings:\n\(falseFindings.joined(separator: "\n"))")
        #expect(recall >= 0.95, "missed findings:\n\(missed.joined(separator: "\n"))")
    }
}
