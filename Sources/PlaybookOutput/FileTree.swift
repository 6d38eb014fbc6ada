import Dispatch
import Foundation
import PlaybookModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX calls the writer needs and Foundation does not offer: flushing to disk, swapping two
/// folders in one step, and copying a tree by hard links.
enum FileTree {
    /// How `exchange` put the new folder in place.
    enum Swap: Equatable {
        /// One atomic call: a reader sees the old folder or the new one, never neither.
        case atomic
        /// Two renames (the file system cannot exchange): the output is missing between them.
        case twoRenames
        /// There was nothing at the destination; one rename.
        case rename
    }

    /// Puts `staged` at `destination`. If a folder is there, the two are exchanged atomically where
    /// the system can (Linux `renameat2(RENAME_EXCHANGE)`, macOS `renamex_np(RENAME_SWAP)`), and
    /// the old folder ends up at `staged`; otherwise it is moved to `aside` first.
    static func exchange(_ staged: String, _ destination: String, aside: String) throws -> Swap {
        var existing = stat()
        guard lstat(destination, &existing) == 0 else {
            guard rename(staged, destination) == 0 else { throw failure("move the new site into place", destination) }
            return .rename
        }
        if swapInPlace(staged, destination) { return .atomic }
        guard rename(destination, aside) == 0 else { throw failure("move the old site aside", destination) }
        guard rename(staged, destination) == 0 else {
            let error = failure("move the new site into place", destination)
            _ = rename(aside, destination)
            throw error
        }
        guard rename(aside, staged) == 0 else { throw failure("move the old site away", aside) }
        return .twoRenames
    }

    #if canImport(Glibc)
        private typealias RenameAt2 =
            @convention(c) (
                Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
            ) -> Int32
        /// glibc declares `renameat2` only under `_GNU_SOURCE`, which Swift's Glibc module does not
        /// set; it is looked up by name instead (glibc 2.28 and later have it).
        private static let renameat2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2").map {
            unsafeBitCast($0, to: RenameAt2.self)
        }

        private static func swapInPlace(_ a: String, _ b: String) -> Bool {
            guard let renameat2 else { return false }
            let renameExchange: UInt32 = 1 << 1
            return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        }
    #elseif canImport(Darwin)
        private static func swapInPlace(_ a: String, _ b: String) -> Bool {
            renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        }
    #else
        private static func swapInPlace(_ a: String, _ b: String) -> Bool { false }
    #endif

    /// Flushes every file and folder below and including `root` to disk, so the swap never
    /// publishes a site the disk does not hold yet. On Linux one `syncfs` does it (thousands of
    /// `fsync` calls each wait for a journal commit: seconds instead of milliseconds); elsewhere,
    /// or where `syncfs` is missing, each file and folder is flushed, on every core.
    static func syncTree(_ root: String) throws {
        if syncFileSystem(of: root) { return }
        var paths = [root]
        var pending = [root]
        while let folder = pending.popLast() {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
                let path = folder + "/" + name
                switch kind(path) {
                case .folder:
                    paths.append(path)
                    pending.append(path)
                case .file: paths.append(path)
                default: break
                }
            }
        }
        var failed = [Bool](repeating: false, count: paths.count)
        failed.withUnsafeMutableBufferPointer { flags in
            guard let base = flags.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: paths.count) { i in
                (base + i).pointee = (try? sync(paths[i])) == nil
            }
        }
        if let index = failed.firstIndex(of: true) { try sync(paths[index]) }
    }

    #if canImport(Glibc)
        private typealias SyncFS = @convention(c) (Int32) -> Int32
        private static let syncfs: SyncFS? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs").map {
            unsafeBitCast($0, to: SyncFS.self)
        }

        private static func syncFileSystem(of path: String) -> Bool {
            guard let syncfs else { return false }
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            return syncfs(fd) == 0
        }
    #else
        private static func syncFileSystem(of path: String) -> Bool { false }
    #endif

    /// Flushes one file or folder to disk.
    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 || errno == EINVAL else { throw failure("flush to disk", path) }
    }

    enum Kind { case missing, file, folder, link, other }

    /// What is at `path`, without following a symbolic link.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// Makes `to` a copy of the file or link at `from`: a hard link where it can (same file system,
    /// no data copied), else a byte copy; a symbolic link is recreated as a link.
    static func copyEntry(_ from: String, to: String) throws {
        switch kind(from) {
        case .link:
            let target = try FileManager.default.destinationOfSymbolicLink(atPath: from)
            guard symlink(target, to) == 0 else { throw failure("copy the link", from) }
        case .folder:
            var info = stat()
            _ = lstat(from, &info)
            guard mkdir(to, info.st_mode & 0o7777) == 0 || errno == EEXIST else { throw failure("create", to) }
        default:
            if link(from, to) == 0 { return }
            do {
                try FileManager.default.copyItem(atPath: from, toPath: to)
            } catch {
                throw PlaybookError(
                    stage: "write", path: from, message: "cannot copy the file: \(error.localizedDescription)")
            }
        }
    }

    /// The entries of a folder (without `.` and `..`) and what each is, from one `readdir` pass:
    /// the kind comes with the name on most file systems, so no entry needs its own `lstat`.
    static func entries(_ folder: String) throws -> [(name: String, kind: Kind)] {
        guard let dir = opendir(folder) else { throw failure("read the folder", folder) }
        defer { closedir(dir) }
        var result: [(name: String, kind: Kind)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let found: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): found = .folder
            case Int32(DT_REG): found = .file
            case Int32(DT_LNK): found = .link
            case Int32(DT_UNKNOWN): found = kind(folder + "/" + name)
            default: found = .other
            }
            result.append((name, found))
        }
        return result
    }

    /// Removes `path` and everything below it; a link is removed, never followed. Folders are
    /// emptied on every core, each by one thread (threads unlinking in one folder would queue
    /// on its lock), then removed deepest first. Best effort: what cannot be removed stays.
    /// Starts a process of its own (in its own process group, so a Ctrl-C meant for Playbook
    /// does not reach it) that removes `path`; false when it could not be started.
    static func removeAfterwards(_ path: String) -> Bool {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let arguments = ["rm", "-rf", "--", path]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        return posix_spawn(&pid, "/bin/rm", nil, &attributes, &argv, environ) == 0
    }

    static func remove(_ path: String) {
        guard kind(path) == .folder else {
            unlink(path)
            return
        }
        var folders: [String] = []
        var files: [[String]] = []
        var pending = [path]
        while let folder = pending.popLast() {
            folders.append(folder)
            var here: [String] = []
            for (name, kind) in (try? entries(folder)) ?? [] {
                if kind == .folder {
                    pending.append(folder + "/" + name)
                } else {
                    here.append(name)
                }
            }
            files.append(here)
        }
        DispatchQueue.concurrentPerform(iterations: folders.count) { i in
            guard !files[i].isEmpty else { return }
            let fd = open(folders[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { return }
            defer { close(fd) }
            for name in files[i] { unlinkat(fd, name, 0) }
        }
        // Parents come before their children in `folders`.
        for folder in folders.reversed() { rmdir(folder) }
    }

    static func failure(_ action: String, _ path: String) -> PlaybookError {
        PlaybookError(stage: "write", path: path, message: "cannot \(action): \(String(cString: strerror(errno)))")
    }
}
