import PlaybookModel

/// A rule that looks at one page at a time.
protocol PageRule: Sendable {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic]
    /// True for a rule that reads other pages (their headings, their front matter) but not
    /// the page's tree: it runs once every page is parsed, when most trees are let go.
    var readsOtherPages: Bool { get }
    /// True for a rule whose findings rest on front matter fields (present, absent, their
    /// values): it is not run on a page whose front matter could not be read, where every
    /// field would look absent.
    var readsFrontMatter: Bool { get }
}

extension PageRule {
    var readsOtherPages: Bool { false }
    var readsFrontMatter: Bool { false }

    /// Whether the rule has anything to go on in `page`.
    func applies(to page: CheckedPage) -> Bool {
        !(readsFrontMatter && page.page.source.frontMatterUnreadable)
    }
}

/// One page with what every rule needs: its schema (nil for an unknown kind) and its outline.
struct CheckedPage {
    let page: Page
    /// The kind the page is checked as (a template's documents without a kind are plain pages).
    let kind: String
    let schema: KindSchema?
    let outline: Outline
    /// The section each of the schema's sections matched (by id, with the aliases it was
    /// matched by), looked up once since most rules ask for them again.
    let matched: [String: (aliases: [String], section: Outline.Section?)]

    init(page: Page, kind: String, schema: KindSchema?, outline: Outline) {
        self.page = page
        self.kind = kind
        self.schema = schema
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

    func checkedPage(_ page: Page) -> CheckedPage {
        let kind = kind(of: page)
        return CheckedPage(page: page, kind: kind, schema: rules.kinds[kind], outline: Outline(page: page))
    }

    /// The page as the rules that read other pages see it: they read its links and front
    /// matter, never its tree or outline, so the outline is left empty.
    func linkedPage(_ page: Page) -> CheckedPage {
        let kind = kind(of: page)
        return CheckedPage(page: page, kind: kind, schema: nil, outline: .empty)
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
