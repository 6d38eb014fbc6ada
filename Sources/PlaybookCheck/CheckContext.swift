import PlaybookModel

/// A rule that reads one page, its tree included: it runs while the page is parsed (the
/// checker's first pass), before the tree is let go.
protocol PageRule: Sendable {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic]
    /// True for a rule whose findings rest on front matter fields (present, absent, their
    /// values): it is not run on a page whose front matter could not be read, where every
    /// field would look absent.
    var readsFrontMatter: Bool { get }
}

/// A rule that reads a page's summary and other pages' (their headings, their front matter),
/// never a tree: it runs once every page is parsed, when no page holds its tree any more.
protocol OtherPagesRule: Sendable {
    func check(_ page: LinkedPage, in context: CheckContext) -> [Diagnostic]
    /// As `PageRule.readsFrontMatter`.
    var readsFrontMatter: Bool { get }
}

/// A rule that reads the whole handbook at once (every URL, a template's pages together); the
/// checker lists them once (`Checker.siteRules`).
protocol SiteRule: Sendable {
    /// The kind its findings are levelled as (nil: none).
    var levelledAs: String? { get }
    /// The findings over every page; with `near`, at least those that may land in its page.
    func check(_ context: CheckContext, near: NearPage?) -> [Diagnostic]
}

/// One page a site-wide rule is asked about, and the pages whose URLs fold as its URL does
/// (lower-cased), in path order: all a URL rule compares it with.
struct NearPage {
    let page: Page
    let folding: [Page]
}

extension PageRule {
    var readsFrontMatter: Bool { false }

    /// Whether the rule has anything to go on in `page`.
    func applies(to page: CheckedPage) -> Bool {
        !(readsFrontMatter && page.page.source.frontMatterUnreadable)
    }
}

extension OtherPagesRule {
    var readsFrontMatter: Bool { false }

    /// Whether the rule has anything to go on in `page`.
    func applies(to page: LinkedPage) -> Bool {
        !(readsFrontMatter && page.page.source.frontMatterUnreadable)
    }
}

/// What a rule knows of the page it checks, whether or not it reads the tree.
protocol RulePage {
    var page: Page { get }
    /// The kind the page is checked as (a template's documents without a kind are plain pages).
    var kind: String { get }
}

extension RulePage {
    var path: String { page.path }

    /// The front matter line where a missing field would go: the closing fence, or line 1.
    var frontMatterEndLine: Int {
        page.source.bodyLineOffset > 0 ? page.source.bodyLineOffset : 1
    }

    /// True for `content/templates/<name>/index.md`, the template's declaration page.
    var isTemplateIndex: Bool {
        page.templateName != nil && page.source.contentPath == "templates/\(page.templateName!)/index.md"
    }

    func diagnostic(
        line: Int, column: Int = 1, severity: Severity = .error, rule: String, message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(file: path, line: line, column: column, severity: severity, rule: rule, message: message, hint: hint)
    }
}

/// A page as the rules that read other pages see it: its summary (links, headings, front
/// matter), never its tree or outline.
struct LinkedPage: RulePage {
    let page: Page
    let kind: String
}

/// One parsed page with what every rule of the page needs: its tree, its schema (nil for an
/// unknown kind) and its outline.
struct CheckedPage: RulePage {
    let parsed: ParsedPage
    let kind: String
    let schema: KindSchema?
    let outline: Outline
    /// The section each of the schema's sections matched (by id, with the aliases it was
    /// matched by), looked up once since most rules ask for them again.
    let matched: [String: (aliases: [String], section: Outline.Section?)]

    init(parsed: ParsedPage, kind: String, schema: KindSchema?) {
        self.parsed = parsed
        self.kind = kind
        self.schema = schema
        let outline = Outline(page: parsed)
        self.outline = outline
        var matched: [String: (aliases: [String], section: Outline.Section?)] = [:]
        for spec in schema?.sections ?? [] where matched[spec.id] == nil {
            matched[spec.id] = (spec.aliases, outline.section(matching: spec.aliases))
        }
        // A heading that names two sections at once (`## 奖惩机制`, `## Rewards and penalties`)
        // counts for each only when its text shows that section's matter.
        for spec in schema?.sections ?? [] where !spec.evidence.isEmpty {
            guard let section = matched[spec.id]?.section,
                matched.contains(where: { $0.key != spec.id && $0.value.section?.index == section.index })
            else { continue }
            let text = outline.foldedText(of: section)
            if !spec.evidence.contains(where: { TermMatcher.contains(text, term: $0) }) {
                matched[spec.id] = (spec.aliases, nil)
            }
        }
        self.matched = matched
    }

    /// The page's summary.
    var page: Page { parsed.page }

    /// The page as the rules that read other pages see it.
    var linked: LinkedPage { LinkedPage(page: parsed.page, kind: kind) }
}

/// Handbook-wide facts the rules share: pages by path, anchors, declared templates.
struct CheckContext {
    var handbook: Handbook
    let rules: RuleSet
    let language: Language
    /// Phrase-level conversions, when the pipeline has OpenCC to offer them.
    let conversions: (any ScriptConversions)?
    /// Which pages the build publishes, for links from published pages to left-out ones.
    let publication: Publication
    /// Page index by content path (`groups/hangzhou/index.md`).
    let pagesByContentPath: [String: Int]
    var anchors: [Set<String>]
    /// Template index page by template name.
    let templates: [String: Int]
    let assets: Set<String>

    init(
        handbook: Handbook, rules: RuleSet, language: Language, conversions: (any ScriptConversions)? = nil,
        publication: Publication = .everything
    ) {
        self.conversions = conversions
        self.handbook = handbook
        self.rules = rules
        self.language = language
        self.publication = publication
        var byPath: [String: Int] = [:]
        var templates: [String: Int] = [:]
        for (i, page) in handbook.pages.enumerated() {
            byPath[page.source.contentPath] = i
            if let name = page.templateName, page.source.contentPath == "templates/\(name)/index.md" {
                templates[name] = i
            }
        }
        pagesByContentPath = byPath
        self.templates = templates
        anchors = handbook.pages.map { Set($0.headings.map(\.anchor)) }
        assets = Set(handbook.assets)
    }

    /// The kind a page is checked as.
    func kind(of page: Page) -> String {
        if page.kind == .template, let name = page.templateName, page.source.contentPath != "templates/\(name)/index.md"
        {
            return Kind.page.rawValue
        }
        return page.kind.rawValue
    }

    func checkedPage(_ parsed: ParsedPage) -> CheckedPage {
        let kind = kind(of: parsed.page)
        return CheckedPage(parsed: parsed, kind: kind, schema: rules.kinds[kind])
    }

    /// The page as the rules that read other pages see it: its summary.
    func linkedPage(_ page: Page) -> LinkedPage {
        LinkedPage(page: page, kind: kind(of: page))
    }
}

/// Reads texts phrase by phrase, the way the script editions are converted, for rules that must
/// judge characters in context (`page.mixed-script`). The pipeline passes OpenCC's; the checker
/// itself has no door to it.
package protocol ScriptConversions: Sendable {
    /// For each text, those of its `offsets` (in Unicode scalars) whose character every
    /// configuration towards `script` (Taiwan's, Hong Kong's and OpenCC's standard forms) changes
    /// when it converts the whole text: 乾 in 乾坤 stays, so it is not returned.
    func changed(in texts: [String], at offsets: [[Int]], into script: WrittenScript) -> [[Int]]
}
