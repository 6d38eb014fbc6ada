import Foundation
import PlaybookModel
import PlaybookOutput
import PlaybookReplication
import PlaybookSource

/// Puts a plan on disk as one `SiteTransaction`: after a kill at any moment the site is either
/// untouched or, once the next writing command has run, complete. New files are refused if any
/// exists already; with `replacing` (updates) a file is replaced only if it still holds what the
/// command read (`site`), so an edit saved meanwhile is never overwritten.
package struct ScaffoldWriter: Sendable {
    package var root: URL
    /// The command line, recorded in the transaction's journal for the message about an
    /// interrupted one.
    package var command: String

    package init(root: URL, command: String = ScaffoldWriter.commandLine) {
        self.root = root.standardizedFileURL
        self.command = command
    }

    /// This process's command line as a person would type it again.
    package static var commandLine: String {
        (["playbook"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
    }

    package func write(_ plan: ScaffoldPlan, replacing: Bool = false, site: SiteFiles? = nil) throws {
        try write(plan.writes, snapshot: plan.snapshot, replacing: replacing, site: site)
    }

    /// Writes `files` (paths relative to the root), all or nothing; `snapshot` files are
    /// written only where none exists yet. The lineage record goes last.
    package func write(
        _ files: [String: String], snapshot: [String: String] = [:], replacing: Bool = false, site: SiteFiles? = nil
    ) throws {
        var read: [String: [UInt8]] = [:]
        if let site { for file in site.content + site.contentAssets { read[file.path] = file.bytes } }
        let fm = FileManager.default
        var changes: [SiteTransaction.Change] = []
        for path in snapshot.keys.sorted() where !fm.fileExists(atPath: root.appendingPathComponent(path).path) {
            changes.append(.init(path: path, bytes: Array(snapshot[path]!.utf8), expect: .absent))
        }
        let order = files.keys.sorted { a, b in
            let (x, y) = (a.hasSuffix("/" + Lineage.fileName), b.hasSuffix("/" + Lineage.fileName))
            return x != y ? y : a < b
        }
        for path in order {
            let expect: SiteTransaction.Expectation =
                !replacing ? .absent : site == nil ? .any : read[path].map { .bytes($0) } ?? .absent
            changes.append(.init(path: path, bytes: Array(files[path]!.utf8), expect: expect))
        }
        do {
            try SiteTransaction(root: root, command: command).commit(changes)
        } catch {
            throw ScaffoldRefusal(problems: [Self.problem(error)])
        }
    }

    /// Finishes what an interrupted `new`, `update` or `init` decided, or throws away what it had
    /// only staged; returns what was finished, for `recoveredMessage`.
    package func recover() throws(ScaffoldRefusal) -> [SiteTransaction.Recovered] {
        do {
            return try SiteTransaction.recover(root: root)
        } catch {
            throw ScaffoldRefusal(problems: [Self.problem(error)])
        }
    }

    /// What to tell the person about interrupted commands that were finished; empty when none was.
    package static func recoveredMessage(_ recovered: [SiteTransaction.Recovered], language l: Language) -> String {
        var out = ""
        for r in recovered where r.finished {
            out += l.pick(
                "先完成了上次被中断的 `\(r.command)`（\(r.paths.count) 个文件）\n",
                "先完成了上次被中斷的 `\(r.command)`（\(r.paths.count) 個檔案）\n",
                "finished `\(r.command)`, which was interrupted (\(r.paths.count) files)\n")
        }
        return out
    }

    static func problem(_ refusal: SiteTransaction.Refusal) -> ReplicationProblem {
        switch refusal {
        case .outsideSite(let path, let link): return .outsideSite(path: path, link: link)
        case .exists(let path): return .fileExists(path)
        case .changed(let path): return .changedMeanwhile(path)
        case .notAFile(let path): return .notAFile(path)
        case .io(let path, let reason): return .writeFailed("\(path): \(reason)")
        }
    }

    /// Reads the snapshot of a template version kept under `.playbook/`; nil when there is none.
    /// Only files inside the site are read: a symbolic link in the way, or a template name or
    /// hash that is not one (`hash: "../../x"`), is refused, never followed.
    package func snapshot(template: String, hash: String) -> Result<ReplicationTemplate?, ReplicationProblem> {
        guard Lineage.isTemplateName(template) else {
            return .failure(.badLineage(file: Lineage.fileName, field: "template", value: template))
        }
        guard Lineage.isHash(hash) else {
            return .failure(.badLineage(file: Lineage.fileName, field: "hash", value: hash))
        }
        return read(folder: Replicator.snapshotFolder(template: template, hash: hash), template: template)
    }

    /// Every kept version of `template`, for telling an update that stopped part-way.
    package func snapshots(template: String) -> [ReplicationTemplate] {
        guard Lineage.isTemplateName(template) else { return [] }
        let base = ".playbook/templates/\(template)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(base).path)) ?? []
        return names.sorted().compactMap { name in
            guard Lineage.isHash(name), case .success(let kept?) = read(folder: base + "/" + name, template: template)
            else { return nil }
            return kept
        }
    }

    private func read(folder: String, template: String) -> Result<ReplicationTemplate?, ReplicationProblem> {
        let read = SiteReader(root: root).readWithoutLinks(under: folder)
        if let link = read.links.first { return .failure(.outsideSite(path: folder, link: link)) }
        guard let declaration = read.files.first(where: { $0.path == folder + "/index.md" }) else {
            return .success(nil)
        }
        var files: [String: String] = [:]
        for file in read.files where file.path.hasPrefix(folder + "/files/") {
            files[String(file.path.dropFirst(folder.count + "/files/".count))] = String(
                decoding: file.bytes, as: UTF8.self)
        }
        return .success(
            ReplicationTemplate.parse(
                name: template, declaration: String(decoding: declaration.bytes, as: UTF8.self), files: files))
    }
}
