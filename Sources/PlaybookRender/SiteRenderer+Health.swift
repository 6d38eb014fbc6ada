import PlaybookModel

extension SiteRenderer {
    /// The health view: `health/index.html` (the network's summary; every group too when there
    /// are no more than `HealthLayout.pageSize`), and for a larger network one page per folder
    /// of groups, paged by `HealthLayout.pageSize`, neediest first.
    package func renderHealth(prepared: Context) -> OutputFile {
        renderHealthPages(prepared: prepared)[0]
    }

    /// Every file of the health view; the first is `health/index.html`. With `summaryOnly`,
    /// that page and the totals alone: what the trend against the build before reaches (the
    /// folders' pages show none).
    package func renderHealthPages(prepared: Context, summaryOnly: Bool = false) -> [OutputFile] {
        let layout = prepared.context.healthLayout
        var files = [
            renderHealthSummary(prepared: prepared),
            OutputFile(path: "health/totals.txt", bytes: Array(prepared.health.totals.text.utf8)),
        ]
        guard !layout.inline, !summaryOnly else { return files }
        for bucket in layout.buckets {
            for number in 1...bucket.pageCount {
                files.append(renderHealthBucket(bucket, page: number, prepared: prepared))
            }
        }
        return files
    }

    func renderHealthSummary(prepared: Context) -> OutputFile {
        let url = "health/"
        let context = prepared.context
        let words = context.words
        let health = prepared.health
        let layout = context.healthLayout
        let title = words["healthTitle"] ?? "Health"
        let view = context.base(url: url, title: title)
        let rows = health.rows
        let own = layout.findingsOfRow
        func hasError(_ row: Int) -> Bool { own[row].contains { $0.severity == .error } }
        func complete(_ row: Int) -> Bool { rows[row].cells.allSatisfy { $0.status == .ok } }

        var tallies: [HealthTallyView] = []
        for (column, label) in health.columns.enumerated() {
            var missing = 0
            var partial = 0
            for row in rows where column < row.cells.count {
                if row.cells[column].status == .missing { missing += 1 }
                if row.cells[column].status == .partial { partial += 1 }
            }
            let percent = rows.isEmpty ? 0 : ((missing + partial) * 100 + rows.count - 1) / rows.count
            tallies.append(HealthTallyView(label: label.label, missing: missing, partial: partial, percent: percent))
        }
        let buckets: [HealthBucketView] =
            layout.inline
            ? []
            : layout.buckets.map { bucket in
                HealthBucketView(
                    title: bucket.title, href: Href.to(bucket.url, from: url), groups: bucket.rows.count,
                    complete: bucket.rows.filter(complete).count, withErrors: bucket.rows.filter(hasError).count,
                    lacking: health.columns.indices.map { column in
                        let count = bucket.rows.filter { row in
                            column < rows[row].cells.count && rows[row].cells[column].status != .ok
                        }.count
                        return HealthCountView(count: count, none: count == 0)
                    })
            }
        let neediest: [HealthNeedView] =
            layout.inline
            ? []
            : layout.neediest.prefix(20).filter { rows[$0].gapWeight > 0 || hasError($0) }.map {
                index -> HealthNeedView in
                let row = rows[index]
                let lacking = zip(row.cells, health.columns).filter { $0.0.status != .ok }.map(\.1.label)
                let folder = SiteMap.parent(of: HealthLayout.groupFolder(of: row.path))
                return HealthNeedView(
                    title: row.title, href: Href.to(row.url, from: url),
                    folder: context.map.folderTitles[folder] ?? folder,
                    healthHref: Href.to(layout.pageOfRow[index], from: url) + "#" + PageContext.healthAnchor(row),
                    lacking: lacking.joined(separator: words["listSeparator"] ?? ", "), gaps: row.gapWeight)
            }
        // Groups by the template they came from, and by owner: neediest first, the first 20.
        var byTemplate: [String: [Int]] = [:]
        var byOwner: [String: [Int]] = [:]
        for index in rows.indices {
            if let template = rows[index].template { byTemplate[template, default: []].append(index) }
            if let page = context.map.pagesByPath[SiteMap.contentPath(rows[index].path)],
                let owner = context.map.pages[page].frontMatter["owner"]?.string, !owner.isEmpty
            {
                byOwner[owner, default: []].append(index)
            }
        }
        func grouping(_ members: [String: [Int]], link: (String) -> String?) -> [HealthGroupingView] {
            members.map { name, indices in
                HealthGroupingView(
                    name: name, href: link(name), groups: indices.count,
                    incomplete: indices.filter { !complete($0) }.count,
                    behind: indices.filter { rows[$0].behindTemplate }.count)
            }.sorted { a, b in
                a.incomplete != b.incomplete ? a.incomplete > b.incomplete : a.name < b.name
            }.prefix(20).map { $0 }
        }
        let templates = grouping(byTemplate) { name in
            context.map.pagesByPath["templates/\(name)/index.md"].map {
                Href.to(context.map.pages[$0].url, from: url)
            }
        }
        let owners = layout.inline || byOwner.count < 2 ? [] : grouping(byOwner) { _ in nil }
        // Every finding once, counted by rule: what to fix across the network.
        var byRule: [String: (count: Int, severity: Severity, example: String)] = [:]
        for finding in own.joined().lazy + layout.shared.lazy.flatMap(\.findings) {
            if let known = byRule[finding.rule] {
                byRule[finding.rule]!.count = known.count + 1
                if finding.severity == .error { byRule[finding.rule]!.severity = .error }
            } else {
                byRule[finding.rule] = (1, finding.severity, finding.message)
            }
        }
        let ruleViews = byRule.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key
        }.prefix(15).map { rule, tally in
            HealthRuleView(
                rule: rule, count: tally.count, severity: tally.severity == .error ? "error" : "warning",
                severityLabel: words[tally.severity == .error ? "error" : "warning"] ?? "", example: tally.example)
        }
        let shared = layout.shared.prefix(30).map { path, findings in
            let index = context.map.pagesByPath[SiteMap.contentPath(path)]
            let ordered = findings.filter { $0.severity == .error } + findings.filter { $0.severity != .error }
            let listed = ordered.prefix(5).map { context.finding($0, fallback: "", from: url) }
            return HealthSharedView(
                title: index.map { context.displayTitle(context.map.pages[$0]) } ?? path,
                href: index.map { Href.to(context.map.pages[$0].url, from: url) } ?? "",
                findings: Array(listed), more: ordered.count > listed.count ? ordered.count - listed.count : nil)
        }
        let summary = HealthSummaryView(
            groups: rows.count, complete: rows.indices.filter(complete).count,
            withErrors: rows.indices.filter(hasError).count, behind: rows.filter(\.behindTemplate).count,
            trend: trend(prepared: prepared), tallies: tallies, buckets: buckets, hasBuckets: !buckets.isEmpty,
            neediest: neediest, hasNeediest: !neediest.isEmpty, templates: templates,
            hasTemplates: !templates.isEmpty, owners: owners, hasOwners: !owners.isEmpty, rules: ruleViews,
            hasRules: !ruleViews.isEmpty, shared: shared, hasShared: !shared.isEmpty)
        view.health = healthTable(
            layout.inline ? layout.neediest : [], heading: title, url: url, prepared: prepared, summary: summary)
        return OutputFile(path: "health/index.html", bytes: theme.render(.health, view))
    }

    func renderHealthBucket(_ bucket: HealthLayout.Bucket, page number: Int, prepared: Context) -> OutputFile {
        let context = prepared.context
        let words = context.words
        let url = bucket.url(ofPage: number)
        let heading = "\(words["healthTitle"] ?? "Health") · \(bucket.title)"
        let title = number > 1 ? "\(heading) · \(pageWord(number, words: words))" : heading
        let view = context.base(url: url, title: title)
        let size = HealthLayout.pageSize
        let members = Array(bucket.rows[((number - 1) * size)..<min(number * size, bucket.rows.count)])
        var table = healthTable(members, heading: heading, url: url, prepared: prepared, summary: nil)
        table.pagination = pagination(count: bucket.pageCount, current: number, from: url) { bucket.url(ofPage: $0) }
        view.health = table
        view.hasBreadcrumbs = true
        view.breadcrumbsHTML =
            "<li><a href=\"\(Href.to("", from: url))\">\((words["home"] ?? "Home").htmlEscaped)</a></li>"
            + "<li><a href=\"\(Href.to("health/", from: url))\">\((words["healthTitle"] ?? "Health").htmlEscaped)</a></li>"
        return OutputFile(path: Self.outputPath(forURL: url), bytes: theme.render(.health, view))
    }

    /// The groups × elements table of `members` (row indices, in order) and their findings.
    func healthTable(
        _ members: [Int], heading: String, url: String, prepared: Context, summary: HealthSummaryView?
    ) -> HealthView {
        let rows = members.map { prepared.context.healthRow(prepared.health.rows[$0], from: url, listing: 6) }
        return HealthView(
            heading: heading, columns: prepared.context.healthColumns(), rows: rows, hasRows: !rows.isEmpty,
            withFindings: rows.filter(\.hasFindings), hasFindings: rows.contains(where: \.hasFindings),
            gapCount: rows.filter { !$0.complete }.count, summary: summary, pagination: nil)
    }

    /// Against the previous build's health view (`HealthReport.previous`), when there was one:
    /// how many more groups are complete, how many more gaps.
    func trend(prepared: Context) -> String? {
        guard let previous = prepared.health.previous else { return nil }
        let words = prepared.context.words
        let now = prepared.health.totals
        func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : "\(n)" }
        var text = (words["healthTrend"] ?? "{complete} complete, {gaps} gaps since the last build")
            .replacingOccurrences(of: "{complete}", with: signed(now.complete - previous.complete))
            .replacingOccurrences(of: "{gaps}", with: signed(now.gaps - previous.gaps))
            .replacingOccurrences(of: "{groups}", with: signed(now.groups - previous.groups))
        // Each element whose gaps moved, with the groups lacking it now (`结构 -3`).
        let before = Dictionary(previous.lacking.map { ($0.id, $0.count) }, uniquingKeysWith: { a, _ in a })
        let moved = prepared.health.columns.compactMap { column -> String? in
            guard let count = now.lacking.first(where: { $0.id == column.id })?.count,
                let was = before[column.id], count != was
            else { return nil }
            return "\(column.label) \(signed(count - was))"
        }
        if !moved.isEmpty {
            text +=
                (words["healthTrendElements"] ?? "; by element: ")
                + moved.joined(separator: words["listSeparator"] ?? ", ")
        }
        return text
    }

    /// `第 2 页` / `page 2`.
    func pageWord(_ number: Int, words: [String: String]) -> String {
        (words["pageNumber"] ?? "page {n}").replacingOccurrences(of: "{n}", with: "\(number)")
    }

    /// The links between `count` pages, from page `current` at `url`; nil for a single page.
    func pagination(count: Int, current: Int, from url: String, url pageURL: (Int) -> String) -> PaginationView? {
        guard count > 1 else { return nil }
        // Every page is linked: a list of 80 pages is 80 short links, still light.
        let pages = (1...count).map {
            PageLinkView(number: $0, href: Href.to(pageURL($0), from: url), current: $0 == current)
        }
        return PaginationView(
            pages: pages, previous: current > 1 ? Href.to(pageURL(current - 1), from: url) : nil,
            next: current < count ? Href.to(pageURL(current + 1), from: url) : nil, current: current, count: count)
    }
}
