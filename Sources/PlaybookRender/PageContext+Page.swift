import PlaybookModel

extension PageContext {
    /// The values of one page: its header (kind, meta, health chips, the group's documents,
    /// the template it came from), body, table of contents, and what follows it (tags, the date
    /// it changed, "linked from", previous and next in its section).
    func page(_ parsed: ParsedPage, index: Int, body: String, chrome: Chrome, sidebar: String) -> SiteView {
        let page = parsed.page
        let url = page.url
        let view = base(
            url: url, title: displayTitle(page), navHTML: chrome.nav, description: CrossLinks.description(parsed),
            language: CrossLinks.language(of: parsed, site: config.language),
            type: page.url.isEmpty ? "website" : "article")
        let info = PageView()
        info.toc = page.headings.filter { $0.level >= 2 && $0.level <= 3 }.map { heading in
            TocItemView(
                text: heading.text, anchor: Slug.encodeFragment(heading.anchor), level: heading.level,
                sub: heading.level == 3)
        }
        // `page` may be newer than the map's page at `index` (a preview), or not in it at all.
        let known = map.pages.indices.contains(index) && map.pages[index].path == page.path
        let isTemplateSource = known ? map.templateSources[index] : SiteMap.isTemplateSource(page)
        info.title = displayTitle(page)
        info.kind = page.kind.rawValue
        info.kindLabel = config.kindLabels.title(page.kind, in: config.language)
        info.body = body
        info.hasToc = info.toc.count >= 2
        info.meta = meta(for: page)
        info.hasMeta = !info.meta.isEmpty
        info.isTemplateDocument = isTemplateSource
        info.isPlainPage = page.kind == .page
        info.isDraft = page.isDraft
        info.isInternal = page.isInternal
        // A body that opens with its own `# Title` shows that heading instead of the header's.
        info.bodyHasTitle = parsed.document.blocks.first?.headingLevel == 1
        // That heading leads the header, before the document box, chips, contents and checklist.
        if info.bodyHasTitle, body.hasPrefix("<h1"), let close = body.literalRange(of: "</h1>") {
            var heading = String(body[..<close.upperBound])
            if let language = view.contentLang {
                heading.insert(contentsOf: " lang=\"\(language)\"", at: heading.index(heading.startIndex, offsetBy: 3))
            }
            info.titleHTML = heading
            info.body = String(body[close.upperBound...].drop { $0 == "\n" })
        }
        if url.isEmpty {
            info.overview = overview(from: url)
            info.hasOverview = !info.overview.isEmpty
        }
        info.hasChecklist = body.containsLiteral("<li class=\"task\" ")
        info.checklistPage = url
        info.editionPrefix = config.currentEdition?.prefix ?? ""
        info.description = page.frontMatter["description"]?.string
        if let pattern = config.editURL {
            info.editURL = pattern.replacingOccurrences(of: "{path}", with: Slug.encodePath(page.path))
        }
        let row = (known ? healthRowOfPage[index] : healthRowByPath[page.path]).map { health.rows[$0] }
        if let row { info.health = healthRow(row, from: url) }
        info.changed = changed(page)
        // A preview's newer page shows its own tags at once, before the tag pages are made again.
        var tagNames = known ? links.tagsByPage[index] : []
        if !known || CrossLinks.tagNames(map.pages[index]) != CrossLinks.tagNames(page) {
            tagNames =
                isTemplateSource
                ? []
                : CrossLinks.tagNames(page).filter { name in
                    let slug = Slug.anchor(name)
                    return !slug.isEmpty && map.pagesByPath["tags/\(slug)/index.md"] == nil
                        && map.pagesByPath["tags/\(slug).md"] == nil
                }
        }
        info.tags = tagNames.map { name in
            TagView(name: config.tagLabels[name] ?? name, href: Href.to("tags/\(Slug.anchor(name))/", from: url))
        }
        info.hasTags = !info.tags.isEmpty
        info.backlinks = links.backlinks[index].map { link(to: $0, from: url) }
        info.hasBacklinks = !info.backlinks.isEmpty
        info.previous = links.previous[index].map { link(to: $0, from: url) }
        info.next = links.next[index].map { link(to: $0, from: url) }
        info.hasPager = links.previous[index] != nil || links.next[index] != nil
        info.group = groupBar(for: page, index: index)
        if let name = row?.template ?? page.frontMatter["template"]?.string,
            let template = map.pagesByPath["templates/\(name)/index.md"]
        {
            info.fromTemplate = link(to: template, from: url)
        }
        if isTemplateSource, let name = page.templateName {
            info.templateSource = templateSource(page, template: name, from: url)
        }
        if page.kind == .template, !isTemplateSource {
            info.catalog = TemplateCatalog(map: map, language: config.language).entry(for: index, from: url)
        }
        view.page = info
        view.sidebar = sidebar
        view.breadcrumbsHTML = chrome.breadcrumbs
        view.hasBreadcrumbs = !page.url.isEmpty
        view.noindex = isTemplateSource
        return view
    }

    /// The bar at the top of a group's charter and of the pages in its folder: the charter,
    /// its rules, onboarding flow and SOPs, and its kit, each one tap away.
    func groupBar(for page: Page, index: Int) -> GroupBarView? {
        guard let charter = links.charter[index], let documents = links.groupDocuments[charter] else { return nil }
        let url = page.url
        func entries(_ indices: [Int]) -> [LinkView] {
            indices.map { other in
                var item = link(to: other, from: url)
                item.current = other == index
                return item
            }
        }
        var sets = [
            GroupSetView(label: config.kindLabels.title(.group, in: config.language), items: entries([charter]))
        ]
        for (label, indices) in [
            (words["rules"] ?? "Rules", documents.rules), (words["onboarding"] ?? "Onboarding", documents.onboarding),
            (words["sops"] ?? "SOPs", documents.sops),
        ] where !indices.isEmpty {
            sets.append(GroupSetView(label: label, items: entries(indices)))
        }
        return GroupBarView(
            sets: sets, title: displayTitle(map.pages[charter]),
            kitHref: documents.kitURL.map { Href.to($0, from: url) })
    }

