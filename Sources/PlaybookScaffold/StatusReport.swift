import PlaybookModel
import PlaybookReplication

/// What `playbook status` reports and the exit status it earns: the policy lives here, the
/// command prints `output` and exits with `exitStatus`.
package enum StatusReport: Hashable, Sendable {
    /// Every group that has a lineage, and where it stands against its template.
    case groups([GroupStatus])
    /// One group's diffs: the template's changes since the group's version, and the group's
    /// own edits; `behind` when the template has moved on.
    /// `attention` is the group's status when something else needs the person: conflict
    /// markers left, an update that stopped part-way.
    case changes(
        group: String, version: String, template: String, edits: String, behind: Bool, attention: GroupStatus? = nil)

    /// 1 when a group needs attention (behind, or left with conflict markers), so CI can fail.
    package var exitStatus: ExitStatus {
        switch self {
        case .groups(let statuses): return statuses.contains(where: \.needsAttention) ? .findings : .success
        case .changes(_, _, _, _, let behind, let attention): return behind || attention != nil ? .findings : .success
        }
    }

    /// What to print on standard output and on standard error.
    package func output(_ l: Language) -> (standardOutput: String, standardError: String) {
        switch self {
        case .groups(let statuses):
            if statuses.isEmpty { return (GroupStatus.none(l) + "\n", "") }
            let lines = statuses.map { $0.line(l) + "\n" }.joined()
            let attention = statuses.filter(\.needsAttention).count
            return (lines, attention > 0 ? GroupStatus.attention(attention, l) + "\n" : "")
        case .changes(let group, let version, let template, let edits, _, let attention):
            let none = l.pick("（无）\n", "（無）\n", "(none)\n")
            let out =
                l.pick(
                    "# \(version) 之后模板的改动\n", "# \(version) 之後範本的改動\n", "# Template changes since \(version)\n")
                + (template.isEmpty ? none : template)
                + l.pick("# groups/\(group) 自己的改动\n", "# groups/\(group) 自己的改動\n", "# Edits made in groups/\(group)\n")
                + (edits.isEmpty ? none : edits)
            return (out, attention.map { $0.line(l) + "\n" } ?? "")
        }
    }
}

/// Why `playbook status GROUP` cannot show the group's diffs.
package enum StatusRefusal: Error, Hashable, Sendable {
    /// No group of that slug has a `lineage.yml`; the slugs that do.
    case unknownGroup(String, known: [String])
    /// The snapshot of the version the group was cloned from is missing from `.playbook/`.
    case noSnapshot(template: String, version: String)
    /// The group's records cannot be trusted (a lineage or snapshot Playbook did not write).
    case site(ReplicationProblem)

    /// A usage error (the group named is not one), or a refusal of the site's state (exit 2).
    package var isUsageError: Bool {
        if case .unknownGroup = self { return true }
        return false
    }

    package func message(_ l: Language) -> String {
        switch self {
        case .unknownGroup(let group, let known):
            let list = known.isEmpty ? l.pick("没有", "沒有", "none") : known.joined(separator: ", ")
            return l.pick(
                "content/groups/ 里没有带 lineage.yml 的群 `\(group)`（有：\(list)）",
                "content/groups/ 裡沒有帶 lineage.yml 的群 `\(group)`（有：\(list)）",
                "no group `\(group)` with a lineage.yml in content/groups/ (groups with one: \(list))")
        case .noSnapshot(let template, let version):
            return ReplicationProblem.noSnapshot(template: template, version: version).message(l)
        case .site(let problem): return problem.message(l)
        }
    }
}

extension Replicator {
    /// `playbook status [GROUP]` on the site's files. `snapshot` reads the kept copy of a
    /// template version and `kept` every kept version of a template (`ScaffoldWriter.snapshot`,
    /// `.snapshots`).
    package static func statusReport(
        site: SiteFiles, group: String?,
        snapshot: (_ template: String, _ hash: String) -> Result<ReplicationTemplate?, ReplicationProblem>,
        kept: (_ template: String) -> [ReplicationTemplate] = { _ in [] }
    ) -> Result<StatusReport, StatusRefusal> {
        guard let group else { return .success(.groups(status(site: site, snapshot: snapshot, kept: kept))) }
        let all = drift(site: site)
        guard let drift = all.first(where: { $0.group == group }) else {
            return .failure(.unknownGroup(group, known: all.map(\.group).sorted()))
        }
        if let problem = lineageProblem(drift) { return .failure(.site(problem)) }
        let found: ReplicationTemplate?
        switch recordedSnapshot(drift, snapshot: snapshot) {
        case .failure(let problem): return .failure(.site(problem))
        case .success(let base): found = base
        }
        guard let base = found else {
            return .failure(.noSnapshot(template: drift.lineage.template, version: drift.lineage.version))
        }
        let changes = changes(site: site, drift: drift, base: base)
        // Being behind shows in the diffs; what else needs the person is said below them.
        var attention: GroupStatus? = status(
            of: drift, site: site, snapshot: snapshot, kept: kept(drift.lineage.template))
        attention?.standing = .upToDate
        if attention?.needsAttention == false { attention = nil }
        return .success(
            .changes(
                group: group, version: drift.lineage.version, template: changes.template, edits: changes.group,
                behind: drift.behind, attention: attention))
    }
}
