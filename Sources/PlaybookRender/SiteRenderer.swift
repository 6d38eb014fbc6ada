import Dispatch
import Foundation
import PlaybookMarkdown
import PlaybookModel

/// Renders the whole site: one HTML page per content file, a list page for every folder without
/// an `index.md` (the template catalog for `templates/`), the home page if the site has none,
/// the health view, a kit per group, a page per tag, the search page and index, `404.html`,
/// `robots.txt`, the sitemap and feed, and the theme's assets. Output is sorted by path.
package struct SiteRenderer: Sendable {
    package let theme: Theme

    package init(theme: Theme) {
        self.theme = theme
    }

    package func render(_ handbook: Handbook, health: HealthReport, search: SearchIndex? = nil) -> [OutputFile] {
        var files: [OutputFile] = []
        do {
            try render(handbook, health: health, search: search) { files += $0 }
        } catch {
            // Gathering into an array throws nothing, and parsing a page throws nothing.
            preconditionFailure("rendering into memory failed: \(error)")
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Gives a page of the handbook with its body parsed again: for an edition, converted as the
    /// rest of the page was (the pipeline supplies that); else `PageParser.parsed(_:)`.
    package typealias Parsing = @Sendable (Page) throws -> ParsedPage

    /// Parses a page's body again, as the parser first did.
    package static let parsing: Parsing = { PageParser().parsed($0) }

    /// Renders the site in batches handed to `emit` as they are ready (pages first, a few
    /// hundred at a time, each with its search record), so the caller can write them and let
    /// them go. Each page's body is parsed (`parsing`) only while its batch renders, and the
    /// search index is made from the same trees, unless `search` is the index of `handbook`
    /// already.
    /// Gives back the search index the site was rendered with.
    @discardableResult
    package func render(
        _ handbook: Handbook, health: HealthReport, search: SearchIndex? = nil,
        parsing: Parsing = SiteRenderer.parsing, reusing reuse: Reuse? = nil, emit: ([OutputFile]) throws -> Void
    ) throws -> SearchIndex {
        let prepared = Context(handbook: handbook, health: health, theme: theme)
        // With what the build before kept of the search index, a page's document is made only
        // when the page is rendered again or shares its records file with one that is.
        let saved = reuse?.search.flatMap { $0.isIndex(of: handbook.pages) ? $0 : nil }
        var index =
            search == nil && saved == nil ? SearchIndex.Builder(pages: handbook.pages, config: handbook.config) : nil
        var idOfPage: [Int: Int] = [:]
        var packs: Set<Int> = []
        var perFile = 1
        var documentsWanted: Set<Int>?
        if let reuse, saved != nil {
            for (i, page) in handbook.pages.enumerated() where SearchDocument.isIndexed(page) {
                idOfPage[i] = idOfPage.count
            }
            perFile = SearchIndex.recordsPerFile(pageCount: idOfPage.count)
            packs = Set(reuse.pages.compactMap { idOfPage[$0].map { $0 / perFile } })
            documentsWanted = Set(idOfPage.filter { packs.contains($0.value / perFile) }.keys)
        }
        let vocabulary = index?.vocabulary ?? (saved != nil ? SearchVocabulary(config: handbook.config) : nil)
        var documents: [Int: SearchDocument] = [:]
        var pagePaths: [String] = []
        // Kits are rendered in the batch that renders their last document, from the bodies the
        // batches kept (each let go once every kit it is in is done). With `reuse`, only the
        // kits that show a page made again.
        let plan = KitPlan(prepared: prepared)
        let kitsWanted: Set<Int>? = reuse.map { reuse in
            Set(reuse.pages.flatMap { plan.kitsOfPage[$0] ?? [] })
        }
        func wanted(_ charter: Int) -> Bool { kitsWanted?.contains(charter) ?? true }
        var waiting = plan.members.filter { wanted($0.key) }.mapValues(\.count)
        var usesLeft = plan.kitsOfPage.mapValues { $0.filter(wanted).count }.filter { $0.value > 0 }
        let bodiesWanted = Set(usesLeft.keys)
        var parts: [Int: KitPart] = [:]
        let batch = 256
        var start = 0
        while start < handbook.pages.count {
            let end = min(start + batch, handbook.pages.count)
            let rendered = try renderPages(
                start..<end, prepared: prepared, parsing: parsing, indexing: vocabulary,
                keepingBodies: { bodiesWanted.contains($0) }, reusing: reuse,
                documentsOf: { documentsWanted?.contains($0) ?? true })
            var files = rendered.compactMap(\.file)
            pagePaths += files.map(\.path)
            for (offset, page) in rendered.enumerated() {
                guard let document = page.search else { continue }
                if index != nil {
                    if let records = index!.add(document) { files.append(records) }
                } else if let id = idOfPage[start + offset] {
                    documents[id] = document
                }
            }
            var ready: [Int] = []
            for (offset, page) in rendered.enumerated() {
                let pageIndex = start + offset
                guard let part = page.kitPart, let kits = plan.kitsOfPage[pageIndex] else { continue }
                parts[pageIndex] = part
                for charter in kits where wanted(charter) {
                    waiting[charter]! -= 1
                    if waiting[charter] == 0 { ready.append(charter) }
                }
            }
            files += renderKits(ready.sorted(), parts: parts, prepared: prepared)
            for charter in ready {
                for member in plan.members[charter]! {
                    usesLeft[member]! -= 1
                    if usesLeft[member] == 0 { parts[member] = nil }
                }
            }
            try emit(files)
            start = end
        }
        // The outputs no page's body reaches are the build before's (they are kept), but for
        // the health view's summary and totals, whose trend is against the build before, and
        // the search index.
        if let reuse {
            var files = Array(renderHealthPages(prepared: prepared, summaryOnly: true))
            let made: SearchIndex
            if let saved {
                let changed = reuse.pages.compactMap { page in
                    idOfPage[page].flatMap { id in documents[id].map { (id, $0) } }
                }
                made = SearchIndex.restored(
                    saved, pages: handbook.pages, config: handbook.config,
                    changed: Dictionary(changed, uniquingKeysWith: { first, _ in first }))
                files += made.files()
                for n in packs.sorted() {
                    let ids = n * perFile..<min((n + 1) * perFile, made.entries.count)
                    files.append(made.recordsFile(n, records: ids.map { documents[$0]!.record }))
                }
            } else {
                made = search ?? index!.index()
                files += made.files()
            }
            // The lists whose cards show a page's first paragraph.
            var listed = Set(files.map(\.path))
            for page in reuse.pages.sorted() {
                files += listsShowingCard(of: page, prepared: prepared).filter { listed.insert($0.path).inserted }
            }
            try emit(files)
            return made
        }
        var files: [OutputFile] = []
        for folder in prepared.map.generatedFolders {
            files += renderListPages(folder: folder, prepared: prepared)
        }
        if prepared.map.pagesByPath["index.md"] == nil {
            files += renderListPages(folder: "", prepared: prepared)
        }
        // Replication templates kept outside `templates/` still get the catalog there.
        if prepared.map.templatesNeedCatalog {
            files += renderCatalogPages(prepared: prepared)
        }
        files += renderTags(prepared: prepared)
        files += renderHealthPages(prepared: prepared)
        files.append(renderSearch(prepared: prepared))
        files.append(renderNotFound(prepared: prepared))
        let made = search ?? index!.index()
        files += made.files()
        files += SiteFeeds(prepared: prepared).files(pagePaths: pagePaths + files.map(\.path))
        for (name, bytes) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: name, bytes: bytes))
        }
        try emit(files)
        return made
    }

    /// The kits of `charters` on every core, from the bodies in `parts`; in the order given.
    func renderKits(_ charters: [Int], parts: [Int: KitPart], prepared: Context) -> [OutputFile] {
        var results = [OutputFile?](repeating: nil, count: charters.count)
        results.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: charters.count) { offset in
                (base + offset).initialize(to: renderKit(charter: charters[offset], parts: parts, prepared: prepared))
            }
        }
        return results.compactMap { $0 }
    }

    /// Renders the given pages on every core; the result keeps the order of `indices`.
    package func renderPages(_ indices: Range<Int>, prepared: Context) -> [OutputFile] {
        var results = [OutputFile?](repeating: nil, count: indices.count)
        results.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: indices.count) { offset in
                let index = indices.lowerBound + offset
                let page = PageParser().parsed(prepared.handbook.pages[index])
                (base + offset).initialize(
                    to: renderPage(
                        page, index: index, chrome: prepared.chrome[prepared.chromeOfPage[index]],
                        body: renderBody(page, prepared: prepared), prepared: prepared))
            }
        }
        return results.map { $0! }
    }

    /// One page as a batch renders it: its file (nil when the build before's is kept), its
    /// search document, and its body when a kit shows it.
    struct RenderedPage {
        var file: OutputFile?
        var search: SearchDocument?
        var kitPart: KitPart?
    }

    /// What a build takes from the build before it instead of making it again (`Pipeline.build`
    /// from its record of that build): the pages whose files are made (by index; the others'
    /// are kept as they are), and what that build kept of its search index (nil: every page's
    /// document is made).
    package struct Reuse: Sendable {
        package var pages: Set<Int>
        package var search: SearchIndex.Saved?

        package init(pages: Set<Int>, search: SearchIndex.Saved?) {
            self.pages = pages
            self.search = search
        }
    }

    /// Renders the given pages on every core, each from its body parsed (`parsing`) for the time
    /// it renders, with the page's search document made with `indexing`'s vocabulary when given
    /// (nil for a page the index leaves out); in the order of `indices`. With `reuse`, a page
    /// it does not name is neither parsed nor rendered unless its search document or its body
    /// for a kit is wanted.
    func renderPages(
        _ indices: Range<Int>, prepared: Context, parsing: Parsing, indexing: SearchVocabulary?,
        keepingBodies keep: (Int) -> Bool = { _ in false }, reusing reuse: Reuse? = nil,
        documentsOf wantsDocument: (Int) -> Bool = { _ in true }
    ) throws -> [RenderedPage] {
        var results = [Result<RenderedPage, any Error>?](repeating: nil, count: indices.count)
        results.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: indices.count) { offset in
                let index = indices.lowerBound + offset
                (base + offset).initialize(
                    to: Result {
                        let summary = prepared.handbook.pages[index]
                        let made = reuse?.pages.contains(index) ?? true
                        let indexed = indexing != nil && SearchDocument.isIndexed(summary) && wantsDocument(index)
                        if !made, !keep(index), !indexed {
                            return RenderedPage(file: nil, search: nil, kitPart: nil)
                        }
                        let page = try parsing(summary)
                        // A page parsed again only for its search document needs no HTML.
                        let body = made || keep(index) ? renderBody(page, prepared: prepared) : ""
                        let file =
                            made
                            ? renderPage(
                                page, index: index, chrome: prepared.chrome[prepared.chromeOfPage[index]], body: body,
                                prepared: prepared) : nil
                        return RenderedPage(
                            file: file,
                            search: indexed
                                ? indexing.map {
                                    SearchDocument(page, vocabulary: $0, tagLabels: prepared.handbook.config.tagLabels)
                                } : nil,
                            kitPart: keep(index)
                                ? KitPart(page, body: body, site: prepared.handbook.config.language) : nil)
                    })
            }
        }
        return try results.map { try $0!.get() }
    }

    /// Renders `page`, which may be a newer version of the page at its path than `prepared` holds
    /// (a preview re-renders a saved page against the rest of the handbook as it was).
    package func renderPage(_ page: ParsedPage, prepared: Context) -> OutputFile {
        let index = prepared.map.pagesByPath[page.source.contentPath] ?? 0
        return renderPage(
            page, index: index, chrome: prepared.chrome(for: page.page), body: renderBody(page, prepared: prepared),
            prepared: prepared)
    }

    /// The page's body as HTML, links relative to the page's URL.
    func renderBody(_ page: ParsedPage, prepared: Context) -> String {
        let map = prepared.map
        let summary = page.page
        let renderer = HTMLRenderer(
            unsafe: prepared.handbook.config.unsafeHTML, anchors: page.headings.map(\.anchor),
            resolveLink: { map.resolve($0, from: summary) })
        return ChecklistKeys.annotate(renderer.render(page.document))
    }

    func renderPage(_ page: ParsedPage, index: Int, chrome: PageContext.Chrome, body: String, prepared: Context)
        -> OutputFile
    {
        // The shared sidebar marks no page as current; mark this one.
        var sidebar = chrome.sidebar
        let href = "href=\"\(Href.to(page.url, from: page.url))\""
        if let range = sidebar.literalRange(of: href) {
            sidebar.replaceSubrange(range, with: href + " aria-current=\"page\"")
        }
        let html = theme.render(
            .page, prepared.context.page(page, index: index, body: body, chrome: chrome, sidebar: sidebar))
        return OutputFile(path: Self.outputPath(forURL: page.url), bytes: html)
    }

    package func renderList(folder: String, prepared: Context) -> OutputFile {
        renderListPages(folder: folder, prepared: prepared)[0]
    }

    /// A folder's list: its pages and sub-folders as cards, `listPageSize` a page
    /// (`<folder>/page/2/` on), each with its description and each sub-folder with its count.
    package func renderListPages(folder: String, prepared: Context) -> [OutputFile] {
        let url = folder.isEmpty ? "" : folder + "/"
        let map = prepared.map
        let words = prepared.context.words
        let title = folder.isEmpty ? prepared.handbook.config.title : (map.folderTitles[folder] ?? folder)
        // The templates folder lists each replication template with its variables and command.
        if folder == "templates" { return renderCatalogPages(prepared: prepared) }
        enum Entry {
            case page(Int)
            case folder(String)
        }
        let entries =
            (map.children[folder] ?? []).map(Entry.page) + (map.subfolders[folder] ?? []).map(Entry.folder)
        let count = Self.pageCount(entries.count)
        var files: [OutputFile] = []
        for number in 1...count {
            let pageURL = Self.listURL(url, page: number)
            let view = listBase(
                folder: folder, url: pageURL,
                title: number > 1 ? "\(title) · \(pageWord(number, words: words))" : title, prepared: prepared)
            let items = Self.slice(entries, page: number).map { entry -> ListItemView in
                switch entry {
                case .page(let index): return listItem(index, from: pageURL, prepared: prepared)
                case .folder(let sub):
                    return ListItemView(
                        title: map.folderTitles[sub] ?? sub, href: Href.to(sub + "/", from: pageURL),
                        summary: folderSummary(sub, prepared: prepared), folder: true,
                        count: prepared.context.pageCount(under: sub))
                }
            }
            var list = ListView(
                title: title, items: items, isHome: folder.isEmpty,
                intro: entries.count > 1
                    ? (words["itemsCount"] ?? "{n}").replacingOccurrences(of: "{n}", with: "\(entries.count)") : nil,
                pagination: pagination(count: count, current: number, from: pageURL) { Self.listURL(url, page: $0) })
            if folder.isEmpty {
                list.sections = prepared.context.overview(from: pageURL)
                list.hasSections = !(list.sections ?? []).isEmpty
            }
            view.list = list
            files.append(OutputFile(path: Self.outputPath(forURL: pageURL), bytes: theme.render(.list, view)))
        }
        return files
    }

    /// `templates/`: every replication template of the handbook (wherever its page is) with its
    /// variables, the command that starts a group from it and the documents a group gets,
    /// `catalogPageSize` a page (`templates/page/2/` on), every page linked without script.
    func renderCatalogPages(prepared: Context) -> [OutputFile] {
        let url = "templates/"
        let words = prepared.context.words
        let title =
            prepared.map.folderTitles["templates"]
            ?? prepared.map.kindLabels.title(.template, in: prepared.handbook.config.language)
        let catalog = TemplateCatalog(map: prepared.map, language: prepared.handbook.config.language)
        let templates = catalog.templates
        let size = Self.catalogPageSize
        let count = max(1, (templates.count + size - 1) / size)
        return (1...count).map { number in
            let pageURL = Self.listURL(url, page: number)
            let view = listBase(
                folder: "templates", url: pageURL,
                title: number > 1 ? "\(title) · \(pageWord(number, words: words))" : title, prepared: prepared)
            let members = templates[min((number - 1) * size, templates.count)..<min(number * size, templates.count)]
            view.catalog = members.compactMap { catalog.entry(for: $0, from: pageURL) }
            view.list = ListView(
                title: title, items: [],
                intro: templates.count > 1
                    ? (words["itemsCount"] ?? "{n}").replacingOccurrences(of: "{n}", with: "\(templates.count)") : nil,
                pagination: pagination(count: count, current: number, from: pageURL) { Self.listURL(url, page: $0) })
            return OutputFile(path: Self.outputPath(forURL: pageURL), bytes: theme.render(.catalog, view))
        }
    }

    /// Each catalog entry shows a template's variables and documents: fewer a page than cards.
    static let catalogPageSize = 20

    func listBase(folder: String, url: String, title: String, prepared: Context) -> SiteView {
        let view = prepared.context.base(url: url, title: title)
        view.breadcrumbsHTML =
            folder.isEmpty ? "" : prepared.context.renderBreadcrumbs(for: url, contentPath: folder + "/index.md")
        view.hasBreadcrumbs = !folder.isEmpty
        return view
    }

    /// A sub-folder's card text: its index page's description; for a folder without one, its
    /// group charter's (a folder of one group), or the names of the first groups it holds.
    func folderSummary(_ folder: String, prepared: Context) -> String? {
        let map = prepared.map
        if let index = map.pagesByPath[folder + "/index.md"] {
            let text = CrossLinks.summary(map.pages[index])
            return text.isEmpty ? nil : text
        }
        let charters = (map.children[folder] ?? []).filter { map.pages[$0].kind == .group }
        if charters.count == 1 {
            let text = CrossLinks.summary(map.pages[charters[0]])
            return text.isEmpty ? nil : text
        }
        guard !charters.isEmpty else { return nil }
        let words = prepared.context.words
        let names = charters.prefix(3).map { prepared.context.displayTitle(map.pages[$0]) }
        return names.joined(separator: words["listSeparator"] ?? ", ") + (charters.count > 3 ? "…" : "")
    }

    func listItem(_ index: Int, from url: String, prepared: Context) -> ListItemView {
        let page = prepared.map.pages[index]
        let meta = prepared.context.meta(for: page)
        let summary = CrossLinks.summary(page)
        return ListItemView(
            title: prepared.context.displayTitle(page), href: Href.to(page.url, from: url),
            kindLabel: prepared.handbook.config.kindLabels.title(page.kind, in: prepared.handbook.config.language),
            meta: meta, hasMeta: !meta.isEmpty, summary: summary.isEmpty ? nil : summary)
    }

    func renderSearch(prepared: Context) -> OutputFile {
        let url = "search/"
        let view = prepared.context.base(url: url, title: prepared.context.words["search"] ?? "Search")
        return OutputFile(path: "search/index.html", bytes: theme.render(.search, view))
    }

    package func renderNotFound(prepared: Context) -> OutputFile {
        // 404.html is served for any missing path, so relative links cannot work: links start
        // from the configured base URL, and the styles travel inside the page (a data: URL, which
        // validators leave alone) so that it keeps its look under any sub-path.
        let base = prepared.handbook.config.baseURL
        let view = prepared.context.base(url: "", title: prepared.context.words["notFound"] ?? "Not found")
        view.root = base
        view.homeHref = base
        view.searchHref = base + "search/index.html"
        view.navHTML = prepared.context.renderNav(url: "").replacingOccurrences(of: "href=\"", with: "href=\"\(base)")
        view.absoluteBase = base
        view.tagsHref = base + "tags/index.html"
        // The edition switch leads to each edition's home page, from the site's root.
        if let current = prepared.handbook.config.currentEdition, base.hasSuffix(current.prefix) {
            let root = String(base.dropLast(current.prefix.count))
            view.editions = view.editions?.map { edition in
                var edition = edition
                let other = prepared.handbook.config.editions.first { $0.language == edition.lang }
                edition.href = root + (other?.prefix ?? "")
                return edition
            }
        }
        view.styleURL = "data:text/css;base64," + Data(theme.assets["assets/style.css"] ?? []).base64EncodedString()
        return OutputFile(path: "404.html", bytes: theme.render(.notFound, view))
    }

    /// `groups/hangzhou/` → `groups/hangzhou/index.html`; the home page → `index.html`.
    package static func outputPath(forURL url: String) -> String {
        url + "index.html"
    }

    /// What every page render shares, computed once per build.
    /// Unchecked: the theme (see `Theme`) and values made once per build, only read while rendering.
    package struct Context: @unchecked Sendable {
        package private(set) var handbook: Handbook
        package let health: HealthReport
        private(set) var map: SiteMap
        private(set) var context: PageContext
        /// Navigation, breadcrumbs and sidebar of each `PageContext.chromeKey`, shared by the
        /// pages of a folder: rendering them once per folder instead of once per page.
        let chrome: [PageContext.Chrome]
        let chromeByKey: [String: Int]
        /// Page index → its entry in `chrome`.
        let chromeOfPage: [Int]

        package init(handbook: Handbook, health: HealthReport, theme: Theme) {
            self.handbook = handbook
            self.health = health
            let map = SiteMap(
                pages: handbook.pages, language: handbook.config.language, kindLabels: handbook.config.kindLabels)
            self.map = map
            let navigation = PageContext.navigation(map: map)
            self.context = PageContext(
                config: handbook.config, words: InterfaceText.words(for: handbook.config.language), map: map,
                navigation: navigation, health: health, theme: theme,
                links: CrossLinks(map: map, tagLabels: handbook.config.tagLabels),
                lastChanged: handbook.lastChanged)
            var chrome: [PageContext.Chrome] = []
            var chromeByKey: [String: Int] = [:]
            var chromeOfPage: [Int] = []
            chromeOfPage.reserveCapacity(handbook.pages.count)
            for page in handbook.pages {
                let key = PageContext.chromeKey(for: page)
                if let known = chromeByKey[key] {
                    chromeOfPage.append(known)
                    continue
                }
                chromeByKey[key] = chrome.count
                chromeOfPage.append(chrome.count)
                chrome.append(context.chrome(forKey: key))
            }
            self.chrome = chrome
            self.chromeByKey = chromeByKey
            self.chromeOfPage = chromeOfPage
        }

        /// This preparation with `pages` in place of the pages at their paths, for a body edit
        /// that leaves each page's summary as it was (title, kind, URL, front matter and links:
        /// `showsTheSameElsewhere`), which is all navigation, cross links, tags and kits read of
        /// other pages; `handbook` is the edited handbook. Nil when anything else differs (a
        /// page added or removed, the config, the dates): prepare the handbook again then.
        /// Costs a copy of the page list, not a pass over every page's tree.
        package func replacing(_ pages: [Page], in handbook: Handbook) -> Context? {
            guard handbook.pages.count == self.handbook.pages.count, handbook.config == self.handbook.config,
                handbook.lastChanged == self.handbook.lastChanged, handbook.assets == self.handbook.assets
            else { return nil }
            var result = self
            result.handbook = handbook
            for page in pages {
                guard let index = map.pagesByPath[page.source.contentPath],
                    self.handbook.pages[index].path == page.path,
                    handbook.pages[index].path == page.path
                else { return nil }
                let old = self.handbook.pages[index]
                guard old.title == page.title, old.kind == page.kind, old.url == page.url,
                    old.frontMatter == page.frontMatter, SiteRenderer.showsTheSameElsewhere(old, page)
                else { return nil }
                result.map.pages[index] = page
                result.context.map.pages[index] = page
            }
            return result
        }

        /// The chrome of a page at any path, also one the handbook does not have yet.
        func chrome(for page: Page) -> PageContext.Chrome {
            let key = PageContext.chromeKey(for: page)
            return chromeByKey[key].map { chrome[$0] } ?? context.chrome(forKey: key)
        }
    }
}
