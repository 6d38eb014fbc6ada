/// The one JSON value of Playbook: what the language server sends and receives, the reports and
/// schemas `check` writes, the baseline file, the output folder's manifest and the phrase
/// dictionaries of an edition are read with `parse` and written with `rendered`. Objects keep
/// their keys in the order written, so everything written is deterministic and prints in a
/// documented order; string literals are escaped by `quote`, also for the JSON the search index
/// and the live-reload script write piece by piece.
package indirect enum JSON: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    package static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { pair in y.contains { $0.0 == pair.0 && $0.1 == pair.1 } }
        default: return false
        }
    }

    /// Consistent with `==`: objects hash without their order, integers as the doubles they equal.
    package func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(Double(i))
        case .double(let d): hasher.combine(d)
        case .string(let s): hasher.combine(s)
        case .array(let items): hasher.combine(items)
        case .object(let pairs):
            hasher.combine(pairs.count)
            hasher.combine(Set(pairs.map(\.0)))
        }
    }

    /// An object's member; setting one replaces it where it stands or appends it, setting nil
    /// removes it. Neither reads nor writes anything but an object.
    package subscript(key: String) -> JSON? {
        get {
            if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
            return nil
        }
        set {
            guard case .object(var pairs) = self else { return }
            if let newValue {
                if let i = pairs.firstIndex(where: { $0.0 == key }) {
                    pairs[i].1 = newValue
                } else {
                    pairs.append((key, newValue))
                }
            } else {
                pairs.removeAll { $0.0 == key }
            }
            self = .object(pairs)
        }
    }

    package subscript(index: Int) -> JSON? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    package var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    package var int: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        default: return nil
        }
    }

    package var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    package var array: [JSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    package var object: [(String, JSON)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }

    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    // MARK: - Writing

    /// The value as JSON text: compact, or two-space indented with a final newline when
    /// `indented` (the files people read: reports, schemas, the baseline).
    package func rendered(indented: Bool = false) -> String {
        var out = ""
        write(to: &out, indent: indented ? "" : nil)
        return indented ? out + "\n" : out
    }

    private func write(to out: inout String, indent: String?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if let indent { out += "\n" + indent + "  " }
                item.write(to: &out, indent: indent.map { $0 + "  " })
            }
            if let indent { out += "\n" + indent }
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                if let indent { out += "\n" + indent + "  " }
                Self.quote(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(to: &out, indent: indent.map { $0 + "  " })
            }
            if let indent { out += "\n" + indent }
            out += "}"
        }
    }

    // MARK: - String literals

    // Written by hand so output stays byte for byte deterministic and Chinese stays readable
    // UTF-8: one escaper for every JSON Playbook writes.

    /// `s` as a JSON string literal: quotes, backslashes, control characters (C0, DEL, C1,
    /// bidirectional overrides) and the two line separators JavaScript does not allow in literals
    /// are escaped. With `forScript`, `<` is
    /// escaped too, so the text cannot close a `<script>` element it is embedded in.
    ///
    /// It works on the UTF-8 bytes: only a sequence that starts with 0xC2, 0xD8 or 0xE2 can be
    /// one of the escaped characters beyond ASCII (U+0080–U+009F, U+061C, U+200E, U+200F,
    /// U+2028, U+2029, U+202A–U+202E, U+2066–U+2069), so every other sequence is copied as is.
    package static func quote(_ s: String, forScript: Bool = false, into out: inout String) {
        var text = s
        let literal = text.withUTF8 { input -> String in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(input.count + input.count / 8 + 2)
            bytes.append(UInt8(ascii: "\""))
            func escape(_ value: UInt32) {
                let hex = Array(String(value, radix: 16).utf8)
                bytes += Array("\\u".utf8) + [UInt8](repeating: UInt8(ascii: "0"), count: 4 - hex.count) + hex
            }
            var i = 0
            while i < input.count {
                let byte = input[i]
                if byte < 0x80 {
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                    case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                    case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                    case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                    case UInt8(ascii: "<") where forScript: escape(0x3C)
                    case 0x00..<0x20, 0x7F: escape(UInt32(byte))
                    default: bytes.append(byte)
                    }
                    i += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if byte == 0xC2 || byte == 0xD8 || byte == 0xE2 {
                    var value = UInt32(byte) & (length == 2 ? 0x1F : 0x0F)
                    for k in 1..<length { value = value << 6 | UInt32(input[i + k] & 0x3F) }
                    if value == 0x2028 || value == 0x2029 || VisibleText.needsEscape(Unicode.Scalar(value)!) {
                        escape(value)
                        i += length
                        continue
                    }
                }
                bytes.append(contentsOf: input[i..<(i + length)])
                i += length
            }
            bytes.append(UInt8(ascii: "\""))
            return String(decoding: bytes, as: UTF8.self)
        }
        out += literal
    }

    /// `s` as a JSON string literal; see `quote(_:forScript:into:)`.
    package static func quote(_ s: String, forScript: Bool = false) -> String {
        var out = ""
        quote(s, forScript: forScript, into: &out)
        return out
    }

    // MARK: - Reading

    /// Why a message body is not JSON, and the byte offset where reading stopped.
    package struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        package var offset: Int
        package var reason: String
        package var description: String { "\(reason) at byte \(offset)" }
    }

    /// Parses one JSON document; anything but whitespace after it is an error.
    package static func parse(_ bytes: [UInt8]) throws -> JSON {
        var reader = Reader(bytes: bytes)
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.error("unexpected text after the value") }
        return value
    }

    package static func parse(_ text: String) throws -> JSON {
        try parse(Array(text.utf8))
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        func error(_ reason: String) -> SyntaxError { SyntaxError(offset: index, reason: reason) }

        mutating func skipWhitespace() {
            while index < bytes.count,
                bytes[index] == 32 || bytes[index] == 10 || bytes[index] == 13 || bytes[index] == 9
            {
                index += 1
            }
        }

        mutating func value(depth: Int) throws -> JSON {
            // Nesting is bounded so a hostile message cannot exhaust the stack.
            guard depth < 512 else { throw error("nesting too deep") }
            guard index < bytes.count else { throw error("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var pairs: [(String, JSON)] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(pairs)
                }
                while true {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key") }
                    let key = try string()
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected `:`") }
                    index += 1
                    skipWhitespace()
                    pairs.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    guard index < bytes.count else { throw error("unexpected end") }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "}") {
                        index += 1
                        return .object(pairs)
                    } else {
                        throw error("expected `,` or `}`")
                    }
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [JSON] = []
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                while true {
                    skipWhitespace()
                    items.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard index < bytes.count else { throw error("unexpected end") }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        return .array(items)
                    } else {
                        throw error("expected `,` or `]`")
                    }
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default:
                return try number()
            }
        }

        mutating func literal(_ word: String, _ value: JSON) throws -> JSON {
            let utf8 = Array(word.utf8)
            guard index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else {
                throw error("unexpected character")
            }
            index += utf8.count
            return value
        }

        mutating func number() throws -> JSON {
            let start = index
            var isInteger = true
            while index < bytes.count {
                let b = bytes[index]
                if (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
                    index += 1
                } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                    isInteger = false
                    index += 1
                } else {
                    break
                }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if isInteger, let i = Int(text) { return .int(i) }
            guard !text.isEmpty, let d = Double(text) else {
                index = start
                throw error("unexpected character")
            }
            return .double(d)
        }

        /// A string literal; `index` is at its opening quote.
        mutating func string() throws -> String {
            index += 1
            var out: [UInt8] = []
            while true {
                // Copy the run up to the next quote or escape in one go: texts of whole pages
                // arrive as one string.
                let runStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
                    if bytes[index] < 0x20 { throw error("control character in a string") }
                    index += 1
                }
                out.append(contentsOf: bytes[runStart..<index])
                guard index < bytes.count else { throw error("unterminated string") }
                if bytes[index] == UInt8(ascii: "\"") {
                    index += 1
                    guard let text = String(validating: out, as: UTF8.self) else {
                        throw error("a string is not valid UTF-8")
                    }
                    return text
                }
                index += 1
                guard index < bytes.count else { throw error("unterminated string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        // A surrogate pair spells one character beyond the Basic Multilingual Plane.
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw error("a lone surrogate in a string") }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate in a string") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw error("a lone surrogate in a string")
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("an invalid escape") }
                    UTF8.encode(scalar) { out.append($0) }
                default:
                    throw error("an invalid escape")
                }
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("an invalid \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[index]
                let digit: UInt8
                switch b {
                case 48...57: digit = b - 48
                case 65...70: digit = b - 55
                case 97...102: digit = b - 87
                default: throw error("an invalid \\u escape")
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .int(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: JSON...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSON)...) { self = .object(elements) }
    package init(nilLiteral: ()) { self = .null }
}
