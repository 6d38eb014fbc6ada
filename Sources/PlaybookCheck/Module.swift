// TEMPORARY placeholder so the pipeline compiles while the checker is written.
// The checker's author replaces this whole file (delete it when RuleSet and Checker exist elsewhere).
import PlaybookModel

public struct RuleSet: Sendable {
    public static let configKeys: Set<String> = []
    public static func referencedFiles(in config: SiteConfig) -> [String] { [] }
    public static func load(config: SiteConfig, files: [String: String]) -> (RuleSet, [Diagnostic]) { (RuleSet(), []) }
    public static let defaults = RuleSet()
}

public struct Checker: Sendable {
    public init(rules: RuleSet, language: Language) {}
    public func check(_ handbook: Handbook) -> [Diagnostic] { [] }
    public func health(_ handbook: Handbook) -> HealthReport { HealthReport() }
}
