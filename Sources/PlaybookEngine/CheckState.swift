// Re-checking after a body edit, for `serve`: the edited pages are checked alone against the
// handbook prepared once (pages by path, anchors, templates), their findings take the place of
// their old ones, and the health view is built again from the findings. The result equals a
// check of the whole handbook; edits that can change another page's findings take the full check.
import PlaybookCheck
import PlaybookEngine
import PlaybookModel

/// What re-checking one edited page needs, kept between rebuilds: the checker, the handbook
/// prepared for it, every diagnostic before the baseline (report order) and the rules' findings
/// alone (the health view is built from those).
struct CheckState: Sendable {
    var checker: Checker
    var prepared: Checker.Prepared
    var diagnostics: [Diagnostic]
    var findings: [Diagnostic]

    init(checker: Checker, handbook: Handbook, diagnostics: [Diagnostic], findings: [Diagnostic]) {
        self.checker = checker
        self.prepared = checker.prepare(handbook)
        self.diagnostics = diagnostics
        self.findings = findings
    }
}

extension CheckState {
    /// CHECK of the whole handbook as the preview judges it (every page published, drafts
    /// included, so no link to one is dead), keeping what re-checking one page needs. Pure.
    static func check(_ handbook: Handbook, files: SiteFiles, ruleFiles: [String: String]) -> (CheckResult, CheckState)
    {
        let (result, checker, findings) = Pipeline.checkKeepingChecker(
            handbook, files: files, ruleFiles: ruleFiles, publication: .everything)
        return (
            result,
            CheckState(checker: checker, handbook: handbook, diagnostics: result.diagnostics, findings: findings)
        )
    }

    /// CHECK again only `edited`, pages whose summary (title, kind, URL, front matter, links)
    /// is unchanged; nil when the edit can reach other pages' findings, so the caller checks
    /// the whole handbook. Another page's findings read an edited page only through its
    /// anchors (links to `page.md#anchor`) and, for a replication template's documents, its
    /// variables; an edit that changes either takes the full check. Pure.
    /// `health` is the view before the edit: kept when no edited page is one the view reads.
    func recheck(edited: [Page], handbook: Handbook, files: SiteFiles, health: HealthReport) -> (
        CheckResult, CheckState
    )? {
        var state = self
        var handbook = handbook
        handbook.config.kindLabels = state.checker.rules.kindLabels
        for page in edited {
            guard page.templateName == nil, let index = state.prepared.index(of: page.path) else { return nil }
            let old = state.prepared.handbook.pages[index]
            guard old.templateName == nil, Set(old.headings.map(\.anchor)) == Set(page.headings.map(\.anchor))
            else { return nil }
            state.prepared.replace(page)
        }
        for page in edited {
            let findings = state.checker.check(pageAt: page.path, in: state.prepared)
            // The same merge as the full check, for this one file: load findings, the page's own
            // parse findings, then the rules'; stable by place.
            var all = files.problems.filter { $0.file == page.path } + page.source.diagnostics + findings
            all.sort { $0.position < $1.position }
            state.findings.replaceDiagnostics(of: page.path, with: findings)
            state.diagnostics.replaceDiagnostics(of: page.path, with: all)
        }
        let health =
            edited.contains(where: state.checker.healthReads)
            ? Pipeline.annotateLineage(state.checker.health(handbook, findings: state.findings), files: files) : health
        let result = CheckResult(
            files: files, handbook: handbook, diagnostics: state.diagnostics, health: health,
            rules: state.checker.rules)
        return (result, state)
    }
}

extension Array where Element == Diagnostic {
    /// Replaces the diagnostics of `file` in a list sorted by file with `replacement` (already
    /// in report order), keeping the list sorted.
    mutating func replaceDiagnostics(of file: String, with replacement: [Diagnostic]) {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].file < file { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < count && self[end].file == file { end += 1 }
        replaceSubrange(low..<end, with: replacement)
    }
}
