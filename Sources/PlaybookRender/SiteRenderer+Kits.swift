import PlaybookMarkdown
import PlaybookModel

extension SiteRenderer {
    /// One printable page per group, at `<group url>kit/`: the charter, rules, onboarding flows
    /// and SOPs in that order, each under its own title, for a meeting or to save as PDF.
    func renderKits(prepared: Prepared, restoring restore: TreeRestorer? = nil) throws -> [OutputFile] {
        try prepared.context.links.groupDocuments.keys.sorted().compactMap {
            try renderKit(charter: $0, prepared: prepared, restoring: restore)
        }
    }

    /// The kit of the group whose charter is the page at `charter`; nil when it has no URL.
    public func renderKit(charter: Int, prepared: Prepared) -> OutputFile? {
        do {
            return try renderKit(charter: charter, prepared: prepared, restoring: nil)
        } catch {
            preconditionFailure("a kit of pages with their trees failed: \(error)")
        }
    }

    /// The kit, with each of its pages' trees restored (`restoring`) while the kit renders.
    func renderKit(charter: Int, prepared: Prepared, restoring restore: TreeRestorer?) throws -> OutputFile? {
        let context = prepared.context
        guard let documents = context.links.groupDocuments[charter], let url = documents.kitURL else { return nil }
        let map = prepared.map
        let group = try restore.map { try $0(map.pages[charter]) } ?? map.pages[charter]
        let title = context.displayTitle(group)
        let base = context.base(
            url: url, title: "\(title) · \(context.words["kit"] ?? "Kit")",
            description: CrossLinks.description(group),
            language: CrossLinks.language(of: group, site: context.config.language))
        var sections: [KitSectionView] = []
        for (position, index) in ([charter] + documents.all).enumerated() {
            let page = try restore.map { try $0(map.pages[index]) } ?? map.pages[index]
            let prefix = "d\(position + 1)-"
            let renderer = HTMLRenderer(
                unsafe: prepared.handbook.config.unsafeHTML, anchors: page.headings.map(\.anchor), idPrefix: prefix,
                headingShift: 1,
                resolveLink: { destination in
                    if destination.hasPrefix("#") {
                        return "#" + prefix + Slug.encodeFragment(Slug.decodePercent(String(destination.dropFirst())))
                    }
                    return map.resolve(destination, from: page, base: url)
                })
            let ownTitle = page.document.blocks.first?.headingLevel == 1
            let meta = context.meta(for: page)
            let language = CrossLinks.language(of: page, site: context.config.language)
            sections.append(
                KitSectionView(
                    id: prefix + "doc", title: context.displayTitle(page), href: Href.to(page.url, from: url),
                    kindLabel: context.config.kindLabels.title(page.kind, in: context.config.language),
                    body: renderer.render(page.document), bodyHasTitle: ownTitle, meta: meta, hasMeta: !meta.isEmpty,
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

    /// The outputs besides its own page that show a page's body: the kits it is part of. A
    /// preview re-renders them when only the page's body changed.
    public func outputsShowingBody(of path: String, prepared: Prepared) -> [OutputFile] {
        guard let index = prepared.map.pagesByPath[SiteMap.contentPath(path)] else { return [] }
        return prepared.context.links.groupDocuments.keys.sorted().filter { charter in
            charter == index || prepared.context.links.groupDocuments[charter]!.all.contains(index)
        }.compactMap { renderKit(charter: $0, prepared: prepared) }
    }

    /// `outputsShowingBody(of:prepared:)` for pages whose trees were let go: each kit's pages
    /// get theirs back (`restoring`) while it renders.
    public func outputsShowingBody(of path: String, prepared: Prepared, restoring restore: @escaping TreeRestorer)
        throws
        -> [OutputFile]
    {
        guard let index = prepared.map.pagesByPath[SiteMap.contentPath(path)] else { return [] }
        return try prepared.context.links.groupDocuments.keys.sorted().filter { charter in
            charter == index || prepared.context.links.groupDocuments[charter]!.all.contains(index)
        }.compactMap { try renderKit(charter: $0, prepared: prepared, restoring: restore) }
    }

    /// Whether two versions of a page look the same from other pages, apart from their title,
    /// kind, URL and front matter: the same links to other pages, which "linked from" shows.
    /// Their bodies may differ otherwise.
    public static func showsTheSameElsewhere(_ a: Page, _ b: Page) -> Bool {
        a.links.map(\.destination) == b.links.map(\.destination)
    }

    /// `tags/index.html` listing every tag, and `tags/<tag>/index.html` listing its pages.
    func renderTags(prepared: Prepared) -> [OutputFile] {
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
            let title = "\(words["tag"] ?? "Tag"): \(tag.name)"
            let view = prepared.context.base(url: tag.url, title: title)
            view.list = ListView(title: title, items: tag.pages.map { listItem($0, from: tag.url, prepared: prepared) })
            view.hasBreadcrumbs = true
            view.breadcrumbsHTML =
                prepared.context.renderBreadcrumbs(for: tag.url, contentPath: "tags/index.md")
                + "<li><a href=\"\(Href.to(indexURL, from: tag.url))\">\((words["tags"] ?? "Tags").htmlEscaped)</a></li>"
            files.append(OutputFile(path: Self.outputPath(forURL: tag.url), bytes: theme.render(.list, view)))
        }
        return files
    }
}
