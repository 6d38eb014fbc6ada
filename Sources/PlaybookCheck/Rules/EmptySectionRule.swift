import PlaybookModel

/// `<kind>.empty-section`: a required section that is present has content before the next
/// heading of the same or a higher level. A heading alone satisfies the outline but tells the
/// team nothing; so does a heading over nothing but fill-in markers (（待填写）, TODO, TBD…, as
/// `playbook new` skeletons write them, also after bold or `label：` prefixes and in list
/// items) or HTML comments.
struct EmptySectionRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        return schema.sections.filter(\.required).compactMap { spec in
            guard let section = page.section(spec) else { return nil }
            if page.outline.isEmpty(section) {
                return Self.empty(spec, section, page: page, language: context.language)
            }
            guard let markers = Self.unfilled(page.outline.blocks(of: section)) else { return nil }
            return Self.empty(spec, section, page: page, language: context.language, markers: markers)
        }
    }

    static func empty(
        _ spec: SectionSpec, _ section: Outline.Section, page: CheckedPage, language l: Language, markers: Bool = false
    ) -> Diagnostic {
        let label = l.quote(spec.label(l))
        let marker = FillInMarker.text(l)
        var hint =
            markers
            ? l.pick(
                "把 \(marker) 换成真正的内容。", "把 \(marker) 換成真正的內容。", "Replace \(marker) with the real text. ")
            : l.pick("在标题下写上内容。", "在標題下寫上內容。", "Write under the heading. ")
        if let why = spec.hint { hint += why(l) }
        return page.diagnostic(
            line: section.line, column: section.heading.range.start.column, rule: "\(page.kind).empty-section",
            message: markers
                ? l.pick(
                    "\(label)一节还没有填写（只有 \(marker) 这样的占位）", "\(label)一節還沒有填寫（只有 \(marker) 這樣的佔位）",
                    "section \(label) is not filled in (it only holds markers such as \(marker))")
                : l.pick("\(label)一节是空的", "\(label)一節是空的", "section \(label) is empty"),
            hint: hint)
    }

    /// Whether the blocks hold no text but fill-in markers and comments: every paragraph (in
    /// list items and quotes too) is a marker, perhaps after a bold label or a `label：`, and
    /// nothing else but headings, HTML comments and rules stands there; tables and code count
    /// as content. Nil when there is content; otherwise whether any marker was seen.
    static func unfilled(_ blocks: ArraySlice<MarkdownNode>) -> Bool? {
        var sawMarker = false
        func unfilled(_ node: MarkdownNode) -> Bool {
            switch node.kind {
            case .heading, .thematicBreak:
                return true
            case .htmlBlock(let html):
                return FillInMarker.isComment(html)
            case .paragraph:
                guard FillInMarker.isMarkerOnly(node) else { return false }
                sawMarker = true
                return true
            case .list, .item, .blockQuote:
                return node.children.allSatisfy(unfilled)
            default:
                return false
            }
        }
        return blocks.allSatisfy(unfilled) ? sawMarker : nil
    }
}

