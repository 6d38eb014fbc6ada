import Foundation
import PlaybookSource

/// Paths of this repository and of the built `playbook` binary, for end-to-end tests.
public enum Repository {
    /// The package root (the folder holding Package.swift).
    public static func root(file: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        fatalError("Package.swift not found above \(file)")
    }

    /// The `playbook` executable built beside the test bundle.
    public static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [
            bundle, bundle.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent(),
        ] {
            let url = candidate.appendingPathComponent("playbook")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root().appendingPathComponent(".build/debug/playbook")
    }
}

/// Runs a command and captures its exit status and output.
public struct CommandRun {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) throws -> CommandRun {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        // A binary a test has just copied can still be open for writing in a child that another
        // test forked meanwhile (file descriptors are inherited across fork), and exec refuses
        // it ("text file busy") until that child has started its own program: try again.
        var attempts = 0
        while true {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.environment = env
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            do {
                try process.run()
            } catch let error as NSError where attempts < 50 && Self.isTextFileBusy(error) {
                attempts += 1
                Thread.sleep(forTimeInterval: 0.1)
                continue
            }
            // Read before waiting so a chatty child never blocks on a full pipe.
            // Both pipes at once (a child that fills one while the other is read would block), and
            // by plain reads: `readDataToEndOfFile` traps when a signal (another test's child
            // exiting) interrupts it.
            let errFD = err.fileHandleForReading.fileDescriptor
            let errData = LockedBytes()
            let errDone = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                errData.bytes = PipeReader.readAll(errFD)
                errDone.signal()
            }
            let outData = PipeReader.readAll(out.fileHandleForReading.fileDescriptor)
            errDone.wait()
            process.waitUntilExit()
            return CommandRun(
                status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                stderr: String(decoding: errData.bytes, as: UTF8.self))
        }
    }

    private static func isTextFileBusy(_ error: NSError) -> Bool {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return [error, underlying].contains { $0?.domain == NSPOSIXErrorDomain && $0?.code == Int(ETXTBSY) }
    }
}

/// Runs blocking work (a child process, a sleep) on a thread of its own. Tests run on Swift's
/// concurrency pool, which has one thread per core: a test that blocks one for long starves the
/// tests that await (a server that must start within seconds), so long blocking work goes here.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try work() })
        }
    }
}

private final class LockedBytes: @unchecked Sendable {
    var bytes: [UInt8] = []
}
