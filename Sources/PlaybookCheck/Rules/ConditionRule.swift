import PlaybookModel

/// Conditional requirements from `playbook.yml` (`when: [{if: {platform: 企业微信}, require: [x]}]`):
/// when the front matter matches, the named sections or fields are required. Findings use the
/// same rule ids as unconditional ones (`<kind>.missing-section`, `<kind>.empty-section`,
/// `frontmatter.required`) and say which condition asked for them.
struct ConditionRule: PageRule {
    var readsFrontMatter: Bool { true }

    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        let l = context.language
        var found: [Diagnostic] = []
        for condition in schema.conditions where condition.holds(for: page.page.frontMatter) {
            let because = l.list(
                condition.when.map { clause in
                    let value = page.page.frontMatter[clause.field]?.string ?? ""
                    return l.pick(
                        "\(clause.field) 是 \(value)", "\(clause.field) 是 \(value)", "\(clause.field) is \(value)")
                })
            for name in condition.require {
                if let spec = schema.section(name) {
                    guard !spec.required else { continue }
                    if let section = page.section(spec) {
                        if page.outline.isEmpty(section) {
                            found.append(EmptySectionRule.empty(spec, section, page: page, language: l))
                        }
                    } else {
                        found.append(MissingSectionRule.missing(spec, page: page, language: l, because: because))
                    }
                } else {
                    let field = schema.field(name) ?? FieldSpec(name: name)
                    guard !field.required else { continue }
                    let entry = page.page.frontMatter.entry(name)
                    if entry == nil || entry!.value.isBlank {
                        found.append(
                            FrontMatterFieldRule.missing(field, entry: entry, page: page, language: l, because: because)
                        )
                    }
                }
            }
        }
        return found
    }
}
