import Foundation

#if canImport(Glibc)
    import Glibc
    private let systemClose = Glibc.close
    private let systemSend = Glibc.send
#elseif canImport(Darwin)
    import Darwin
    private let systemClose = Darwin.close
    private let systemSend = Darwin.send
#endif

/// A deliberately raw HTTP/1.1 client for 127.0.0.1: it sends the path exactly as written (no
/// URL normalisation, unlike URLSession), which the traversal tests need. Every read is bounded.
struct TestHTTPClient {
    struct Response {
        var status: Int
        /// Header names lowercased.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: UInt16
    /// How long a reply may take: a bound on liveness, not a speed (the whole suite shares two cores).
    var timeout: TimeInterval = 30

    /// Sends one request and reads the whole response, on a thread outside Swift's cooperative
    /// pool: blocking reads there would starve the server under test, which runs on that pool.
    /// `host` is the `Host` header (by default the address and port it connects to; nil sends none).
    func get(_ rawPath: String, method: String = "GET", host: String?? = .none) async throws -> Response {
        let header = host ?? "127.0.0.1:\(port)"
        return try await offPool { try getBlocking(rawPath, method: method, host: header) }
    }

    private func getBlocking(_ rawPath: String, method: String, host: String?) throws -> Response {
        let socket = try TestSocket(port: port, timeout: timeout)
        defer { socket.close() }
        let hostLine = host.map { "Host: \($0)\r\n" } ?? ""
        try socket.send("\(method) \(rawPath) HTTP/1.1\r\n\(hostLine)Connection: close\r\n\r\n")
        var data: [UInt8] = []
        while let chunk = try socket.receive() { data += chunk }
        guard let split = data.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw Failure(description: "no header in response to \(rawPath)")
        }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var body = Array(data[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" {
            var decoder = ChunkDecoder()
            body = decoder.feed(body)
        }
        return Response(status: status, headers: headers, body: body)
    }
}

/// Reads server-sent events from `/__playbook/events` as they arrive.
final class TestEventStream: @unchecked Sendable {
    struct Event: Equatable {
        var name: String
        var data: String
    }

    private let socket: TestSocket
    private var decoder = ChunkDecoder()
    private var text = ""
    private var headerDone = false
    private var raw: [UInt8] = []

    init(port: UInt16) throws {
        socket = try TestSocket(port: port, timeout: 0.2)
        try socket.send(
            "GET /__playbook/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    deinit { socket.close() }

    /// The next event (comments skipped), or nil when none comes within `timeout` seconds (a bound
    /// on liveness: the whole suite shares two cores).
    func next(timeout: TimeInterval = 60) async throws -> Event? {
        try await offPool { try self.nextBlocking(timeout: timeout) }
    }

    private func nextBlocking(timeout: TimeInterval) throws -> Event? {
        let deadline = Date() + timeout
        while true {
            if let event = takeEvent() { return event }
            guard Date() < deadline else { return nil }
            guard let chunk = try socket.receive(allowTimeout: true) else { return nil }
            raw += chunk
            if !headerDone, let split = raw.firstRange(of: Array("\r\n\r\n".utf8)) {
                headerDone = true
                raw = Array(raw[split.upperBound...])
            }
            if headerDone {
                text += String(decoding: decoder.feed(raw), as: UTF8.self)
                raw = []
            }
        }
    }

    /// The next event named `name`, skipping others, within `timeout` seconds.
    /// The wait is a bound on liveness, not a speed: a loaded machine (the whole suite on two
    /// cores) may take seconds to rebuild.
    func next(named name: String, timeout: TimeInterval = 60) async throws -> Event? {
        let deadline = Date() + timeout
        while Date() < deadline {
            guard let event = try await next(timeout: deadline.timeIntervalSinceNow) else { return nil }
            if event.name == name { return event }
        }
        return nil
    }

    private func takeEvent() -> Event? {
        while let end = text.range(of: "\n\n") {
            let block = text[..<end.lowerBound]
            text = String(text[end.upperBound...])
            var name = "message"
            var data: [String] = []
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
            }
            if !data.isEmpty { return Event(name: name, data: data.joined(separator: "\n")) }
        }
        return nil
    }
}

/// Runs blocking work on a thread of its own and waits for it without holding a cooperative
/// thread (Dispatch's global queues are as narrow as the machine, so not there either).
func offPool<T>(_ work: @escaping () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try work() })
        }
    }
}

/// Undoes `Transfer-Encoding: chunked`, across reads.
struct ChunkDecoder {
    private var pending: [UInt8] = []

    mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        pending += bytes
        var out: [UInt8] = []
        while let lineEnd = pending.firstRange(of: Array("\r\n".utf8)) {
            let sizeText = String(decoding: pending[..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText, radix: 16) else { break }
            let start = lineEnd.upperBound
            guard pending.count >= start + size + 2 else { break }
            out += pending[start..<start + size]
            pending = Array(pending[(start + size + 2)...])
            if size == 0 { break }
        }
        return out
    }
}

/// A blocking TCP socket to 127.0.0.1 with a receive timeout.
final class TestSocket {
    private let fd: Int32

    init(port: UInt16, timeout: TimeInterval) throws {
        #if canImport(Glibc)
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw TestHTTPClient.Failure(description: "socket() failed") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: .init((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            _ = systemClose(fd)
            throw TestHTTPClient.Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
    }

    func send(_ text: String) throws {
        try send(bytes: Array(text.utf8))
    }

    func send(bytes: [UInt8]) throws {
        // A server that answered and closed makes a later send fail; never with SIGPIPE.
        #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        let sent = bytes.withUnsafeBytes { systemSend(fd, $0.baseAddress, $0.count, flags) }
        guard sent == bytes.count else { throw TestHTTPClient.Failure(description: "send failed") }
    }

    /// Bytes read, nil at end of stream; with `allowTimeout`, an empty array when nothing came in time.
    func receive(allowTimeout: Bool = false) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 { return Array(buffer[..<count]) }
        if count == 0 { return nil }
        if allowTimeout, errno == EAGAIN || errno == EWOULDBLOCK { return [] }
        throw TestHTTPClient.Failure(description: "receive failed or timed out (errno \(errno))")
    }

    func close() {
        _ = systemClose(fd)
    }
}
