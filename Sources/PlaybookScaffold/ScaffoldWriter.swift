import Foundation
import PlaybookModel
import PlaybookReplication

/// Puts a plan on disk, all or nothing: new files are refused if any exists already (unless
/// `replacing` is set, for updates), and a failure part-way removes what was written.
public struct ScaffoldWriter: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func write(_ plan: ScaffoldPlan, replacing: Bool = false) throws {
        try write(plan.writes, snapshot: plan.snapshot, replacing: replacing)
    }

    /// Writes `files` (paths relative to the root), all or nothing; `snapshot` files are
    /// written only where none exists yet.
    public func write(_ files: [String: String], snapshot: [String: String] = [:], replacing: Bool = false) throws {
        let fm = FileManager.default
        if !replacing {
            let existing = files.keys.filter { fm.fileExists(atPath: url($0).path) }.sorted()
            if !existing.isEmpty {
                throw ScaffoldRefusal(problems: existing.map { .fileExists($0) })
            }
        }
        var written: [(URL, Data?)] = []
        do {
            for path in files.keys.sorted() {
                let target = url(path)
                let previous = fm.contents(atPath: target.path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(files[path]!.utf8).write(to: target, options: .atomic)
                written.append((target, previous))
            }
            for (path, text) in snapshot where !fm.fileExists(atPath: url(path).path) {
                let target = url(path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: target, options: .atomic)
                written.append((target, nil))
            }
        } catch {
            // Roll back: restore replaced files, remove new ones.
            for (target, previous) in written.reversed() {
                if let previous { try? previous.write(to: target) } else { try? fm.removeItem(at: target) }
            }
            throw ScaffoldRefusal(problems: [.writeFailed(error.localizedDescription)])
        }
    }

    /// Reads the snapshot of a template version kept under `.playbook/`.
    public func snapshot(template: String, hash: String) -> ReplicationTemplate? {
        let folder = root.appendingPathComponent(Replicator.snapshotFolder(template: template, hash: hash))
        guard let declaration = try? String(contentsOf: folder.appendingPathComponent("index.md"), encoding: .utf8)
        else { return nil }
        var files: [String: String] = [:]
        let base = folder.appendingPathComponent("files")
        if let enumerator = FileManager.default.enumerator(atPath: base.path) {
            while let path = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let full = base.appendingPathComponent(path).path
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                    let text = try? String(contentsOfFile: full, encoding: .utf8)
                {
                    files[path] = text
                }
            }
        }
        return ReplicationTemplate.parse(name: template, declaration: declaration, files: files)
    }

    private func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }
}
