import PlaybookModel
import PlaybookReplication

/// Where one cloned group stands against its template, for `playbook status`: the policy of
/// what needs attention lives here, the command only prints it.
package struct GroupStatus: Hashable, Sendable {
    package enum Standing: Hashable, Sendable {
        case upToDate
        /// The template moved on to `version`.
        case behind(version: String)
        /// The template's files changed but its version did not (still `version`).
        case changedSameVersion(version: String)
        case templateRemoved
    }

    package var group: String
    package var template: String
    /// The version the group follows.
    package var version: String
    package var standing: Standing
    /// Files of the group, Markdown or not, that hold unresolved conflict markers (paths
    /// relative to content/): an update that conflicted records the new version at once, so
    /// until they are resolved the group is not really there yet.
    package var conflicts: [String]
    /// Files (relative to content/) an update that stopped part-way never reached: they still
    /// hold an earlier version's text while the lineage records a later one.
    package var interrupted: [String] = []
    /// The group's records cannot be trusted (a lineage or snapshot Playbook did not write).
    package var problem: ReplicationProblem?

    /// Behind its template, left with conflict markers or half updated, or its records broken.
    package var needsAttention: Bool {
        if !interrupted.isEmpty || problem != nil { return true }
        switch standing {
        case .behind, .changedSameVersion: return true
        case .upToDate, .templateRemoved: return !conflicts.isEmpty
        }
    }

    /// One line: `chengdu: city-chapter 1.0.0 — up to date`.
    package func line(_ l: Language) -> String {
        var state: String
        switch standing {
        case .upToDate: state = l.pick("已是最新", "已是最新", "up to date")
        case .behind(let version):
            state = l.pick("落后：模板已是 \(version)", "落後：範本已是 \(version)", "behind: template is now \(version)")
        case .changedSameVersion(let version):
            state = l.pick(
                "落后：模板改过了（版本仍是 \(version)，请升级版本号）", "落後：範本改過了（版本仍是 \(version)，請升級版本號）",
                "behind: the template changed since (still \(version); bump its version)")
        case .templateRemoved: state = l.pick("模板已删除", "範本已刪除", "template removed")
        }
        if !conflicts.isEmpty {
            let list = conflicts.joined(separator: ", ")
            let text = l.pick("有未解决的冲突标记：\(list)", "有未解決的衝突標記：\(list)", "unresolved conflict markers in \(list)")
            state = standing == .upToDate || standing == .templateRemoved ? text : state + "; " + text
        }
        if !interrupted.isEmpty {
            let list = interrupted.joined(separator: ", ")
            let text = l.pick(
                "上次更新中途停了，\(list) 还是旧版本的内容：运行 `playbook update \(group)` 补完",
                "上次更新中途停了，\(list) 還是舊版本的內容：執行 `playbook update \(group)` 補完",
                "an earlier update stopped part-way and \(list) still hold the older version's text: run `playbook update \(group)` to finish it"
            )
            state = standing == .upToDate && conflicts.isEmpty ? text : state + "; " + text
        }
        if let problem { state += "; " + problem.message(l) }
        return "\(group): \(template) \(version) — \(state)"
    }

    /// The closing line when `count` groups need attention.
    package static func attention(_ count: Int, _ l: Language) -> String {
        l.pick(
            "\(count) 个群需要处理：运行 `playbook update <群>`，再解决冲突标记",
            "\(count) 個群需要處理：執行 `playbook update <群>`，再解決衝突標記",
            "\(count) group\(count == 1 ? " needs" : "s need") attention: run `playbook update <group>`, then resolve any conflict markers"
        )
    }

    package static func none(_ l: Language) -> String {
        l.pick("还没有从模板复制出来的群。", "還沒有從範本複製出來的群。", "No group was cloned from a template.")
    }
}

extension Replicator {
    /// Every cloned group's status, sorted by group. With `snapshot` and `kept` (as for
    /// `updateReport`), a group's records are checked too and an update that stopped part-way
    /// is found.
    package static func status(
        site: SiteFiles,
        snapshot: (_ template: String, _ hash: String) -> Result<ReplicationTemplate?, ReplicationProblem> = { _, _ in
            .success(nil)
        },
        kept: (_ template: String) -> [ReplicationTemplate] = { _ in [] }
    ) -> [GroupStatus] {
        // Every kept version of a template is read once, however many groups follow it.
        var versions: [String: [ReplicationTemplate]] = [:]
        return drift(site: site).map { drift in
            let template = drift.lineage.template
            if versions[template] == nil { versions[template] = kept(template) }
            return status(of: drift, site: site, snapshot: snapshot, kept: versions[template]!)
        }
    }

    /// One cloned group's status; `kept` are its template's kept versions.
    static func status(
        of drift: Drift, site: SiteFiles,
        snapshot: (_ template: String, _ hash: String) -> Result<ReplicationTemplate?, ReplicationProblem>,
        kept: [ReplicationTemplate]
    ) -> GroupStatus {
        let standing: GroupStatus.Standing
        if let current = drift.current {
            if !drift.behind {
                standing = .upToDate
            } else if current.version == drift.lineage.version {
                standing = .changedSameVersion(version: current.version)
            } else {
                standing = .behind(version: current.version)
            }
        } else {
            standing = .templateRemoved
        }
        var status = GroupStatus(
            group: drift.group, template: drift.lineage.template, version: drift.lineage.version,
            standing: standing, conflicts: conflictFiles(site: site, group: drift.group))
        if let problem = lineageProblem(drift) {
            status.problem = problem
        } else {
            switch recordedSnapshot(drift, snapshot: snapshot) {
            case .failure(let problem): status.problem = problem
            case .success(let base?):
                status.interrupted = staleFiles(site: site, drift: drift, base: base, kept: kept)
                    .map { "groups/\(drift.group)/\($0)" }
            case .success(nil): break
            }
        }
        return status
    }
}
