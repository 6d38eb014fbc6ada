import Dispatch
import PlaybookModel

/// Checks a parsed handbook against a rule set and reports every finding, in the site's
/// language. Each rule lives in its own file under `Rules/`.
package struct Checker: Sendable {
    package let rules: RuleSet
    package let language: Language
    package let conversions: (any ScriptConversions)?
    /// Which pages the build publishes; `page.unpublished-link` reports links from those to the rest.
    package let publication: Publication

    package init(
        rules: RuleSet, language: Language, conversions: (any ScriptConversions)? = nil,
        publication: Publication = .everything
    ) {
        self.rules = rules
        self.language = language
        self.conversions = conversions
        self.publication = publication
    }

    /// Rules run on every page, in this order: `ownRulesBefore`, `otherPagesRules`,
    /// `ownRulesAfter`; findings at the same place are reported in it. The rules that read only
    /// the page run in the first pass, while its tree is at hand.
    static let ownRulesBefore: [any PageRule] = [
        UnknownKindRule(), TitleRule(), ConflictMarkerRule(), FrontMatterFieldRule(), MissingSectionRule(),
        EmptySectionRule(), SectionPartRule(), TermCoverageRule(), GradedLevelsRule(), StepListRule(),
        StepOrderRule(), StepMentionRule(), AlternativeRule(), ConditionRule(),
    ]
    /// The rules that read other pages: the second pass, once every page is parsed.
    static let otherPagesRules: [any OtherPagesRule] = [LinkRule(), WikilinkRule(), TemplateLineageRule()]
    static let ownRulesAfter: [any PageRule] = [MixedScriptRule(), LinkSyntaxRule()]

    /// The rules that read the whole handbook at once, in report order: `check(_:firstPass:)`
    /// runs them over every page, `check(pageAt:in:own:)` over the pages one page's findings can
    /// come from.
    static let siteRules: [any SiteRule] = [DuplicateURLRule(), CollidingURLRule(), TemplateVariableRule()]

    /// What the rules that read only the page found in it, on each side of the rules that read
    /// other pages (`ownRulesBefore`, `ownRulesAfter`).
    package struct OwnFindings: Sendable {
        /// Found by the rules before the ones that read other pages, and after them (report order).
        package var before: [Diagnostic] = []
        package var after: [Diagnostic] = []

        /// None: a page no rule has read yet finds nothing of its own.
        package init() {}

        /// Findings kept from an earlier run (the engine's cache).
        package init(before: [Diagnostic], after: [Diagnostic]) {
            self.before = before
            self.after = after
        }
    }

    /// The first pass, run on each page as soon as it is parsed: the rules that read only the
    /// page and its tree. They need no other page, so the tree can be let go right after.
    ///
    /// A handbook repeats its findings' words (the same missing section in a hundred SOPs, the
    /// same stray characters on many pages), so equal messages and hints share one storage for
    /// the rest of the run.
    package struct FirstPass: Sendable {
        let checker: Checker
        let context: CheckContext
        let texts = TextInterner()

        package func findings(_ page: ParsedPage) -> OwnFindings {
            let checked = context.checkedPage(page)
            var own = OwnFindings()
            for rule in Checker.ownRulesBefore where rule.applies(to: checked) {
                own.before += rule.check(checked, in: context)
            }
            for rule in Checker.ownRulesAfter where rule.applies(to: checked) {
                own.after += rule.check(checked, in: context)
            }
            own.before = checker.applyLevels(own.before, kind: checked.kind).map(texts.sharing)
            own.after = checker.applyLevels(own.after, kind: checked.kind).map(texts.sharing)
            return own
        }
    }

    /// `assets`: the site's files under `content/` that are not pages, for links to files.
    package func firstPass(config: SiteConfig, assets: [String] = []) -> FirstPass {
        FirstPass(
            checker: self,
            context: CheckContext(
                handbook: Handbook(config: config, pages: [], assets: assets), rules: rules, language: language,
                conversions: conversions, publication: publication))
    }

    /// Content diagnostics for the whole handbook, sorted (does not repeat load diagnostics, the
    /// pipeline merges those): each page's first pass, then the second.
    package func check(_ pages: [ParsedPage], config: SiteConfig, assets: [String] = []) -> [Diagnostic] {
        let pass = firstPass(config: config, assets: assets)
        var own = [OwnFindings](repeating: OwnFindings(), count: pages.count)
        own.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: pages.count) { i in base[i] = pass.findings(pages[i]) }
        }
        return check(Handbook(config: config, pages: pages.map(\.page), assets: assets), firstPass: own)
    }

    /// The second pass, once every page is parsed: the rules that read other pages (links and
    /// their anchors, template versions), which need the pages' links and headings but not their
    /// trees, then the handbook-wide rules; merged with the first pass's `own` findings (one per
    /// page, in order) into the findings `check(_:config:assets:)` gives.
    package func check(_ handbook: Handbook, firstPass own: [OwnFindings]) -> [Diagnostic] {
        precondition(own.count == handbook.pages.count, "one first-pass result per page")
        let context = CheckContext(
            handbook: handbook, rules: rules, language: language, conversions: conversions, publication: publication)
        let pages = handbook.pages
        var perPage = [[Diagnostic]](repeating: [], count: pages.count)
        perPage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: pages.count) { i in
                base[i] = findings(of: context.linkedPage(pages[i]), own: own[i], in: context)
            }
        }
        // Pages are in path order, so their sorted findings joined are sorted by (file, place),
        // as long as each page's findings are in its own file.
        var found: [Diagnostic] = []
        found.reserveCapacity(perPage.reduce(0) { $0 + $1.count })
        var ordered = true
        for i in pages.indices {
            if i > 0, !(pages[i - 1].path < pages[i].path) { ordered = false }
            if ordered, perPage[i].contains(where: { $0.file != pages[i].path }) { ordered = false }
            found += perPage[i]
        }
        let site = siteFindings(context, near: nil)
        if !site.isEmpty || !ordered {
            found += site
            found.sort { ($0.file, $0.position) < ($1.file, $1.position) }
        }
        return found
    }

    /// A page's findings from the rules that read a page: its first pass's `own`, and the rules
    /// that read other pages run now, by place only, and stably: findings at one spot keep the
    /// order the rules found them in, which follows the kind's outline (structure before output
    /// before operations).
    func findings(of page: LinkedPage, own: OwnFindings, in context: CheckContext) -> [Diagnostic] {
        var cross: [Diagnostic] = []
        for rule in Self.otherPagesRules where rule.applies(to: page) { cross += rule.check(page, in: context) }
        var all = own.before + applyLevels(cross, kind: page.kind) + own.after
        all.sort { $0.position < $1.position }
        return all
    }

    /// The site-wide rules' findings (`siteRules`), at the levels the rule set asks for: over
    /// the whole handbook, or only those that may land in the page `near` names.
    func siteFindings(_ context: CheckContext, near: NearPage?) -> [Diagnostic] {
        Self.siteRules.flatMap { rule in
            rule.check(context, near: near).flatMap { applyLevels([$0], kind: rule.levelledAs) }
        }
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
