import Foundation

/// Holds the latest build status and sends it to every open page as a server-sent event.
///
/// A new subscriber gets the current status at once, so a page built before the last rebuild
/// finished still learns about it. Each subscriber has a small buffer that keeps the newest
/// events: a slow page skips to the latest build instead of holding memory.
actor ReloadChannel {
    private(set) var status: PreviewStatus
    /// True until the first build is published: every page is the building page meanwhile.
    private(set) var building = true
    private var subscribers: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
    private var heartbeat: Task<Void, Never>?

    init(status: PreviewStatus) {
        self.status = status
    }

    var subscriberCount: Int { subscribers.count }

    func subscribe() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        // Tells EventSource to retry quickly after the server restarts.
        continuation.yield(Array("retry: 500\n\n".utf8) + LiveReload.event(status))
        subscribers[id] = continuation
        startHeartbeat()
        return stream
    }

    func publish(_ status: PreviewStatus) {
        self.status = status
        building = false
        // The event lists every finding: with no page open, nothing waits for it (a page that
        // opens later is sent the stored status when it subscribes).
        guard !subscribers.isEmpty else { return }
        let event = LiveReload.event(status)
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Ends every stream, so their connections close and the server can stop.
    func finish() {
        heartbeat?.cancel()
        heartbeat = nil
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }

    /// A comment line every 15 s: writing is the only way to notice a page that went away.
    private func startHeartbeat() {
        guard heartbeat == nil else { return }
        heartbeat = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                await self?.ping()
            }
        }
    }

    private func ping() {
        for continuation in subscribers.values { continuation.yield(Array(": ping\n\n".utf8)) }
    }
}
