import PlaybookModel

extension Checker {
    /// The site-wide facts for checking one page at a time, as an editor needs: the
    /// handbook-wide facts the rules read (pages by path, anchors, templates) are gathered
    /// once, and replacing a page's text updates them in place instead of gathering them again.
    package struct SiteFacts: Sendable {
        var context: CheckContext
        /// Page indices, in order, by URL lower-cased: the pages whose URL may collide with a
        /// page's, so re-checking one page does not compare every URL of the handbook.
        private(set) var foldedURLs: [String: [Int]]

        init(context: CheckContext) {
            self.context = context
            foldedURLs = Self.foldedURLs(context.handbook.pages)
        }

        static func foldedURLs(_ pages: [Page]) -> [String: [Int]] {
            var byURL: [String: [Int]] = [:]
            for (index, page) in pages.enumerated() { byURL[page.url.lowercased(), default: []].append(index) }
            return byURL
        }

        package var handbook: Handbook { context.handbook }

        /// The index of the page at the site-relative `path`, if the handbook has one.
        package func index(of path: String) -> Int? {
            guard path.hasPrefix("content/") else { return nil }
            return context.pagesByContentPath[String(path.dropFirst("content/".count))]
        }

        /// Puts `page` in: a page already there (by path) is replaced in constant time; a new
        /// page is added, which gathers the facts again. Pages stay sorted by path.
        package mutating func replace(_ page: Page) {
            if let index = index(of: page.path) {
                let old = context.handbook.pages[index].url.lowercased()
                let new = page.url.lowercased()
                context.handbook.pages[index] = page
                context.anchors[index] = Set(page.headings.map(\.anchor))
                if old != new {
                    foldedURLs[old]?.removeAll { $0 == index }
                    if foldedURLs[old]?.isEmpty == true { foldedURLs[old] = nil }
                    var indices = foldedURLs[new] ?? []
                    indices.insert(index, at: indices.firstIndex { $0 > index } ?? indices.endIndex)
                    foldedURLs[new] = indices
                }
                return
            }
            var handbook = context.handbook
            context.handbook.pages = []
            let at = handbook.pages.firstIndex { $0.path > page.path } ?? handbook.pages.count
            handbook.pages.insert(page, at: at)
            context = CheckContext(
                handbook: handbook, rules: context.rules, language: context.language,
                conversions: context.conversions, publication: context.publication)
            foldedURLs = Self.foldedURLs(context.handbook.pages)
        }

        /// Takes the page at `path` out, if there is one.
        package mutating func remove(_ path: String) {
            guard let index = index(of: path) else { return }
            var handbook = context.handbook
            context.handbook.pages = []
            handbook.pages.remove(at: index)
            context = CheckContext(
                handbook: handbook, rules: context.rules, language: context.language,
                conversions: context.conversions, publication: context.publication)
            foldedURLs = Self.foldedURLs(context.handbook.pages)
        }
    }

    package func prepare(_ handbook: Handbook) -> SiteFacts {
        SiteFacts(
            context: CheckContext(
                handbook: handbook, rules: rules, language: language, conversions: conversions,
                publication: publication))
    }

    /// The findings for the page at `path`, the same, in the same order, as `check(_:firstPass:)`
    /// reports for that file: `own` is what the first pass found while the page was parsed
    /// (`FirstPass.findings`); the rules that read other pages, which need only its links and
    /// headings, run now, then the handbook-wide rules' findings that land in it (a URL it shares
    /// with an earlier file; for a template's pages, the template's variables).
    package func check(pageAt path: String, in prepared: SiteFacts, own: OwnFindings) -> [Diagnostic] {
        guard let index = prepared.index(of: path) else { return [] }
        let context = prepared.context
        let page = context.handbook.pages[index]
        var found = findings(of: context.linkedPage(page), own: own, in: context)
        let folding = (prepared.foldedURLs[page.url.lowercased()] ?? []).map { context.handbook.pages[$0] }
        found += siteFindings(context, near: NearPage(page: page, folding: folding))
        return found.filter { $0.file == path }.sorted { ($0.file, $0.position) < ($1.file, $1.position) }
    }

    /// The required sections `page` lacks, in the kind's order, with where each would go.
    package func missingSections(of page: ParsedPage) -> [MissingSection] {
        let context = CheckContext(
            handbook: Handbook(config: SiteConfig(), pages: []), rules: rules, language: language,
            conversions: conversions)
        let checked = context.checkedPage(page)
        guard let schema = checked.schema else { return [] }
        let level = checked.sectionLevel
        return schema.sections.filter { $0.required && checked.section($0) == nil }.map { spec in
            let rename = checked.rename(for: spec, language: language)
            switch checked.placement(for: spec) {
            case .before(let next):
                return MissingSection(section: spec, beforeLine: next.line, level: level, rename: rename)
            case .after(_, let line):
                return MissingSection(section: spec, beforeLine: line, level: level, rename: rename)
            case .end: return MissingSection(section: spec, beforeLine: nil, level: level, rename: rename)
            }
        }
    }

    /// The kind's section a heading with this text stands for, found by the section's aliases
    /// as the checker finds it; nil when it names none, or the page's kind is unknown.
    package func section(forHeading text: String, kind: String) -> SectionSpec? {
        rules.kinds[kind]?.sections.first { TermMatcher.matches(text, aliases: $0.aliases) }
    }
}

/// A required section a page lacks, and where the checker says it belongs.
package struct MissingSection: Hashable, Sendable {
    package var section: SectionSpec
    /// The section goes right before this line; nil when it goes at the end of the page.
    package var beforeLine: Int?
    /// The heading level the page's other sections use.
    package var level: Int
    /// A heading close to the section, to rename instead of adding one.
    package var rename: HeadingRename? = nil
}
