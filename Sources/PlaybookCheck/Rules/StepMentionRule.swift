import PlaybookModel

/// `<kind>.<mention>` (`onboarding.welcome`, `onboarding.rules-ack`): the steps include certain
/// moments, found by words in any of the three scripts (欢迎 / 歡迎 / welcome, 群规 / 群規 / rules).
struct StepMentionRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        let l = context.language
        var found: [Diagnostic] = []
        for spec in schema.sections where !spec.mentions.isEmpty {
            guard let section = page.filledSection(spec) else { continue }
            let list = StepListRule.stepList(in: section, outline: page.outline)
            let text = list.map { TermMatcher.fold($0.plainText) } ?? page.outline.foldedText(of: section)
            let anchor = list?.range.start ?? section.heading.range.start
            for mention in spec.mentions where !mention.terms.contains(where: { TermMatcher.contains(text, term: $0) })
            {
                found.append(
                    page.diagnostic(
                        line: anchor.line, column: anchor.column, rule: "\(page.kind).\(mention.rule)",
                        message: l.pick(
                            "\(l.quote(spec.label(l)))里没有\(mention.label(l))这一步",
                            "\(l.quote(spec.label(l)))裡沒有\(mention.label(l))這一步",
                            "\(l.quote(spec.label(l))) has no step for \(mention.label(l))"),
                        hint: mention.hint?(l)
                            ?? l.pick(
                                "加一步，写到“\(mention.terms.first ?? "")”。", "加一步，寫到「\(mention.terms.first ?? "")」。",
                                "Add a step that mentions “\(mention.terms.last ?? "")”.")))
            }
        }
        return found
    }
}
