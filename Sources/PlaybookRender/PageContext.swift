import Foundation
import PlaybookMarkdown
import PlaybookModel

/// Builds the plain-dictionary contexts the templates render. Keys are documented in
/// `templates/README.md`; every value is escaped by Mustache except `body`.
struct PageContext {
    let config: SiteConfig
    let words: [String: String]
    let map: SiteMap
    let navigation: [[String: Any]]
    let health: HealthReport
    let theme: Theme
    /// Health row index by page path: every page asks whether it has one.
    let healthRowByPath: [String: Int]

    init(
        config: SiteConfig, words: [String: String], map: SiteMap, navigation: [[String: Any]],
        health: HealthReport, theme: Theme
    ) {
        self.config = config
        self.words = words
        self.map = map
        self.navigation = navigation
        self.health = health
        self.theme = theme
        healthRowByPath = Dictionary(
            health.rows.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Sections shown in the top navigation: one per top-level folder, kinds first.
    static func navigation(map: SiteMap) -> [(folder: String, title: String, count: Int)] {
        var result: [(String, String, Int)] = []
        let topFolders = Set(map.folderTitles.keys.filter { !$0.contains("/") })
        let ordered =
            ["groups", "rules", "onboarding", "sops", "templates"].filter(topFolders.contains)
            + topFolders.subtracting(Kind.folders.keys).sorted()
        for folder in ordered {
            let count = map.pages.filter { $0.source.contentPath.hasPrefix(folder + "/") }.count
            result.append((folder, map.folderTitles[folder] ?? folder, count))
        }
        return result
    }

    /// The context every template shares. `navHTML` is the `nav` partial rendered for this URL;
    /// pages pass the copy cached for their folder instead of rendering it again.
    func base(url: String, title: String, navHTML: String? = nil) -> [String: Any] {
        let root = Slug.relative(from: url, to: "")
        return [
            "lang": config.language.rawValue,
            "site": ["title": config.title, "description": config.description],
            "t": words,
            "root": root,
            "title": title,
            "pageTitle": title.isEmpty || title == config.title ? config.title : "\(title) · \(config.title)",
            "navHTML": navHTML ?? renderNav(url: url),
            "searchHref": Slug.relative(from: url, to: "search/"),
        ]
    }

    func renderNav(url: String) -> String {
        let root = Slug.relative(from: url, to: "")
        var nav: [[String: Any]] = []
        for item in navigation {
            var entry = item
            let folder = item["folder"] as! String
            entry["href"] = root == "./" ? Slug.encodePath(folder + "/") : root + Slug.encodePath(folder + "/")
            entry["current"] = url.hasPrefix(folder + "/")
            nav.append(entry)
        }
        let context: [String: Any] = [
            "t": words,
            "nav": nav,
            "healthHref": Slug.relative(from: url, to: "health/"),
            "healthCurrent": url == "health/",
            "hasHealth": !health.rows.isEmpty,
        ]
        return theme.render("nav", context)
    }

    func renderBreadcrumbs(for url: String, contentPath: String) -> String {
        theme.render("breadcrumbs", ["breadcrumbs": breadcrumbs(for: url, contentPath: contentPath)])
    }

    func breadcrumbs(for url: String, contentPath: String) -> [[String: Any]] {
        var crumbs: [[String: Any]] = [["title": words["home"] ?? "Home", "href": Slug.relative(from: url, to: "")]]
        var folders: [String] = []
        var folder = SiteMap.folder(of: contentPath)
        // An index page's own folder is the page itself, not a crumb.
        if contentPath.hasSuffix("/index.md") { folder = SiteMap.parent(of: folder) }
        while !folder.isEmpty {
            folders.insert(folder, at: 0)
            folder = SiteMap.parent(of: folder)
        }
        for f in folders {
            crumbs.append(["title": map.folderTitles[f] ?? f, "href": Slug.relative(from: url, to: f + "/")])
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
            sidebar: sidebar(forKey: key).map { theme.render("sidebar", $0) } ?? "")
    }

    struct Chrome {
        var nav: String
        var breadcrumbs: String
        var sidebar: String
    }

    /// Context of the sidebar for one sidebar key: the pages in the folder (its section) and its
    /// sub-folders. Capped so a folder of thousands of pages does not make every page's size grow
    /// with the folder.
    func sidebar(forKey key: String, limit: Int = 60) -> [String: Any]? {
        let folder = String(key.split(separator: "|", omittingEmptySubsequences: false)[0])
        guard !folder.isEmpty else { return nil }
        let url = Self.representativeURL(forKey: key)
        var items: [[String: Any]] = []
        let indices = map.children[folder] ?? []
        for i in indices where map.pages[i].source.contentPath != folder + "/index.md" {
            let other = map.pages[i]
            items.append([
                "title": displayTitle(other), "href": Slug.relative(from: url, to: other.url), "current": false,
            ])
            if items.count == limit { break }
        }
        for sub in map.subfolders[folder] ?? [] where items.count < limit {
            items.append([
                "title": map.folderTitles[sub] ?? sub, "href": Slug.relative(from: url, to: sub + "/"),
                "current": false, "folder": true,
            ])
        }
        guard !items.isEmpty else { return nil }
        var context: [String: Any] = ["t": words]
        context["section"] = [
            "title": map.folderTitles[folder] ?? folder,
            "href": Slug.relative(from: url, to: folder + "/"),
            "items": items,
            "more": indices.count + (map.subfolders[folder]?.count ?? 0) > limit,
        ]
        return context
    }

    func displayTitle(_ page: Page) -> String {
        page.title.isEmpty ? page.fileStem : page.title
    }

    /// Front matter fields shown in the page header, in a fixed order.
    func meta(for page: Page) -> [[String: Any]] {
        var result: [[String: Any]] = []
        for key in ["owner", "platform", "cadence", "version"] {
            if let value = page.frontMatter[key]?.string, !value.isEmpty {
                result.append(["label": words[key] ?? key, "value": value])
            }
        }
        return result
    }

    func page(_ page: Page, body: String, chrome: Chrome, sidebar: String) -> [String: Any] {
        var context = base(url: page.url, title: displayTitle(page), navHTML: chrome.nav)
        let toc = page.headings.filter { $0.level >= 2 && $0.level <= 3 }.map { heading -> [String: Any] in
            [
                "text": heading.text, "anchor": Slug.encodeFragment(heading.anchor), "level": heading.level,
                "sub": heading.level == 3,
            ]
        }
        let meta = meta(for: page)
        var info: [String: Any] = [
            "title": displayTitle(page),
            "kind": page.kind.rawValue,
            "kindLabel": InterfaceText.kindLabel(page.kind, language: config.language),
            "body": body,
            "toc": toc,
            "hasToc": toc.count >= 2,
            "meta": meta,
            "hasMeta": !meta.isEmpty,
            "isTemplateDocument": page.templateName != nil,
            "isPlainPage": page.kind == .page,
            // A body that opens with its own `# Title` shows that heading instead of the header's.
            "bodyHasTitle": page.document.blocks.first?.headingLevel == 1,
        ]
        if let description = page.frontMatter["description"]?.string { info["description"] = description }
        if let pattern = config.editURL {
            info["editURL"] = pattern.replacingOccurrences(of: "{path}", with: Slug.encodePath(page.path))
        }
        if let index = healthRowByPath[page.path] {
            info["health"] = healthRow(health.rows[index], from: page.url)
        }
        context["page"] = info
        context["sidebar"] = sidebar
        context["breadcrumbsHTML"] = chrome.breadcrumbs
        context["hasBreadcrumbs"] = !page.url.isEmpty
        return context
    }

    func healthColumns() -> [[String: Any]] {
        health.columns.map { ["id": $0.id, "label": $0.label] }
    }

    func healthRow(_ row: HealthReport.Row, from url: String) -> [String: Any] {
        var cells: [[String: Any]] = []
        for (index, cell) in row.cells.enumerated() {
            let column = index < health.columns.count ? health.columns[index] : HealthReport.Column(id: "", label: "")
            cells.append([
                "label": column.label, "status": cell.status.rawValue,
                "statusLabel": words[cell.status.rawValue] ?? cell.status.rawValue,
                "ok": cell.status == .ok, "note": cell.note ?? "",
            ])
        }
        var result: [String: Any] = [
            "title": row.title, "href": Slug.relative(from: url, to: row.url), "cells": cells,
            "complete": row.cells.allSatisfy { $0.status == .ok },
            "behind": row.behindTemplate,
        ]
        if let lineage = row.lineage { result["lineage"] = lineage }
        return result
    }
}
