import FlyingFox
import FlyingSocks
import Foundation

/// Why `serve` could not start listening.
public enum ServeError: Error, Hashable, Sendable, CustomStringConvertible {
    case portInUse(host: String, port: UInt16)
    case badHost(String)
    case cannotListen(host: String, port: UInt16, reason: String)

    public var description: String {
        switch self {
        case .portInUse(_, let port):
            return "port \(port) is in use; pass --port with another number (or --port 0 to pick a free one)"
        case .badHost(let host):
            return
                "--host \(host) is not an IP address; use 127.0.0.1, ::1 or the address of one of this machine's interfaces"
        case .cannotListen(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason)"
        }
    }
}

/// The HTTP side of `serve`: files from the output folder, the reload script added to HTML, the
/// event stream, and nothing else (only GET and HEAD, only for the host names it listens on).
struct PreviewHandler: HTTPHandler {
    let resolver: OutputResolver
    let channel: ReloadChannel
    let hosts: HostFilter

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard hosts.allows(request.headers[.host]) else {
            return plain(
                HTTPStatusCode(421, phrase: "Misdirected Request"),
                "This preview answers only for \(hosts.expected.joined(separator: ", ")); open it at one of those addresses.\n"
            )
        }
        guard request.method == .GET || request.method == .HEAD else {
            let headers: HTTPHeaders = [HTTPHeader("Allow"): "GET, HEAD"]
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        let path = request.target.path(percentEncoded: true)
        if path == LiveReload.eventsPath {
            let events = await channel.subscribe()
            let headers: HTTPHeaders = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
            return HTTPResponse(
                statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventBytes(events: events)))
        }
        switch resolver.resolve(path) {
        case .file(let file):
            return await respond(.ok, file: file, head: request.method == .HEAD)
        case .redirect(let location):
            let query = request.target.query(percentEncoded: true)
            let headers: HTTPHeaders = [
                .location: query.isEmpty ? location : location + "?" + query, .cacheControl: "no-store",
            ]
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .notFound:
            return await notFound(head: request.method == .HEAD)
        case .refused:
            return plain(.badRequest, "This path is not served.\n")
        }
    }

    private func respond(_ status: HTTPStatusCode, file: String, head: Bool) async -> HTTPResponse {
        guard var bytes = FileManager.default.contents(atPath: file).map([UInt8].init) else {
            return plain(.notFound, "Not found.\n")
        }
        let type = ContentType.forPath(file)
        if type.hasPrefix("text/html") {
            bytes = LiveReload.inject(into: bytes, status: await channel.status)
        }
        var headers: HTTPHeaders = [
            .contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        if head {
            headers[.contentLength] = String(bytes.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(bytes))
    }

    private func notFound(head: Bool) async -> HTTPResponse {
        if case .file(let page) = resolver.resolve("/404.html") {
            return await respond(.notFound, file: page, head: head)
        }
        return plain(.notFound, "Not found.\n")
    }

    private func plain(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        let headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        return HTTPResponse(statusCode: status, headers: headers, body: Data(text.utf8))
    }
}

/// Starts a FlyingFox server and reports bind failures as `ServeError`.
enum PreviewServer {
    static func start(host: String, port: UInt16, handler: PreviewHandler) async throws -> (HTTPServer, UInt16) {
        let server: HTTPServer
        let ip = host == "localhost" ? "127.0.0.1" : host
        if ip.contains(":") {
            guard let address = try? sockaddr_in6.inet6(ip6: ip, port: port) else { throw ServeError.badHost(host) }
            server = HTTPServer(
                address: address, pool: NoDelayPool(HTTPServer.defaultPool()), logger: .disabled, handler: handler)
        } else {
            guard let address = try? sockaddr_in.inet(ip4: ip, port: port) else { throw ServeError.badHost(host) }
            server = HTTPServer(
                address: address, pool: NoDelayPool(HTTPServer.defaultPool()), logger: .disabled, handler: handler)
        }
        let failure = Failure()
        Task {
            do { try await server.run() } catch { failure.set(error) }
        }
        // `run` either fails fast (bind, listen) or starts listening; wait for whichever comes first.
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let address = await server.listeningAddress {
                let bound = Self.port(of: address) ?? port
                handler.hosts.listen(on: bound)
                return (server, bound)
            }
            if let error = failure.get() { throw Self.describe(error, host: host, port: port) }
            try await Task.sleep(for: .milliseconds(5))
        }
        await server.stop()
        throw ServeError.cannotListen(host: host, port: port, reason: "the server did not start within 10 s")
    }

    private static func port(of address: Socket.Address) -> UInt16? {
        switch address {
        case .ip4(_, let port), .ip6(_, let port): return port
        case .unix: return nil
        }
    }

    private static func describe(_ error: Error, host: String, port: UInt16) -> ServeError {
        if case SocketError.failed(_, let code, let message) = error {
            if code == EADDRINUSE { return .portInUse(host: host, port: port) }
            if code == EADDRNOTAVAIL { return .badHost(host) }
            return .cannotListen(host: host, port: port, reason: message)
        }
        return .cannotListen(host: host, port: port, reason: "\(error)")
    }

    /// Whether `host` keeps the handbook on this machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// The server's socket pool, turning Nagle's algorithm off on every socket it waits on.
///
/// FlyingFox writes a response's header and body in separate writes; with Nagle on, the body
/// waits for the client's acknowledgement of the header, which a client delays by up to 40 ms,
/// so every keep-alive request took 40 ms. The listening socket is waited on before the first
/// accept, and Linux and the BSDs copy `TCP_NODELAY` from it to each accepted connection; every
/// connection is set again when it waits for its next request.
struct NoDelayPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    init(_ base: Base) { self.base = base }

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        var on: Int32 = 1
        _ = setsockopt(
            socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}

/// The first error of the server task, read by the starter while it polls.
private final class Failure: @unchecked Sendable {
    private let lock = NSLock()
    private var error: Error?

    func set(_ error: Error) { lock.withLock { self.error = error } }
    func get() -> Error? { lock.withLock { error } }
}
