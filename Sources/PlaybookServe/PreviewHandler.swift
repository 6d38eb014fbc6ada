import Foundation
import NIOHTTP1

/// A request as the preview needs it: the head alone.
struct PreviewRequest: Sendable {
    var method: String
    /// The request target as sent: path, then `?query` (a `#fragment` is never sent).
    var target: String
    var host: String?

    /// The path, still percent-encoded.
    var path: String {
        String(target.prefix { $0 != "?" && $0 != "#" })
    }

    /// The query without its `?`, percent-encoded; empty when there is none.
    var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: mark)...].prefix { $0 != "#" })
    }
}

/// What the preview answers.
struct PreviewResponse: Sendable {
    enum Body: Sendable {
        /// The whole body; with `head`, only its length is sent (a HEAD request).
        case bytes([UInt8], head: Bool)
        /// A server-sent event stream, sent as its events come until the stream ends.
        case events(AsyncStream<[UInt8]>)
    }

    var status: HTTPResponseStatus
    var headers: [(String, String)]
    var body: Body
}

/// The HTTP side of `serve`: files from the output folder, the reload script added to HTML, the
/// event stream, and nothing else (only GET and HEAD, only for the host names it listens on).
struct PreviewHandler: Sendable {
    let resolver: OutputResolver
    let channel: ReloadChannel
    let hosts: HostFilter

    func respond(_ request: PreviewRequest) async -> PreviewResponse {
        guard hosts.allows(request.host) else {
            return plain(
                .custom(code: 421, reasonPhrase: "Misdirected Request"),
                "This preview answers only for \(hosts.expected.joined(separator: ", ")); open it at one of those addresses.\n"
            )
        }
        let head = request.method == "HEAD"
        guard request.method == "GET" || head else {
            return PreviewResponse(
                status: .methodNotAllowed, headers: [("Allow", "GET, HEAD")], body: .bytes([], head: false))
        }
        let path = request.path
        if path != LiveReload.eventsPath, await channel.building {
            return PreviewResponse(
                status: .serviceUnavailable,
                headers: [
                    ("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"), ("Retry-After", "1"),
                ],
                body: .bytes(LiveReload.buildingPage, head: head))
        }
        if path == LiveReload.eventsPath {
            return PreviewResponse(
                status: .ok,
                headers: [("Content-Type", "text/event-stream; charset=utf-8"), ("Cache-Control", "no-store")],
                body: .events(await channel.subscribe()))
        }
        switch resolver.resolve(path) {
        case .file(let file):
            return await respond(.ok, file: file, head: head, path: path)
        case .redirect(let location):
            let query = request.query
            return PreviewResponse(
                status: .movedPermanently,
                headers: [
                    ("Location", query.isEmpty ? location : location + "?" + query), ("Cache-Control", "no-store"),
                ],
                body: .bytes([], head: false))
        case .notFound:
            return await notFound(head: head)
        case .refused:
            return plain(.badRequest, "This path is not served.\n")
        }
    }

    private func respond(_ status: HTTPResponseStatus, file: String, head: Bool, path: String = "/")
        async -> PreviewResponse
    {
        guard var bytes = FileManager.default.contents(atPath: file).map([UInt8].init) else {
            return plain(.notFound, "Not found.\n")
        }
        let type = ContentType.forPath(file)
        if type.hasPrefix("text/html") {
            bytes = LiveReload.inject(into: bytes, status: await channel.status, path: path)
        }
        return PreviewResponse(
            status: status,
            headers: [("Content-Type", type), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")],
            body: .bytes(bytes, head: head))
    }

    private func notFound(head: Bool) async -> PreviewResponse {
        if case .file(let page) = resolver.resolve("/404.html") {
            return await respond(.notFound, file: page, head: head)
        }
        return plain(.notFound, "Not found.\n")
    }

    private func plain(_ status: HTTPResponseStatus, _ text: String) -> PreviewResponse {
        PreviewResponse(
            status: status, headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")],
            body: .bytes(Array(text.utf8), head: false))
    }
}
