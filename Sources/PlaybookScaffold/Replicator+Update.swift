import PlaybookModel
import PlaybookReplication

/// How far a group is from its template.
public struct Drift: Sendable {
    public var group: String
    public var lineage: Lineage
    /// The template as it is now; nil when it was removed from the site.
    public var current: ReplicationTemplate?
    public var behind: Bool { current.map { $0.hash != lineage.hash } ?? false }
}

extension Replicator {
    /// Every group with a lineage record and where it stands, sorted by group.
    public static func drift(site: SiteFiles) -> [Drift] {
        let templates = ReplicationTemplate.all(in: site)
        return Lineage.all(in: site).sorted { $0.key < $1.key }.map { folder, lineage in
            Drift(
                group: String(folder.dropFirst("content/groups/".count)), lineage: lineage,
                current: templates[lineage.template])
        }
    }

    /// The group's current files, by path relative to its folder (lineage record excluded).
    static func groupFiles(site: SiteFiles, folder: String) -> [String: String] {
        var result: [String: String] = [:]
        for file in site.content + site.contentAssets where file.path.hasPrefix(folder + "/") {
            let path = String(file.path.dropFirst(folder.count + 1))
            if path != Lineage.fileName { result[path] = String(decoding: file.bytes, as: UTF8.self) }
        }
        return result
    }

    /// Diffs for `playbook status <group>`: what the template changed since the group's version,
    /// and what the group changed in its own copy.
    public static func changes(site: SiteFiles, drift: Drift, base: ReplicationTemplate) -> (
        template: String, group: String
    ) {
        let answers = drift.lineage.answerMap
        let baseFiles = base.render(answers: answers)
        let theirs = drift.current?.render(answers: answers) ?? baseFiles
        let ours = groupFiles(site: site, folder: "content/groups/\(drift.group)")
        var templateDiff = ""
        var groupDiff = ""
        for path in Set(baseFiles.keys).union(theirs.keys).sorted() {
            templateDiff += LineDiff.unified(
                baseFiles[path] ?? "", theirs[path] ?? "", oldName: "template \(drift.lineage.version)/\(path)",
                newName: "template \(drift.current?.version ?? "?")/\(path)")
        }
        for path in Set(baseFiles.keys).union(ours.keys).sorted() where baseFiles[path] != nil || ours[path] != nil {
            groupDiff += LineDiff.unified(
                baseFiles[path] ?? "", ours[path] ?? "", oldName: "template \(drift.lineage.version)/\(path)",
                newName: "groups/\(drift.group)/\(path)")
        }
        return (templateDiff, groupDiff)
    }

    /// Plans `playbook update <group>`: a three-way merge of every template document. Base is
    /// the recorded version rendered with the recorded answers, theirs the current template
    /// rendered with the same answers, ours the group's files.
    ///
    /// `stale` files (`staleFiles`) are taken as holding the recorded version's text, so an
    /// update that stopped part-way is finished by the same merge.
    public static func planUpdate(
        site: SiteFiles, drift: Drift, base: ReplicationTemplate, stale: [String] = []
    ) throws(UpdateRefusal) -> ScaffoldPlan {
        guard let current = drift.current else { throw .templateRemoved(drift.lineage.template) }
        let folder = "content/groups/\(drift.group)"
        let answers = drift.lineage.answerMap
        let baseFiles = base.render(answers: answers)
        let theirs = current.render(answers: answers)
        let read = groupFiles(site: site, folder: folder)
        var ours = read
        for path in stale { ours[path] = baseFiles[path] }
        var writes: [String: String] = [:]
        var conflicts: [String] = []
        var keptDeleted: [String] = []
        var hashes = drift.lineage.files
        for path in theirs.keys.sorted() {
            if pathLeavesFolder(path) { throw .pathLeavesGroup(path) }
            let theirText = theirs[path]!
            guard let ourText = ours[path] else {
                if baseFiles[path] != nil {
                    // The group deleted this file; a deletion is an edit and is kept.
                    keptDeleted.append(path)
                } else {
                    writes["\(folder)/\(path)"] = theirText
                }
                hashes[path] = SHA256.hex(theirText)
                continue
            }
            let merged = LineDiff.merge(
                base: baseFiles[path] ?? "", ours: ourText, theirs: theirText, oursLabel: "group \(drift.group)",
                theirsLabel: "template \(current.name) \(current.version)")
            if merged.text != read[path] { writes["\(folder)/\(path)"] = merged.text }
            if merged.conflicts > 0 { conflicts.append("\(folder)/\(path)") }
            hashes[path] = SHA256.hex(theirText)
        }
        var lineage = drift.lineage
        lineage.version = current.version
        lineage.hash = current.hash
        lineage.files = hashes
        writes["\(folder)/\(Lineage.fileName)"] = lineage.yaml
        var plan = ScaffoldPlan(
            writes: writes, snapshot: snapshot(of: current), conflicts: conflicts, keptDeleted: keptDeleted,
            lineage: lineage)
        plan.repaired = stale.map { "\(folder)/\($0)" }
        return plan
    }

    /// The group's files that still hold the text of an earlier kept version (`kept`) where the
    /// version its lineage records (`base`) reads otherwise: a file the group never edited since
    /// that earlier version, which an update stopped part-way never reached. Paths relative to
    /// the group's folder.
    public static func staleFiles(
        site: SiteFiles, drift: Drift, base: ReplicationTemplate, kept: [ReplicationTemplate]
    ) -> [String] {
        let answers = drift.lineage.answerMap
        let recorded = base.render(answers: answers)
        let ours = groupFiles(site: site, folder: "content/groups/\(drift.group)")
        let earlier = kept.filter { $0.hash != base.hash }.map { $0.render(answers: answers) }
        return recorded.keys.sorted().filter { path in
            guard let text = ours[path], text != recorded[path] else { return false }
            return earlier.contains { $0[path] == text }
        }
    }

    /// The recorded version's snapshot, checked: a lineage whose snapshot was edited is refused.
    static func recordedSnapshot(
        _ drift: Drift,
        snapshot: (_ template: String, _ hash: String) -> Result<ReplicationTemplate?, ReplicationProblem>
    ) -> Result<ReplicationTemplate?, ReplicationProblem> {
        let lineage = drift.lineage
        switch snapshot(lineage.template, lineage.hash) {
        case .success(let base?) where base.hash != lineage.hash:
            return .failure(
                .snapshotDiffers(
                    template: lineage.template, version: lineage.version,
                    folder: snapshotFolder(template: lineage.template, hash: lineage.hash)))
        case let other: return other
        }
    }
}
