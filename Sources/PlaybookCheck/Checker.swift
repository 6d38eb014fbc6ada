import Dispatch
import PlaybookModel

/// Checks a parsed handbook against a rule set and reports every finding, in the site's
/// language. Each rule lives in its own file under `Rules/`.
public struct Checker: Sendable {
    public let rules: RuleSet
    public let language: Language
    public let conversions: (any ScriptConversions)?
    /// Which pages the build publishes; `page.unpublished-link` reports links from those to the rest.
    public let publication: Publication

    public init(
        rules: RuleSet, language: Language, conversions: (any ScriptConversions)? = nil,
        publication: Publication = .everything
    ) {
        self.rules = rules
        self.language = language
        self.conversions = conversions
        self.publication = publication
    }

    /// Rules run on every page, in this order; findings at the same place are reported in it.
    static let pageRules: [any PageRule] = [
        UnknownKindRule(), TitleRule(), ConflictMarkerRule(), FrontMatterFieldRule(), MissingSectionRule(),
        EmptySectionRule(), SectionPartRule(), TermCoverageRule(), GradedLevelsRule(), StepListRule(),
        StepOrderRule(), StepMentionRule(), AlternativeRule(), ConditionRule(), LinkRule(), TemplateLineageRule(),
        MixedScriptRule(),
    ]

    /// Content diagnostics for the whole handbook, sorted (does not repeat load diagnostics, the pipeline merges those).
    public func check(_ handbook: Handbook) -> [Diagnostic] {
        let context = CheckContext(
            handbook: handbook, rules: rules, language: language, conversions: conversions, publication: publication)
        let pages = handbook.pages
        var perPage = [[Diagnostic]](repeating: [], count: pages.count)
        perPage.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: pages.count) { i in
                base[i] = diagnostics(for: context.checkedPage(pages[i]), in: context)
            }
        }
        var found = perPage.flatMap { $0 }
        found += DuplicateURLRule().check(context).flatMap { applyLevels([$0], kind: nil) }
        found += CollidingURLRule().check(context).flatMap { applyLevels([$0], kind: nil) }
        found += TemplateVariableRule().check(context).flatMap { applyLevels([$0], kind: "template") }
        // By place only, and stably: findings at one spot keep the order the rules found them
        // in, which follows the kind's outline (structure before output before operations).
        return found.sorted { ($0.file, $0.position) < ($1.file, $1.position) }
    }

    /// Every page rule's findings for one page, at the levels the rule set asks for.
    func diagnostics(for page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for rule in Self.pageRules { found += rule.check(page, in: context) }
        return applyLevels(found, kind: page.kind)
    }

    /// Gives each finding the severity the rule set asks for, dropping the ones turned off.
    func applyLevels(_ found: [Diagnostic], kind: String?) -> [Diagnostic] {
        found.compactMap { diagnostic in
            guard
                let severity = rules.level(
                    of: diagnostic.rule, kind: kind, path: diagnostic.file, reported: diagnostic.severity)
            else { return nil }
            var d = diagnostic
            d.severity = severity
            return d
        }
    }
}
