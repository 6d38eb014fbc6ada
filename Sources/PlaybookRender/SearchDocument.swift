import PlaybookModel

/// One page as search sees it: its weighted terms for the index, and its page record (title,
/// URL, kind and text by section) that the browser loads for the results it shows.
package struct SearchDocument: Hashable, Sendable {
    /// How much one occurrence counts in each field: the title over headings and bold labels
    /// (`**禁言 Mute**：…`, the way a playbook defines a term) over the front matter a reader
    /// searches by over the body.
    package static let titleWeight = 8
    package static let headingWeight = 4
    package static let metaWeight = 2
    package static let bodyWeight = 1

    package var path: String
    package var kind: String
    /// Number of index tokens in all fields, unweighted: the length BM25 normalises by.
    package var length: Int
    /// Token → sum of field weights over its occurrences, for the tokens of CJK text: one
    /// character, or two packed in one number (`first << 32 | second`), counted without making
    /// a string of each.
    var characters: TokenCounts
    /// The same for words.
    var words: [String: Int]
    /// Token → sum of field weights over its occurrences. Two keys whose strings are equal (a
    /// compatibility ideograph and the one it stands for) are one token, their weights summed,
    /// as the index's postings sum them.
    package var terms: [String: Int] {
        var terms = words
        terms.reserveCapacity(words.count + characters.count)
        characters.forEach { key, weight in terms[Self.token(key), default: 0] += weight }
        return terms
    }
    /// The page record, as a JSON object: `t` title, `u` URL, `k` kind, `m` description, owner
    /// and tags, `s` sections as `[anchor, heading, text]` (the text before the first heading has
    /// an empty anchor and heading).
    package var record: String

    /// Pages that are not indexed: a replication template's documents (`templates/<name>/files/`)
    /// are sources with `{{placeholders}}`, not pages a reader looks for.
    package static func isIndexed(_ page: Page) -> Bool {
        let parts = page.source.contentPath.split(separator: "/")
        return !(parts.count >= 4 && parts[0] == "templates" && parts[2] == "files")
    }

    /// `tagLabels` names each tag as the edition shows it (`SiteConfig.tagLabels`).
    package init(_ page: ParsedPage, vocabulary: SearchVocabulary = .none, tagLabels: [String: String] = [:]) {
        path = page.path
        kind = page.kind.rawValue
        let title = page.title.isEmpty ? page.fileStem : page.title
        var sections: [(anchor: String, heading: String, text: String)] = [("", "", "")]
        var labels: [String] = []
        var headingIndex = 0
        func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .heading:
                let heading = headingIndex < page.headings.count ? page.headings[headingIndex] : nil
                headingIndex += 1
                sections.append((heading?.anchor ?? "", heading?.text ?? node.plainText, ""))
            case .paragraph, .tableCell, .codeBlock:
                if case .paragraph = node.kind, let first = node.children.first, case .strong = first.kind {
                    labels.append(first.plainText)
                }
                // Appended in place: a copy of the section's text per paragraph made one long
                // section quadratic (a 75 MB page never finished building).
                let last = sections.count - 1
                if !sections[last].text.isEmpty { sections[last].text += "\n" }
                node.appendPlainText(to: &sections[last].text)
            case .htmlBlock, .thematicBreak:
                break
            default:
                for child in node.children where child.isBlock { visit(child) }
            }
        }
        visit(page.document.root)
        if sections[0].text.isEmpty && sections.count > 1 { sections.removeFirst() }

        var meta: [String] = []
        for key in ["description", "owner"] {
            if let value = page.frontMatter[key]?.string, !value.isEmpty { meta.append(value) }
        }
        if let tags = page.frontMatter["tags"] {
            meta += (tags.array?.compactMap(\.string) ?? tags.string.map { [$0] } ?? []).map { tagLabels[$0] ?? $0 }
        }
        let metaText = meta.joined(separator: " · ")
        let kindWords = vocabulary.kindWords[kind] ?? ""

        // CJK tokens are counted by their scalars (a character, or two packed in one number),
        // words by their text; the index makes a string of each CJK token once, not once a page.
        var counts = Counting()
        counts.add(title, weight: Self.titleWeight)
        counts.add(metaText, weight: Self.metaWeight)
        // The kind's labels make the page findable by what it is (`SOP 值班`), as front matter.
        counts.add(kindWords, weight: Self.metaWeight, counted: false)
        for section in sections {
            counts.add(section.heading, weight: Self.headingWeight)
            counts.add(section.text, weight: Self.bodyWeight)
        }
        // A label is body text too (counted there already); here it only adds its weight.
        for label in labels { counts.add(label, weight: Self.headingWeight - Self.bodyWeight, counted: false) }
        vocabulary.apply(to: &counts.characters, words: &counts.words)
        self.characters = counts.characters
        self.words = counts.words
        self.length = counts.length

        var out = "{\"t\":" + JSON.quote(title, forScript: true)
        out += ",\"u\":" + JSON.quote(page.url, forScript: true)
        out += ",\"k\":" + JSON.quote(kind, forScript: true)
        out += ",\"m\":" + JSON.quote(metaText, forScript: true)
        out += ",\"s\":["
        for (i, section) in sections.enumerated() {
            if i > 0 { out += "," }
            out += "[" + JSON.quote(section.anchor, forScript: true) + ","
            out += JSON.quote(section.heading, forScript: true) + ","
            out += JSON.quote(section.text, forScript: true) + "]"
        }
        out += "]}"
        record = out
    }

    /// The token a key of `characters` stands for.
    static func token(_ key: UInt64) -> String {
        var text = String.UnicodeScalarView()
        if key >> 32 != 0 { text.append(Unicode.Scalar(UInt32(key >> 32))!) }
        text.append(Unicode.Scalar(UInt32(key & 0xFFFF_FFFF))!)
        return String(text)
    }
}

/// Sums the weights of a page's tokens as the tokenizer hands them over.
private struct Counting: TokenSink {
    var characters = TokenCounts(capacity: 1024)
    var words: [String: Int] = [:]
    var length = 0
    private var weight = 1
    private var counted = true

    mutating func add(_ text: String, weight: Int, counted: Bool = true) {
        self.weight = weight
        self.counted = counted
        SearchTokenizer.scan(text, characters: true, into: &self)
    }

    mutating func character(_ scalar: Unicode.Scalar, at position: Int) {
        characters.add(UInt64(scalar.value), weight)
        if counted { length += 1 }
    }

    mutating func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar, at position: Int) {
        characters.add(UInt64(first.value) << 32 | UInt64(second.value), weight)
        if counted { length += 1 }
    }

    mutating func word(_ utf8: [UInt8], at position: Int) {
        words[String(decoding: utf8, as: UTF8.self), default: 0] += weight
        if counted { length += 1 }
    }
}
