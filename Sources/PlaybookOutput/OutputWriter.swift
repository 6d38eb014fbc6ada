// PlaybookOutput: stage 5, WRITE. Puts rendered files on disk all at once: the site is written
// into a temporary folder beside the output, flushed to disk, and swapped in only when every file
// is written, so a failed or interrupted build leaves the previous site as it was. A lock keeps
// two processes from writing one output, and files the user keeps there are carried over.
import Dispatch
import Foundation
import PlaybookModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the new site was put in place.
public enum OutputSwap: Sendable, Equatable {
    /// Exchanged with the old one in one call (Linux `renameat2`, macOS `renamex_np`): a reader
    /// sees the old site or the new one, never neither.
    case atomic
    /// The file system cannot exchange folders: old aside, then new in place, with a moment
    /// between the two renames when the output is missing.
    case twoRenames
    /// There was no output yet.
    case rename
}

public struct OutputWriter: Sendable {
    /// The manifest Playbook leaves in every output folder (see `OutputManifest`).
    public static let marker = OutputManifest.fileName

    /// The output folder, with symbolic links resolved: a link to a folder is written through.
    public var destination: URL
    /// A lock already held for the destination (`serve` holds one for its whole run); without
    /// one, `begin` takes it and the staged site releases it.
    public var lock: OutputLock?
    /// Called once when another build holds the lock and this one waits for it.
    public var waiting: (@Sendable (OutputLock.Holder) -> Void)?

    public init(
        destination: URL, lock: OutputLock? = nil, waiting: (@Sendable (OutputLock.Holder) -> Void)? = nil
    ) {
        self.destination = OutputPlacement.resolved(destination)
        self.lock = lock
        self.waiting = waiting
    }

