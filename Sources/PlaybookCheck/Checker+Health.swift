import PlaybookModel

extension Checker {
    /// What the health view reads of a group charter's tree: where each required section of the
    /// group kind runs, in the kind's order. Found while the charter is parsed
    /// (`charterSections(_:)`), so the view is drawn from summaries and these, and no charter
    /// keeps its tree or is parsed again for it.
    package struct CharterSections: Hashable, Sendable {
        /// A section the charter has: its heading's line and its last line.
        package struct Span: Hashable, Sendable {
            package var line: Int
            package var end: Int

            package init(line: Int, end: Int) {
                self.line = line
                self.end = end
            }
        }

        /// One per required section of the group kind, in its order; nil for one the charter lacks.
        package var spans: [Span?]

        package init(spans: [Span?]) { self.spans = spans }
    }

    /// Whether the health view draws a row of `page` from its sections: a group charter (a
    /// template's documents excluded).
    package func drawsHealthRow(_ page: Page) -> Bool {
        guard let group = rules.kinds[Kind.group.rawValue] else { return false }
        return page.templateName == nil && page.kind.rawValue == group.name
    }

    /// Where the group kind's required sections run in `page` (see `CharterSections`).
    package func charterSections(_ page: ParsedPage) -> CharterSections {
        let context = CheckContext(
            handbook: Handbook(config: SiteConfig(), pages: []), rules: rules, language: language,
            conversions: conversions)
        let checked = context.checkedPage(page)
        let required = rules.kinds[Kind.group.rawValue]?.sections.filter(\.required) ?? []
        return CharterSections(
            spans: required.map { spec in
                guard let section = checked.section(spec) else { return nil }
                let end =
                    section.end < checked.outline.blocks.count
                    ? checked.outline.blocks[section.end].range.start.line - 1 : checked.outline.endLine
                return CharterSections.Span(line: section.line, end: end)
            })
    }

    /// Which group lacks what: one row per group charter (a template's documents excluded), a
    /// column per required section of the group kind, plus the group's rules and onboarding
    /// (pages of those kinds in the charter's folder, or linked from it). Cells come from the
    /// findings `check` already produced, so nothing is checked twice, and from each charter's
    /// sections as found when it was parsed (`sections`, `charterSections(_:)`).
    package func health(_ handbook: Handbook, findings: [Diagnostic], sections: (Page) -> CharterSections)
        -> HealthReport
    {
        let context = CheckContext(handbook: handbook, rules: rules, language: language, conversions: conversions)
        guard let group = rules.kinds[Kind.group.rawValue] else { return HealthReport() }
        let l = language
        let required = group.sections.filter(\.required)
        var columns = required.map { HealthReport.Column(id: $0.id, label: $0.label(l)) }
        let companions = [Kind.rules.rawValue, Kind.onboarding.rawValue].filter { rules.kinds[$0] != nil }
        columns += companions.map { HealthReport.Column(id: $0, label: rules.kinds[$0]!.label.title(l)) }

        // Only the findings of pages a row reads (charters, their rules and onboarding).
        let read = Set(handbook.pages.lazy.filter(healthReads).map(\.path))
        var findingsByPath: [String: [Diagnostic]] = [:]
        for finding in findings where read.contains(finding.file) {
            findingsByPath[finding.file, default: []].append(finding)
        }
        func diagnostics(_ page: Page) -> [Diagnostic] { findingsByPath[page.path] ?? [] }
        let companionIndex = CompanionIndex(kinds: companions, context: context)

        var rows: [HealthReport.Row] = []
        for page in handbook.pages where drawsHealthRow(page) {
            let spans = sections(page).spans
            precondition(spans.count == required.count, "one span per required section of the group kind")
            let found = diagnostics(page).filter { $0.rule.hasPrefix("\(group.name).") }
            var cells: [HealthReport.Cell] = []
            for (spec, span) in zip(required, spans) {
                guard let section = span else {
                    let note = found.first {
                        $0.rule == "\(group.name).missing-section" && $0.message.contains(spec.label(l))
                    }
                    cells.append(
                        .init(status: .missing, note: note?.message, line: note?.position.line, hint: note?.hint))
                    continue
                }
                let problem = found.first {
                    !$0.rule.hasSuffix(".missing-section")
                        && (section.line...max(section.line, section.end)).contains($0.position.line)
                }
                cells.append(
                    .init(
                        status: problem == nil ? .ok : .partial, note: problem?.message, line: section.line,
                        hint: problem?.hint))
            }
            var rowFindings = diagnostics(page)
            for kind in companions {
                let pages = companionIndex.pages(of: page, kind: kind, context: context)
                for companion in pages { rowFindings += diagnostics(companion) }
                if pages.isEmpty {
                    cells.append(.init(status: .missing))
                } else if let problem = pages.lazy.flatMap({ diagnostics($0) }).first(where: { $0.severity == .error })
                {
                    cells.append(
                        .init(
                            status: .partial, note: problem.message, path: problem.file, line: problem.position.line,
                            hint: problem.hint))
                } else {
                    cells.append(.init(status: .ok, path: pages[0].path))
                }
            }
            rowFindings.sort { ($0.file, $0.position) < ($1.file, $1.position) }
            var lineage: String?
            var behind = false
            if let template = page.frontMatter["template"]?.string {
                let version = page.frontMatter["template_version"]?.string
                lineage = version.map { "\(template) \($0)" } ?? template
                if let index = context.templates[template],
                    let current = handbook.pages[index].frontMatter["version"]?.string
                {
                    behind = VersionNumber.compare(version ?? "0", current) == .orderedAscending
                }
            }
            var row =
                HealthReport.Row(
                    path: page.path, title: page.title.isEmpty ? page.fileStem : page.title, url: page.url,
                    cells: cells,
                    lineage: lineage, behindTemplate: behind, findings: rowFindings)
            row.template = page.frontMatter["template"]?.string
            rows.append(row)
        }
        return HealthReport(columns: columns, rows: rows)
    }

}

