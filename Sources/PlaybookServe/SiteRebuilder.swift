import Foundation
import PlaybookEngine
import PlaybookModel
import PlaybookOutput

/// Changes reported by the watcher and not yet rebuilt, with the time of the latest one.
/// Unchecked: every field is read and written only under `condition`.
final class PendingChanges: @unchecked Sendable {
    private let condition = NSCondition()
    private var paths: Set<String> = []
    private var last = ContinuousClock.now
    private var settled = true
    private var closed = false

    func add(_ event: WatchEvent) {
        condition.withLock {
            paths.insert(event.path)
            last = .now
            settled = event.settled
            condition.signal()
        }
    }

    func add(_ more: Set<String>) {
        condition.withLock { paths.formUnion(more) }
    }

    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// Waits for a change, then until no new change has come for the quiet window, and returns
    /// the batch; nil once closed. A burst of saves (an editor's write-rename-chmod, a `git
    /// checkout`) so becomes one rebuild. The window is short after a completed write (a close
    /// or rename), longer while a file may still be being written.
    func nextBatch(quiet: Duration, quietAfterWrite: Duration) -> Set<String>? {
        condition.lock()
        defer { condition.unlock() }
        while paths.isEmpty && !closed { condition.wait() }
        while !closed {
            let due = last + (settled ? quietAfterWrite : quiet)
            let now = ContinuousClock.now
            if now >= due { break }
            _ = condition.wait(until: Date() + Self.seconds(due - now))
        }
        guard !closed else { return nil }
        defer { paths = [] }
        return paths
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// Owns the built site between saves and turns each batch of changes into written files and a
/// new status for open pages. Runs on a thread of its own, so rendering never holds up requests.
/// Unchecked: its state is touched only by the thread `start` makes; `pending` and `done` lock themselves.
final class SiteRebuilder: @unchecked Sendable {
    let root: URL
    /// What the watcher saw change, from before the first build read the site.
    let pending: PendingChanges
    /// The site as the engine holds it between saves, and what its last render left.
    private var engine: Engine
    private var rendering: Rendering
    private var known: Set<String>
    private var writer: IncrementalWriter
    private let channel: ReloadChannel
    private let report: @Sendable (ServeReport) -> Void
    private let session: String
    private var build = 1
    /// True while open pages show an operational failure rather than the preview's findings.
    private var showingFailure = false
    private let done = DispatchSemaphore(value: 0)

    init(
        root: URL, engine: Engine, rendering: Rendering, writer: IncrementalWriter, channel: ReloadChannel,
        session: String, pending: PendingChanges, report: @escaping @Sendable (ServeReport) -> Void
    ) {
        self.root = root
        self.pending = pending
        self.engine = engine
        self.rendering = rendering
        self.known = engine.sourcePaths
        self.writer = writer
        self.channel = channel
        self.session = session
        self.report = report
    }

    static func buildID(session: String, build: Int) -> String { "\(session)-\(build)" }

    func start(quiet: Duration, quietAfterWrite: Duration) {
        Thread.detachNewThread { [self] in
            while let batch = pending.nextBatch(quiet: quiet, quietAfterWrite: quietAfterWrite) {
                rebuild(batch)
            }
            done.signal()
        }
    }

    /// Stops after the rebuild in progress, if any.
    func stop() {
        pending.close()
        done.wait()
    }

    func rebuild(_ paths: Set<String>) {
        let clock = ContinuousClock()
        let start = clock.now
        var written: Set<String> = []
        var removed: [String] = []
        var next = engine
        let change: EngineChange
        let rendered: Rendering
        do {
            let changes = try ChangeSet.read(paths, siteAt: root, known: known)
            guard !changes.isEmpty else {
                // Undoing what failed (deleting a new template that did not parse) changes
                // nothing the engine holds; pages must still drop the failure they show.
                if showingFailure { republish() }
                return
            }
            // The saved page goes to disk first; the checks and the pages it reaches follow.
            written.formUnion(try writer.write(engine.quickRender(changes, after: rendering)))
            change = try next.apply(changes)
            // A change that reaches the whole site is written a batch at a time as it renders.
            let (after, files, gone) = try next.render(change, after: rendering) { batch in
                written.formUnion(try self.writer.write(batch))
            }
            rendered = after
            written.formUnion(try writer.write(files))
            removed = try writer.remove(gone)
        } catch {
            // Keep the paths: the next save re-reads them along with whatever it changed.
            pending.add(paths)
            let problem = error as? PlaybookError ?? PlaybookError(stage: "serve", message: "\(error)")
            build += 1
            showingFailure = true
            publish(
                PreviewStatus(
                    build: Self.buildID(session: session, build: build), diagnostics: [Self.diagnostic(problem)],
                    language: engine.handbook.config.language))
            report(.failed(problem))
            return
        }
        let wasShowingFailure = showingFailure
        showingFailure = false
        engine = next
        rendering = rendered
        let elapsed = clock.now - start
        let unchanged = written.isEmpty && removed.isEmpty && !change.findingsChanged && !wasShowingFailure
        if !unchanged {
            build += 1
            publish(PreviewStatus(build: Self.buildID(session: session, build: build), check: engine.check))
            report(
                .rebuilt(
                    Rebuilt(
                        files: written.count + removed.count, elapsed: elapsed,
                        wholeSite: change.wholeSite || !change.summaries.isEmpty || change.healthChanged,
                        check: engine.check)))
        }
        known = engine.sourcePaths
    }

    /// Tells open pages the preview's own findings again, after a failure they were shown.
    private func republish() {
        showingFailure = false
        build += 1
        publish(
            PreviewStatus(build: Self.buildID(session: session, build: build), check: engine.check))
    }

    /// Waits until open pages have been told, so statuses reach them in build order.
    private func publish(_ status: PreviewStatus) {
        let sent = DispatchSemaphore(value: 0)
        let channel = self.channel
        Task {
            await channel.publish(status)
            sent.signal()
        }
        sent.wait()
    }

    /// An operational failure (a template that does not parse) shown like a diagnostic.
    static func diagnostic(_ error: PlaybookError) -> Diagnostic {
        Diagnostic(
            file: error.path ?? "", line: error.line ?? 1, column: error.column ?? 1, rule: error.stage,
            message: error.message,
            hint: "fix the file and save; the preview rebuilds by itself")
    }
}
