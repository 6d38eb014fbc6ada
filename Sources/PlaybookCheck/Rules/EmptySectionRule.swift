import PlaybookModel

/// `<kind>.empty-section`: a required section that is present has content before the next
/// heading of the same or a higher level. A heading alone satisfies the outline but tells the
/// team nothing.
struct EmptySectionRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        return schema.sections.filter(\.required).compactMap { spec in
            guard let section = page.section(spec), page.outline.isEmpty(section) else { return nil }
            return Self.empty(spec, section, page: page, language: context.language)
        }
    }

    static func empty(_ spec: SectionSpec, _ section: Outline.Section, page: CheckedPage, language l: Language)
        -> Diagnostic
    {
        var hint = l.pick("在标题下写上内容。", "在標題下寫上內容。", "Write under the heading. ")
        if let why = spec.hint { hint += why(l) }
        return page.diagnostic(
            line: section.line, column: section.heading.range.start.column, rule: "\(page.kind).empty-section",
            message: l.pick(
                "\(l.quote(spec.label(l)))一节是空的", "\(l.quote(spec.label(l)))一節是空的",
                "section \(l.quote(spec.label(l))) is empty"),
            hint: hint)
    }
}
