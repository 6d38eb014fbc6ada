import PlaybookModel
import PlaybookReplication

/// How far a group is from its template.
package struct Drift: Sendable {
    package var group: String
    package var lineage: Lineage
    /// The template as it is now; nil when it was removed from the site.
    package var current: ReplicationTemplate?
    package var behind: Bool { current.map { $0.hash != lineage.hash } ?? false }
}

extension Replicator {
    /// Every group with a lineage record and where it stands, sorted by group.
    package static func drift(site: SiteFiles) -> [Drift] {
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
    package static func changes(site: SiteFiles, drift: Drift, base: ReplicationTemplate) -> (
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
    /// Conflict markers are labelled in `language`.
    package static func planUpdate(
        site: SiteFiles, drift: Drift, base: ReplicationTemplate, stale: [String] = [], language l: Language = .en
    ) throws(UpdateRefusal) -> ScaffoldPlan {
        guard let current = drift.current else { throw .templateRemoved(drift.lineage.template) }
        let folder = "content/groups/\(drift.group)"
        let answers = drift.lineage.answerMap
        let baseFiles = base.render(answers: answers)
        let theirs = current.render(answers: answers)
        let read = groupFiles(site: site, folder: folder)
        var ours = read
        for path in stale { ours[path] = baseFiles[path] }
        // A file the group renamed is followed: a rename recorded in the lineage, else a new file
        // of the group's that holds most of a template file it no longer has.
        var renamed = drift.lineage.renamed.filter { ours[$0.value] != nil }
        for path in baseFiles.keys.sorted() where ours[path] == nil && renamed[path] == nil {
            let taken = Set(renamed.values)
            let candidates = ours.keys.filter { baseFiles[$0] == nil && theirs[$0] == nil && !taken.contains($0) }
            let scored = candidates.map { ($0, LineDiff.similarity(baseFiles[path]!, ours[$0]!)) }
            if let best = scored.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }), best.1 >= 0.5 {
                renamed[path] = best.0
            }
        }
        var writes: [String: String] = [:]
        var conflicts: [String] = []
        var keptDeleted: [String] = []
        var added: [String] = []
        var hashes = drift.lineage.files
        for path in theirs.keys.sorted() {
            if pathLeavesFolder(path) { throw .pathLeavesGroup(path) }
            let theirText = theirs[path]!
            let target = renamed[path] ?? path
            if pathLeavesFolder(target) { throw .pathLeavesGroup(target) }
            guard let ourText = ours[target] else {
                if baseFiles[path] != nil {
                    // The group deleted this file; a deletion is an edit and is kept.
                    keptDeleted.append(path)
                } else {
                    writes["\(folder)/\(path)"] = theirText
                    added.append("\(folder)/\(path)")
                }
                hashes[path] = SHA256.hex(theirText)
                continue
            }
            let merged = LineDiff.merge(
                base: baseFiles[path] ?? "", ours: ourText, theirs: theirText,
                oursLabel: l.pick("本群 ", "本群 ", "group ") + drift.group,
                theirsLabel: l.pick("模板 ", "範本 ", "template ") + "\(current.name) \(current.version)")
            if merged.text != read[target] { writes["\(folder)/\(target)"] = merged.text }
            if merged.conflicts > 0 { conflicts.append("\(folder)/\(target)") }
            hashes[path] = SHA256.hex(theirText)
        }
        // The template dropped these; the group's copies stay (they may hold its own work).
        let dropped = baseFiles.keys.filter { theirs[$0] == nil }.sorted()
        for path in dropped {
            hashes[path] = nil
            renamed[path] = nil
        }
        var lineage = drift.lineage
        lineage.version = current.version
        lineage.hash = current.hash
        lineage.files = hashes
        lineage.renamed = renamed
        writes["\(folder)/\(Lineage.fileName)"] = lineage.yaml
        var plan = ScaffoldPlan(
            writes: writes, snapshot: snapshot(of: current), conflicts: conflicts, keptDeleted: keptDeleted,
            lineage: lineage)
        plan.repaired = stale.map { "\(folder)/\($0)" }
        plan.added = added
        plan.droppedByTemplate = dropped.compactMap { path in
            let kept = renamed[path] ?? path
            return ours[kept] == nil ? nil : "\(folder)/\(kept)"
        }
        plan.followedRenames = renamed.filter { drift.lineage.renamed[$0.key] != $0.value }.sorted { $0.key < $1.key }
            .map { ScaffoldPlan.Rename(from: "\(folder)/\($0.key)", to: "\(folder)/\($0.value)") }
        return plan
    }

    /// The group's files that still hold the text of an earlier kept version (`kept`) where the
    /// version its lineage records (`base`) reads otherwise: a file the group never edited since
    /// that earlier version, which an update stopped part-way never reached. Paths relative to
    /// the group's folder.
    package static func staleFiles(
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
