import PlaybookModel

/// `<kind>.<section>-part` (`group.structure-part`): a section covers each of its parts, as a
/// sub-heading, a list item that starts with the part's name, or a bold label.
struct SectionPartRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        let l = context.language
        var found: [Diagnostic] = []
        for spec in schema.sections where !spec.parts.isEmpty {
            guard let section = page.filledSection(spec) else { continue }
            let covered = Self.covered(spec.parts, by: Self.labels(in: section, outline: page.outline))
            for part in spec.parts where !covered.contains(part.id) {
                let level = String(repeating: "#", count: min(section.level + 1, 6))
                let name = part.label(l)
                let heading = l == .en || name == part.label.en ? name : "\(name) \(part.label.en)"
                var hint = l.pick(
                    "在\(l.quote(section.text))下加一个小标题 `\(level) \(heading)`、一个以它开头的列表项或粗体标签 `**\(name)**`。",
                    "在\(l.quote(section.text))下加一個小標題 `\(level) \(heading)`、一個以它開頭的列表項或粗體標籤 `**\(name)**`。",
                    "Under \(l.quote(section.text)) add a sub-heading `\(level) \(heading)`, a list item starting with it, or a bold label `**\(name)**`. "
                )
                if let why = spec.hint { hint += why(l) }
                found.append(
                    page.diagnostic(
                        line: section.line, column: section.heading.range.start.column,
                        rule: "\(page.kind).\(spec.id)-part",
                        message: l.pick(
                            "\(l.quote(spec.label(l)))没有写到\(l.quote(name))",
                            "\(l.quote(spec.label(l)))沒有寫到\(l.quote(name))",
                            "\(l.quote(spec.label(l))) does not cover \(l.quote(name))"),
                        hint: hint))
            }
        }
        return found
    }

    /// The parts the labels name. Aliases match as words: where two parts' aliases both start a
    /// label, the longer one is the word written (`管理层` is the members' 管理层, not 管理 of
    /// the management rules).
    static func covered(_ parts: [SectionSpec.Part], by labels: [[String]]) -> Set<String> {
        let keys = parts.map { TermMatcher.keys(of: $0.aliases) }
        var covered: Set<String> = []
        for label in labels {
            for segment in label {
                let lengths = keys.map { TermMatcher.longestMatch(segment, keys: $0) }
                guard let best = lengths.max(), best > 0 else { continue }
                for (part, length) in zip(parts, lengths) where length == best { covered.insert(part.id) }
            }
        }
        return covered
    }

    /// Heading words of sub-sections, of list items' first lines and of bold labels.
    static func labels(in section: Outline.Section, outline: Outline) -> [[String]] {
        var labels = outline.subsections(of: section).map(\.segments)
        for block in outline.blocks(of: section) {
            block.walk { node in
                switch node.kind {
                case .item:
                    if let first = node.children.first {
                        let text = first.plainText
                        let line = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
                        labels.append(TermMatcher.matchingSegments(line))
                    }
                case .strong:
                    labels.append(TermMatcher.matchingSegments(node.plainText))
                default:
                    break
                }
            }
        }
        return labels
    }
}
