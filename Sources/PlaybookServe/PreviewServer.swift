import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Why `serve` could not start listening.
package enum ServeError: Error, Hashable, Sendable, CustomStringConvertible {
    case portInUse(host: String, port: UInt16)
    case badHost(String)
    case cannotListen(host: String, port: UInt16, reason: String)

    package var description: String {
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

/// The preview's HTTP server, on SwiftNIO: NIO's HTTP/1 parser (linear in the bytes it is given)
/// behind `RequestHeadGuard`, which caps and times the request head before any of it is parsed,
/// so a page from any origin that sends a megabyte of request line to 127.0.0.1 costs a few
/// microseconds and gets a 414, not a core. Each request is answered from its head alone
/// (only GET and HEAD are served, so no body is ever waited for).
final class PreviewServer: Sendable {
    /// The most a request line may hold, and the most its line and headers together may hold.
    static let maxRequestLine = 8 << 10
    static let maxHead = 32 << 10
    /// A request head must arrive within this time of its first byte (a slow sender holds a
    /// connection otherwise), and a connection with nothing read or written for `idleTimeout`
    /// is closed. An open page's event stream writes a heartbeat every 15 s, well inside it.
    static let headTimeout = TimeAmount.seconds(10)
    static let idleTimeout = TimeAmount.seconds(60)

    private let group: MultiThreadedEventLoopGroup
    private let listener: Channel
    private let connections: ConnectionSet
    let port: UInt16

    private init(group: MultiThreadedEventLoopGroup, listener: Channel, connections: ConnectionSet, port: UInt16) {
        self.group = group
        self.listener = listener
        self.connections = connections
        self.port = port
    }

    /// Starts listening on `host:port` (0 picks a free port); bind failures are `ServeError`.
    static func start(host: String, port: UInt16, handler: PreviewHandler) async throws -> PreviewServer {
        let ip = host == "localhost" ? "127.0.0.1" : host
        let address: SocketAddress
        do {
            address = try SocketAddress(ipAddress: ip, port: Int(port))
        } catch {
            throw ServeError.badHost(host)
        }
        // One thread: a preview serves one person's browser, and the build has the other cores.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let connections = ConnectionSet()
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = maxHead
        limits.maxHeaderListSize = maxHead
        limits.maxHeaderFieldCount = 100
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 64)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                connections.insert(channel)
                channel.closeFuture.whenComplete { _ in connections.remove(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(IdleStateHandler(allTimeout: idleTimeout))
                    try sync.addHandler(RequestHeadGuard())
                    try sync.configureHTTPServerPipeline(
                        withPipeliningAssistance: true, withServerUpgrade: nil, withErrorHandling: false,
                        withOutboundHeaderValidation: true, withEncoderConfiguration: .init(),
                        withDecoderLimitConfiguration: limits)
                    try sync.addHandler(PreviewConnectionHandler(handler: handler))
                }
            }
        let listener: Channel
        do {
            listener = try await bootstrap.bind(to: address).get()
        } catch {
            try? await group.shutdownGracefully()
            throw describe(error, host: host, port: port)
        }
        let bound = UInt16(listener.localAddress?.port ?? Int(port))
        handler.hosts.listen(on: bound)
        return PreviewServer(group: group, listener: listener, connections: connections, port: bound)
    }

    /// Stops listening at once, gives open connections `timeout` to finish what they are
    /// sending, then closes them and stops the server's thread.
    func stop(timeout: Double = 0.2) async {
        try? await listener.close()
        if timeout > 0 { try? await Task.sleep(for: .seconds(timeout)) }
        for channel in connections.all { try? await channel.close() }
        try? await group.shutdownGracefully()
    }

    private static func describe(_ error: Error, host: String, port: UInt16) -> ServeError {
        if let io = error as? IOError {
            if io.errnoCode == EADDRINUSE { return .portInUse(host: host, port: port) }
            if io.errnoCode == EADDRNOTAVAIL { return .badHost(host) }
            return .cannotListen(host: host, port: port, reason: String(cString: strerror(io.errnoCode)))
        }
        return .cannotListen(host: host, port: port, reason: "\(error)")
    }

    /// Whether `host` keeps the handbook on this machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// The open connections, so that stopping the server closes them (an open page's event stream
/// would keep its connection otherwise).
private final class ConnectionSet: @unchecked Sendable {
    // Safe: every access holds `lock`.
    private let lock = NSLock()
    private var channels: [ObjectIdentifier: Channel] = [:]

    func insert(_ channel: Channel) { lock.withLock { channels[ObjectIdentifier(channel)] = channel } }
    func remove(_ channel: Channel) { _ = lock.withLock { channels.removeValue(forKey: ObjectIdentifier(channel)) } }
    var all: [Channel] { lock.withLock { Array(channels.values) } }
}

/// Sits in front of the HTTP parser and counts the bytes of each request head: a request line
/// longer than `PreviewServer.maxRequestLine` is answered 414, a head longer than
/// `PreviewServer.maxHead` 431, a head not complete within `headTimeout` 408, and the
/// connection closed, before the parser sees the bytes. One pass over each byte, whatever the
/// size of the reads.
final class RequestHeadGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Bytes of the current head so far, and of its first line while that line is open.
    private var headBytes = 0
    private var lineOpen = true
    /// The last bytes seen, to find `\r\n\r\n` across reads.
    private var tail: UInt32 = 0
    private var deadline: Scheduled<Void>?
    private var refused = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        let buffer = unwrapInboundIn(data)
        var verdict: (code: Int, phrase: String)?
        buffer.withUnsafeReadableBytes { bytes in
            for byte in bytes {
                if headBytes == 0 { startHead(context) }
                headBytes += 1
                tail = tail << 8 | UInt32(byte)
                if lineOpen, byte == 10 { lineOpen = false }
                if lineOpen, headBytes > PreviewServer.maxRequestLine {
                    verdict = (414, "URI Too Long")
                    return
                }
                if headBytes > PreviewServer.maxHead {
                    verdict = (431, "Request Header Fields Too Large")
                    return
                }
                if tail == 0x0D0A_0D0A || tail & 0xFFFF == 0x0A0A {
                    // The head is complete; whatever follows is the next request's (or a body).
                    headBytes = 0
                    lineOpen = true
                    deadline?.cancel()
                    deadline = nil
                }
            }
        }
        if let verdict {
            refuse(context, code: verdict.code, phrase: verdict.phrase)
            return
        }
        context.fireChannelRead(data)
    }

    private func startHead(_ context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: PreviewServer.headTimeout) {
            let (handler, context) = loopBound.value
            handler.refuse(context, code: 408, phrase: "Request Timeout")
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        context.fireChannelInactive()
    }

    /// Answers with `code` straight onto the socket (the parser never saw this head) and closes.
    private func refuse(_ context: ChannelHandlerContext, code: Int, phrase: String) {
        guard !refused else { return }
        refused = true
        deadline?.cancel()
        let body = "\(code) \(phrase): this preview serves only short GET and HEAD requests.\n"
        let text =
            "HTTP/1.1 \(code) \(phrase)\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        let buffer = context.channel.allocator.buffer(string: text)
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in context.close(promise: nil) }
    }
}

