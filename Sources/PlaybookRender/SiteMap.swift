import Foundation
import PlaybookModel

/// Lookups the renderer needs across pages: pages by content path, the folder tree for
/// breadcrumbs and section lists, and link resolution from one page to another.
struct SiteMap {
    let pagesByPath: [String: Int]
    /// Replaced in place only by `Context.replacing`, for a page whose summary is unchanged.
    var pages: [Page]
    /// Page index → its path below `content/` (`groups/hangzhou/index.md`), worked out once.
    let contentPaths: [String]
    /// Page index → whether it is a document of a replication template (`isTemplateSource`).
    let templateSources: [Bool]
    /// Folder (content-relative, `groups/hangzhou`) → indices of pages directly inside it,
    /// counting a folder's `index.md` as part of its parent folder.
    let children: [String: [Int]]
    /// Folders that have no `index.md` and get a generated list page.
    let generatedFolders: [String]
    /// Folder → its direct sub-folders that have no index page of their own, sorted.
    let subfolders: [String: [String]]
    /// Folder → title to show (its index page's title, or the folder name / kind label).
    let folderTitles: [String: String]
    /// Pages of the handbook's replication templates (kind `template`, their documents left
    /// out), wherever they are kept, in path order: the catalog at `templates/` lists them.
    let templatePages: [Int]
    /// How the site names each kind, for every place that shows one, and in which language.
    let kindLabels: KindLabels
    let language: Language
    /// Hrefs already worked out, shared by every copy and every thread of a render.
    private let hrefs = HrefCache()

    /// A folder without an index page is titled by its kind: a built-in kind's folder
    /// (`groups`) by that kind's label, a top-level folder whose pages are all of one kind (a
    /// site's own `event` pages in `events/`) by that kind's label, a folder of groups by their
    /// charters (`groupsName`), any other by its name.
    init(pages: [Page], language: Language, kindLabels: KindLabels) {
        self.pages = pages
        self.kindLabels = kindLabels
        self.language = language
        let contentPaths = pages.map(\.source.contentPath)
        let templateSources = pages.map(Self.isTemplateSource)
        self.contentPaths = contentPaths
        self.templateSources = templateSources
        var byPath: [String: Int] = [:]
        var children: [String: [Int]] = [:]
        var folders: Set<String> = []
        var indexFolders: [String: Int] = [:]
        for i in pages.indices {
            let path = contentPaths[i]
            byPath[path] = i
            // A template's documents are shown from the template's page, not as sections of the
            // handbook: they get no list pages and no place in their folder's lists.
            if templateSources[i] { continue }
            let folder = Self.folder(of: path)
            if path.hasSuffix("/index.md") || path == "index.md" {
                indexFolders[folder] = i
                children[Self.parent(of: folder), default: []].append(i)
            } else {
                children[folder, default: []].append(i)
            }
            var f = folder
            while !f.isEmpty {
                folders.insert(f)
                f = Self.parent(of: f)
            }
        }
        self.pagesByPath = byPath
        self.templatePages = pages.indices.filter { !templateSources[$0] && pages[$0].kind == .template }
        self.children = children
        self.generatedFolders = folders.filter { indexFolders[$0] == nil }.sorted()
        var subfolders: [String: [String]] = [:]
        for folder in generatedFolders { subfolders[Self.parent(of: folder), default: []].append(folder) }
        self.subfolders = subfolders
        var titles: [String: String] = [:]
        for folder in folders {
            if let i = indexFolders[folder], !pages[i].title.isEmpty {
                titles[folder] = pages[i].title
            } else if let name = folder.split(separator: "/").last, let kind = Kind.folders[String(name)] {
                titles[folder] = kindLabels.title(kind, in: language)
            } else if !folder.contains("/"), let kind = Self.soleKind(of: children[folder] ?? [], in: pages) {
                titles[folder] = kindLabels.title(kind, in: language)
            } else if let name = Self.groupsName(of: folder, children: children[folder] ?? [], pages: pages) {
                titles[folder] = name
            } else {
                titles[folder] = String(folder.split(separator: "/").last ?? "")
            }
        }
        self.folderTitles = titles
    }

