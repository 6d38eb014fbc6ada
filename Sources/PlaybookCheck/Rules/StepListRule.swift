import PlaybookModel

/// `<kind>.<section>` (`onboarding.steps`, `sop.steps`): a steps section holds its steps as one
/// list, ordered when the kind asks for it, with at least the minimum number of items.
struct StepListRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        let l = context.language
        var found: [Diagnostic] = []
        for spec in schema.sections {
            guard let requirement = spec.list, let section = page.filledSection(spec) else { continue }
            let rule = "\(page.kind).\(spec.id)"
            let name = l.quote(spec.label(l))
            let example = l.pick(
                "例如 `1. **第1天** 欢迎仪式`、`2. **第2天** 阅读群规`。", "例如 `1. **第1天** 歡迎儀式`、`2. **第2天** 閱讀群規`。",
                "Such as `1. **Day 1** welcome ritual`, `2. **Day 2** read the rules`. ")
            let why = spec.hint.map { $0(l) } ?? ""
            guard let list = Self.stepList(in: section, outline: page.outline) else {
                found.append(
                    page.diagnostic(
                        line: section.line, column: section.heading.range.start.column, rule: rule,
                        message: l.pick("\(name)里没有步骤列表", "\(name)裡沒有步驟列表", "\(name) has no list of steps"),
                        hint: l.pick("用有序列表写出每一步，", "用有序列表寫出每一步，", "Write each step as an item of an ordered list, ")
                            + example + why))
                continue
            }
            guard case .list(let ordered, _, _) = list.kind else { continue }
            if requirement.ordered && !ordered {
                found.append(
                    page.diagnostic(
                        line: list.range.start.line, column: list.range.start.column, rule: rule,
                        message: l.pick("\(name)应当是有序列表", "\(name)應當是有序列表", "\(name) must be an ordered list"),
                        hint: l.pick(
                            "把 `-` 换成 `1.` `2.` `3.`：步骤的先后本身就是内容，执行的人按编号走。",
                            "把 `-` 換成 `1.` `2.` `3.`：步驟的先後本身就是內容，執行的人按編號走。",
                            "Number the items `1.` `2.` `3.` instead of `-`: the order of the steps is part of the procedure."
                        )))
            }
            if list.children.count < requirement.minItems {
                found.append(
                    page.diagnostic(
                        line: list.range.start.line, column: list.range.start.column, rule: rule,
                        message: l.pick(
                            "\(name)只有 \(list.children.count) 步，至少要 \(requirement.minItems) 步",
                            "\(name)只有 \(list.children.count) 步，至少要 \(requirement.minItems) 步",
                            "\(name) has \(list.children.count) step\(list.children.count == 1 ? "" : "s"); at least \(requirement.minItems) are needed"
                        ),
                        hint: l.pick(
                            "把流程拆成具体的动作，每步一项，", "把流程拆成具體的動作，每步一項，",
                            "Split the procedure into concrete actions, one per item, ") + example))
            }
        }
        return found
    }

    /// The section's list of steps: its first ordered list, else its first list.
    static func stepList(in section: Outline.Section, outline: Outline) -> MarkdownNode? {
        let lists = outline.blocks(of: section).filter {
            if case .list = $0.kind { return true }
            return false
        }
        return lists.first {
            if case .list(true, _, _) = $0.kind { return true }
            return false
        } ?? lists.first
    }
}
