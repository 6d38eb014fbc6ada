import PlaybookModel

extension PageContext {
    /// The context of one page: its header (kind, meta, health chips, the group's documents,
    /// the template it came from), body, table of contents, and what follows it (tags, the date
    /// it changed, "linked from", previous and next in its section).
    func page(_ page: Page, index: Int, body: String, chrome: Chrome, sidebar: String) -> [String: Any] {
        let url = page.url
        var context = base(
            url: url, title: displayTitle(page), navHTML: chrome.nav, description: CrossLinks.description(page),
            language: CrossLinks.language(of: page, site: config.language),
            type: page.url.isEmpty ? "website" : "article")
        let toc = page.headings.filter { $0.level >= 2 && $0.level <= 3 }.map { heading -> [String: Any] in
            [
                "text": heading.text, "anchor": Slug.encodeFragment(heading.anchor), "level": heading.level,
                "sub": heading.level == 3,
            ]
        }
        let meta = meta(for: page)
        let isTemplateSource = SiteMap.isTemplateSource(page)
        var info: [String: Any] = [
            "title": displayTitle(page),
            "kind": page.kind.rawValue,
            "kindLabel": config.kindLabels.title(page.kind, in: config.language),
            "body": body,
            "toc": toc,
            "hasToc": toc.count >= 2,
            "meta": meta,
            "hasMeta": !meta.isEmpty,
            "isTemplateDocument": isTemplateSource,
            "isPlainPage": page.kind == .page,
            "isDraft": page.isDraft,
            "isInternal": page.isInternal,
            // A body that opens with its own `# Title` shows that heading instead of the header's.
            "bodyHasTitle": page.document.blocks.first?.headingLevel == 1,
            "hasChecklist": body.contains("<li class=\"task\">"),
        ]
        if let description = page.frontMatter["description"]?.string { info["description"] = description }
        if let pattern = config.editURL {
            info["editURL"] = pattern.replacingOccurrences(of: "{path}", with: Slug.encodePath(page.path))
        }
        if let row = healthRowByPath[page.path] {
            info["health"] = healthRow(health.rows[row], from: url)
        }
        if let changed = changed(page) { info["changed"] = changed }
        let tags = links.tagsByPage[index].map { name -> [String: Any] in
            ["name": name, "href": Href.to("tags/\(Slug.anchor(name))/", from: url)]
        }
        info["tags"] = tags
        info["hasTags"] = !tags.isEmpty
        let backlinks = links.backlinks[index].map { link(to: $0, from: url) }
        info["backlinks"] = backlinks
        info["hasBacklinks"] = !backlinks.isEmpty
        if let previous = links.previous[index] { info["previous"] = link(to: previous, from: url) }
        if let next = links.next[index] { info["next"] = link(to: next, from: url) }
        info["hasPager"] = links.previous[index] != nil || links.next[index] != nil
        if let documents = groupBar(for: page, index: index) { info["group"] = documents }
        let row = healthRowByPath[page.path].map { health.rows[$0] }
        if let name = row?.template ?? page.frontMatter["template"]?.string,
            let template = map.pagesByPath["templates/\(name)/index.md"]
        {
            info["fromTemplate"] = link(to: template, from: url)
        }
        if isTemplateSource, let name = page.templateName {
            info["templateSource"] = templateSource(page, template: name, from: url)
        }
        if page.kind == .template, !isTemplateSource,
            let entry = TemplateCatalog(map: map, language: config.language).entry(for: index, from: url)
        {
            info["catalog"] = entry
        }
        context["page"] = info
        context["sidebar"] = sidebar
        context["breadcrumbsHTML"] = chrome.breadcrumbs
        context["hasBreadcrumbs"] = !page.url.isEmpty
        context["noindex"] = isTemplateSource
        return context
    }

    /// The bar at the top of a group's charter and of the pages in its folder: the charter,
    /// its rules, onboarding flow and SOPs, and its kit, each one tap away.
    func groupBar(for page: Page, index: Int) -> [String: Any]? {
        let charter: Int
        if links.groupDocuments[index] != nil {
            charter = index
        } else {
            let path = page.source.contentPath
            guard
                let owner = links.groupDocuments.keys.sorted().first(where: { candidate in
                    let charterPath = map.pages[candidate].source.contentPath
                    guard charterPath.hasSuffix("/index.md") else { return false }
                    return path.hasPrefix(SiteMap.folder(of: charterPath) + "/")
                })
            else { return nil }
            charter = owner
        }
        let documents = links.groupDocuments[charter]!
        let url = page.url
        func entries(_ indices: [Int]) -> [[String: Any]] {
            indices.map { other -> [String: Any] in
                var item = link(to: other, from: url)
                item["current"] = other == index
                return item
            }
        }
        var groups: [[String: Any]] = [
            ["label": config.kindLabels.title(.group, in: config.language), "items": entries([charter])]
        ]
        for (label, indices) in [
            (words["rules"] ?? "Rules", documents.rules), (words["onboarding"] ?? "Onboarding", documents.onboarding),
            (words["sops"] ?? "SOPs", documents.sops),
        ] where !indices.isEmpty {
            groups.append(["label": label, "items": entries(indices)])
        }
        var bar: [String: Any] = ["sets": groups, "title": displayTitle(map.pages[charter])]
        if let kit = documents.kitURL { bar["kitHref"] = Href.to(kit, from: url) }
        return bar
    }