    /// A folder without an index page named by its groups, so that a list shows a city's Chinese
    /// name rather than its folder's pinyin: a folder holding one group charter beside other
    /// pages is that group's (its charter's title); a folder of several groups (`groups/beijing`,
    /// each group a sub-folder or a file) is named by what their charters' titles begin with
    /// (`北京读书会 1 群`, `北京跑步群` → `北京`), when that is a word of two characters or more.
    static func groupsName(of folder: String, children: [Int], pages: [Page]) -> String? {
        let charters = children.filter { pages[$0].kind == .group && !pages[$0].title.isEmpty }
        let direct = charters.filter { Self.folder(of: pages[$0].source.contentPath) == folder }
        if direct.count == 1, charters.count == 1 { return pages[direct[0]].title }
        guard charters.count >= 2 else { return nil }
        var prefix = Array(pages[charters[0]].title)
        for index in charters.dropFirst() {
            let title = Array(pages[index].title)
            var n = 0
            while n < prefix.count, n < title.count, prefix[n] == title[n] { n += 1 }
            prefix.removeSubrange(n...)
            // A Latin word cut short is no name (`Taipei R` of `Taipei Runners` and `Taipei Readers`).
            if n < title.count, let last = prefix.last, last.isLetter, last.isASCII, title[n].isLetter {
                while let end = prefix.last, end.isLetter, end.isASCII { prefix.removeLast() }
            }
        }
        // Digits are decimal digits only: `Character.isNumber` holds for 京 and 万 too.
        while let last = prefix.last,
            last.isWhitespace || last.isPunctuation || last == "·"
                || last.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .decimalNumber })
        {
            prefix.removeLast()
        }
        return prefix.count >= 2 ? String(prefix) : nil
    }

    /// True when the handbook has replication templates but no `templates/` folder of pages
    /// (they are kept elsewhere): the catalog and its menu entry are made for them all the same.
    var templatesNeedCatalog: Bool {
        !templatePages.isEmpty && folderTitles["templates"] == nil && pagesByPath["templates/index.md"] == nil
    }

    /// The kind every one of `indices` is, when they share one other than a plain page.
    static func soleKind(of indices: [Int], in pages: [Page]) -> Kind? {
        guard let first = indices.first.map({ pages[$0].kind }), first != .page else { return nil }
        return indices.allSatisfy { pages[$0].kind == first } ? first : nil
    }

    static func folder(of contentPath: String) -> String {
        guard let slash = contentPath.lastIndex(of: "/") else { return "" }
        return String(contentPath[..<slash])
    }

    static func parent(of folder: String) -> String {
        guard let slash = folder.lastIndex(of: "/") else { return "" }
        return String(folder[..<slash])
    }

    /// True for a document inside a replication template's `files/`: what a new group gets, with
    /// its `{{placeholders}}` unfilled, rather than a page of the handbook.
    static func isTemplateSource(_ page: Page) -> Bool {
        guard let name = page.templateName else { return false }
        return page.source.contentPath != "templates/\(name)/index.md"
    }

    /// The href for a Markdown link written in the page at `from`, relative to the page's URL
    /// (or to `base`, the URL of a page that shows this one's body, such as a group's kit).
    /// `.md` links become links to the page's `index.html` (anchor kept), so the site navigates
    /// from disk too; other relative links are re-based because the page's output folder is one
    /// level below its source folder for non-index pages.
    func resolve(_ destination: String, from page: Page, base: String? = nil) -> String {
        // A link's href depends only on the folder it is written in, the depth of the URL it is
        // shown at and the link itself (not on the page): the pages of a folder, and the kits
        // that show them, share one resolution of each link (`?query` alone names the page).
        if destination.hasPrefix("?") { return resolving(destination, from: page, base: base) }
        let url = base ?? page.url
        var depth = 0
        for byte in url.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        let key = HrefCache.Key(
            folder: Self.folder(of: page.source.contentPath), depth: depth, destination: destination)
        if let known = hrefs[key] { return known }
        let href = resolving(destination, from: page, base: base)
        hrefs[key] = href
        return href
    }

    private func resolving(_ destination: String, from page: Page, base: String?) -> String {
        // `/rules/x.md` is relative to content/: such links work from any folder, which is what
        // a replication template needs (its documents are read in one place and cloned to another).
        guard !destination.hasPrefix("#"), let link = LinkDestination(destination) else { return destination }
        // The query goes along as written (`/search/?q=duty` opens a prefiltered search).
        let query = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .drop { $0 != "?" }
        let suffix = String(query) + (link.fragment.map { "#" + Slug.encodeFragment($0) } ?? "")
        let decoded = link.path
        // `?tab=2` is this page with a query: as written on the page itself, spelt out elsewhere.
        if decoded.isEmpty && !query.isEmpty {
            guard let base, base != page.url else { return destination }
            return Href.to(page.url, from: base) + suffix
        }
        guard let target = Slug.resolve(decoded, inFolder: Self.folder(of: page.source.contentPath)) else {
            return destination
        }
        let url = base ?? page.url
        if decoded.hasSuffix(".md") {
            guard let index = pagesByPath[target] else { return destination }
            return Href.to(pages[index].url, from: url) + suffix
        }
        // A link to a folder that has a page (`../groups/`) or an asset beside the page.
        if decoded.hasSuffix("/") || decoded.isEmpty {
            return Href.to(target.isEmpty ? "" : target + "/", from: url) + suffix
        }
        return Href.to(target, from: url) + suffix
    }
}

/// Hrefs by the folder a link is written in, the depth of the URL it is shown at, and the link
/// as written; shared by the render's threads.
private final class HrefCache: @unchecked Sendable {
    struct Key: Hashable {
        var folder: String
        var depth: Int
        var destination: String
    }

    private let lock = NSLock()
    private var hrefs: [Key: String] = [:]

    subscript(key: Key) -> String? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return hrefs[key]
        }
        set {
            lock.lock()
            defer { lock.unlock() }
            hrefs[key] = newValue
        }
    }
}
