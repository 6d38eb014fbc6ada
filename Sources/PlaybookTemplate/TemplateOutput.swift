/// The bytes of one rendered file, written straight as UTF-8.
package struct TemplateOutput {
    package var bytes: [UInt8] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    package mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    package mutating func append(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// Appends `text` with `&`, `<`, `>`, `"` and `'` written as entities, as the theme has always
    /// escaped values. Each is replaced wherever it occurs, also before a combining mark.
    package mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var start = 0
            for i in 0..<source.count {
                let entity: StaticString
                switch source[i] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<i]))
                bytes.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<source.count]))
        }
    }

    /// True when the output since `start` is not empty and ends a line (a lone `\n`, not `\r\n`):
    /// where an indented partial starts its next line.
    package func endsLine(since start: Int) -> Bool {
        let count = bytes.count
        guard count > start, bytes[count - 1] == UInt8(ascii: "\n") else { return false }
        return !(count - 2 >= start && bytes[count - 2] == UInt8(ascii: "\r"))
    }
}