    /// For a document of a replication template: where a new group gets it, and the template.
    func templateSource(_ page: Page, template name: String, from url: String) -> [String: Any] {
        let prefix = "templates/\(name)/files/"
        let relative =
            page.source.contentPath.hasPrefix(prefix)
            ? String(page.source.contentPath.dropFirst(prefix.count)) : page.fileStem + ".md"
        var result: [String: Any] = ["target": "content/groups/<slug>/" + relative]
        if let template = map.pagesByPath["templates/\(name)/index.md"] {
            result["template"] = link(to: template, from: url)
        }
        return result
    }

    func healthColumns() -> [[String: Any]] {
        health.columns.map { ["id": $0.id, "label": $0.label] }
    }

    /// The id of a group's entry in the health view, so a chip can link to its findings.
    static func healthAnchor(_ row: HealthReport.Row) -> String {
        "group-"
            + Slug.anchor(row.url.replacingOccurrences(of: "/", with: " ")).replacingOccurrences(of: "-", with: "_")
    }

    /// The heading anchor for a line of a page: the heading on it, else the last one above it.
    func anchor(in path: String, line: Int?) -> String? {
        guard let line, let index = map.pagesByPath[SiteMap.contentPath(path)] else { return nil }
        let headings = map.pages[index].headings
        return (headings.first { $0.line == line } ?? headings.last { $0.line <= line })?.anchor
    }

    func healthRow(_ row: HealthReport.Row, from url: String) -> [String: Any] {
        var cells: [[String: Any]] = []
        let rowAnchor = Self.healthAnchor(row)
        for (index, cell) in row.cells.enumerated() {
            let column = index < health.columns.count ? health.columns[index] : HealthReport.Column(id: "", label: "")
            let statusLabel = words[cell.status.rawValue] ?? cell.status.rawValue
            var note = cell.note ?? ""
            if note.isEmpty, cell.status == .missing { note = words["noPageYet"] ?? "" }
            var href: String
            if let path = cell.path, let target = map.pagesByPath[SiteMap.contentPath(path)] {
                href = Href.to(map.pages[target].url, from: url)
                if let anchor = anchor(in: path, line: cell.line) { href += "#" + Slug.encodeFragment(anchor) }
            } else if cell.status == .missing || cell.line == nil {
                // Nothing to point at in a page: the group's entry in the health view lists why.
                href = Href.to("health/", from: url) + "#" + rowAnchor
            } else {
                href = Href.to(row.url, from: url)
                if let anchor = anchor(in: row.path, line: cell.line) { href += "#" + Slug.encodeFragment(anchor) }
            }
            cells.append([
                "label": column.label, "status": cell.status.rawValue, "statusLabel": statusLabel,
                "ok": cell.status == .ok, "note": note, "href": href,
            ])
        }
        let findings = row.findings.map { finding -> [String: Any] in
            var href = Href.to(row.url, from: url)
            if let index = map.pagesByPath[SiteMap.contentPath(finding.file)] {
                href = Href.to(map.pages[index].url, from: url)
                if let anchor = anchor(in: finding.file, line: finding.position.line) {
                    href += "#" + Slug.encodeFragment(anchor)
                }
            }
            return [
                "message": finding.message, "rule": finding.rule, "href": href,
                "location": "\(finding.file):\(finding.position.line)",
                "severity": finding.severity == .error ? "error" : "warning",
                "severityLabel": words[finding.severity == .error ? "error" : "warning"] ?? "",
            ]
        }
        let gaps = row.cells.filter { $0.status != .ok }.count
        var result: [String: Any] = [
            "title": row.title, "href": Href.to(row.url, from: url), "cells": cells, "id": rowAnchor,
            "complete": gaps == 0, "gaps": gaps, "behind": row.behindTemplate,
            "findings": findings, "hasFindings": !findings.isEmpty,
            "findingsHref": Href.to("health/", from: url) + "#" + rowAnchor,
        ]
        if let lineage = row.lineage { result["lineage"] = lineage }
        return result
    }
}

extension SiteMap {
    /// `content/groups/a/index.md` → `groups/a/index.md`.
    static func contentPath(_ path: String) -> String {
        path.hasPrefix("content/") ? String(path.dropFirst("content/".count)) : path
    }
}
