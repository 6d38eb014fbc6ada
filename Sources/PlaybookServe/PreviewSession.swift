import Foundation
import PlaybookEngine
import PlaybookModel
import PlaybookOutput

/// How to run `serve`.
package struct ServeOptions: Sendable {
    package var source: URL
    package var host: String
    /// 0 picks a free port.
    package var port: UInt16
    /// Where the site is written; nil for a fresh temporary folder, removed on stop.
    package var output: URL?
    /// Quiet time after the last change before rebuilding, while a file may still be written.
    package var quiet: Duration
    /// Quiet time after a completed write (the file was closed or renamed into place).
    package var quietAfterWrite: Duration
    package var forcePolling: Bool
    package var pollInterval: Duration
    /// Called once the site is read for the first build, before it is rendered (tests save a
    /// file there, as a person may while a large handbook builds).
    package var afterFirstRead: (@Sendable () -> Void)?

    package init(
        source: URL, host: String = "127.0.0.1", port: UInt16 = 8000, output: URL? = nil,
        quiet: Duration = .milliseconds(40), quietAfterWrite: Duration = .milliseconds(10),
        forcePolling: Bool = false, pollInterval: Duration = .milliseconds(300)
    ) {
        self.source = source
        self.host = host
        self.port = port
        self.output = output
        self.quiet = quiet
        self.quietAfterWrite = quietAfterWrite
        self.forcePolling = forcePolling
        self.pollInterval = pollInterval
    }
}

/// One rebuild, for the terminal line "rebuilt 3 files in 12 ms".
package struct Rebuilt: Sendable {
    /// Output files written or deleted.
    package var files: Int
    package var elapsed: Duration
    /// True when the change reached every page (config, templates, a page added or retitled).
    package var wholeSite: Bool
    package var check: CheckResult
}

/// What happens while serving, for the command to print.
package enum ServeReport: Sendable {
    case rebuilt(Rebuilt)
    /// The rebuild stopped before rendering (a template that does not parse); pages show it.
    case failed(PlaybookError)
}