/// One connection's requests: each is answered by `PreviewHandler` as soon as its head arrives.
final class PreviewConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let handler: PreviewHandler
    /// The event stream being sent on this connection, cancelled when it closes.
    private var stream: Task<Void, Never>?

    init(handler: PreviewHandler) {
        self.handler = handler
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let head) = unwrapInboundIn(data) else { return }
        let request = PreviewRequest(
            method: head.method.rawValue, target: head.uri, host: head.headers.first(name: "host"))
        let keepAlive = head.isKeepAlive
        let version = head.version
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let handler = self.handler
        let eventLoop = context.eventLoop
        Task {
            let response = await handler.respond(request)
            eventLoop.execute {
                let (connection, context) = loopBound.value
                connection.send(response, version: version, keepAlive: keepAlive, context: context)
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        stream?.cancel()
        stream = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // The parser refused the request: say so once and close; anything else just closes.
        if let parse = error as? HTTPParserError, context.channel.isActive {
            let status: HTTPResponseStatus =
                parse == .headerOverflow
                ? .custom(code: 431, reasonPhrase: "Request Header Fields Too Large") : .badRequest
            var headers = HTTPHeaders([("Content-Type", "text/plain; charset=utf-8"), ("Connection", "close")])
            let body = "\(status.code) \(status.reasonPhrase)\n"
            headers.add(name: "Content-Length", value: String(body.utf8.count))
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))))
                .whenFailure { _ in }
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))))
                .whenFailure { _ in }
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
            return
        }
        context.close(promise: nil)
    }

    private func send(
        _ response: PreviewResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext
    ) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders(response.headers)
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        switch response.body {
        case .bytes(let bytes, let head):
            headers.replaceOrAdd(name: "Content-Length", value: String(bytes.count))
            context.write(
                wrapOutboundOut(.head(HTTPResponseHead(version: version, status: response.status, headers: headers))),
                promise: nil)
            if !head, !bytes.isEmpty {
                context.write(
                    wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: bytes)))), promise: nil)
            }
            let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
            if !keepAlive { done.whenComplete { _ in context.close(promise: nil) } }
        case .events(let events):
            context.writeAndFlush(
                wrapOutboundOut(.head(HTTPResponseHead(version: version, status: response.status, headers: headers))),
                promise: nil)
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let eventLoop = context.eventLoop
            stream = Task {
                for await chunk in events {
                    eventLoop.execute {
                        let context = loopBound.value
                        let buffer = context.channel.allocator.buffer(bytes: chunk)
                        context.writeAndFlush(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
                    }
                }
                // The channel finished (serve is stopping): end the response and close.
                eventLoop.execute {
                    let context = loopBound.value
                    context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).whenComplete { _ in
                        context.close(promise: nil)
                    }
                }
            }
        }
    }
}
