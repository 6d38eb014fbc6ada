import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import Testing

/// Runs the real PARSE → CHECK stages on in-memory files, so rule tests go through the same
/// front matter splitter, Markdown parser and config loader as `playbook check`.
enum CheckHarness {
    /// Every diagnostic (load, config and rules), sorted.
    static func check(
        _ files: [String: String], config: String? = nil, language: Language? = .en, ruleFiles: [String: String] = [:]
    ) -> [Diagnostic] {
        result(files, config: config, language: language, ruleFiles: ruleFiles).diagnostics
    }

    static func result(
        _ files: [String: String], config: String? = nil, language: Language? = .en, ruleFiles: [String: String] = [:]
    ) -> HarnessResult {
        let site = SiteFiles(
            config: config,
            content: files.sorted { $0.key < $1.key }.map { RawFile(path: $0.key, bytes: Array($0.value.utf8)) })
        let handbook = Pipeline.parse(site)
        let result = Pipeline.check(site, ruleFiles: ruleFiles, language: language)
        return HarnessResult(handbook: handbook, diagnostics: result.diagnostics.sorted(), health: result.health)
    }

    /// (file, line, rule) of every error, the shape fixture cases compare.
    static func errors(_ diagnostics: [Diagnostic]) -> [Finding] {
        diagnostics.filter { $0.severity == .error }.map { Finding($0.file, $0.position.line, $0.rule) }
    }

    static func warnings(_ diagnostics: [Diagnostic]) -> [Finding] {
        diagnostics.filter { $0.severity == .warning }.map { Finding($0.file, $0.position.line, $0.rule) }
    }
}

struct HarnessResult {
    var handbook: Handbook
    var diagnostics: [Diagnostic]
    var health: HealthReport
}

/// Where a finding is and which rule made it.
struct Finding: Hashable, CustomStringConvertible {
    var file: String
    var line: Int
    var rule: String

    init(_ file: String, _ line: Int, _ rule: String) {
        self.file = file
        self.line = line
        self.rule = rule
    }

    var description: String { "\(file):\(line) \(rule)" }
}

/// The three ways a handbook writes its headings; every fixture comes in each.
enum Script: String, CaseIterable, CustomTestStringConvertible {
    case simplified, traditional, english

    var testDescription: String { rawValue }
}

extension String {
    /// The text with `old` replaced by `new`; traps when `old` is absent, so a fixture edit
    /// that no longer applies fails loudly instead of testing nothing.
    func replacing(_ old: String, with new: String) -> String {
        guard let range = range(of: old) else { fatalError("fixture has no \(old.debugDescription)") }
        return replacingCharacters(in: range, with: new)
    }
}
