/// JSON string literals, written by hand so output stays byte-for-byte deterministic and
/// Chinese stays readable UTF-8. One escaper for every JSON Playbook writes: reports, the
/// search index, the live-reload script.
public enum JSONText {
    /// `s` as a JSON string literal: quotes, backslashes, control characters (C0, DEL, C1,
    /// bidirectional overrides) and the two line separators JavaScript does not allow in literals
    /// are escaped. With `forScript`, `<` is
    /// escaped too, so the text cannot close a `<script>` element it is embedded in.
    public static func quote(_ s: String, forScript: Bool = false, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where forScript: out += "\\u003c"
            default:
                // DEL, the C1 controls and the bidirectional overrides are valid in JSON but act on
                // a terminal showing it, so they are escaped too (see VisibleText).
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029
                    || VisibleText.needsEscape(scalar)
                {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// `s` as a JSON string literal; see `quote(_:forScript:into:)`.
    public static func quote(_ s: String, forScript: Bool = false) -> String {
        var out = ""
        quote(s, forScript: forScript, into: &out)
        return out
    }
}
