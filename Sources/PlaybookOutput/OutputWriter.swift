import Dispatch
import Foundation
import PlaybookModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the new site was put in place.
package enum OutputSwap: Sendable, Equatable {
    /// Exchanged with the old one in one call (Linux `renameat2`, macOS `renamex_np`): a reader
    /// sees the old site or the new one, never neither.
    case atomic
    /// The file system cannot exchange folders: old aside, then new in place, with a moment
    /// between the two renames when the output is missing.
    case twoRenames
    /// There was no output yet.
    case rename
}

package struct OutputWriter: Sendable {
    /// The manifest Playbook leaves in every output folder (see `OutputManifest`).
    package static let marker = OutputManifest.fileName
    /// From how many files on, the site a build replaced is removed after the command returns.
    static let removesOldSiteAfterwards = 2_000

    /// The output folder, with symbolic links resolved: a link to a folder is written through.
    package var destination: URL
    /// A lock already held for the destination (`serve` holds one for its whole run); without
    /// one, `begin` takes it and the staged site releases it.
    package var lock: OutputLock?
    /// Called once when another build holds the lock and this one waits for it.
    package var waiting: (@Sendable (OutputLock.Holder) -> Void)?

    package init(
        destination: URL, lock: OutputLock? = nil, waiting: (@Sendable (OutputLock.Holder) -> Void)? = nil
    ) {
        self.destination = OutputPlacement.resolved(destination)
        self.lock = lock
        self.waiting = waiting
    }

    /// Writes `files` as the complete new content of the destination folder.
    @discardableResult
    package func write(_ files: [OutputFile]) throws -> OutputSwap {
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
    package func begin() throws -> Staging {
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
    ///
    /// Batches are written behind the caller, one at a time, on a queue of their own: while one
    /// is written the caller renders the next, and at most one batch waits in memory.
    /// Unchecked: `created` and `failure` are touched on `queue` or by a caller holding `slot`;
    /// `written` only by the caller.
    package final class Staging: @unchecked Sendable {
        let root: URL
        let aside: URL
        let destination: URL
        private let lock: OutputLock?
        /// Folders made so far, site-relative; touched only on `queue`.
        private var created: Set<String> = [""]
        /// Every path added, for the manifest and to tell Playbook's files from the user's.
        private(set) var written: Set<String> = []
        private let queue = DispatchQueue(label: "playbook.output.staging")
        /// Taken by `add` for the batch it hands to `queue`, given back when that batch is written.
        private let slot = DispatchSemaphore(value: 1)
        /// The first write that failed; set on `queue` before the slot is given back, read after
        /// taking it.
        private var failure: PlaybookError?
        /// The digests of the files written so far; touched only on `queue`.
        private var digests: [String: OutputDigest] = [:]
        /// The previous build's files that may be kept rather than written again: their digests,
        /// and when its manifest was written. A file modified since then is written anew.
        private let previous: (digests: [String: OutputDigest], written: timespec)?
        /// How many files were kept from the previous build by a hard link (no bytes written).
        package private(set) var kept = 0
        /// The bytes of the manifest the previous build left in the destination, read once the
        /// lock was taken (nil: none): what a record of that build names it by.
        package let previousManifest: [UInt8]?
        /// The bytes of the manifest `commit` wrote.
        package private(set) var manifest: [UInt8]?

        init(root: URL, aside: URL, destination: URL, lock: OutputLock?) {
            self.root = root
            self.aside = aside
            self.destination = destination
            self.lock = lock
            let marker = destination.path + "/" + OutputWriter.marker
            var info = stat()
            let bytes = FileManager.default.contents(atPath: marker).map { [UInt8]($0) }
            previousManifest = bytes
            if let bytes, let manifest = OutputManifest.parse(bytes), !manifest.digests.isEmpty,
                lstat(marker, &info) == 0
            {
                previous = (manifest.digests, info.st_mtim)
            } else {
                previous = nil
            }
        }

        /// Whether each file at `paths` in the destination is as the previous build's manifest
        /// says it wrote it (same size, not modified since): what `keep` needs.
        package func canKeep(_ paths: [String]) -> Bool {
            paths.allSatisfy { path in previous?.digests[path].map { keepable(path, $0) } ?? false }
        }

        /// Keeps the previous build's files at `paths` in the new site as they are (hard links,
        /// no bytes written), after the batches added so far. A file that changed since
        /// `canKeep` said it could be kept fails the build, which can be run again.
        package func keep(_ paths: [String]) throws {
            for path in paths { try OutputWriter.checkPath(path) }
            slot.wait()
            if let failure {
                slot.signal()
                throw failure
            }
            for path in paths { written.insert(path) }
            queue.async {
                self.failure = self.link(paths)
                self.slot.signal()
            }
        }

        /// Links the kept files into the new site on every core: each top folder's tree (its
        /// folders made, parents first, then its files) on one thread, since threads making
        /// entries in one folder queue on its lock.
        private func link(_ paths: [String]) -> PlaybookError? {
            let base = root.path
            let old = destination.path
            var groups: [Substring: [String]] = [:]
            for path in paths {
                let top = path.firstIndex(of: "/").map { path[..<$0] } ?? ""
                groups[top, default: []].append(path)
            }
            let tops = groups.keys.sorted()
            // The site's root first: the threads make folders inside it.
            if let error = makeFolder("", in: base) { return error }
            var failures = [String?](repeating: nil, count: tops.count)
            failures.withUnsafeMutableBufferPointer { failed in
                guard let result = failed.baseAddress else { return }
                DispatchQueue.concurrentPerform(iterations: tops.count) { t in
                    var made: Set<Substring> = [""]
                    func makeFolder(_ folder: Substring) -> Bool {
                        if made.contains(folder) { return true }
                        if let slash = folder.lastIndex(of: "/"), !makeFolder(folder[..<slash]) { return false }
                        let path = base + "/" + folder
                        guard mkdir(path, 0o755) == 0 || (errno == EEXIST && FileTree.kind(path) == .folder) else {
                            return false
                        }
                        made.insert(folder)
                        return true
                    }
                    for path in groups[tops[t]]! {
                        let folder = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
                        guard makeFolder(Substring(folder)), let digest = previous?.digests[path],
                            keepable(path, digest),
                            linkat(AT_FDCWD, old + "/" + path, AT_FDCWD, base + "/" + path, 0) == 0
                        else {
                            (result + t).pointee = path
                            return
                        }
                    }
                }
            }
            if let path = failures.compactMap({ $0 }).first {
                return PlaybookError(
                    stage: "write", path: path,
                    message: "the previous build's file changed while this build ran, or could not be kept; build again"
                )
            }
            for path in paths {
                digests[path] = previous?.digests[path]
                let folder = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
                created.insert(String(folder))
            }
            kept += paths.count
            return nil
        }

        /// Whether the previous build's file at `path` still holds the bytes `digest` describes:
        /// its manifest says so, and the file has that size and was not modified after the
        /// manifest was written.
        private func keepable(_ path: String, _ digest: OutputDigest) -> Bool {
            guard let previous, previous.digests[path] == digest else { return false }
            var info = stat()
            guard lstat(destination.path + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                Int(info.st_size) == digest.size
            else { return false }
            let modified = info.st_mtim
            return (modified.tv_sec, modified.tv_nsec) <= (previous.written.tv_sec, previous.written.tv_nsec)
        }

        /// Hands a batch of files to the writer and returns once the batch before it is written.
        /// A bad path is refused here; a failed write is reported by the next `add` or `commit`.
        package func add(_ files: [OutputFile]) throws {
            for file in files {
                try OutputWriter.checkPath(file.path)
                if file.path == OutputWriter.marker {
                    throw PlaybookError(
                        stage: "write", path: file.path, message: "this name is reserved for Playbook's own record")
                }
            }
            slot.wait()
            if let failure {
                slot.signal()
                throw failure
            }
            for file in files { written.insert(file.path) }
            queue.async {
                self.failure = self.write(files)
                self.slot.signal()
            }
        }

        /// Waits for the batch being written; throws if any write failed.
        func finishWriting() throws {
            slot.wait()
            slot.signal()
            if let failure { throw failure }
        }

        /// Makes the batch's folders (each once, parents first), then writes its files grouped
        /// by folder on every core: one thread per folder, since threads creating files in one
        /// folder queue on its lock.
        private func write(_ files: [OutputFile]) -> PlaybookError? {
            let base = root.path
            var groups: [Substring: [Int]] = [:]
            var order: [Substring] = []
            for (i, file) in files.enumerated() {
                let path = Substring(file.path)
                let folder = path[..<(path.lastIndex(of: "/") ?? path.startIndex)]
                if groups[folder] == nil {
                    order.append(folder)
                    if let error = makeFolder(folder, in: base) { return error }
                }
                groups[folder, default: []].append(i)
            }
            // Per folder: the index of the file that failed and the error, if one did; per file,
            // its digest and whether the previous build's copy was kept.
            var failed = [(index: Int, error: Int32)](repeating: (-1, 0), count: order.count)
            var made = [(digest: OutputDigest?, kept: Bool)](repeating: (nil, false), count: files.count)
            let old = destination.path
            failed.withUnsafeMutableBufferPointer { results in
                made.withUnsafeMutableBufferPointer { made in
                    guard let result = results.baseAddress, let digests = made.baseAddress else { return }
                    /// Keeps the previous build's copy of file `i` when its bytes are the same (a hard
                    /// link: nothing written), else writes it; the file's digest is noted either way.
                    func put(_ i: Int, at folder: Int32, _ name: String) -> Bool {
                        let file = files[i]
                        guard file.origin == nil else {
                            return OutputWriter.writeFile(at: folder, name, [], copying: file.origin)
                        }
                        let digest = OutputDigest(file.bytes)
                        if keepable(file.path, digest), linkat(AT_FDCWD, old + "/" + file.path, folder, name, 0) == 0 {
                            (digests + i).pointee = (digest, true)
                            return true
                        }
                        (digests + i).pointee = (digest, false)
                        return OutputWriter.writeFile(at: folder, name, file.bytes)
                    }
                    DispatchQueue.concurrentPerform(iterations: order.count) { g in
                        let members = groups[order[g]]!
                        if members.count == 1 {
                            let i = members[0]
                            if !put(i, at: AT_FDCWD, base + "/" + files[i].path) {
                                (result + g).pointee = (i, errno)
                            }
                            return
                        }
                        // Several files: open the folder once and create each relative to it.
                        let folder = order[g].isEmpty ? base : base + "/" + order[g]
                        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                        guard fd >= 0 else {
                            (result + g).pointee = (members[0], errno)
                            return
                        }
                        defer { close(fd) }
                        let skip = order[g].isEmpty ? 0 : order[g].utf8.count + 1
                        for i in members {
                            let path = files[i].path
                            let name = path[path.utf8.index(path.utf8.startIndex, offsetBy: skip)...]
                            if !put(i, at: fd, String(name)) {
                                (result + g).pointee = (i, errno)
                                return
                            }
                        }
                    }
                }
            }
            for (i, file) in files.enumerated() {
                guard let digest = made[i].digest else { continue }
                digests[file.path] = digest
                if made[i].kept { kept += 1 }
            }
            guard let first = failed.first(where: { $0.index >= 0 }) else { return nil }
            return PlaybookError(
                stage: "write", path: files[first.index].path,
                message: "cannot write the file: \(String(cString: strerror(first.error)))")
        }

        /// Creates `folder` (site-relative) and its missing parents with one `mkdir` each.
        private func makeFolder(_ folder: Substring, in base: String) -> PlaybookError? {
            if created.contains(String(folder)) { return nil }
            if let slash = folder.lastIndex(of: "/"), let error = makeFolder(folder[..<slash], in: base) {
                return error
            }
            let path = base + "/" + folder
            if mkdir(path, 0o755) != 0, !(errno == EEXIST && FileTree.kind(path) == .folder) {
                return PlaybookError(
                    stage: "write", path: String(folder),
                    message: "cannot create the folder: \(String(cString: strerror(errno)))")
            }
            created.insert(String(folder))
            return nil
        }

        /// Carries the user's files over from the old site, writes the manifest, flushes every
        /// folder, swaps the new site into place and removes the old one.
        @discardableResult
        package func commit() throws -> OutputSwap {
            defer { lock?.release() }
            try finishWriting()
            let destinationPath = destination.path
            if FileTree.kind(destinationPath) == .folder {
                let manifest = OutputManifest.read(in: destinationPath) ?? OutputManifest(files: [])
                try carry(try UserFiles.find(in: destinationPath, manifest: manifest))
            }
            let manifest = OutputManifest.encode(written, digests: digests)
            guard OutputWriter.writeFile(root.path + "/" + OutputWriter.marker, manifest) else {
                throw FileTree.failure("write the manifest", root.path + "/" + OutputWriter.marker)
            }
            self.manifest = manifest
            try FileTree.syncTree(root.path)
            let swap: FileTree.Swap
            do {
                swap = try FileTree.exchange(root.path, destinationPath, aside: aside.path)
            } catch {
                discard()
                throw error
            }
            try? FileTree.sync(destination.deletingLastPathComponent().path)
            // After the swap the staging folder holds the old site (if there was one). A large one
            // is removed by a process of its own, after this command has returned; if that is cut
            // short, the next build of this output removes the rest (`removeLeftovers`).
            if written.count >= OutputWriter.removesOldSiteAfterwards, FileTree.kind(root.path) == .folder {
                let old = aside.path
                if rename(root.path, old) == 0, FileTree.removeAfterwards(old) { return Self.swapped(swap) }
                FileTree.remove(old)
            }
            FileTree.remove(root.path)
            return Self.swapped(swap)
        }

        private static func swapped(_ swap: FileTree.Swap) -> OutputSwap {
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
        package func discard() {
            slot.wait()
            slot.signal()
            FileTree.remove(root.path)
            lock?.release()
        }
    }

    /// Writes `bytes` to `path`, creating or truncating it. Flushing to disk is left to `commit`,
    /// which does the whole tree at once.
    static func writeFile(_ path: String, _ bytes: [UInt8], copying origin: FileOrigin? = nil) -> Bool {
        writeFile(at: AT_FDCWD, path, bytes, copying: origin)
    }

    /// Writes `bytes` to `name`, relative to the open folder `folder` (or a path, with
    /// `AT_FDCWD`); with `origin`, copies that file instead, a piece at a time.
    static func writeFile(at folder: Int32, _ name: String, _ bytes: [UInt8], copying origin: FileOrigin? = nil)
        -> Bool
    {
        let fd = openat(folder, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if let origin { return copy(origin.path, into: fd) }
        return bytes.withUnsafeBytes { buffer in
            guard let start = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, start + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    /// Copies the file at `path` into the open file `target` 1 MB at a time, never holding it in
    /// memory whole.
    static func copy(_ path: String, into target: Int32) -> Bool {
        let source = open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { return false }
        defer { close(source) }
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(source, buffer, size)
            if n == 0 { return true }
            if n < 0 { return false }
            var offset = 0
            while offset < n {
                let written = systemWrite(target, buffer + offset, n - offset)
                if written <= 0 { return false }
                offset += written
            }
        }
    }

    /// Refuses to replace a folder that holds visible files but no manifest (Playbook never
    /// wrote into it), naming a few of them; and refuses a destination that is a file.
    package func checkDestination() throws {
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

    /// Refuses a site-relative output path that is empty or would escape the folder.
    static func checkPath(_ path: String) throws {
        var parts = 0
        var bad = path.hasPrefix("/")
        for part in path.utf8.split(separator: UInt8(ascii: "/")) {
            parts += 1
            if part.count <= 2, part.allSatisfy({ $0 == UInt8(ascii: ".") }) { bad = true }
        }
        if bad || parts == 0 {
            throw PlaybookError(stage: "write", path: path, message: "refusing to write outside the output folder")
        }
    }

    /// The URL for a site-relative output path, refusing paths that would escape the folder.
    static func safeURL(for path: String, in root: URL) throws -> URL {
        try checkPath(path)
        return root.appendingPathComponent(path)
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
