import PlaybookModel

/// A page's top-level blocks cut into sections at headings. A section runs from its heading to
/// the next heading of the same or a higher level; its blocks include its sub-sections.
struct Outline {
    struct Section {
        var heading: MarkdownNode
        var level: Int
        var text: String
        var segments: [String]
        /// Index of the heading in `blocks`.
        var index: Int
        /// One past the section's last block in `blocks`.
        var end: Int
        var line: Int { heading.range.start.line }
    }

    let blocks: [MarkdownNode]
    let sections: [Section]
    /// The line after the last line of the page, where a section missing at the end would go.
    let endLine: Int

    init(page: ParsedPage) {
        blocks = page.document.blocks
        var found: [Section] = []
        for (i, block) in blocks.enumerated() {
            guard let level = block.headingLevel else { continue }
            let text = block.plainText
            found.append(
                Section(
                    heading: block, level: level, text: text, segments: TermMatcher.matchingSegments(text), index: i,
                    end: blocks.count))
        }
        for i in found.indices {
            if let next = found[(i + 1)...].first(where: { $0.level <= found[i].level }) {
                found[i].end = next.index
            }
        }
        sections = found
        var lines = 1
        for byte in page.source.text.utf8 where byte == 10 { lines += 1 }
        if page.source.text.utf8.last == 10 { lines -= 1 }
        endLine = max(lines, 1)
    }

    /// The first section whose heading matches one of `aliases`. A lone level-1 heading at the
    /// top is the page's title, not a section, unless nothing else matches.
    func section(matching aliases: [String]) -> Section? {
        let keys = TermMatcher.keys(of: aliases)
        let matches = sections.filter { TermMatcher.matches(segments: $0.segments, keys: keys) }
        if let first = matches.first, isTitle(first), matches.count > 1 { return matches[1] }
        if let first = matches.first, isTitle(first), sections.count > 1 { return nil }
        return matches.first
    }

    private func isTitle(_ section: Section) -> Bool {
        section.level == 1 && section.index == sections.first?.index
            && sections.filter { $0.level == 1 }.count == 1
    }

    /// The blocks under the heading, sub-sections included.
    func blocks(of section: Section) -> ArraySlice<MarkdownNode> {
        blocks[(section.index + 1)..<section.end]
    }

    /// The sections nested inside `section`, at any depth.
    func subsections(of section: Section) -> [Section] {
        sections.filter { $0.index > section.index && $0.index < section.end }
    }

    /// True when nothing but headings stands under the heading.
    func isEmpty(_ section: Section) -> Bool {
        !blocks(of: section).contains { $0.headingLevel == nil }
    }

    /// Plain text of the section (sub-sections included), folded for term search.
    func foldedText(of section: Section) -> String {
        var out = ""
        for block in blocks(of: section) {
            block.appendPlainText(to: &out)
            out += "\n"
        }
        return TermMatcher.fold(out)
    }
}
