import PlaybookModel

/// `<kind>.<levels.rule>` (`rules.penalty-levels`): a section is graded in at least N levels,
/// written as the items of a list or as sub-headings (警告 → 禁言 → 移出).
struct GradedLevelsRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        let l = context.language
        var found: [Diagnostic] = []
        for spec in schema.sections {
            guard let requirement = spec.levels, let section = page.filledSection(spec) else { continue }
            let subsections = page.outline.subsections(of: section).filter { $0.level == section.level + 1 }.count
            let items =
                page.outline.blocks(of: section).map { block -> Int in
                    if case .list = block.kind { return block.children.count }
                    return 0
                }.max() ?? 0
            let levels = max(subsections, items)
            guard levels < requirement.atLeast else { continue }
            found.append(
                page.diagnostic(
                    line: section.line, column: section.heading.range.start.column,
                    rule: "\(page.kind).\(requirement.rule)",
                    message: l.pick(
                        "\(l.quote(spec.label(l)))只有 \(levels) 级，至少要分 \(requirement.atLeast) 级",
                        "\(l.quote(spec.label(l)))只有 \(levels) 級，至少要分 \(requirement.atLeast) 級",
                        "\(l.quote(spec.label(l))) has \(levels) level\(levels == 1 ? "" : "s"); grade it in at least \(requirement.atLeast)"
                    ),
                    hint: l.pick(
                        "用有序列表或小标题按轻重分级，例如 `1. **警告**` `2. **禁言**` `3. **移出**`，并写明每级对应第几次违规。一刀切的处罚要么太轻管不住，要么太重把人赶走。",
                        "用有序列表或小標題按輕重分級，例如 `1. **警告**` `2. **禁言**` `3. **移出**`，並寫明每級對應第幾次違規。一刀切的處罰要麼太輕管不住，要麼太重把人趕走。",
                        "Grade them with an ordered list or sub-headings, such as `1. **Warning**` `2. **Mute**` `3. **Removal**`, and say which violation leads to each. One flat penalty is either too weak to keep order or so harsh it drives people away."
                    )))
        }
        return found
    }
}
