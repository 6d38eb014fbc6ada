/// A page's body, as its own page shows it, made into a section of its group's kit without
/// parsing the page again: headings one level down, every id and in-page link given the
/// section's prefix (so the documents of one kit never share an id), and every relative link
/// re-based from the page's URL to the kit's. The HTML is the renderer's own, in which a `"`
/// of text is always `&quot;`, so `id="`, `href="` and `src="` only ever start an attribute.
enum KitBody {
    static func section(_ html: String, from pageURL: String, to kitURL: String, idPrefix: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        let base = pageURL.split(separator: "/").map(String.init)
        let up = Array(repeating: "../", count: kitURL.split(separator: "/").count).joined()
        let prefix = Array(idPrefix.utf8)
        var i = 0
        let n = bytes.count
        func matches(_ literal: String, at position: Int) -> Bool {
            var k = position
            for unit in literal.utf8 {
                guard k < n, bytes[k] == unit else { return false }
                k += 1
            }
            return true
        }
        while i < n {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") {
                // `<h2` → `<h3`, `</h2>` → `</h3>`: the kit's own title is the only h1.
                let close = i + 1 < n && bytes[i + 1] == UInt8(ascii: "/")
                let h = i + (close ? 2 : 1)
                if h + 2 < n, bytes[h] == UInt8(ascii: "h"),
                    (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[h + 1]),
                    bytes[h + 2] == UInt8(ascii: " ") || bytes[h + 2] == UInt8(ascii: ">")
                {
                    out.append(contentsOf: bytes[i..<h + 1])
                    out.append(min(bytes[h + 1] + 1, UInt8(ascii: "6")))
                    i = h + 2
                    continue
                }
                out.append(byte)
                i += 1
                continue
            }
            if byte == UInt8(ascii: " ") {
                if matches(" id=\"", at: i) {
                    out.append(contentsOf: bytes[i..<i + 5])
                    out.append(contentsOf: prefix)
                    i += 5
                    continue
                }
                let attribute = matches(" href=\"", at: i) ? 7 : matches(" src=\"", at: i) ? 6 : 0
                if attribute > 0 {
                    let start = i + attribute
                    var end = start
                    while end < n, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                    out.append(contentsOf: bytes[i..<start])
                    let value = String(decoding: bytes[start..<end], as: UTF8.self)
                    if value.hasPrefix("#") {
                        out.append(UInt8(ascii: "#"))
                        out.append(contentsOf: prefix)
                        out.append(contentsOf: bytes[(start + 1)..<end])
                    } else {
                        out.append(contentsOf: rebase(value, base: base, up: up).utf8)
                    }
                    i = end
                    continue
                }
            }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A link relative to the page's folder (`base`), made relative to the kit's (`up` leads
    /// from the kit to the site's root). Absolute links, and links that climb above the root,
    /// stay as written.
    static func rebase(_ value: String, base: [String], up: String) -> String {
        guard !value.isEmpty, !value.hasPrefix("/"), !value.hasPrefix("?"), !hasScheme(value) else { return value }
        let cut = value.firstIndex { $0 == "#" || $0 == "?" } ?? value.endIndex
        let path = value[..<cut]
        var parts = base
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (position, segment) in segments.enumerated() {
            if segment == "." || (segment.isEmpty && position < segments.count - 1) { continue }
            if segment == ".." {
                guard !parts.isEmpty else { return value }
                parts.removeLast()
            } else if !segment.isEmpty {
                parts.append(String(segment))
            }
        }
        var result = up + parts.joined(separator: "/")
        if path.hasSuffix("/"), !parts.isEmpty { result += "/" }
        return result + value[cut...]
    }

    static func hasScheme(_ value: String) -> Bool {
        for character in value {
            if character == ":" { return true }
            if character == "/" || character == "#" || character == "?" { return false }
        }
        return false
    }
}