/// The rules and onboarding pages of each folder, so finding a group's companions costs a
/// lookup rather than a pass over the whole handbook per group.
private struct CompanionIndex {
    /// Page indices by kind, then by every folder that holds them (at any depth: `groups/a/`).
    var byFolder: [String: [String: [Int]]] = [:]

    init(kinds: [String], context: CheckContext) {
        let wanted = Set(kinds)
        for (index, page) in context.handbook.pages.enumerated() where page.templateName == nil {
            let kind = context.kind(of: page)
            guard wanted.contains(kind) else { continue }
            let path = page.source.contentPath
            var cursor = path.startIndex
            while let slash = path[cursor...].firstIndex(of: "/") {
                byFolder[kind, default: [:]][String(path[...slash]), default: []].append(index)
                cursor = path.index(after: slash)
            }
        }
    }

    /// Pages of `kind` that belong to a group: in the charter's folder (below it too), or linked from it.
    func pages(of group: Page, kind: String, context: CheckContext) -> [Page] {
        let path = group.source.contentPath
        var folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        if !path.hasSuffix("/index.md"), path.hasSuffix(".md") { folder = String(path.dropLast(3)) + "/" }
        var found =
            folder.isEmpty
            ? [] : (byFolder[kind]?[folder] ?? []).map { context.handbook.pages[$0] }.filter { $0.path != group.path }
        let base = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        for link in group.links {
            let destination = link.destination
            guard !destination.containsLiteral("://") else { continue }
            let target =
                destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
                ?? ""
            guard target.hasSuffix(".md"), let resolved = Slug.resolve(Slug.decodePercent(target), inFolder: base),
                let index = context.pagesByContentPath[resolved]
            else { continue }
            let page = context.handbook.pages[index]
            if context.kind(of: page) == kind, !found.contains(where: { $0.path == page.path }) { found.append(page) }
        }
        return found
    }
}

extension Checker {
    /// Whether the health view reads `page`: a group charter, or a page of a kind the view has a
    /// column for (rules, onboarding). An edit to any other page's body leaves the view as it is.
    package func healthReads(_ page: Page) -> Bool {
        let kind = page.kind.rawValue
        return page.templateName != nil || kind == Kind.group.rawValue || kind == Kind.rules.rawValue
            || kind == Kind.onboarding.rawValue
    }
}
