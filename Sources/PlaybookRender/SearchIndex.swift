import Dispatch
import PlaybookModel

/// The client-side search index: one record per page with title, URL, section, headings and a
/// text excerpt. Chinese needs no word splitting: the browser matches substrings, so the index
/// stays plain text. Excerpts are capped so the index stays small on very large handbooks.
public enum SearchIndex {
    /// The whole index aims at about 4 MB so phones can load it: a small handbook indexes up to
    /// 6,000 bytes of text per page, a huge one at least 600. Counted in UTF-8 bytes because
    /// `String.count` walks the whole string.
    public static func excerptLimit(pageCount: Int) -> Int {
        max(600, min(6000, 4_000_000 / max(pageCount, 1)))
    }

    /// The index as a JSON array, records built on every core and joined in page order.
    public static func json(_ pages: [Page], language: Language) -> String {
        var records = [String](repeating: "", count: pages.count)
        let limit = excerptLimit(pageCount: pages.count)
        records.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: pages.count) { i in
                base[i] = record(pages[i], language: language, limit: limit)
            }
        }
        return "[" + records.joined(separator: ",\n") + "]\n"
    }

    public static func record(_ page: Page, language: Language, limit excerptLimit: Int) -> String {
        var out = ""
        var text = ""
        for block in page.document.blocks where block.headingLevel == nil {
            if text.utf8.count >= excerptLimit { break }
            block.appendPlainText(to: &text)
            text += " "
        }
        if text.utf8.count > excerptLimit {
            var scalars = String.UnicodeScalarView()
            var bytes = 0
            for scalar in text.unicodeScalars {
                bytes += UTF8.width(scalar)
                if bytes > excerptLimit { break }
                scalars.append(scalar)
            }
            text = String(scalars)
        }
        let headings = page.headings.map(\.text).joined(separator: " · ")
        out += "{\"t\":\(quote(page.title.isEmpty ? page.fileStem : page.title)),\"u\":\(quote(page.url)),"
        out += "\"k\":\(quote(InterfaceText.kindLabel(page.kind, language: language))),"
        out += "\"h\":\(quote(headings)),\"x\":\(quote(text))}"
        return out
    }

    /// `<` is escaped as well, so the index stays safe to inline in a page.
    static func quote(_ s: String) -> String {
        JSONText.quote(s, forScript: true)
    }
}
