import PlaybookModel
import PlaybookReplication

/// What `playbook update GROUP` decided and the exit status it earns: the policy lives here,
/// the command writes `plan` (replacing the group's files), then prints `output`.
public enum UpdateReport: Hashable, Sendable {
    /// The group follows its template's current version already (`version`); nothing to write.
    case upToDate(group: String, template: String, version: String)
    /// The three-way merge from version `from`: `plan` holds the files to write (the group's
    /// merged files, its new `lineage.yml`, the new version's snapshot), the conflicts left and
    /// the files kept deleted; the version reached is `plan.lineage.version`.
    case updated(group: String, template: String, from: String, plan: ScaffoldPlan)

    /// 1 when the merge left conflict markers, for the person to resolve; 0 otherwise.
    public var exitStatus: ExitStatus {
        if case .updated(_, _, _, let plan) = self, !plan.conflicts.isEmpty { return .findings }
        return .success
    }

    /// The plan to write before printing; nil when there is nothing to write.
    public var plan: ScaffoldPlan? {
        if case .updated(_, _, _, let plan) = self { return plan }
        return nil
    }

    /// What to print on standard output and on standard error, once `plan` is written.
    public func output(_ l: Language) -> (standardOutput: String, standardError: String) {
        switch self {
        case .upToDate(let group, let template, let version):
            let target = "\(template) \(version)"
            return (
                l.pick(
                    "\(group) 已经跟上 \(target)。\n", "\(group) 已經跟上 \(target)。\n",
                    "\(group) is up to date with \(target).\n"), ""
            )
        case .updated(let group, let template, _, let plan):
            let target = "\(template) \(plan.lineage.version)"
            var out = l.pick(
                "已把 \(group) 更新到 \(target)。\n", "已把 \(group) 更新到 \(target)。\n", "Updated \(group) to \(target).\n")
            for path in plan.keptDeleted { out += l.pick("  保持删除：", "  保持刪除：", "  kept deleted: ") + path + "\n" }
            guard !plan.conflicts.isEmpty else { return (out, "") }
            var err = l.pick(
                "有冲突要解决（两个版本都在文件里，在 <<<<<<< 和 >>>>>>> 之间）：\n",
                "有衝突要解決（兩個版本都在檔案裡，在 <<<<<<< 和 >>>>>>> 之間）：\n",
                "Conflicts to resolve (both versions are in the file between <<<<<<< and >>>>>>>):\n")
            for path in plan.conflicts { err += "  \(path)\n" }
            return (out, err)
        }
    }
}

/// Why `playbook update GROUP` writes nothing.
public enum UpdateRefusal: Error, Hashable, Sendable {
    /// No group of that slug has a `lineage.yml`; the slugs that do.
    case unknownGroup(String, known: [String])
    /// The snapshot of the version the group follows is missing from `.playbook/`: no base to merge from.
    case noSnapshot(template: String, version: String)
    /// The template the group was cloned from is no longer in the site.
    case templateRemoved(String)
    /// A file of the current template, filled with the group's answers, lands outside the group's folder.
    case pathLeavesGroup(String)

    /// A usage error (the group named is not one), or a refusal of the site's state; both exit 2.
    public var isUsageError: Bool {
        if case .unknownGroup = self { return true }
        return false
    }

    public var exitStatus: ExitStatus { .refused }

    public func message(_ l: Language) -> String {
        switch self {
        case .unknownGroup(let group, let known): return StatusRefusal.unknownGroup(group, known: known).message(l)
        case .noSnapshot(let template, let version):
            return ReplicationProblem.noSnapshot(template: template, version: version).message(l)
        case .templateRemoved(let name): return ReplicationProblem.templateRemoved(name).message(l)
        case .pathLeavesGroup(let path): return ReplicationProblem.pathLeavesGroup(path).message(l)
        }
    }
}

extension Replicator {
    /// `playbook update GROUP` on the site's files: up to date, or the merge to write, or why
    /// not. `snapshot` reads the kept copy of a template version (`ScaffoldWriter.snapshot`);
    /// it is asked only when the group is behind. Nothing here touches the disk.
    public static func updateReport(
        site: SiteFiles, group: String, snapshot: (_ template: String, _ hash: String) -> ReplicationTemplate?
    ) -> Result<UpdateReport, UpdateRefusal> {
        let all = drift(site: site)
        guard let drift = all.first(where: { $0.group == group }) else {
            return .failure(.unknownGroup(group, known: all.map(\.group).sorted()))
        }
        let lineage = drift.lineage
        // A removed template is not "up to date": there is nothing to follow any more.
        guard drift.current != nil else { return .failure(.templateRemoved(lineage.template)) }
        guard drift.behind else {
            return .success(.upToDate(group: group, template: lineage.template, version: lineage.version))
        }
        guard let base = snapshot(lineage.template, lineage.hash) else {
            return .failure(.noSnapshot(template: lineage.template, version: lineage.version))
        }
        do {
            let plan = try planUpdate(site: site, drift: drift, base: base)
            return .success(.updated(group: group, template: lineage.template, from: lineage.version, plan: plan))
        } catch {
            return .failure(error)
        }
    }
}
