import Foundation
import PlaybookModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Changes a site's own files (`content/`, `.playbook/`, `playbook.yml`) all or nothing, for the
/// commands that write the site: `init`, `new`, `update`.
///
/// Every new file is staged in `.playbook/transactions/<pid>-<n>/`, flushed to disk, and only
/// then is the journal (`SiteWriteJournal`) renamed into place: that rename decides the change.
/// The staged files are then renamed over their targets. A kill before the journal exists leaves
/// the site untouched (the next writing command removes the staging folder); a kill after it
/// leaves a change that the next writing command finishes (`recover`), and that `check` and
/// `build` report until then. Every target is confined to the site: no `..`, no symbolic link
/// on the way, nothing but a regular file replaced.
package struct SiteTransaction: Sendable {
    /// What a change expects to find at its path when it is applied, so that a file the person
    /// edited since the command read it is never overwritten.
    package enum Expectation: Hashable, Sendable {
        /// Nothing there: a new file.
        case absent
        /// These bytes, as the command read them.
        case bytes([UInt8])
        /// Whatever is there (a snapshot that is the same wherever it exists).
        case any
    }

    package struct Change: Hashable, Sendable {
        package var path: String
        /// The new bytes; nil removes the file.
        package var bytes: [UInt8]?
        package var expect: Expectation

        package init(path: String, bytes: [UInt8]?, expect: Expectation) {
            self.path = path
            self.bytes = bytes
            self.expect = expect
        }
    }

    /// An interrupted transaction found by `recover`.
    package struct Recovered: Hashable, Sendable {
        /// The command that was interrupted.
        package var command: String
        /// True when its change was decided and has now been finished; false when it was
        /// interrupted before that and its staged files were removed.
        package var finished: Bool
        /// The files it put in place.
        package var paths: [String]
    }

    /// Why nothing was written.
    package enum Refusal: Error, Hashable, Sendable {
        /// The path leaves the site (`..`, absolute) or passes through a symbolic link.
        case outsideSite(path: String, link: String?)
        /// A new file's path is taken already.
        case exists(String)
        /// The file changed since the command read it.
        case changed(String)
        /// Something on the way is a file or a folder where the other is needed.
        case notAFile(String)
        /// The disk refused: the path and the system's reason.
        case io(path: String, reason: String)
    }

    package let root: URL
    package let command: String

    package init(root: URL, command: String) {
        self.root = root.standardizedFileURL
        self.command = command
    }

    /// Applies `changes` (in order) all or nothing; returns once they are on disk.
    package func commit(_ changes: [Change]) throws(Refusal) {
        let lock = try Self.lock(root)
        defer {
            // A site that had no `.playbook/` gets none from a write that left nothing there,
            // whether it was done or refused.
            Self.removeIfEmpty(root.path + "/" + SiteWriteJournal.folder)
            Self.removeIfEmpty(root.path + "/.playbook")
            close(lock)
        }
        for change in changes { try check(change) }
        let folder = try makeTransactionFolder()
        var steps: [SiteWriteJournal.Step] = []
        do throws(Refusal) {
            for (n, change) in changes.enumerated() {
                if let bytes = change.bytes {
                    try Self.writeSynced(folder + "/\(n)", bytes)
                    steps.append(.write(path: change.path, staged: n))
                } else {
                    steps.append(.remove(path: change.path))
                }
            }
            let journal = SiteWriteJournal(command: command, steps: steps)
            try Self.writeSynced(folder + "/\(SiteWriteJournal.fileName).part", Array(journal.text.utf8))
            // The moment the change is decided: from here on it is finished, now or by `recover`.
            guard rename(folder + "/\(SiteWriteJournal.fileName).part", folder + "/\(SiteWriteJournal.fileName)") == 0
            else { throw Self.ioFailure(folder) }
            Self.syncFolder(folder)
        } catch {
            FileTree.remove(folder)
            throw error
        }
        try apply(folder)
    }

    /// Finishes or discards the transactions that interrupted commands left (those of live
    /// processes are left alone); call before a command reads the site to change it.
    package static func recover(root: URL) throws(Refusal) -> [Recovered] {
        let root = root.standardizedFileURL
        let base = root.path + "/" + SiteWriteJournal.folder
        guard FileTree.kind(base) == .folder, FileTree.kind(root.path + "/.playbook") == .folder else { return [] }
        let lock = try lock(root)
        defer { close(lock) }
        var result: [Recovered] = []
        let transaction = SiteTransaction(root: root, command: "")
        for (name, kind) in ((try? FileTree.entries(base)) ?? []).sorted(by: { $0.name < $1.name }) {
            guard kind == .folder, let pid = Int32(name.prefix { $0 != "-" }) else { continue }
            if pid != getpid(), kill(pid, 0) == 0 || errno != ESRCH { continue }
            let folder = base + "/" + name
            guard let journal = readJournal(folder) else {
                FileTree.remove(folder)
                result.append(Recovered(command: "", finished: false, paths: []))
                continue
            }
            try transaction.apply(folder)
            result.append(Recovered(command: journal.command, finished: true, paths: journal.steps.map(\.path)))
        }
        removeIfEmpty(base)
        return result
    }

    // MARK: - Steps

    /// Refuses a change whose path leaves the site or meets a link, or whose target is not as
    /// the command expects it.
    func check(_ change: Change) throws(Refusal) {
        let parts = change.path.split(separator: "/", omittingEmptySubsequences: false)
        if change.path.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
            || change.path.contains("\0")
        {
            throw .outsideSite(path: change.path, link: nil)
        }
        var path = root.path
        for (i, part) in parts.enumerated() {
            path += "/" + part
            let last = i == parts.count - 1
            switch FileTree.kind(path) {
            case .missing:
                if last, case .bytes = change.expect { throw .changed(change.path) }
                return
            case .link:
                throw .outsideSite(path: change.path, link: String(parts[...i].joined(separator: "/")))
            case .folder where !last: continue
            case .file where last:
                switch change.expect {
                case .absent: throw .exists(change.path)
                case .bytes(let expected):
                    guard let data = FileManager.default.contents(atPath: path), [UInt8](data) == expected else {
                        throw .changed(change.path)
                    }
                case .any: break
                }
            default: throw .notAFile(String(parts[...i].joined(separator: "/")))
            }
        }
    }

    /// Puts every staged file in place and removes the transaction folder. Safe to repeat: a
    /// step whose staged file is gone was done already.
    func apply(_ folder: String) throws(Refusal) {
        guard let journal = Self.readJournal(folder) else { return }
        var touched: Set<String> = []
        for step in journal.steps {
            let target = root.path + "/" + step.path
            // A journal is site data: its paths are held to the same rules as a new change's.
            try check(Change(path: step.path, bytes: nil, expect: .any))
            switch step {
            case .write(let path, let staged):
                let source = folder + "/\(staged)"
                guard FileTree.kind(source) == .file else { continue }
                try makeParents(of: path)
                guard rename(source, target) == 0 else { throw Self.ioFailure(step.path) }
            case .remove:
                if FileTree.kind(target) == .file, unlink(target) != 0 { throw Self.ioFailure(step.path) }
            }
            touched.insert((target as NSString).deletingLastPathComponent)
        }
        for parent in touched.sorted() { Self.syncFolder(parent) }
        FileTree.remove(folder)
        Self.removeIfEmpty((folder as NSString).deletingLastPathComponent)
    }

    /// Creates the missing folders above a site-relative path, one `mkdir` each, refusing links.
    private func makeParents(of path: String) throws(Refusal) {
        var current = root.path
        for part in path.split(separator: "/").dropLast() {
            current += "/" + part
            switch FileTree.kind(current) {
            case .folder: continue
            case .missing:
                guard mkdir(current, 0o755) == 0 || (errno == EEXIST && FileTree.kind(current) == .folder) else {
                    throw Self.ioFailure(current)
                }
            case .link: throw .outsideSite(path: path, link: String(current.dropFirst(root.path.count + 1)))
            default: throw .notAFile(String(current.dropFirst(root.path.count + 1)))
            }
        }
    }

    private func makeTransactionFolder() throws(Refusal) -> String {
        try makeParents(of: SiteWriteJournal.folder + "/x")
        let base = root.path + "/" + SiteWriteJournal.folder
        var n = 0
        while true {
            let folder = base + "/\(getpid())-\(n)"
            if mkdir(folder, 0o755) == 0 { return folder }
            guard errno == EEXIST else { throw Self.ioFailure(folder) }
            n += 1
        }
    }

    /// Two writing commands on one site take turns: an `flock` on the `.playbook` folder itself
    /// (no lock file for a person to commit), released by the kernel however the holder exits.
    private static func lock(_ root: URL) throws(Refusal) -> Int32 {
        let path = root.path + "/.playbook"
        switch FileTree.kind(path) {
        case .link: throw .outsideSite(path: ".playbook", link: ".playbook")
        case .missing: guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw ioFailure(path) }
        case .folder: break
        default: throw .notAFile(".playbook")
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw ioFailure(path) }
        guard flock(fd, LOCK_EX) == 0 else {
            close(fd)
            throw ioFailure(path)
        }
        return fd
    }

    private static func readJournal(_ folder: String) -> SiteWriteJournal? {
        let path = folder + "/" + SiteWriteJournal.fileName
        guard FileTree.kind(path) == .file, let data = FileManager.default.contents(atPath: path) else { return nil }
        return SiteWriteJournal.parse(String(decoding: data, as: UTF8.self))
    }

    private static func writeSynced(_ path: String, _ bytes: [UInt8]) throws(Refusal) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw ioFailure(path) }
        defer { close(fd) }
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                guard let start = buffer.baseAddress else { return false }
                let n = write(fd, start + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        guard ok, fsync(fd) == 0 else { throw ioFailure(path) }
    }

    private static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func removeIfEmpty(_ folder: String) {
        if (try? FileTree.entries(folder))?.isEmpty == true { rmdir(folder) }
    }

    private static func ioFailure(_ path: String) -> Refusal {
        .io(path: path, reason: String(cString: strerror(errno)))
    }
}
