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

    /// Rules run on every page, in this order; findings at the same place are reported in it.
    static let pageRules: [any PageRule] = [
        UnknownKindRule(), TitleRule(), ConflictMarkerRule(), FrontMatterFieldRule(), MissingSectionRule(),
        EmptySectionRule(), SectionPartRule(), TermCoverageRule(), GradedLevelsRule(), StepListRule(),
        StepOrderRule(), StepMentionRule(), AlternativeRule(), ConditionRule(), LinkRule(), WikilinkRule(),
        TemplateLineageRule(), MixedScriptRule(), LinkSyntaxRule(),
    ]

    /// Where the rules that read other pages sit in `pageRules`: one run of them, so a page's
    /// findings are its own rules' before them, theirs, then its own rules' after them.
    static let otherPagesRules: Range<Int> = {
        let at = pageRules.indices.filter { pageRules[$0].readsOtherPages }
        precondition(at.isEmpty || at.last! - at.first! + 1 == at.count, "rules reading other pages must be adjacent")
        return at.isEmpty ? pageRules.endIndex..<pageRules.endIndex : at.first!..<(at.last! + 1)
    }()

    /// What the rules that read only the page found in it, on each side of the rules that read
    /// other pages (see `otherPagesRules`).
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

        package func findings(_ page: Page) -> OwnFindings {
            let checked = context.checkedPage(page)
            let rules = Checker.pageRules
            let cross = Checker.otherPagesRules
            var own = OwnFindings()
            for rule in rules[..<cross.lowerBound] where rule.applies(to: checked) {
                own.before += rule.check(checked, in: context)
            }
            for rule in rules[cross.upperBound...] where rule.applies(to: checked) {
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

    /// Content diagnostics for the whole handbook, sorted (does not repeat load diagnostics, the pipeline merges those).
    package func check(_ handbook: Handbook) -> [Diagnostic] {
        let pass = firstPass(config: handbook.config, assets: handbook.assets)
        let pages = handbook.pages
        var own = [OwnFindings](repeating: OwnFindings(), count: pages.count)
        own.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: pages.count) { i in base[i] = pass.findings(pages[i]) }
        }
        return check(handbook, firstPass: own)
    }

    /// The second pass, once every page is parsed: the rules that read other pages (links and
    /// their anchors, template versions), which need the pages' links and headings but not their
    /// trees, then the handbook-wide rules; merged with the first pass's `own` findings (one per
    /// page, in order) into the findings `check(_:)` gives.
    package func check(_ handbook: Handbook, firstPass own: [OwnFindings]) -> [Diagnostic] {
        precondition(own.count == handbook.pages.count, "one first-pass result per page")
        let context = CheckContext(
            handbook: handbook, rules: rules, language: language, conversions: conversions, publication: publication)
        let pages = handbook.pages
        let cross = Self.pageRules[Self.otherPagesRules]
        var perPage = [[Diagnostic]](repeating: [], count: pages.count)
        perPage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: pages.count) { i in
                let checked = context.linkedPage(pages[i])
                var found: [Diagnostic] = []
                for rule in cross where rule.applies(to: checked) { found += rule.check(checked, in: context) }
                // A page's findings, by place only, and stably: findings at one spot keep the
                // order the rules found them in, which follows the kind's outline (structure
                // before output before operations).
                var all = own[i].before + applyLevels(found, kind: checked.kind) + own[i].after
                all.sort { $0.position < $1.position }
                base[i] = all
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
        var site = DuplicateURLRule().check(context).flatMap { applyLevels([$0], kind: nil) }
        site += CollidingURLRule().check(context).flatMap { applyLevels([$0], kind: nil) }
        site += TemplateVariableRule().check(context).flatMap { applyLevels([$0], kind: "template") }
        if !site.isEmpty || !ordered {
            found += site
            found.sort { ($0.file, $0.position) < ($1.file, $1.position) }
        }
        return found
    }

    /// Every page rule's findings for one page, at the levels the rule set asks for.
    func diagnostics(for page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for rule in Self.pageRules where rule.applies(to: page) { found += rule.check(page, in: context) }
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
