import PlaybookModel

/// The files a published site needs beside its pages: `robots.txt`; with an absolute `baseURL`,
/// `sitemap.xml` (a sitemap holds absolute URLs only); with dates from git, `feed.xml`, an Atom
/// feed of the pages changed most recently.
struct SiteFeeds {
    let prepared: SiteRenderer.Context

    /// How many pages the feed lists, newest first.
    static let feedLength = 20

    func files(pagePaths: [String]) -> [OutputFile] {
        var files = [OutputFile(path: "robots.txt", text: robots())]
        if let sitemap = sitemap(pagePaths) { files.append(OutputFile(path: "sitemap.xml", text: sitemap)) }
        if let feed = feed() { files.append(OutputFile(path: "feed.xml", text: feed)) }
        return files
    }

    var absoluteBase: String? { prepared.context.absoluteBase }

    func robots() -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let base = absoluteBase { text += "Sitemap: \(base)sitemap.xml\n" }
        return text
    }

    /// Every HTML page but `404.html` and a template's documents (what a new group gets, not
    /// pages to find), with the date it last changed when git knows it.
    func sitemap(_ paths: [String]) -> String? {
        guard let base = absoluteBase else { return nil }
        let map = prepared.map
        var changedByURL: [String: String] = [:]
        var hidden: Set<String> = []
        for index in map.pages.indices {
            let page = map.pages[index]
            if map.templateSources[index] { hidden.insert(page.url) }
            if let stamp = prepared.handbook.lastChanged[page.path] {
                changedByURL[page.url] = String(stamp.prefix(10))
            }
        }
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() where path.hasSuffix("index.html") {
            let url = String(path.dropLast("index.html".count))
            guard !hidden.contains(url) else { continue }
            out += "  <url><loc>\((base + Slug.encodePath(url)).htmlEscaped)</loc>"
            if let date = changedByURL[url] { out += "<lastmod>\(date)</lastmod>" }
            out += "</url>\n"
        }
        out += "</urlset>\n"
        return out
    }

    /// Atom: the pages changed most recently by their git date, newest first, ties by path.
    /// Entry ids are the pages' absolute URLs when `baseURL` is absolute, else `urn:` names
    /// made from their paths, so they stay the same from build to build.
    func feed() -> String? {
        let handbook = prepared.handbook
        let map = prepared.map
        let dated = map.pages.indices.filter { !map.templateSources[$0] }.compactMap { index -> (Page, String)? in
            handbook.lastChanged[map.pages[index].path].map { (map.pages[index], $0) }
        }
        guard !dated.isEmpty else { return nil }
        let recent = dated.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.path < $1.0.path }.prefix(Self.feedLength)
        let config = handbook.config
        let base = absoluteBase
        func link(_ url: String) -> String { (base ?? "") + Slug.encodePath(url) + (base == nil ? "index.html" : "") }
        func id(_ url: String) -> String {
            base.map { $0 + Slug.encodePath(url) } ?? "urn:playbook:" + Slug.encodePath(url.isEmpty ? "home" : url)
        }
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(config.language.rawValue)\">\n"
        out += "  <title>\(config.title.htmlEscaped)</title>\n"
        out += "  <id>\(id("").htmlEscaped)</id>\n"
        out += "  <updated>\(recent.first!.1.htmlEscaped)</updated>\n"
        out += "  <link rel=\"alternate\" href=\"\(link("").htmlEscaped)\"/>\n"
        if let base { out += "  <link rel=\"self\" href=\"\(base.htmlEscaped)feed.xml\"/>\n" }
        out += "  <author><name>\(config.title.htmlEscaped)</name></author>\n"
        for (page, stamp) in recent {
            out += "  <entry>\n"
            out += "    <title>\(prepared.context.displayTitle(page).htmlEscaped)</title>\n"
            out += "    <id>\(id(page.url).htmlEscaped)</id>\n"
            out += "    <link rel=\"alternate\" href=\"\(link(page.url).htmlEscaped)\"/>\n"
            out += "    <updated>\(stamp.htmlEscaped)</updated>\n"
            // Front matter only: a summary taken from the body would tie the feed to every edit.
            let summary = page.frontMatter["description"]?.string ?? ""
            if !summary.isEmpty { out += "    <summary>\(summary.htmlEscaped)</summary>\n" }
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }
}
