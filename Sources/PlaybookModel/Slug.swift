/// URL and anchor rules shared by the parse, check and render stages.
package enum Slug {
    /// Pretty URL for a content path: `groups/hangzhou.md` → `groups/hangzhou/`,
    /// `groups/hangzhou/index.md` → `groups/hangzhou/`, `index.md` → `` (the home page).
    package static func url(forContentPath path: String) -> String {
        var stem = path
        if stem.hasSuffix(".md") { stem.removeLast(3) }
        if stem == "index" || stem == "_index" { return "" }
        if stem.hasSuffix("/index") {
            stem.removeLast("index".count)
        } else if stem.hasSuffix("/_index") {
            stem.removeLast("_index".count)
        } else {
            stem += "/"
        }
        return stem
    }

    /// GitHub-style heading anchor: lower-cased, punctuation and symbols (emoji included)
    /// dropped, spaces turned into hyphens; letters and digits of every script (CJK) kept.
    package static func anchor(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            let p = scalar.properties
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || scalar == "_" {
                out.append(scalar)
            } else if p.isAlphabetic || p.numericType != nil
                || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
            {
                if p.isEmojiPresentation { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Assigns anchors to headings in order, suffixing repeats with `-1`, `-2` as GitHub does.
    /// A heading whose text gives no anchor (only punctuation or emoji, or none) is `section`;
    /// the `reserved` ids (the page's other ids) count as taken, so a heading named like one of
    /// them gets a suffix too.
    package struct AnchorGenerator {
        private var seen: [String: Int] = [:]

        package init(reserved: some Sequence<String> = []) {
            for id in reserved { seen[id] = 1 }
        }

        package mutating func next(for text: String) -> String {
            var base = Slug.anchor(text)
            if base.isEmpty { base = "section" }
            if let count = seen[base] {
                var candidate = "\(base)-\(count)"
                var n = count
                while seen[candidate] != nil {
                    n += 1
                    candidate = "\(base)-\(n)"
                }
                seen[base] = n + 1
                seen[candidate] = 1
                return candidate
            }
            seen[base] = 1
            return base
        }
    }

    /// Percent-encodes a URL path (keeping `/`), so Chinese names, spaces and emoji survive in `href`.
    package static func encodePath(_ path: String, keepSlash: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepSlash:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%"
                out += hexDigits[Int(byte >> 4)]
                out += hexDigits[Int(byte & 0xF)]
            }
        }
        return out
    }

    /// Percent-encodes an anchor fragment. CJK letters are encoded too; browsers decode them.
    package static func encodeFragment(_ fragment: String) -> String {
        encodePath(fragment, keepSlash: false)
    }

    /// Decodes `%XX` escapes; returns the input unchanged when it is not valid UTF-8 after decoding.
    package static func decodePercent(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }

    /// Relative link from the page at `from` to the site path `to` (both site-relative, pretty).
    /// `groups/hangzhou/` → `sops/daily/` gives `../../sops/daily/`.
    package static func relative(from: String, to: String) -> String {
        let depth =
            from.split(separator: "/", omittingEmptySubsequences: true).count
            - (from.hasSuffix("/") || from.isEmpty ? 0 : 1)
        let prefix = String(repeating: "../", count: max(depth, 0))
        let target = prefix + encodePath(to)
        return target.isEmpty ? "./" : target
    }

    /// Resolves `relative` (a path possibly with `..` and `.`) against the folder `base`.
    /// Returns nil when the result would climb above the root.
    package static func resolve(_ relative: String, inFolder base: String) -> String? {
        var parts: [Substring] = relative.hasPrefix("/") ? [] : base.split(separator: "/")
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    private static let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
}

extension String {
    /// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
    package var htmlEscaped: String {
        var needs = false
        for byte in utf8 where byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 {
            needs = true
            break
        }
        guard needs else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
