import PlaybookModel

/// The client-side search index: one record per page with title, URL, section, headings and a
/// text excerpt. Chinese needs no word splitting: the browser matches substrings, so the index
/// stays plain text. Excerpts are capped so the index stays small on very large handbooks.
enum SearchIndex {
    static let excerptLimit = 1200

    static func json(_ pages: [Page], language: Language) -> String {
        var out = "["
        for (i, page) in pages.enumerated() {
            if i > 0 { out += ",\n" }
            var text = ""
            for block in page.document.blocks where block.headingLevel == nil {
                if text.count >= excerptLimit { break }
                block.appendPlainText(to: &text)
                text += " "
            }
            if text.count > excerptLimit { text = String(text.prefix(excerptLimit)) }
            let headings = page.headings.map(\.text).joined(separator: " · ")
            out += "{\"t\":\(quote(page.title.isEmpty ? page.fileStem : page.title)),\"u\":\(quote(page.url)),"
            out += "\"k\":\(quote(InterfaceText.kindLabel(page.kind, language: language))),"
            out += "\"h\":\(quote(headings)),\"x\":\(quote(text))}"
        }
        out += "]\n"
        return out
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