    /// For a document of a replication template: where a new group gets it, and the template.
    func templateSource(_ page: Page, template name: String, from url: String) -> TemplateSourceView {
        let prefix = "templates/\(name)/files/"
        let relative =
            page.source.contentPath.hasPrefix(prefix)
            ? String(page.source.contentPath.dropFirst(prefix.count)) : page.fileStem + ".md"
        return TemplateSourceView(
            target: "content/groups/<slug>/" + relative,
            template: map.pagesByPath["templates/\(name)/index.md"].map { link(to: $0, from: url) })
    }

    func healthColumns() -> [HealthColumnView] {
        health.columns.map { HealthColumnView(id: $0.id, label: $0.label) }
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

    /// A group's row: each cell links to where to fix it (the page and the section's line, or
    /// for an element with no page yet, the charter where it would be linked from), with the
    /// finding's message and hint; `listing` caps the findings shown (the rest are counted).
    func healthRow(_ row: HealthReport.Row, from url: String, listing: Int = .max) -> HealthRowView {
        var cells: [HealthCellView] = []
        let rowIndex = healthRowByPath[row.path]
        let rowAnchor = Self.healthAnchor(row)
        let entry = Href.to(rowIndex.map { healthLayout.pageOfRow[$0] } ?? "health/", from: url) + "#" + rowAnchor
        for (index, cell) in row.cells.enumerated() {
            let column = index < health.columns.count ? health.columns[index] : HealthReport.Column(id: "", label: "")
            let statusLabel = words[cell.status.rawValue] ?? cell.status.rawValue
            var note = cell.note ?? ""
            var hint = cell.hint ?? ""
            if note.isEmpty, cell.status == .missing {
                note = words["noPageYet"] ?? ""
                if hint.isEmpty {
                    hint = (words["addPageHint"] ?? "").replacingOccurrences(
                        of: "{folder}", with: HealthLayout.groupFolder(of: row.path) + "/")
                }
            }
            var href: String
            if let path = cell.path, let target = map.pagesByPath[SiteMap.contentPath(path)] {
                href = Href.to(map.pages[target].url, from: url)
                if let anchor = anchor(in: path, line: cell.line) { href += "#" + Slug.encodeFragment(anchor) }
            } else if cell.status == .ok, cell.line == nil {
                href = entry
            } else {
                // The place to fix it: the section's line in the charter, else the charter itself,
                // where a missing section is written or a missing page is linked from.
                href = Href.to(row.url, from: url)
                if let anchor = anchor(in: row.path, line: cell.line) { href += "#" + Slug.encodeFragment(anchor) }
            }
            cells.append(
                HealthCellView(
                    label: column.label, status: cell.status.rawValue, statusLabel: statusLabel, ok: cell.status == .ok,
                    note: note, href: href, hint: cell.status == .ok || hint.isEmpty ? nil : Self.firstSentence(hint)))
        }
        let own = rowIndex.map { healthLayout.findingsOfRow[$0] } ?? row.findings
        // Errors first, then warnings, each in file and line order.
        let ordered = own.filter { $0.severity == .error } + own.filter { $0.severity != .error }
        let findings = ordered.prefix(listing).map { finding($0, fallback: row.url, from: url) }
        let gaps = row.cells.filter { $0.status != .ok }.count
        let lacking = zip(row.cells, health.columns).filter { $0.0.status != .ok }.map(\.1.id).joined(separator: " ")
        return HealthRowView(
            title: row.title, href: Href.to(row.url, from: url), cells: cells, id: rowAnchor, complete: gaps == 0,
            gaps: gaps, behind: row.behindTemplate, findings: Array(findings), hasFindings: !findings.isEmpty,
            findingsHref: entry, lineage: row.lineage, lacking: lacking,
            more: ordered.count > findings.count ? ordered.count - findings.count : nil)
    }

    /// `在「结构」下加一个小标题。写出…` → `在「结构」下加一个小标题。`: what to do, without the why.
    static func firstSentence(_ text: String) -> String {
        guard let stop = text.firstIndex(where: { "。！？".contains($0) }) ?? text.range(of: ". ")?.lowerBound else {
            return text
        }
        return String(text[...stop])
    }

    /// A finding as the health view lists it: linked to its page at the heading above its line.
    func finding(_ finding: Diagnostic, fallback: String, from url: String) -> FindingView {
        var href = Href.to(fallback, from: url)
        if let index = map.pagesByPath[SiteMap.contentPath(finding.file)] {
            href = Href.to(map.pages[index].url, from: url)
            if let anchor = anchor(in: finding.file, line: finding.position.line) {
                href += "#" + Slug.encodeFragment(anchor)
            }
        }
        return FindingView(
            message: finding.message, rule: finding.rule, href: href,
            location: "\(finding.file):\(finding.position.line)",
            severity: finding.severity == .error ? "error" : "warning",
            severityLabel: words[finding.severity == .error ? "error" : "warning"] ?? "", hint: finding.hint ?? "")
    }
}

extension SiteMap {
    /// `content/groups/a/index.md` → `groups/a/index.md`.
    static func contentPath(_ path: String) -> String {
        path.hasPrefix("content/") ? String(path.dropFirst("content/".count)) : path
    }
}
