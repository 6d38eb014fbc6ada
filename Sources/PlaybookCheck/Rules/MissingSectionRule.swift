import PlaybookModel

/// `<kind>.missing-section`: every required section of the kind has a heading, found by its
/// aliases at any level. The finding points at where the section should go.
struct MissingSectionRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        return schema.sections.filter(\.required).compactMap { spec in
            page.section(spec) == nil ? Self.missing(spec, page: page, language: context.language, because: nil) : nil
        }
    }

    static func missing(_ spec: SectionSpec, page: CheckedPage, language l: Language, because condition: String?)
        -> Diagnostic
    {
        let (line, phrase) = page.insertionPoint(for: spec, language: l)
        var message = l.pick(
            "缺少\(l.quote(spec.label(l)))一节", "缺少\(l.quote(spec.label(l)))一節",
            "missing section \(l.quote(spec.label(l)))")
        if let condition {
            message += l.pick("（因为 \(condition)）", "（因為 \(condition)）", " (because \(condition))")
        }
        let heading = page.suggestedHeading(spec, language: l)
        var hint = l.pick("\(phrase)：`\(heading)`。", "\(phrase)：`\(heading)`。", "\(phrase): `\(heading)`. ")
        if let why = spec.hint { hint += why(l) }
        return page.diagnostic(line: line, rule: "\(page.kind).missing-section", message: message, hint: hint)
    }
}
