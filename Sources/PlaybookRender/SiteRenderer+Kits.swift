import PlaybookMarkdown
import PlaybookModel

extension SiteRenderer {
    /// What a kit needs of one of its documents, kept from the document's own page render: all
    /// it reads of the document's tree, so a kit is drawn from summaries and these.
    struct KitPart {
        /// The body as the page shows it, links relative to the page's URL.
        var body: String
        var bodyHasTitle: Bool
        /// The language the document is written in (`CrossLinks.language`).
        var language: Language

        init(_ page: ParsedPage, body: String, site: Language) {
            self.body = body
            bodyHasTitle = page.document.blocks.first?.headingLevel == 1
            language = CrossLinks.language(of: page, site: site)
        }
    }

    /// Which kits each page is part of, and how many documents each kit waits for, so that a
    /// kit is rendered in the batch that renders its last document, from the bodies those
    /// batches kept.
    struct KitPlan {
        /// Charter → its kit's documents (the charter first), each once.
        var members: [Int: [Int]] = [:]
        /// Page → the charters of the kits it is in.
        var kitsOfPage: [Int: [Int]] = [:]

        init(prepared: Context) {
            for (charter, documents) in prepared.context.links.groupDocuments where documents.kitURL != nil {
                var seen: Set<Int> = []
                let list = ([charter] + documents.all).filter { seen.insert($0).inserted }
                members[charter] = list
                for page in list { kitsOfPage[page, default: []].append(charter) }
            }
        }
    }

    /// One printable page per group, at `<group url>kit/`: the charter, rules, onboarding flows
    /// and SOPs in that order, each under its own title, for a meeting or to save as PDF.
    /// Rendered from each document's body (`parts`), never from its tree again.
    func renderKit(charter: Int, parts: [Int: KitPart], prepared: Context) -> OutputFile? {
        let context = prepared.context
        guard let documents = context.links.groupDocuments[charter], let url = documents.kitURL,
            let charterPart = parts[charter]
        else { return nil }
        let map = prepared.map
        let group = map.pages[charter]
        let title = context.displayTitle(group)
        let base = context.base(
            url: url, title: "\(title) · \(context.words["kit"] ?? "Kit")",
            description: CrossLinks.summary(group),
            language: charterPart.language)
        var sections: [KitSectionView] = []
        var seen: Set<Int> = []
        for (position, index) in ([charter] + documents.all).filter({ seen.insert($0).inserted }).enumerated() {
            guard let part = parts[index] else { continue }
            let page = map.pages[index]
            let prefix = "d\(position + 1)-"
            let meta = context.meta(for: page)
            let language = part.language
            sections.append(
                KitSectionView(
                    id: prefix + "doc", title: context.displayTitle(page), href: Href.to(page.url, from: url),
                    kindLabel: context.config.kindLabels.title(page.kind, in: context.config.language),
                    body: KitBody.section(part.body, from: page.url, to: url, idPrefix: prefix),
                    bodyHasTitle: part.bodyHasTitle, meta: meta, hasMeta: !meta.isEmpty,
                    lang: language != context.config.language ? language.rawValue : nil))
        }
        base.kit = KitView(
            title: title, href: Href.to(group.url, from: url), sections: sections,
            contents: sections.map { KitContentView(id: $0.id, title: $0.title) })
        base.hasBreadcrumbs = true
        base.breadcrumbsHTML =
            context.renderBreadcrumbs(for: url, contentPath: group.source.contentPath)
            + "<li><a href=\"\(Href.to(group.url, from: url))\">\(title.htmlEscaped)</a></li>"
        return OutputFile(path: Self.outputPath(forURL: url), bytes: theme.render(.kit, base))
    }

    /// The kit of the group whose charter is the page at `charter`; nil when it has no URL.
    /// Its documents are parsed again and rendered as their pages render them.
    package func renderKit(charter: Int, prepared: Context) -> OutputFile? {
        do {
            return try renderKit(charter: charter, prepared: prepared, parsing: Self.parsing)
        } catch {
            preconditionFailure("parsing a page threw: \(error)")
        }
    }

    /// The kit, each document's body rendered as its page renders it, from its body parsed
    /// (`parsing`) for that time, then made a section of the kit (`KitBody`).
    func renderKit(charter: Int, prepared: Context, parsing: Parsing) throws -> OutputFile? {
        guard let documents = prepared.context.links.groupDocuments[charter], documents.kitURL != nil else {
            return nil
        }
        var parts: [Int: KitPart] = [:]
        for index in [charter] + documents.all where parts[index] == nil {
            let page = try parsing(prepared.map.pages[index])
            parts[index] = KitPart(
                page, body: renderBody(page, prepared: prepared), site: prepared.handbook.config.language)
        }
        return renderKit(charter: charter, parts: parts, prepared: prepared)
    }

    /// The outputs besides its own page that show a page's body: the kits it is part of. A
    /// preview re-renders them when only the page's body changed.
    package func outputsShowingBody(of path: String, prepared: Context) -> [OutputFile] {
        do {
            return try outputsShowingBody(of: path, prepared: prepared, parsing: Self.parsing)
        } catch {
            preconditionFailure("parsing a page threw: \(error)")
        }
    }

