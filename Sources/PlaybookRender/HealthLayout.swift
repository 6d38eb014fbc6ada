import PlaybookModel

/// How the health view is split so that it stays light at thousands of groups: the groups are
/// put together by the folder that holds them (a city's groups under `groups/beijing/`), each
/// folder gets its own pages of `pageSize` groups, neediest first, and `health/` summarises the
/// network. A handbook with no more than `pageSize` groups shows them all on `health/`.
/// Worked out once per build, so a charter's chips know which page lists its group.
struct HealthLayout {
    static let pageSize = 50

    struct Bucket {
        /// The folder holding the groups (`groups/beijing`), or `` for groups at the top.
        var folder: String
        var title: String
        /// `health/<slug>/`.
        var url: String
        /// Row indices, neediest first.
        var rows: [Int]
        var pageCount: Int { max(1, (rows.count + HealthLayout.pageSize - 1) / HealthLayout.pageSize) }

        /// `health/<slug>/` for the first page, `health/<slug>/2/` after.
        func url(ofPage number: Int) -> String {
            number <= 1 ? url : url + "\(number)/"
        }
    }

    /// A finding in the view, with the row it is listed under (nil: a page shared by groups).
    struct Owned {
        var finding: Diagnostic
        var row: Int?
    }

    /// True when every group is listed on `health/` itself.
    let inline: Bool
    /// Neediest folder first.
    let buckets: [Bucket]
    /// Row index → the health page (URL) that lists it.
    let pageOfRow: [String]
    /// Row index → the row's own findings: those on its charter and on pages in its folder.
    let findingsOfRow: [[Diagnostic]]
    /// Findings on pages several groups count (a network-wide rules page), once each, by path.
    let shared: [(path: String, findings: [Diagnostic])]
    /// Rows in need order: most gaps, then most errors, then by title.
    let neediest: [Int]

    init(health: HealthReport, map: SiteMap) {
        let rows = health.rows
        var errorCount = [Int](repeating: 0, count: rows.count)
        // Each finding belongs to the row whose folder holds its page; one on a page outside
        // every counting group's folder is shared, listed once.
        var seen: Set<FindingKey> = []
        var findingsOfRow = [[Diagnostic]](repeating: [], count: rows.count)
        var shared: [String: [Diagnostic]] = [:]
        for (index, row) in rows.enumerated() {
            let folder = Self.groupFolder(of: row.path)
            for finding in row.findings {
                let file = SiteMap.contentPath(finding.file)
                let ownPage = finding.file == row.path || (!folder.isEmpty && file.hasPrefix(folder + "/"))
                guard seen.insert(FindingKey(finding)).inserted || ownPage else { continue }
                if ownPage {
                    findingsOfRow[index].append(finding)
                    if finding.severity == .error { errorCount[index] += 1 }
                } else {
                    shared[finding.file, default: []].append(finding)
                }
            }
        }
        // A shared page's finding counted first under a group that owns it is not shared.
        let owned = Set(findingsOfRow.joined().map(FindingKey.init))
        self.shared = shared.keys.sorted().compactMap { path in
            let kept = shared[path]!.filter { !owned.contains(FindingKey($0)) }
            return kept.isEmpty ? nil : (path, kept)
        }
        self.findingsOfRow = findingsOfRow
        let neediest = rows.indices.sorted { a, b in
            let (ra, rb) = (rows[a], rows[b])
            if ra.gapWeight != rb.gapWeight { return ra.gapWeight > rb.gapWeight }
            if errorCount[a] != errorCount[b] { return errorCount[a] > errorCount[b] }
            return ra.title != rb.title ? ra.title < rb.title : ra.path < rb.path
        }
        self.neediest = neediest
        var byFolder: [String: [Int]] = [:]
        for index in neediest {
            byFolder[SiteMap.parent(of: Self.groupFolder(of: rows[index].path)), default: []].append(index)
        }
        inline = rows.count <= Self.pageSize
        var usedSlugs: Set<String> = []
        var buckets: [Bucket] = byFolder.keys.sorted().map { folder in
            let last = folder.split(separator: "/").last.map(String.init) ?? ""
            var slug = Slug.anchor(folder.replacingOccurrences(of: "/", with: " "))
            if slug.isEmpty || slug == "index" { slug = "top" }
            while !usedSlugs.insert(slug).inserted { slug += "-" }
            return Bucket(
                folder: folder, title: map.folderTitles[folder] ?? (last.isEmpty ? folder : last),
                url: "health/\(slug)/", rows: byFolder[folder]!)
        }
        func need(_ bucket: Bucket) -> (Int, Int) {
            (bucket.rows.reduce(0) { $0 + rows[$1].gapWeight }, bucket.rows.count)
        }
        buckets.sort { a, b in
            let (na, nb) = (need(a), need(b))
            if na.0 != nb.0 { return na.0 > nb.0 }
            return a.folder < b.folder
        }
        self.buckets = buckets
        var pageOfRow = [String](repeating: "health/", count: rows.count)
        if !inline {
            for bucket in buckets {
                for (position, row) in bucket.rows.enumerated() {
                    pageOfRow[row] = bucket.url(ofPage: position / Self.pageSize + 1)
                }
            }
        }
        self.pageOfRow = pageOfRow
    }

    /// `groups/a` for `content/groups/a/index.md` and for `content/groups/a.md`.
    static func groupFolder(of path: String) -> String {
        let content = SiteMap.contentPath(path)
        return content.hasSuffix("/index.md") || content == "index.md"
            ? SiteMap.folder(of: content) : String(content.dropLast(3))
    }

    private struct FindingKey: Hashable {
        var file: String
        var line: Int
        var column: Int
        var rule: String
        var message: String

        init(_ finding: Diagnostic) {
            file = finding.file
            line = finding.position.line
            column = finding.position.column
            rule = finding.rule
            message = finding.message
        }
    }
}
