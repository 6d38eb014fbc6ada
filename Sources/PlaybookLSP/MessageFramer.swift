/// JSON-RPC messages framed as the Language Server Protocol frames them: a header block of
/// `Name: value` lines ending in an empty line, `Content-Length` giving the body's size in bytes,
/// then the body. Bytes are fed in as they arrive; complete frames come out in order.
package struct MessageFramer: Sendable {
    /// One frame: a body, or header text that cannot frame one (which is skipped).
    package enum Frame: Hashable, Sendable {
        case body([UInt8])
        case malformed(String)
    }

    /// A header block longer than this without its empty line is not a header.
    static let maxHeaderBytes = 16 * 1024
    /// Bodies are whole page texts; 256 MB is far above any page and keeps a bad length from
    /// making the server wait for ever.
    static let maxBodyBytes = 256 * 1024 * 1024

    private var buffer: [UInt8] = []
    private var start = 0

    package init() {}

    package mutating func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil until more bytes arrive.
    package mutating func next() -> Frame? {
        // Blank lines between messages are tolerated.
        while start < buffer.count, buffer[start] == 13 || buffer[start] == 10 { start += 1 }
        guard let headerEnd = findHeaderEnd() else {
            if buffer.count - start > Self.maxHeaderBytes {
                let text = String(decoding: buffer[start..<min(buffer.count, start + 80)], as: UTF8.self)
                drop(upTo: buffer.count)
                return .malformed("no header end after \(Self.maxHeaderBytes) bytes: \(text)…")
            }
            compact()
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd.lowerBound], as: UTF8.self)
        var length: Int?
        for line in header.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: " \t").lowercased()
            if name == "content-length" {
                length = Int(line[line.index(after: colon)...].trimmingCharacters(in: " \t"))
            }
        }
        guard let length, length >= 0, length <= Self.maxBodyBytes else {
            drop(upTo: headerEnd.upperBound)
            return .malformed("a message header without a valid Content-Length: \(header)")
        }
        guard buffer.count - headerEnd.upperBound >= length else { return nil }
        let body = Array(buffer[headerEnd.upperBound..<(headerEnd.upperBound + length)])
        drop(upTo: headerEnd.upperBound + length)
        return .body(body)
    }

    /// The frame around a body.
    package static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// The `\r\n\r\n` that ends the header block at `start`.
    private func findHeaderEnd() -> Range<Int>? {
        var i = start
        let limit = min(buffer.count, start + Self.maxHeaderBytes + 4)
        while i + 3 < limit {
            if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 { return i..<(i + 4) }
            i += 1
        }
        return nil
    }

    private mutating func drop(upTo index: Int) {
        start = index
        compact()
    }

    /// Forgets consumed bytes once they are most of the buffer, so reading stays linear.
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 64 * 1024 && start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}
