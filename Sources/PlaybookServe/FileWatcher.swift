import Foundation
import PlaybookModel

#if canImport(Glibc)
    import Glibc
#endif

/// A change seen in the site folder: a site-relative path (file or folder), and whether the
/// writer is done with it (closed or renamed into place) or may still be writing.
struct WatchEvent: Hashable, Sendable {
    var path: String
    var settled: Bool
}

/// Watches the site's inputs as `SiteLayout` lists them (`content/`, `templates/`, `static/` and
/// `playbook.yml`) below a site root.
///
/// On Linux it uses inotify with one watch per folder, adding watches for folders created later;
/// elsewhere, or when inotify is unavailable (no more watches allowed), it polls modification
/// times. Hidden files and folders are ignored, as the build ignores them.
/// Unchecked: `stopped` is touched only under `lock`; `usesPolling` is set once, in `init`.
final class FileWatcher: @unchecked Sendable {
    let root: URL
    private let lock = NSLock()
    private var stopped = false
    private(set) var usesPolling = false

    /// Starts watching on a thread of its own; `emit` is called on that thread.
    init(
        root: URL, pollInterval: Duration = .milliseconds(300), forcePolling: Bool = false,
        emit: @escaping @Sendable (WatchEvent) -> Void
    ) {
        self.root = root.standardizedFileURL
        #if canImport(Glibc)
            if !forcePolling, let inotify = Inotify(root: self.root) {
                let box = UncheckedBox(inotify)
                Thread.detachNewThread { [self] in
                    box.value.run(isStopped: { self.isStopped }, emit: emit)
                }
                return
            }
        #endif
        usesPolling = true
        let polling = Polling(root: self.root, interval: pollInterval)
        Thread.detachNewThread { [self] in
            polling.run(isStopped: { self.isStopped }, emit: emit)
        }
    }

    var isStopped: Bool { lock.withLock { stopped } }

    /// Stops watching within one poll interval.
    func stop() {
        lock.withLock { stopped = true }
    }

}

/// Hands a value that only one thread will use over to that thread.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

#if canImport(Glibc)
    /// One inotify instance: a watch on the root (for playbook.yml and the top folders appearing)
    /// and on every folder below the watched folders.
    private final class Inotify {
        let fd: Int32
        let root: URL
        var folders: [Int32: String] = [:]  // watch descriptor → site-relative folder ("" = root)

        static let folderMask = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
                | IN_MOVE_SELF | IN_ATTRIB)

        init?(root: URL) {
            fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { return nil }
            self.root = root
            guard add("") else {
                close(fd)
                return nil
            }
            for folder in SiteLayout.folders where !addTree(folder) {
                close(fd)
                return nil
            }
        }

        deinit { close(fd) }

        /// Watches one folder; false when the system refuses more watches.
        private func add(_ relative: String) -> Bool {
            let path = relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
            let wd = inotify_add_watch(fd, path, Self.folderMask | UInt32(IN_ONLYDIR))
            if wd >= 0 {
                folders[wd] = relative
                return true
            }
            return errno != ENOSPC && errno != ENOMEM
        }

        /// Watches `relative` and every folder below it that exists now.
        func addTree(_ relative: String) -> Bool {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue
            else { return true }
            guard add(relative) else { return false }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names where !name.hasPrefix(".") {
                var childIsDirectory: ObjCBool = false
                let child = url.appendingPathComponent(name)
                // Symbolic links are not followed, so a link loop cannot make the walk endless.
                let attributes = try? FileManager.default.attributesOfItem(atPath: child.path)
                guard attributes?[.type] as? FileAttributeType == .typeDirectory,
                    FileManager.default.fileExists(atPath: child.path, isDirectory: &childIsDirectory)
                else { continue }
                if !addTree(relative + "/" + name) { return false }
            }
            return true
        }

        func run(isStopped: () -> Bool, emit: (WatchEvent) -> Void) {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            while !isStopped() {
                // A timeout, so `stop()` is noticed without a wake-up pipe.
                guard poll(&poller, 1, 200) > 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard count > 0 else { continue }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (wd, mask, length, name) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int, String) in
                        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        let start = offset + MemoryLayout<inotify_event>.size
                        let bytes = raw[start..<start + Int(event.len)].prefix { $0 != 0 }
                        return (event.wd, event.mask, Int(event.len), String(decoding: bytes, as: UTF8.self))
                    }
                    offset += MemoryLayout<inotify_event>.size + length
                    handle(wd: wd, mask: mask, name: name, emit: emit)
                }
            }
        }

        private func handle(wd: Int32, mask: UInt32, name: String, emit: (WatchEvent) -> Void) {
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: report every watched part, which makes the rebuild re-read them.
                for part in SiteLayout.folders + [SiteLayout.config] { emit(WatchEvent(path: part, settled: true)) }
                return
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders[wd] = nil
                return
            }
            guard let folder = folders[wd], !name.isEmpty else { return }
            let relative = folder.isEmpty ? name : folder + "/" + name
            guard SiteLayout.isInput(relative) else { return }
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                // Files may land in the new folder before its watch exists; the rebuild lists it.
                _ = addTree(relative)
            }
            let settled =
                mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ATTRIB) != 0
                || mask & UInt32(IN_ISDIR) != 0
            emit(WatchEvent(path: relative, settled: settled))
        }
    }
#endif

/// The fallback: compares size, modification time and inode of every watched file each interval.
private struct Polling: Sendable {
    let root: URL
    let interval: Duration

    struct Stamp: Equatable {
        var size: Int
        var modified: Date
        var inode: Int
    }

    func run(isStopped: () -> Bool, emit: (WatchEvent) -> Void) {
        var previous = scan()
        while !isStopped() {
            Thread.sleep(
                forTimeInterval: Double(interval.components.seconds)
                    + Double(interval.components.attoseconds) / 1e18)
            let current = scan()
            for (path, stamp) in current where previous[path] != stamp { emit(WatchEvent(path: path, settled: true)) }
            for path in previous.keys where current[path] == nil { emit(WatchEvent(path: path, settled: true)) }
            previous = current
        }
    }

    func scan() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        let fm = FileManager.default
        for file in [SiteLayout.config] {
            if let stamp = stamp(root.appendingPathComponent(file).path) { result[file] = stamp }
        }
        for folder in SiteLayout.folders {
            guard let walker = fm.enumerator(atPath: root.appendingPathComponent(folder).path) else { continue }
            while let name = walker.nextObject() as? String {
                let relative = folder + "/" + name
                guard !SiteLayout.isHidden(relative), let stamp = stamp(root.appendingPathComponent(relative).path)
                else { continue }
                result[relative] = stamp
            }
        }
        return result
    }

    private func stamp(_ path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType != .typeDirectory
        else { return nil }
        return Stamp(
            size: (attributes[.size] as? NSNumber)?.intValue ?? 0,
            modified: attributes[.modificationDate] as? Date ?? .distantPast,
            inode: (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? 0)
    }
}