    /// Writes `files` as the complete new content of the destination folder.
    @discardableResult
    public func write(_ files: [OutputFile]) throws -> OutputSwap {
        let staging = try begin()
        do {
            try staging.add(files)
            return try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Starts a new site in a temporary folder beside the destination. Add files in batches as
    /// they are rendered, so a large site never has to be held in memory whole, then `commit`.
    public func begin() throws -> Staging {
        try checkDestination()
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw PlaybookError(
                stage: "write", path: parent.path, message: "cannot create the folder: \(error.localizedDescription)")
        }
        let held = try lock ?? OutputLock.acquire(for: destination, role: .build, waiting: waiting)
        let owned = lock == nil ? held : nil
        do {
            // Checked again under the lock: another process may have written the folder meanwhile.
            try checkDestination()
            removeLeftovers()
            let pid = getpid()
            let staging = Staging(
                root: parent.appendingPathComponent(".\(destination.lastPathComponent).playbook-tmp-\(pid)"),
                aside: parent.appendingPathComponent(".\(destination.lastPathComponent).playbook-old-\(pid)"),
                destination: destination, lock: owned)
            FileTree.remove(staging.root.path)
            try fm.createDirectory(at: staging.root, withIntermediateDirectories: true)
            return staging
        } catch {
            owned?.release()
            throw error
        }
    }

    /// Removes temporary folders of this output left by builds that were killed: those whose
    /// process is gone. A live process's folder is left alone, whoever it belongs to.
    func removeLeftovers() {
        let parent = destination.deletingLastPathComponent().path
        let prefix = ".\(destination.lastPathComponent).playbook-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), ["tmp", "new", "old"].contains(rest[..<dash]),
                let pid = Int32(rest[rest.index(after: dash)...]), pid > 0
            else { continue }
            if pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) {
                FileTree.remove(parent + "/" + name)
            }
        }
    }

    /// A site being written; nothing is visible at the destination until `commit`.
    public final class Staging {
        let root: URL
        let aside: URL
        let destination: URL
        private let lock: OutputLock?
        private var created: Set<String> = [""]
        /// Every path added, for the manifest and to tell Playbook's files from the user's.
        private(set) var written: Set<String> = []

        init(root: URL, aside: URL, destination: URL, lock: OutputLock?) {
            self.root = root
            self.aside = aside
            self.destination = destination
            self.lock = lock
        }

        /// Writes a batch of files into the staging folder, each flushed to disk.
        public func add(_ files: [OutputFile]) throws {
            let fm = FileManager.default
            // Folders first (in order, so parents exist), then the files on every core.
            for file in files {
                _ = try OutputWriter.safeURL(for: file.path, in: root)
                if file.path == OutputWriter.marker {
                    throw PlaybookError(
                        stage: "write", path: file.path, message: "this name is reserved for Playbook's own record")
                }
                var folder = Substring(file.path)
                folder = folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)]
                if created.contains(String(folder)) { continue }
                try fm.createDirectory(atPath: root.path + "/" + folder, withIntermediateDirectories: true)
                var f = folder
                while !f.isEmpty, created.insert(String(f)).inserted {
                    f = f[..<(f.lastIndex(of: "/") ?? f.startIndex)]
                }
            }
            if let failed = OutputWriter.writeAll(files, into: root.path).first {
                throw PlaybookError(stage: "write", path: failed, message: "cannot write the file")
            }
            for file in files { written.insert(file.path) }
        }

        /// Carries the user's files over from the old site, writes the manifest, flushes every
        /// folder, swaps the new site into place and removes the old one.
        @discardableResult
        public func commit() throws -> OutputSwap {
            defer { lock?.release() }
            let destinationPath = destination.path
            if FileTree.kind(destinationPath) == .folder {
                let manifest = OutputManifest.read(in: destinationPath) ?? OutputManifest(files: [])
                try carry(try UserFiles.find(in: destinationPath, manifest: manifest))
            }
            guard OutputWriter.writeFile(root.path + "/" + OutputWriter.marker, OutputManifest.encode(written)) else {
                throw FileTree.failure("write the manifest", root.path + "/" + OutputWriter.marker)
            }
            try FileTree.syncTree(root.path)
            let swap: FileTree.Swap
            do {
                swap = try FileTree.exchange(root.path, destinationPath, aside: aside.path)
            } catch {
                discard()
                throw error
            }
            try? FileTree.sync(destination.deletingLastPathComponent().path)
            // After the swap the staging folder holds the old site (if there was one).
            FileTree.remove(root.path)
            switch swap {
            case .atomic: return .atomic
            case .twoRenames: return .twoRenames
            case .rename: return .rename
            }
        }

        /// Copies the user's files into the staged site by hard links (no data copied; the old
        /// site stays whole until the swap). A user file where the new site has one of its own is
        /// refused rather than overwritten or dropped.
        private func carry(_ user: UserFiles) throws {
            guard !user.isEmpty else { return }
            var folders: Set<String> = []
            for path in written { folders.formUnion(UserFiles.parents(path)) }
            let clashes = (user.files + user.emptyFolders).filter { path in
                written.contains(path) || folders.contains(path)
                    || UserFiles.parents(path).contains { written.contains($0) }
            }
            if !clashes.isEmpty {
                let named = clashes.prefix(3).map { "`\($0)`" }.joined(separator: ", ")
                let more = clashes.count > 3 ? " and \(clashes.count - 3) more" : ""
                throw PlaybookError(
                    stage: "write", path: destination.path,
                    message:
                        "the output holds \(named)\(more), which Playbook did not write, and the new site has a file or folder there too; move or rename yours (or the page, asset or static file of that name) and build again"
                )
            }
            let fm = FileManager.default
            let source = destination.path
            for path in user.emptyFolders {
                try fm.createDirectory(atPath: root.path + "/" + path, withIntermediateDirectories: true)
            }
            for path in user.files {
                let parent = UserFiles.parents(path).first.map { root.path + "/" + $0 } ?? root.path
                try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
                try FileTree.copyEntry(source + "/" + path, to: root.path + "/" + path)
            }
        }

        /// Removes the staging folder and releases the lock; the destination is untouched.
        public func discard() {
            FileTree.remove(root.path)
            lock?.release()
        }
    }

    /// Writes every file with plain POSIX calls, spread over all cores; returns the paths that failed.
    static func writeAll(_ files: [OutputFile], into root: String) -> [String] {
        var failed = [Bool](repeating: false, count: files.count)
        failed.withUnsafeMutableBufferPointer { flags in
            let base = flags.baseAddress!
            DispatchQueue.concurrentPerform(iterations: files.count) { i in
                (base + i).pointee = !writeFile(root + "/" + files[i].path, files[i].bytes)
            }
        }
        return zip(files, failed).filter(\.1).map(\.0.path)
    }

    /// Writes `bytes` to `path`, creating or truncating it. Flushing to disk is left to `commit`,
    /// which does the whole tree at once.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        return written
    }

    /// Refuses to replace a folder that holds visible files but no manifest (Playbook never
    /// wrote into it), naming a few of them; and refuses a destination that is a file.
    public func checkDestination() throws {
        let path = destination.path
        switch FileTree.kind(path) {
        case .missing, .folder: break
        default:
            throw PlaybookError(
                stage: "write", path: path, message: "the output path is not a folder; choose another --output")
        }
        guard FileTree.kind(path) == .folder, OutputManifest.read(in: path) == nil else { return }
        let visible = try UserFiles.find(in: path, manifest: OutputManifest(files: [])).files.filter { file in
            !file.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        guard !visible.isEmpty else { return }
        let named = visible.prefix(3).map { "`\($0)`" }.joined(separator: ", ")
        let more = visible.count > 3 ? " and \(visible.count - 3) more" : ""
        throw PlaybookError(
            stage: "write", path: path,
            message:
                "the output folder holds files Playbook did not write (\(named)\(more)); it builds only into an empty folder or one it built before, so that it never deletes yours. Choose another --output, or move those files out, build, and put back what should stay: from then on Playbook keeps files it did not write (names starting with `.`, such as `.git`, may stay now)"
        )
    }

    /// The URL for a site-relative output path, refusing paths that would escape the folder.
    static func safeURL(for path: String, in root: URL) throws -> URL {
        let parts = path.split(separator: "/")
        if path.hasPrefix("/") || parts.contains("..") || parts.contains(".") || parts.isEmpty {
            throw PlaybookError(stage: "write", path: path, message: "refusing to write outside the output folder")
        }
        return root.appendingPathComponent(path)
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
