import PlaybookModel

extension CheckedPage {
    /// The section a spec names, found by its aliases.
    func section(_ spec: SectionSpec) -> Outline.Section? {
        if let known = matched[spec.id], known.aliases == spec.aliases { return known.section }
        return outline.section(matching: spec.aliases)
    }

    /// A section that is present and has content; nil otherwise (missing and empty sections
    /// are reported by their own rules, so finer rules stay quiet about them).
    func filledSection(_ spec: SectionSpec) -> Outline.Section? {
        guard let section = section(spec), !outline.isEmpty(section) else { return nil }
        return section
    }

    /// Where a missing section should go: before the next section of the kind that is present,
    /// else after the last one that is, else at the end of the page.
    enum Placement {
        case before(Outline.Section)
        /// After the section, before the first block that follows it (nil: the page ends there).
        case after(Outline.Section, nextBlockLine: Int?)
        case end
    }

    func placement(for spec: SectionSpec) -> Placement {
        guard let schema, let index = schema.sections.firstIndex(where: { $0.id == spec.id }) else { return .end }
        // The kind's order decides: after every section that comes before this one, and before
        // the next one that follows them on the page. A page written out of order (触发 right
        // after 目的) does not pull 指标 up above the steps it measures.
        let lastEarlier = schema.sections[..<index].compactMap { section($0) }.max { $0.line < $1.line }
        for later in schema.sections[(index + 1)...] {
            if let next = section(later), lastEarlier.map({ next.line > $0.line }) ?? true { return .before(next) }
        }
        if let previous = lastEarlier {
            let next = previous.end < outline.blocks.count ? outline.blocks[previous.end].range.start.line : nil
            return .after(previous, nextBlockLine: next)
        }
        return .end
    }

    /// Where a missing section should go (see `placement`), as the line to point at and a
    /// phrase saying where.
    func insertionPoint(for spec: SectionSpec, language l: Language) -> (line: Int, phrase: String) {
        switch placement(for: spec) {
        case .before(let next):
            return (
                next.line,
                l.pick(
                    "加在第 \(next.line) 行\(l.quote(next.text))之前", "加在第 \(next.line) 行\(l.quote(next.text))之前",
                    "Add it before \(l.quote(next.text)) on line \(next.line)")
            )
        case .after(let previous, let next):
            return (
                next ?? outline.endLine,
                l.pick(
                    "加在\(l.quote(previous.text))一节之后", "加在\(l.quote(previous.text))一節之後",
                    "Add it after the \(l.quote(previous.text)) section")
            )
        case .end:
            return (outline.endLine, l.pick("加在文末", "加在文末", "Add it at the end"))
        }
    }

    /// The heading level sibling sections use, for the suggested heading.
    var sectionLevel: Int {
        guard let schema else { return 2 }
        for spec in schema.sections { if let s = section(spec) { return s.level } }
        return 2
    }

    /// The heading to suggest for a section, in the page's language with English beside it.
    func suggestedHeading(_ spec: SectionSpec, language l: Language) -> String {
        let hashes = String(repeating: "#", count: max(1, min(sectionLevel, 6)))
        let name = spec.label(l)
        let english = spec.label.en
        return l == .en || name == english ? "\(hashes) \(name)" : "\(hashes) \(name) \(english)"
    }
}

/// A heading, or a line meant as one, close to a section the page lacks: `## 共同爱好` or
/// `## 同号` for 同好, `##同好` without the space after `#`, `＃＃ 同好` with full-width signs.
/// The finding for the missing section is reported at it, with the heading to write instead.
package struct HeadingRename: Hashable, Sendable {
    package enum Reason: Hashable, Sendable {
        /// A heading whose words are near the section's name.
        case similar
        /// `##同好`: Markdown reads it as a paragraph.
        case missingSpace
        /// `＃＃ 同好`: full-width number signs.
        case fullWidthSign
    }

    package var line: Int
    package var column: Int
    /// The line as written, without its number signs.
    package var written: String
    /// The whole line to write instead (`## 同好`).
    package var heading: String
    package var reason: Reason
}

extension CheckedPage {
    /// The heading (or would-be heading line) closest to `spec`, when the page lacks the section
    /// and one is close: by edit distance, by holding the name's characters in order (`共同爱好`),
    /// after script folding, or written with a missing space or full-width `＃`. Headings that
    /// name another of the kind's sections are not candidates.
    func rename(for spec: SectionSpec, language l: Language) -> HeadingRename? {
        rename(for: spec, among: renameCandidates(), language: l)
    }

