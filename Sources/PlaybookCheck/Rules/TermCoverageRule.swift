import PlaybookModel

/// `<kind>.<terms.rule>` (`group.senses`): a section names at least N of a set of terms, such
/// as four of the five senses operations must create (仪式感, 参与感, 组织感, 归属感, 荣誉感).
struct TermCoverageRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        let l = context.language
        var found: [Diagnostic] = []
        for spec in schema.sections {
            guard let requirement = spec.terms, let section = page.filledSection(spec) else { continue }
            let text = page.outline.foldedText(of: section)
            let named = requirement.terms.filter { term in
                term.aliases.contains { TermMatcher.contains(text, term: $0) }
            }
            guard named.count < requirement.atLeast else { continue }
            let missing = requirement.terms.filter { term in !named.contains(term) }.map { $0.label(l) }
            let names = named.isEmpty ? l.pick("一个也没有", "一個也沒有", "none") : l.list(named.map { $0.label(l) })
            var hint = l.pick(
                "还可以写：\(l.list(missing))。", "還可以寫：\(l.list(missing))。", "Still to name: \(l.list(missing)). ")
            if let why = requirement.hint { hint += why(l) }
            found.append(
                page.diagnostic(
                    line: section.line, column: section.heading.range.start.column,
                    rule: "\(page.kind).\(requirement.rule)",
                    message: l.pick(
                        "\(l.quote(spec.label(l)))只写到 \(named.count) 项（\(names)），至少要 \(requirement.atLeast) 项",
                        "\(l.quote(spec.label(l)))只寫到 \(named.count) 項（\(names)），至少要 \(requirement.atLeast) 項",
                        "\(l.quote(spec.label(l))) names \(named.count) (\(names)); at least \(requirement.atLeast) are needed"
                    ),
                    hint: hint))
        }
        return found
    }
}