    /// The generated lists whose cards show the page's first paragraph: its folder's list and its
    /// tags' pages, all their pages.
    func listsShowingCard(of index: Int, prepared: Context) -> [OutputFile] {
        let map = prepared.map
        let path = map.contentPaths[index]
        guard !map.templateSources[index] else { return [] }
        var folder = SiteMap.folder(of: path)
        if path.hasSuffix("/index.md") { folder = SiteMap.parent(of: folder) }
        var files: [OutputFile] = []
        if path == "index.md" {
        } else if folder.isEmpty ? map.pagesByPath["index.md"] == nil : map.generatedFolders.contains(folder) {
            files += renderListPages(folder: folder, prepared: prepared)
        }
        // A group charter alone in a folder without an index page gives that folder's card its
        // text, in the list of the folder above.
        if map.pages[index].kind == .group, !path.hasSuffix("/index.md"), !folder.isEmpty {
            let above = SiteMap.parent(of: folder)
            if above.isEmpty ? map.pagesByPath["index.md"] == nil : map.generatedFolders.contains(above) {
                files += renderListPages(folder: above, prepared: prepared)
            }
        }
        if !prepared.context.links.tagsByPage[index].isEmpty {
            let slugs = Set(prepared.context.links.tagsByPage[index].map { "tags/\(Slug.anchor($0))/" })
            files += renderTags(prepared: prepared).filter { file in
                slugs.contains { file.path.hasPrefix($0) }
            }
        }
        return files
    }

    /// `outputsShowingBody(of:prepared:)`, each kit's pages parsed by `parsing` while it renders
    /// (for an edition, converted).
    package func outputsShowingBody(of path: String, prepared: Context, parsing: Parsing) throws -> [OutputFile] {
        guard let index = prepared.map.pagesByPath[SiteMap.contentPath(path)] else { return [] }
        return try prepared.context.links.groupDocuments.keys.sorted().filter { charter in
            charter == index || prepared.context.links.groupDocuments[charter]!.all.contains(index)
        }.compactMap { try renderKit(charter: $0, prepared: prepared, parsing: parsing) }
            + listsShowingCard(of: index, prepared: prepared)
    }

    /// Whether two versions of a page look the same from other pages, apart from their title,
    /// kind, URL and front matter: the same links to other pages, which "linked from" shows.
    /// Their bodies may differ otherwise (the outputs that show a body, its kits and the cards
    /// of its first paragraph, are `outputsShowingBody`).
    package static func showsTheSameElsewhere(_ a: Page, _ b: Page) -> Bool {
        shownElsewhere(a) == shownElsewhere(b)
    }

    /// What other pages show of a page's body (`showsTheSameElsewhere`): its links' destinations.
    package static func shownElsewhere(_ page: Page) -> [String] {
        page.links.map(\.destination)
    }

    /// `tags/index.html` listing every tag, and `tags/<tag>/index.html` listing its pages,
    /// `listPageSize` a page (`tags/<tag>/page/2/index.html` on).
    func renderTags(prepared: Context) -> [OutputFile] {
        let tags = prepared.context.links.tags
        guard !tags.isEmpty, prepared.map.pagesByPath["tags/index.md"] == nil else { return [] }
        let words = prepared.context.words
        var files: [OutputFile] = []
        let indexURL = "tags/"
        let view = prepared.context.base(url: indexURL, title: words["tags"] ?? "Tags")
        view.list = ListView(
            title: words["tags"] ?? "Tags",
            items: tags.map { tag in
                ListItemView(
                    title: tag.name, href: Href.to(tag.url, from: indexURL), folder: true, count: tag.pages.count)
            }, isTags: true)
        view.hasBreadcrumbs = true
        view.breadcrumbsHTML = prepared.context.renderBreadcrumbs(for: indexURL, contentPath: "tags/index.md")
        files.append(OutputFile(path: Self.outputPath(forURL: indexURL), bytes: theme.render(.list, view)))
        for tag in tags {
            let title = "\(words["tag"] ?? "Tag")\(words["colon"] ?? ": ")\(tag.name)"
            let count = Self.pageCount(tag.pages.count)
            for number in 1...count {
                let url = Self.listURL(tag.url, page: number)
                let view = prepared.context.base(
                    url: url, title: number > 1 ? "\(title) · \(pageWord(number, words: words))" : title)
                let slice = Self.slice(tag.pages, page: number)
                view.list = ListView(
                    title: title, items: slice.map { listItem($0, from: url, prepared: prepared) },
                    intro: (words["itemsCount"] ?? "{n}").replacingOccurrences(of: "{n}", with: "\(tag.pages.count)"),
                    pagination: pagination(count: count, current: number, from: url) { Self.listURL(tag.url, page: $0) }
                )
                view.hasBreadcrumbs = true
                view.breadcrumbsHTML =
                    prepared.context.renderBreadcrumbs(for: url, contentPath: "tags/index.md")
                    + "<li><a href=\"\(Href.to(indexURL, from: url))\">\((words["tags"] ?? "Tags").htmlEscaped)</a></li>"
                files.append(OutputFile(path: Self.outputPath(forURL: url), bytes: theme.render(.list, view)))
            }
        }
        return files
    }

    /// How many cards a list page shows before the next page.
    static let listPageSize = 50

    static func pageCount(_ items: Int) -> Int { max(1, (items + listPageSize - 1) / listPageSize) }

    static func slice<T>(_ items: [T], page number: Int) -> ArraySlice<T> {
        items[min((number - 1) * listPageSize, items.count)..<min(number * listPageSize, items.count)]
    }

    /// `groups/` for the first page of a list, `groups/page/2/` after.
    static func listURL(_ url: String, page number: Int) -> String {
        number <= 1 ? url : url + "page/\(number)/"
    }
}
