/// JSON string literals, written by hand so output stays byte-for-byte deterministic and
/// Chinese stays readable UTF-8. One escaper for every JSON Playbook writes: reports, the
/// search index, the live-reload script.
public enum JSONText {
    /// `s` as a JSON string literal: quotes, backslashes, control characters (C0, DEL, C1,
    /// bidirectional overrides) and the two line separators JavaScript does not allow in literals
    /// are escaped. With `forScript`, `<` is
    /// escaped too, so the text cannot close a `<script>` element it is embedded in.
    ///
    /// It works on the UTF-8 bytes: only a sequence that starts with 0xC2, 0xD8 or 0xE2 can be
    /// one of the escaped characters beyond ASCII (U+0080–U+009F, U+061C, U+200E, U+200F,
    /// U+2028, U+2029, U+202A–U+202E, U+2066–U+2069), so every other sequence is copied as is.
    public static func quote(_ s: String, forScript: Bool = false, into out: inout String) {
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
    public static func quote(_ s: String, forScript: Bool = false) -> String {
        var out = ""
        quote(s, forScript: forScript, into: &out)
        return out
    }
}
