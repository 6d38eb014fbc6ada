import PlaybookModel

/// Gives each checklist item (`<li class="task">`) a key made from its text, so a reader's
/// ticks follow the item when items are added or moved, and are the same in every script
/// edition: the text is folded to Simplified characters, lower-cased and its spaces collapsed,
/// then hashed. A second item with the same text gets `~2`.
enum ChecklistKeys {
    static func annotate(_ html: String) -> String {
        guard html.containsLiteral("<li class=\"task\">") else { return html }
        // Bytes, scanned once: an item's text ends at its first `</li>`, `<ul` or `<ol`, found
        // by looking at each `<` from the item on (a search for each of them from every item to
        // the end of the page made a long checklist cost its length squared).
        let bytes = Array(html.utf8)
        let marker = Array("<li class=\"task\">".utf8)
        func starts(_ word: String, at index: Int) -> Bool {
            var i = index
            for byte in word.utf8 {
                guard i < bytes.count, bytes[i] == byte else { return false }
                i += 1
            }
            return true
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var seen: [String: Int] = [:]
        var copied = 0
        var index = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) else {
                index += 1
                continue
            }
            out += bytes[copied..<index]
            let start = index + marker.count
            var end = start
            while end < bytes.count {
                if bytes[end] == 60, starts("</li>", at: end) || starts("<ul", at: end) || starts("<ol", at: end) {
                    break
                }
                end += 1
            }
            var key = hash(normalized(Substring(String(decoding: bytes[start..<end], as: UTF8.self))))
            seen[key, default: 0] += 1
            if let count = seen[key], count > 1 { key += "~\(count)" }
            out += "<li class=\"task\" data-key=\"\(key)\">".utf8
            copied = start
            index = start
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The text between tags, folded to Simplified, lower case, single spaces.
    static func normalized(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        var space = false
        for scalar in html.unicodeScalars {
            if scalar == "<" { inTag = true; continue }
            if scalar == ">" { inTag = false; continue }
            if inTag { continue }
            if scalar.properties.isWhitespace {
                space = !text.isEmpty
                continue
            }
            if space { text += " " }
            space = false
            text.unicodeScalars.append(ChineseScript.simplified(scalar))
        }
        return text.lowercased()
    }

    /// FNV-1a, 64 bits, in hex: short and the same on every machine.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }
}
