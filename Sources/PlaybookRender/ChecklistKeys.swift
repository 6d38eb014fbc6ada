import PlaybookModel

/// Gives each checklist item (`<li class="task">`) a key made from its text, so a reader's
/// ticks follow the item when items are added or moved, and are the same in every script
/// edition: the text is folded to Simplified characters, lower-cased and its spaces collapsed,
/// then hashed. A second item with the same text gets `~2`.
enum ChecklistKeys {
    static func annotate(_ html: String) -> String {
        let marker = "<li class=\"task\">"
        guard html.containsLiteral(marker) else { return html }
        var out = ""
        var rest = Substring(html)
        var seen: [String: Int] = [:]
        while let range = rest.range(of: marker) {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            // The item's own text: up to its end or a nested list.
            let end =
                [after.range(of: "</li>"), after.range(of: "<ul"), after.range(of: "<ol")]
                .compactMap { $0?.lowerBound }.min() ?? after.endIndex
            var key = hash(normalized(after[..<end]))
            seen[key, default: 0] += 1
            if let count = seen[key], count > 1 { key += "~\(count)" }
            out += "<li class=\"task\" data-key=\"\(key)\">"
            rest = after
        }
        return out + rest
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