    /// A heading, or a paragraph written as one, that might be renamed to a missing section.
    struct RenameCandidate {
        var line: Int
        var column: Int
        /// The heading's level, or the number of signs before a would-be heading's words.
        var level: Int
        var written: String
        var words: String
        var segments: [String]
        /// Nil for a real heading; how the paragraph's signs went wrong otherwise.
        var slip: HeadingRename.Reason?
    }

    /// The page's headings that name none of the kind's sections (the page's title left out),
    /// and its paragraphs that start with `#` or `＃` signs. Found once for all missing sections:
    /// a long page has thousands of headings.
    func renameCandidates() -> [RenameCandidate] {
        guard let schema else { return [] }
        let keys = schema.sections.map { TermMatcher.keys(of: $0.aliases) }
        var found: [RenameCandidate] = []
        let titleIndex = outline.sections.first.flatMap { first in
            first.level == 1 && outline.sections.filter { $0.level == 1 }.count == 1 ? first.index : nil
        }
        for section in outline.sections where section.index != titleIndex {
            guard !keys.contains(where: { TermMatcher.matches(segments: section.segments, keys: $0) }) else { continue }
            found.append(
                RenameCandidate(
                    line: section.line, column: section.heading.range.start.column, level: section.level,
                    written: section.text, words: section.text, segments: section.segments, slip: nil))
        }
        for block in outline.blocks {
            // Only a paragraph whose text starts with a sign is read further: most are not.
            guard case .paragraph = block.kind, case .text(let lead)? = block.children.first?.kind,
                lead.hasPrefix("#") || lead.hasPrefix("＃")
            else { continue }
            let first = block.plainText.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            let signs = first.prefix { $0 == "#" || $0 == "＃" }
            guard (1...6).contains(signs.count) else { continue }
            let rest = first.dropFirst(signs.count)
            let wide = signs.contains("＃")
            guard wide || rest.first.map({ $0 != " " && $0 != "\t" }) ?? false else { continue }
            let words = String(rest.drop { $0 == " " || $0 == "\u{3000}" })
            guard !words.isEmpty else { continue }
            found.append(
                RenameCandidate(
                    line: block.range.start.line, column: block.range.start.column, level: signs.count, written: first,
                    words: words, segments: TermMatcher.matchingSegments(words),
                    slip: wide ? .fullWidthSign : .missingSpace))
        }
        return found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The first of `candidates` close to `spec` (see `rename(for:language:)`).
    func rename(for spec: SectionSpec, among candidates: [RenameCandidate], language l: Language) -> HeadingRename? {
        let keys = TermMatcher.keys(of: spec.aliases)
        for candidate in candidates {
            let named = TermMatcher.matches(segments: candidate.segments, keys: keys)
            guard let slip = candidate.slip else {
                guard Self.isNear(candidate.segments, keys) else { continue }
                return HeadingRename(
                    line: candidate.line, column: candidate.column, written: candidate.written,
                    heading: String(repeating: "#", count: candidate.level) + " " + spec.label(l), reason: .similar)
            }
            guard named || Self.isNear(candidate.segments, keys) else { continue }
            return HeadingRename(
                line: candidate.line, column: candidate.column, written: candidate.written,
                heading: String(repeating: "#", count: candidate.level) + " "
                    + (named ? candidate.words : spec.label(l)),
                reason: slip)
        }
        return nil
    }

    /// Whether a heading's words are a likely slip for one of the keys: one edit away (two for
    /// longer English names), or the key's characters in order within a word at most two longer.
    static func isNear(_ segments: [String], _ keys: [String]) -> Bool {
        for key in keys where key.count >= 2 {
            let cjk = key.unicodeScalars.first.map(TermMatcher.isCJK) ?? false
            for segment in segments {
                let limit = cjk ? 1 : max(1, key.count / 5)
                if abs(segment.count - key.count) <= limit, Suggestion.distance(segment, key) <= limit { return true }
                if cjk, segment.count <= key.count + 2, segment.count > key.count, isSubsequence(key, of: segment) {
                    return true
                }
            }
        }
        return false
    }

    static func isSubsequence(_ key: String, of text: String) -> Bool {
        var rest = Substring(text)
        for character in key {
            guard let at = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: at)...]
        }
        return true
    }
}