/// The words that mark text still to be written: what `playbook new` skeletons put where
/// text goes, and what authors write by hand. One list, for the skeletons and the checker.
package enum FillInMarker {
    /// Matched case-insensitively, with or without brackets around them; the ASCII words only
    /// as whole words (`todo`, not the `todo` in `todolist`).
    package static let words = ["待填写", "待填寫", "待补充", "待補充", "to fill in", "todo", "tbd"]

    /// What a skeleton writes where text goes.
    package static func text(_ language: Language) -> String {
        switch language {
        case .zhHans: return "（待填写）"
        case .zhHant: return "（待填寫）"
        case .en: return "(to fill in)"
        }
    }

    /// True when `text` holds a marker.
    package static func contains(_ text: String) -> Bool {
        mayHoldMarker(text) && removing(from: text).count > 0
    }

    /// False when no marker can be in `text`: none of the words' bytes occur in it, the ASCII
    /// letters compared without case. Every paragraph of a required section is asked, and almost
    /// none holds a marker, so this spares them `removing(from:)`, which works character by
    /// character. A character that lower-cases to an ASCII letter of the words is that letter
    /// (`T`, `O`…), so a marker is never missed; a false hit only costs the slow path.
    static func mayHoldMarker(_ text: String) -> Bool {
        if cjkWords.contains(where: { text.containsLiteral($0) }) { return true }
        var text = text
        return text.withUTF8 { bytes in
            asciiWords.contains { word in
                guard word.count <= bytes.count else { return false }
                for start in 0...(bytes.count - word.count) {
                    var k = 0
                    while k < word.count, bytes[start + k] | 0x20 == word[k] { k += 1 }
                    if k == word.count { return true }
                }
                return false
            }
        }
    }

    private static let cjkWords = words.filter { !$0.allSatisfy(\.isASCII) }
    /// The ASCII words' bytes; letters and spaces only, so `| 0x20` folds upper case onto them.
    private static let asciiWords: [[UInt8]] = words.filter { $0.allSatisfy(\.isASCII) }.map { Array($0.utf8) }

    /// True when a paragraph says nothing but markers: with its bold text (labels such as
    /// `**仪式感**`, `**第1天**`) left out and the markers removed, what remains is punctuation
    /// and short labels each ending in a colon (`欢迎：`, `负责人：`).
    static func isMarkerOnly(_ paragraph: MarkdownNode) -> Bool {
        var all = ""
        paragraph.appendPlainText(to: &all)
        guard contains(all) else { return false }
        var plain = ""
        appendText(of: paragraph, skippingStrong: true, to: &plain)
        let rest = removing(from: plain).text
        let pieces = rest.split(omittingEmptySubsequences: false) { $0 == ":" || $0 == "：" }
        guard let last = pieces.last, isFiller(last) else { return false }
        return pieces.dropLast().allSatisfy { piece in
            let label = piece.filter { !isFillerCharacter($0) }
            return label.count <= 40
        }
    }

    /// An HTML block that is nothing but comments (the skeleton's hints).
    static func isComment(_ html: String) -> Bool {
        var rest = Substring(html)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            if rest.isEmpty { return true }
            guard rest.hasPrefix("<!--"), let end = rest.dropFirst(4).firstRange(of: "-->") else { return false }
            rest = rest[end.upperBound...]
        }
    }

    /// `text` with every marker taken out, and how many there were.
    static func removing(from text: String) -> (text: String, count: Int) {
        let chars = Array(text)
        let lowered = chars.map { $0.lowercased() }
        var keep = [Bool](repeating: true, count: chars.count)
        var count = 0
        for word in words {
            let needle = word.map { String($0) }
            let ascii = word.allSatisfy(\.isASCII)
            var i = 0
            while i + needle.count <= lowered.count {
                let boundary =
                    !ascii
                    || ((i == 0 || !isWordCharacter(chars[i - 1]))
                        && (i + needle.count == chars.count || !isWordCharacter(chars[i + needle.count])))
                if boundary, keep[i], Array(lowered[i..<(i + needle.count)]) == needle {
                    for j in i..<(i + needle.count) { keep[j] = false }
                    count += 1
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return (String(zip(chars, keep).filter(\.1).map(\.0)), count)
    }

    private static func appendText(of node: MarkdownNode, skippingStrong: Bool, to out: inout String) {
        switch node.kind {
        case .strong where skippingStrong: return
        case .text(let s), .code(let s): out += s
        case .softBreak, .lineBreak: out += " "
        default: for child in node.children { appendText(of: child, skippingStrong: skippingStrong, to: &out) }
        }
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_")
    }

    private static func isFillerCharacter(_ c: Character) -> Bool {
        c.isWhitespace || c.isPunctuation || c.isSymbol
    }

    private static func isFiller<S: StringProtocol>(_ s: S) -> Bool {
        s.allSatisfy(isFillerCharacter)
    }
}