/// A running `serve`: the built site, the HTTP server, the watcher and the rebuilder.
/// Unchecked: `isStopped` is touched only under `stopped`; every other field is a constant set by `start`.
package final class PreviewSession: @unchecked Sendable {
    package let options: ServeOptions
    /// The address pages are served at, such as `http://127.0.0.1:8000/`.
    package let url: String
    package let port: UInt16
    package let output: URL
    /// The first build's check result and how many files it wrote.
    package let initialCheck: CheckResult
    package let initialFiles: Int
    package var usesPolling: Bool { watcher.usesPolling }

    private let server: PreviewServer
    private let watcher: FileWatcher
    private let rebuilder: SiteRebuilder
    private let channel: ReloadChannel
    private let ownsOutput: Bool
    private let lock: OutputLock
    private let stopped = NSLock()
    private var isStopped = false

    /// Builds the site, writes it, starts listening and starts watching. Throws `ServeError` when
    /// the address cannot be used and `PlaybookError` when the site cannot be loaded.
    package static func start(
        _ options: ServeOptions, report: @escaping @Sendable (ServeReport) -> Void
    ) async throws -> PreviewSession {
        let ownsOutput = options.output == nil
        if let given = options.output { try OutputPlacement.check(given, site: options.source) }
        removeLeftovers()
        let output = options.output?.standardizedFileURL ?? temporaryOutput
        let fm = FileManager.default
        // Held until `stop`: no build may replace the folder being served and written.
        let lock = try OutputLock.acquire(for: OutputPlacement.resolved(output), role: .serve, wait: .seconds(60))
        let createdOutput = !fm.fileExists(atPath: output.path)
        do {
            try OutputWriter(destination: output, lock: lock).checkDestination()
            try fm.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            lock.release()
            throw error
        }
        let session = String(UUID().uuidString.prefix(8)).lowercased()
        let channel = ReloadChannel(
            status: PreviewStatus(build: SiteRebuilder.buildID(session: session, build: 1), diagnostics: []))
        // Listen before building, so a port in use is reported at once, not after a long build.
        let server: PreviewServer
        let engine: Engine
        let rendering: Rendering
        var writer = IncrementalWriter(destination: output, lock: lock)
        do {
            server = try await PreviewServer.start(
                host: options.host, port: options.port,
                handler: PreviewHandler(
                    resolver: OutputResolver(root: output), channel: channel, hosts: HostFilter(host: options.host)))
        } catch {
            if createdOutput { try? fm.removeItem(at: output) }
            lock.release()
            throw error
        }
        // Watching starts before the site is read: a save while the first build runs is
        // rebuilt once it is done, never lost (the watcher started after it, and a save in
        // between, during the minute a network's handbook builds, showed only on the next save).
        let pending = PendingChanges()
        let watcher = FileWatcher(
            root: options.source, pollInterval: options.pollInterval, forcePolling: options.forcePolling,
            emit: { pending.add($0) })
        do {
            // The engine from an empty state, as `build` runs it, judged as the preview shows
            // the site (every page, drafts included); pages are written as they are rendered, so
            // the first ones are served while the rest render.
            let site = try Pipeline.load(siteAt: options.source)
            options.afterFirstRead?()
            engine = Engine(site, settings: .preview)
            rendering = try writer.writeAll(inPlace: createdOutput || ownsOutput) { emit in
                try engine.render(emit: emit)
            }
        } catch {
            watcher.stop()
            await server.stop(timeout: 0)
            if createdOutput || ownsOutput { try? fm.removeItem(at: output) }
            lock.release()
            throw error
        }
        // The next serve, check or build starts from what this one parsed.
        Pipeline.remember(engine, siteAt: options.source)
        await channel.publish(
            PreviewStatus(build: SiteRebuilder.buildID(session: session, build: 1), check: engine.check))
        let rebuilder = SiteRebuilder(
            root: options.source, engine: engine, rendering: rendering, writer: writer, channel: channel,
            session: session, pending: pending, report: report)
        rebuilder.start(quiet: options.quiet, quietAfterWrite: options.quietAfterWrite)
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        return PreviewSession(
            options: options, url: "http://\(host):\(server.port)/", port: server.port, output: output,
            initialCheck: engine.check, initialFiles: rendering.outputPaths.count, server: server, watcher: watcher,
            rebuilder: rebuilder, channel: channel, ownsOutput: ownsOutput, lock: lock)
    }

    private init(
        options: ServeOptions, url: String, port: UInt16, output: URL, initialCheck: CheckResult, initialFiles: Int,
        server: PreviewServer, watcher: FileWatcher, rebuilder: SiteRebuilder, channel: ReloadChannel, ownsOutput: Bool,
        lock: OutputLock
    ) {
        self.lock = lock
        self.options = options
        self.url = url
        self.port = port
        self.output = output
        self.initialCheck = initialCheck
        self.initialFiles = initialFiles
        self.server = server
        self.watcher = watcher
        self.rebuilder = rebuilder
        self.channel = channel
        self.ownsOutput = ownsOutput
    }

    /// The folder a `serve` without `--output` writes into: named by the process, so one that is
    /// killed can be told from one that runs, and cleaned by the next `serve`.
    package static var temporaryOutput: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(temporaryPrefix)\(getpid())")
    }

    static let temporaryPrefix = "playbook-serve-"

    /// Removes what serves that are gone left in the temporary folder: their output folders,
    /// the staging folders beside them and their lock files. A live process's are left alone.
    package static func removeLeftovers() {
        let fm = FileManager.default
        let tmp = fm.temporaryDirectory
        for name in (try? fm.contentsOfDirectory(atPath: tmp.path)) ?? [] {
            // `playbook-serve-<pid>`, `.playbook-serve-<pid>.playbook-lock`,
            // `.playbook-serve-<pid>.playbook-tmp-<pid>` and the like.
            let bare = name.hasPrefix(".") ? name.dropFirst() : Substring(name)
            guard bare.hasPrefix(temporaryPrefix) else { continue }
            let digits = bare.dropFirst(temporaryPrefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else {
                continue
            }
            let rest = bare.dropFirst(temporaryPrefix.count + digits.count)
            guard rest.isEmpty || rest.hasPrefix(".playbook-") else { continue }
            try? fm.removeItem(at: tmp.appendingPathComponent(name))
        }
    }

    /// Removes this process's temporary output and what beside it belongs to it, for a `serve`
    /// stopped before it was up.
    package static func removeOwnTemporaryOutput() {
        let fm = FileManager.default
        let own = temporaryOutput.lastPathComponent
        for name in (try? fm.contentsOfDirectory(atPath: fm.temporaryDirectory.path)) ?? []
        where name == own || name.hasPrefix("." + own + ".playbook-") {
            try? fm.removeItem(at: fm.temporaryDirectory.appendingPathComponent(name))
        }
    }

    /// Whether binding to `host` makes the handbook reachable from other machines.
    package static func isLoopback(_ host: String) -> Bool {
        PreviewServer.isLoopback(host)
    }

    /// Stops watching, lets a rebuild in progress finish, closes open event streams and the
    /// listening socket (freeing the port), and removes a temporary output folder.
    package func stop() async {
        let first = stopped.withLock { () -> Bool in
            defer { isStopped = true }
            return !isStopped
        }
        guard first else { return }
        watcher.stop()
        let rebuilder = self.rebuilder
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                rebuilder.stop()
                done.resume()
            }
        }
        await channel.finish()
        await server.stop(timeout: 0.2)
        if ownsOutput { try? FileManager.default.removeItem(at: output) }
        lock.release()
        if ownsOutput { try? FileManager.default.removeItem(atPath: lock.path) }
    }
}
