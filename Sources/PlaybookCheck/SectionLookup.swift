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
        for later in schema.sections[(index + 1)...] {
            if let next = section(later) { return .before(next) }
        }
        for earlier in schema.sections[..<index].reversed() {
            if let previous = section(earlier) {
                let next = previous.end < outline.blocks.count ? outline.blocks[previous.end].range.start.line : nil
                return .after(previous, nextBlockLine: next)
            }
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
