import PlaybookModel

/// `page.unknown-kind`: the `kind` in front matter names a kind the rule set knows, with a
/// "did you mean" for typos. A page of an unknown kind gets no kind checks at all, which is
/// why this is an error: a typo would otherwise switch every check off silently.
struct UnknownKindRule: PageRule {
    var readsFrontMatter: Bool { true }

    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard page.schema == nil else { return [] }
        let entry = page.page.frontMatter.entry("kind")
        let known = context.rules.kinds.keys.sorted()
        let l = context.language
        var hint = l.pick(
            "已知的类型：\(l.list(known))。要新增类型，在 playbook.yml 的 `kinds:` 下定义它。",
            "已知的類型：\(l.list(known))。要新增類型，在 playbook.yml 的 `kinds:` 下定義它。",
            "Known kinds are \(l.list(known)); to add one, define it under `kinds:` in playbook.yml.")
        if let suggestion = Suggestion.closest(to: page.kind, in: known) {
            hint =
                l.pick(
                    "你是不是想写 `kind: \(suggestion)`？", "你是不是想寫 `kind: \(suggestion)`？",
                    "Did you mean `kind: \(suggestion)`? ") + hint
        }
        return [
            page.diagnostic(
                line: entry?.line ?? 1, column: entry?.column ?? 1, rule: "page.unknown-kind",
                message: l.pick("未知的类型 `\(page.kind)`", "未知的類型 `\(page.kind)`", "unknown kind `\(page.kind)`"),
                hint: hint)
        ]
    }
}
