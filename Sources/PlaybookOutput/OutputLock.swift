import Foundation
import PlaybookModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps two Playbook processes (two builds, or a build and `serve`) from writing one output
/// folder at once.
///
/// The lock is an advisory `flock` on a file beside the output (`.<name>.playbook-lock`). The
/// kernel drops it when its holder exits, however it exits, so a killed build never blocks the
/// next one: a lock file left by a process that is gone is simply taken over. The file holds who
/// has the lock (pid, role, command, since when) for the message the other process shows.
/// `flock` is used rather than `fcntl` record locks because closing any other descriptor of the
/// file does not drop it; on Linux NFS mounts the kernel maps it onto `fcntl` locks.
/// Unchecked: `descriptor` is read and written only under `lock`; the other fields are constants.
package final class OutputLock: @unchecked Sendable {
    /// What the holder is doing: a build finishes by itself, `serve` holds the output until stopped.
    package enum Role: String, Sendable {
        case build, serve
    }

    /// Who holds the lock, as its file records it.
    package struct Holder: Hashable, Sendable, CustomStringConvertible {
        package var pid: Int32
        package var role: Role?
        package var command: String
        package var since: String

        package var description: String {
            let what = command.isEmpty ? "" : " (`\(command)`)"
            return "pid \(pid)\(what), since \(since)"
        }

        var text: String {
            "pid: \(pid)\nrole: \(role?.rawValue ?? "")\ncommand: \(command)\nsince: \(since)\n"
        }

        static func parse(_ text: String) -> Holder? {
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            guard let pid = fields["pid"].flatMap({ Int32($0) }) else { return nil }
            return Holder(
                pid: pid, role: fields["role"].flatMap(Role.init(rawValue:)), command: fields["command"] ?? "",
                since: fields["since"] ?? "")
        }
    }

    /// The lock file's path.
    package let path: String
    package let holder: Holder
    private let lock = NSLock()
    private var descriptor: Int32

    private init(path: String, descriptor: Int32, holder: Holder) {
        self.path = path
        self.descriptor = descriptor
        self.holder = holder
    }

    deinit { release() }

    /// The lock file guarding `destination` (an already resolved output folder).
    package static func lockPath(for destination: URL) -> String {
        destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).playbook-lock"
        )
        .path
    }

    /// Takes the lock for `destination`. While a build holds it, waits up to `wait` (calling
    /// `waiting` once with the holder); a `serve` holds it until stopped, so that is refused at once.
    package static func acquire(
        for destination: URL, role: Role, wait: Duration = .seconds(300), command: String = defaultCommand,
        waiting: ((Holder) -> Void)? = nil
    ) throws -> OutputLock {
        let path = lockPath(for: destination)
        let me = Holder(
            pid: getpid(), role: role, command: command,
            since: ISO8601DateFormatter().string(from: Date()))
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        var told = false
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw PlaybookError(
                    stage: "write", path: destination.path,
                    message: "cannot create the lock file \(path): \(String(cString: strerror(errno)))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // The holder before us may have removed the file after we opened it: then this lock
                // guards nothing that others can see, so start again with the file at the path.
                if sameFile(fd, path) {
                    _ = ftruncate(fd, 0)
                    let bytes = Array(me.text.utf8)
                    _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
                    return OutputLock(path: path, descriptor: fd, holder: me)
                }
                close(fd)
                continue
            }
            let busy = errno == EWOULDBLOCK || errno == EAGAIN
            let reason = String(cString: strerror(errno))
            let current = readHolder(fd)
            close(fd)
            guard busy else {
                throw PlaybookError(
                    stage: "write", path: destination.path, message: "cannot lock \(path): \(reason)")
            }
            let holder = current ?? Holder(pid: 0, role: nil, command: "", since: "")
            if holder.role == .serve || clock.now >= deadline {
                throw PlaybookError(
                    stage: "write", path: destination.path,
                    message: busyMessage(holder, serving: holder.role == .serve))
            }
            if !told, current != nil {
                waiting?(holder)
                told = true
            }
            usleep(50_000)
        }
    }

    /// Releases the lock and removes its file; safe to call twice.
    package func release() {
        lock.withLock {
            guard descriptor >= 0 else { return }
            // Unlink while still holding, so a waiter that opened this file sees it is stale.
            if Self.sameFile(descriptor, path) { unlink(path) }
            close(descriptor)
            descriptor = -1
        }
    }

    /// `playbook build …` as this process was started, for the holder record.
    package static var defaultCommand: String {
        var arguments = CommandLine.arguments
        guard !arguments.isEmpty else { return "playbook" }
        arguments[0] = URL(fileURLWithPath: arguments[0]).lastPathComponent
        return String(arguments.joined(separator: " ").prefix(200))
    }

    static func busyMessage(_ holder: Holder, serving: Bool) -> String {
        let who = holder.pid == 0 ? "another Playbook process" : "another Playbook process: \(holder)"
        let next =
            serving
            ? "stop that `playbook serve` first, or choose another --output"
            : "wait for it to finish, or choose another --output"
        return "the output folder is being written by \(who); \(next)"
    }

    private static func readHolder(_ fd: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Holder.parse(String(decoding: buffer[..<n], as: UTF8.self))
    }

    private static func sameFile(_ fd: Int32, _ path: String) -> Bool {
        var open = stat()
        var named = stat()
        guard fstat(fd, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }
}
