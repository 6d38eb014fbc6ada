/// How Playbook tells the script a piece of a page is written in, block by block: the one rule
/// the script editions convert by and `page.mixed-script` checks by.
///
/// - A page's script is its front matter `language:`, else the script most of its prose is
///   written in; block quotes, text between quotation marks and kept names do not count.
/// - A block (a paragraph, a heading, a table cell, link text, the title, a front matter field)
///   written in one script alone is in that script, whatever the page's. A block that mixes both scripts,
///   or has no character only one script writes (同好, 台), is in the page's script.
/// - A quotation written in a script other than the text around it is kept as its source wrote
///   it: a block quote whose text is in the other script than its page's, and text between
///   quotation marks (「…」, “…”) in the other script than its block's.
package enum ScriptReading {
    /// The characters of `text` only one script writes, counted outside quotations and `keep`.
    package static func counts(_ text: String, keep: [String] = []) -> (traditional: Int, simplified: Int) {
        var traditional = 0
        var simplified = 0
        forEachProse(text, keep: keep) { _, scalar in
            guard scalar.value >= 0x3400 else { return }
            switch ChineseScript.onlyScript(of: scalar) {
            case .traditional?: traditional += 1
            case .simplified?: simplified += 1
            case nil: break
            }
        }
        return (traditional, simplified)
    }

    /// The script `text` alone is written in: nil when it mixes both scripts or has neither.
    package static func pureScript(_ text: String, keep: [String] = []) -> WrittenScript? {
        let (traditional, simplified) = counts(text, keep: keep)
        if traditional > 0, simplified == 0 { return .traditional }
        if simplified > 0, traditional == 0 { return .simplified }
        return nil
    }

    /// The script of a block: its own when it is written in one script alone, else `page`.
    package static func blockScript(_ text: String, page: WrittenScript?, keep: [String] = []) -> WrittenScript? {
        pureScript(text, keep: keep) ?? page
    }

    /// True when a block quote's `text` is a quotation in the other script than its page's.
    package static func isQuotation(_ text: String, page: WrittenScript?, keep: [String] = []) -> Bool {
        guard let page, let written = pureScript(text, keep: keep) else { return false }
        return written != page
    }

    /// The closing mark of a quotation mark that opens a span: 「」『』“”‘’《》〈〉 and "".
    package static func closingQuote(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "「": return "」"
        case "『": return "』"
        case "“": return "”"
        case "‘": return "’"
        case "《": return "》"
        case "〈": return "〉"
        case "\"": return "\""
        default: return nil
        }
    }

    /// The quotations of `scalars` as ranges from the opening to the closing mark, both
    /// included. A quotation mark opens a span only when its closing mark comes later.
    package static func quotations(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var lastIndex: [Unicode.Scalar: Int] = [:]
        var open: (start: Int, close: Unicode.Scalar)?
        for (i, scalar) in scalars.enumerated() {
            if let current = open {
                if scalar == current.close {
                    found.append(current.start..<(i + 1))
                    open = nil
                }
                continue
            }
            guard let close = closingQuote(scalar) else { continue }
            let last: Int
            if let known = lastIndex[close] {
                last = known
            } else {
                last = scalars.lastIndex(of: close) ?? -1
                lastIndex[close] = last
            }
            if last > i { open = (i, close) }
        }
        return found
    }

    /// Calls `body` with each scalar of `text` that counts as prose, and its offset, in order:
    /// quotations (with their marks) and kept names are skipped.
    package static func forEachProse(_ text: String, keep: [String], _ body: (Int, Unicode.Scalar) -> Void) {
        let scalars = Array(text.unicodeScalars)
        var skip: [Bool] = []
        for name in keep {
            let needle = Array(name.unicodeScalars)
            guard let head = needle.first, needle.count <= scalars.count else { continue }
            var i = 0
            while i + needle.count <= scalars.count {
                if scalars[i] == head, scalars[i..<(i + needle.count)].elementsEqual(needle) {
                    if skip.isEmpty { skip = [Bool](repeating: false, count: scalars.count) }
                    for k in i..<(i + needle.count) { skip[k] = true }
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        var next = 0
        for range in quotations(in: scalars) {
            while next < range.lowerBound {
                if skip.isEmpty || !skip[next] { body(next, scalars[next]) }
                next += 1
            }
            next = range.upperBound
        }
        while next < scalars.count {
            if skip.isEmpty || !skip[next] { body(next, scalars[next]) }
            next += 1
        }
    }
}
