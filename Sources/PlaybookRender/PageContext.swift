import Foundation
import PlaybookMarkdown
import PlaybookModel

/// Builds the values the templates render (`SiteView` and the views inside it) from the
/// handbook; what every page shares is worked out once per build.
struct PageContext {
    let config: SiteConfig
    let words: [String: String]
    /// `words` as the templates read them (`t.search`).
    let wordsView: WordsView
    /// Replaced in place only by `Context.replacing`, for a page whose summary is unchanged.
    var map: SiteMap
    let navigation: [(folder: String, title: String, count: Int)]
    let health: HealthReport
    let theme: Theme
    let links: CrossLinks
    let lastChanged: [String: String]
    /// The front matter fields a header shows, in order, with their labels.
    let metaLabels: [(key: String, label: String)]
    /// Health row index by page path, and by page index: every page asks whether it has one.
    let healthRowByPath: [String: Int]
    let healthRowOfPage: [Int?]
    /// Which health page lists each group, and each group's own findings.
    let healthLayout: HealthLayout

    init(
        config: SiteConfig, words: [String: String], map: SiteMap,
        navigation: [(folder: String, title: String, count: Int)],
        health: HealthReport, theme: Theme, links: CrossLinks, lastChanged: [String: String] = [:]
    ) {
        self.config = config
        self.words = words
        self.wordsView = WordsView(words: words)
        self.metaLabels = ["owner", "platform", "cadence", "version"].map { ($0, words[$0] ?? $0) }
        self.map = map
        self.navigation = navigation
        self.health = health
        self.theme = theme
        self.links = links
        self.lastChanged = lastChanged
        healthRowByPath = Dictionary(
            health.rows.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        healthRowOfPage = map.pages.map { [healthRowByPath] page in healthRowByPath[page.path] }
        healthLayout = HealthLayout(health: health, map: map)
    }

    /// Sections shown in the top navigation: one per top-level folder, kinds first. A
    /// template's documents are not counted: they are shown from the template's page.
    static func navigation(map: SiteMap) -> [(folder: String, title: String, count: Int)] {
        var result: [(String, String, Int)] = []
        let topFolders = Set(map.folderTitles.keys.filter { !$0.contains("/") })
        let ordered =
            ["groups", "rules", "onboarding", "sops", "templates"].filter(topFolders.contains)
            + topFolders.subtracting(Kind.folders.keys).sorted()
        var counts: [Substring: Int] = [:]
        for index in map.pages.indices where !map.templateSources[index] {
            let path = map.contentPaths[index]
            guard let slash = path.firstIndex(of: "/") else { continue }
            counts[path[..<slash], default: 0] += 1
        }
        for folder in ordered {
            result.append((folder, map.folderTitles[folder] ?? folder, counts[Substring(folder)] ?? 0))
        }
        // Templates kept elsewhere: the catalog at `templates/` lists them, after the other kinds.
        if map.templatesNeedCatalog {
            let kinds = result.prefix { Kind.folders[$0.0] != nil }.count
            result.insert(
                ("templates", map.kindLabels.title(.template, in: map.language), map.templatePages.count), at: kinds)
        }
        return result
    }

    /// `baseURL` when it is absolute (`https://…/`): canonical links, Open Graph URLs and the
    /// sitemap need one; nil for a path such as `/`.
    var absoluteBase: String? {
        let base = config.baseURL
        guard base.hasPrefix("https://") || base.hasPrefix("http://") else { return nil }
        return base.hasSuffix("/") ? base : base + "/"
    }

    /// The values every page template shares. `navHTML` is the `nav` template rendered for this
    /// URL; pages pass the copy made for their folder instead of rendering it again.
    func base(
        url: String, title: String, navHTML: String? = nil, description: String? = nil, language: Language? = nil,
        type: String = "website"
    ) -> SiteView {
        let view = SiteView()
        let root = Href.root(from: url)
        view.lang = config.language.rawValue
        view.site = SiteInfoView(title: config.title, description: config.description)
        view.t = wordsView
        view.root = root.isEmpty ? "./" : root
        view.homeHref = Href.to("", from: url)
        view.title = title
        view.pageTitle = title.isEmpty || title == config.title ? config.title : "\(title) · \(config.title)"
        view.navHTML = navHTML ?? renderNav(url: url)
        view.searchHref = Href.to("search/", from: url)
        view.description = description ?? config.description
        view.ogType = type
        view.hasFeed = !lastChanged.isEmpty
        view.hasTags = !links.tags.isEmpty
        view.tagsHref = Href.to("tags/", from: url)
        if let language, language != config.language { view.contentLang = language.rawValue }
        if let current = config.currentEdition {
            view.lang = current.language
            view.contentLang = nil
            view.hasEditions = true
            view.editions = editionLinks(url: url, current: current)
        }
        if let absolute = absoluteBase {
            view.canonical = absolute + Slug.encodePath(url)
        }
        return view
    }

    /// The same page in every edition, for the switcher and the `hreflang` alternates. Every
    /// edition has the same pages at the same URLs below its prefix, so the link is the page's
    /// own URL, moved from this edition's folder to the other's.
    func editionLinks(url: String, current: Edition) -> [EditionView] {
        config.editions.map { edition -> EditionView in
            var link = EditionView(
                lang: edition.language, label: edition.label, current: edition == current,
                href: Href.to(edition.prefix + url, from: current.prefix + url))
            // An edition's baseURL already ends in its own prefix (the pipeline sets it so, for
            // canonical links, the sitemap and the feed); the site's root is before it.
            if let absolute = absoluteBase, absolute.hasSuffix(current.prefix) {
                link.absolute =
                    String(absolute.dropLast(current.prefix.count)) + Slug.encodePath(edition.prefix + url)
            }
            return link
        }
    }

    func renderNav(url: String) -> String {
        let nav = navigation.map { item in
            NavItemView(
                folder: item.folder, title: item.title, count: item.count, href: Href.to(item.folder + "/", from: url),
                current: url.hasPrefix(item.folder + "/"))
        }
        return theme.render(
            NavView(
                t: wordsView, nav: nav, healthHref: Href.to("health/", from: url), healthCurrent: url == "health/",
                hasHealth: !health.rows.isEmpty))
    }

    func renderBreadcrumbs(for url: String, contentPath: String) -> String {
        theme.render(BreadcrumbsView(breadcrumbs: breadcrumbs(for: url, contentPath: contentPath)))
    }

    func breadcrumbs(for url: String, contentPath: String) -> [LinkView] {
        var crumbs = [LinkView(title: words["home"] ?? "Home", href: Href.to("", from: url))]
        var folders: [String] = []
        var folder = SiteMap.folder(of: contentPath)
        // An index page's own folder is the page itself, not a crumb.
        if contentPath.hasSuffix("/index.md") { folder = SiteMap.parent(of: folder) }
        while !folder.isEmpty {
            folders.insert(folder, at: 0)
            folder = SiteMap.parent(of: folder)
        }
        // Folders without a page of their own (a template's `files/`) are left out.
        for f in folders where map.folderTitles[f] != nil {
            crumbs.append(LinkView(title: map.folderTitles[f] ?? f, href: Href.to(f + "/", from: url)))
        }
        return crumbs
    }

    /// The sidebar key of a page: pages of one folder share a sidebar, and so do pages at the
    /// same depth, because every link in it is relative to the page's URL.
    static func chromeKey(for page: Page) -> String {
        let path = page.source.contentPath
        let folder = SiteMap.folder(of: path)
        return folder + (path.hasSuffix("/index.md") || path == "index.md" ? "|index" : "|page")
    }

    /// A URL at the depth of the pages that share a chrome key.
    static func representativeURL(forKey key: String) -> String {
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        let folder = String(parts[0])
        let prefix = folder.isEmpty ? "" : folder + "/"
        return parts[1] == "index" ? prefix : prefix + "_/"
    }

    /// Navigation, breadcrumbs and sidebar of one chrome key, rendered once and shared.
    func chrome(forKey key: String) -> Chrome {
        let url = Self.representativeURL(forKey: key)
        let folder = String(key.split(separator: "|", omittingEmptySubsequences: false)[0])
        let contentPath =
            url.hasSuffix("_/")
            ? (folder.isEmpty ? "_.md" : folder + "/_.md") : (folder.isEmpty ? "index.md" : folder + "/index.md")
        return Chrome(
            nav: renderNav(url: url),
            breadcrumbs: renderBreadcrumbs(for: url, contentPath: contentPath),
            sidebar: sidebar(forKey: key).map { theme.render($0) } ?? "")
    }

    struct Chrome {
        var nav: String
        var breadcrumbs: String
        var sidebar: String
    }

    /// The sidebar of one sidebar key: the pages in the folder (its section) and its
    /// sub-folders. Capped so a folder of thousands of pages does not make every page's size grow
    /// with the folder.
    func sidebar(forKey key: String, limit: Int = 60) -> SidebarView? {
        let folder = String(key.split(separator: "|", omittingEmptySubsequences: false)[0])
        guard !folder.isEmpty, map.folderTitles[folder] != nil else { return nil }
        let url = Self.representativeURL(forKey: key)
        var items: [LinkView] = []
        let indices = map.children[folder] ?? []
        for i in indices where map.pages[i].source.contentPath != folder + "/index.md" {
            items.append(
                LinkView(title: displayTitle(map.pages[i]), href: Href.to(map.pages[i].url, from: url), current: false))
            if items.count == limit { break }
        }
        for sub in map.subfolders[folder] ?? [] where items.count < limit {
            items.append(
                LinkView(
                    title: map.folderTitles[sub] ?? sub, href: Href.to(sub + "/", from: url), current: false,
                    folder: true))
        }
        guard !items.isEmpty else { return nil }
        return SidebarView(
            t: wordsView,
            section: SidebarSectionView(
                title: map.folderTitles[folder] ?? folder, href: Href.to(folder + "/", from: url), items: items,
                more: indices.count + (map.subfolders[folder]?.count ?? 0) > limit))
    }

    /// How many pages of the handbook a folder holds, at any depth (a template's documents
    /// not counted).
    func pageCount(under folder: String) -> Int {
        let prefix = folder + "/"
        var count = 0
        for index in map.pages.indices where !map.templateSources[index] && map.contentPaths[index].hasPrefix(prefix) {
            count += 1
        }
        return count
    }

    /// The home page's overview: each section of the navigation with its count and the
    /// description of its index page, so a first visit sees what the handbook holds.
    func overview(from url: String) -> [ListItemView] {
        navigation.map { item in
            let index = map.pagesByPath[item.folder + "/index.md"]
            let summary = index.flatMap { map.pages[$0].frontMatter["description"]?.string }
            return ListItemView(
                title: item.title, href: Href.to(item.folder + "/", from: url), summary: summary, folder: true,
                count: item.count)
        }
    }

    func displayTitle(_ page: Page) -> String {
        page.title.isEmpty ? page.fileStem : page.title
    }

    /// Front matter fields shown in the page header, in a fixed order.
    func meta(for page: Page) -> [MetaItemView] {
        var result: [MetaItemView] = []
        for (key, label) in metaLabels {
            if let value = page.frontMatter[key]?.string, !value.isEmpty {
                result.append(MetaItemView(label: label, value: value))
            }
        }
        return result
    }

    /// `2026-11-28` from git's `2026-11-28T03:49:35+00:00`, with the full value for `<time>`.
    func changed(_ page: Page) -> ChangedView? {
        guard let stamp = lastChanged[page.path], stamp.count >= 10 else { return nil }
        return ChangedView(date: String(stamp.prefix(10)), datetime: stamp)
    }

    func link(to index: Int, from url: String) -> LinkView {
        let page = map.pages[index]
        return LinkView(title: displayTitle(page), href: Href.to(page.url, from: url))
    }
}
