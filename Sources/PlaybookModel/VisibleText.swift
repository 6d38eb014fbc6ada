/// Text from a handbook made safe to print on a terminal: the one escaper every report printer
/// uses, so a page cannot move the cursor, retitle the window, ring the bell or reorder what is
/// shown (ESC, BEL and OSC sequences, other controls, bidirectional overrides).
///
/// The convention is Swift's: each such character is written `\u{1B}`, its code point in upper-case
/// hex. Escaped are the C0 controls except tab (newline and carriage return too, unless
/// `keepingNewlines`), DEL, the C1 controls U+0080–U+009F and the bidirectional formatting
/// characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). Bytes that were not UTF-8
/// arrive here as U+FFFD (the loader reports the file) and print as �. A backslash is not
/// doubled: `\u{1B}` written in a page prints as it was written, and says the same thing.
package enum VisibleText {
    package static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines: keepingNewlines) }) else {
            return text
        }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar, keepingNewlines: keepingNewlines) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True for the characters `escaped` writes as `\u{…}`.
    package static func needsEscape(_ scalar: Unicode.Scalar, keepingNewlines: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x0A, 0x0D: return !keepingNewlines
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `\u{1B}` for U+001B.
    package static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}
