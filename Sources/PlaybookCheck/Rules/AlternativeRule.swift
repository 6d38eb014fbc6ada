import PlaybookModel

/// `<kind>.<alternative>` (`sop.cadence`): at least one of some front matter fields or sections
/// is present, such as an SOP's `cadence`, its `trigger`, or a 触发 / Trigger section.
struct AlternativeRule: PageRule {
    var readsFrontMatter: Bool { true }

    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        let l = context.language
        return schema.alternatives.compactMap { alternative in
            let hasField = alternative.fields.contains { page.page.frontMatter[$0].map { !$0.isBlank } ?? false }
            let hasSection = alternative.sections.contains { id in
                schema.section(id).flatMap { page.filledSection($0) } != nil
            }
            guard !hasField, !hasSection else { return nil }
            let fields = alternative.fields.map { "`\($0)`" }
            // A field written but left empty (a fresh skeleton's `cadence:`) is where to fill in.
            let empty = alternative.fields.lazy.compactMap { page.page.frontMatter.entry($0) }.first
            return page.diagnostic(
                line: empty?.line ?? page.frontMatterEndLine, column: empty?.column ?? 1,
                rule: "\(page.kind).\(alternative.rule)",
                message: l.pick(
                    "没有写明\(alternative.label(l))（front matter 的 \(l.list(fields))，或单独一节）",
                    "沒有寫明\(alternative.label(l))（front matter 的 \(l.list(fields))，或單獨一節）",
                    "no \(alternative.label(l)) (front matter \(fields.joined(separator: " or ")), or a section)"),
                hint: alternative.hint?(l))
        }
    }
}
