import PlaybookModel
import PlaybookReplication

/// What `playbook update GROUP` decided and the exit status it earns: the policy lives here,
/// the command writes `plan` (replacing the group's files), then prints `output`.
package enum UpdateReport: Hashable, Sendable {
    /// The group follows its template's current version already (`version`); nothing to write.
    /// `conflicts` are its files that still hold conflict markers from an earlier update.
    case upToDate(group: String, template: String, version: String, conflicts: [String] = [])
    /// The three-way merge from version `from`: `plan` holds the files to write (the group's
    /// merged files, its new `lineage.yml`, the new version's snapshot), the conflicts left and
    /// the files kept deleted; the version reached is `plan.lineage.version`.
    case updated(group: String, template: String, from: String, plan: ScaffoldPlan)

    /// 1 when conflict markers are left (by this merge or an earlier one), for the person to
    /// resolve; 0 otherwise.
    package var exitStatus: ExitStatus {
        switch self {
        case .updated(_, _, _, let plan) where !plan.conflicts.isEmpty: return .findings
        case .upToDate(_, _, _, let conflicts) where !conflicts.isEmpty: return .findings
        default: return .success
        }
    }

    /// The plan to write before printing; nil when there is nothing to write.
    package var plan: ScaffoldPlan? {
        if case .updated(_, _, _, let plan) = self { return plan }
        return nil
    }

    /// What to print on standard output and on standard error, once `plan` is written.
    package func output(_ l: Language) -> (standardOutput: String, standardError: String) {
        switch self {
        case .upToDate(let group, let template, let version, let conflicts):
            let target = "\(template) \(version)"
            guard !conflicts.isEmpty else {
                return (
                    l.pick(
                        "\(group) 已经跟上 \(target)。\n", "\(group) 已經跟上 \(target)。\n",
                        "\(group) is up to date with \(target).\n"), ""
                )
            }
            var err = l.pick(
                "\(group) 记录的是 \(target)，但上次更新的冲突还没解决完（文件里还有 <<<<<<< 标记）：\n",
                "\(group) 記錄的是 \(target)，但上次更新的衝突還沒解決完（檔案裡還有 <<<<<<< 標記）：\n",
                "\(group) records \(target), but conflicts from the last update are not resolved yet (<<<<<<< markers remain):\n"
            )
            for path in conflicts { err += "  \(path)\n" }
            return ("", err)
        case .updated(let group, let template, _, let plan):
            let target = "\(template) \(plan.lineage.version)"
            var out = l.pick(
                "已把 \(group) 更新到 \(target)。\n", "已把 \(group) 更新到 \(target)。\n", "Updated \(group) to \(target).\n")
            for path in plan.repaired {
                out += l.pick("  补上了中断的更新：", "  補上了中斷的更新：", "  finished an interrupted update: ") + path + "\n"
            }
            for path in plan.added { out += l.pick("  新增：", "  新增：", "  added: ") + path + "\n" }
            for rename in plan.followedRenames {
                out += l.pick("  跟随改名：", "  跟隨改名：", "  followed the rename: ") + "\(rename.from) → \(rename.to)\n"
            }
            for path in plan.keptDeleted {
                out +=
                    l.pick(
                        "  保持删除（群里删过，模板改了它）：", "  保持刪除（群裡刪過，範本改了它）：",
                        "  kept deleted (the group deleted it; the template changed it): ") + path + "\n"
            }
            for path in plan.droppedByTemplate {
                out +=
                    l.pick(
                        "  模板不再有这个文件，群里的留着（不需要就删掉）：", "  範本不再有這個檔案，群裡的留著（不需要就刪掉）：",
                        "  no longer in the template, kept in the group (delete it if it is not needed): ") + path
                    + "\n"
            }
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
package enum UpdateRefusal: Error, Hashable, Sendable {
    /// No group of that slug has a `lineage.yml`; the slugs that do.
    case unknownGroup(String, known: [String])
    /// The snapshot of the version the group follows is missing from `.playbook/`: no base to merge from.
    case noSnapshot(template: String, version: String)
    /// The template the group was cloned from is no longer in the site.
    case templateRemoved(String)
    /// A file of the current template, filled with the group's answers, lands outside the group's folder.
    case pathLeavesGroup(String)
    /// The site's records cannot be trusted as they stand (a lineage or snapshot that is not
    /// Playbook's, a link out of the site).
    case site(ReplicationProblem)

    /// A usage error (the group named is not one), or a refusal of the site's state; both exit 2.
    package var isUsageError: Bool {
        if case .unknownGroup = self { return true }
        return false
    }

    package var exitStatus: ExitStatus { .refused }

    package func message(_ l: Language) -> String {
        switch self {
        case .unknownGroup(let group, let known): return StatusRefusal.unknownGroup(group, known: known).message(l)
        case .noSnapshot(let template, let version):
            return ReplicationProblem.noSnapshot(template: template, version: version).message(l)
        case .templateRemoved(let name): return ReplicationProblem.templateRemoved(name).message(l)
        case .pathLeavesGroup(let path): return ReplicationProblem.pathLeavesGroup(path).message(l)
        case .site(let problem): return problem.message(l)
        }
    }
}

extension Replicator {
    /// `playbook update GROUP` on the site's files: up to date, or the merge to write, or why
    /// not. `snapshot` reads the kept copy of a template version and `kept` every kept version of
    /// a template (`ScaffoldWriter.snapshot`, `.snapshots`), to finish an update that stopped
    /// part-way. Nothing here touches the disk.
    package static func updateReport(
        site: SiteFiles, group: String,
        snapshot: (_ template: String, _ hash: String) -> Result<ReplicationTemplate?, ReplicationProblem>,
        kept: (_ template: String) -> [ReplicationTemplate] = { _ in [] }, language: Language = .en
    ) -> Result<UpdateReport, UpdateRefusal> {
        let all = drift(site: site)
        guard let drift = all.first(where: { $0.group == group }) else {
            return .failure(.unknownGroup(group, known: all.map(\.group).sorted()))
        }
        let lineage = drift.lineage
        if let problem = lineageProblem(drift) { return .failure(.site(problem)) }
        // A removed template is not "up to date": there is nothing to follow any more.
        guard drift.current != nil else { return .failure(.templateRemoved(lineage.template)) }
        let base: ReplicationTemplate?
        switch recordedSnapshot(drift, snapshot: snapshot) {
        case .failure(let problem): return .failure(.site(problem))
        case .success(let found): base = found
        }
        let stale = base.map { staleFiles(site: site, drift: drift, base: $0, kept: kept(lineage.template)) } ?? []
        guard drift.behind || !stale.isEmpty else {
            return .success(
                .upToDate(
                    group: group, template: lineage.template, version: lineage.version,
                    conflicts: conflictFiles(site: site, group: group)))
        }
        guard let base else {
            return .failure(.noSnapshot(template: lineage.template, version: lineage.version))
        }
        do {
            let plan = try planUpdate(site: site, drift: drift, base: base, stale: stale, language: language)
            return .success(.updated(group: group, template: lineage.template, from: lineage.version, plan: plan))
        } catch {
            return .failure(error)
        }
    }

    /// A lineage naming its template or hash in a form Playbook never writes: nothing may be
    /// read by it.
    static func lineageProblem(_ drift: Drift) -> ReplicationProblem? {
        let file = "content/groups/\(drift.group)/\(Lineage.fileName)"
        if !Lineage.isTemplateName(drift.lineage.template) {
            return .badLineage(file: file, field: "template", value: drift.lineage.template)
        }
        if !Lineage.isHash(drift.lineage.hash) {
            return .badLineage(file: file, field: "hash", value: drift.lineage.hash)
        }
        return nil
    }

    /// The group's files (relative to `content/`) that hold conflict markers.
    static func conflictFiles(site: SiteFiles, group: String) -> [String] {
        let prefix = "content/groups/\(group)/"
        return (site.content + site.contentAssets)
            .filter { $0.path.hasPrefix(prefix) && LineDiff.hasConflict(String(decoding: $0.bytes, as: UTF8.self)) }
            .map { String($0.path.dropFirst("content/".count)) }
            .sorted()
    }
}
