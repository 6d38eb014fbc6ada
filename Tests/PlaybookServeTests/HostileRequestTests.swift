import Foundation
import TestSupport
import Testing

@testable import PlaybookServe

/// A page from any origin can make the browser send requests to 127.0.0.1: the preview caps
/// what one request may cost and answers before reading more (issue 26).
@Suite("serve: hostile requests", .timeLimit(.minutes(3)))
struct HostileRequestTests {
    /// Sends `request` on a fresh connection and reads the status line of the answer.
    static func statusLine(port: UInt16, _ request: [UInt8]) throws -> String {
        let socket = try TestSocket(port: port, timeout: 15)
        defer { socket.close() }
        // Send in pieces: the server answers (and closes) once the cap is passed, and a send
        // after that fails, which is the point.
        var offset = 0
        while offset < request.count {
            let end = min(offset + 64 << 10, request.count)
            guard (try? socket.send(bytes: Array(request[offset..<end]))) != nil else { break }
            offset = end
        }
        var received: [UInt8] = []
        while !received.contains(10), let more = try socket.receive() { received += more }
        return String(decoding: received.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self)
    }

    @Test func aLongRequestLineIs414AndCostsItsCapNotItsSize() async throws {
        try await withServedSite { served in
            let port = served.session.port
            for size in [128 << 10, 1 << 20] {
                let clock = ContinuousClock()
                let start = clock.now
                let line = try await offPool {
                    try Self.statusLine(
                        port: port, Array("GET /\(String(repeating: "a", count: size)) HTTP/1.1\r\n".utf8))
                }
                let elapsed = clock.now - start
                #expect(line == "HTTP/1.1 414 URI Too Long", "\(size) bytes")
                print("request line of \(size) bytes answered in \(elapsed)")
            }
            // And the preview goes on serving.
            #expect(try await served.client.get("/").status == 200)
        }
    }

    @Test func longHeadersAre431() async throws {
        try await withServedSite { served in
            let port = served.session.port
            let header = "X-Filler: " + String(repeating: "b", count: 100_000) + "\r\n"
            let line = try await offPool {
                try Self.statusLine(
                    port: port, Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(header)\r\n".utf8))
            }
            #expect(line == "HTTP/1.1 431 Request Header Fields Too Large")
            let many = (0..<2000).map { "X-\($0): 1\r\n" }.joined()
            let manyLine = try await offPool {
                try Self.statusLine(port: port, Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(many)\r\n".utf8))
            }
            #expect(manyLine == "HTTP/1.1 431 Request Header Fields Too Large")
        }
    }

    @Test func theHostIsCheckedAtTheHeadAndABodyIsNeverWaitedFor() async throws {
        try await withServedSite { served in
            let port = served.session.port
            // A POST announcing a body it never sends: answered at once, from the head alone.
            let line = try await offPool {
                try Self.statusLine(
                    port: port,
                    Array("POST / HTTP/1.1\r\nHost: evil.example:\(port)\r\nContent-Length: 1000000\r\n\r\n".utf8))
            }
            #expect(line == "HTTP/1.1 421 Misdirected Request")
        }
    }

    @Test func aHeadThatNeverEndsIsClosedAfterTheHeadTimeout() async throws {
        try await withServedSite { served in
            let port = served.session.port
            let line = try await offPool { () -> String in
                let socket = try TestSocket(port: port, timeout: 30)
                defer { socket.close() }
                try socket.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                var received: [UInt8] = []
                while !received.contains(10), let more = try socket.receive() { received += more }
                return String(decoding: received.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self)
            }
            #expect(line == "HTTP/1.1 408 Request Timeout")
        }
    }
}
