import PlaybookModel

/// `frontmatter.required`, `frontmatter.type`, `frontmatter.choice`: the kind's front matter
/// fields are present when required, hold the declared type and one of the allowed values.
/// Values with `{{placeholders}}` (a template's documents) are not checked for type or choice.
struct FrontMatterFieldRule: PageRule {
    var readsFrontMatter: Bool { true }

    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        var found: [Diagnostic] = []
        for field in schema.allFields {
            let entry = page.page.frontMatter.entry(field.name)
            // A fill-in marker (`owner: （待填写）`, as a quick fix writes it) is not a value yet.
            if let entry, !entry.value.isBlank, !(entry.value.string.map(FillInMarker.contains) ?? false) {
                found += Self.validate(entry, field, page: page, language: context.language)
            } else if field.required {
                found.append(Self.missing(field, entry: entry, page: page, language: context.language, because: nil))
            }
        }
        return found
    }

    static func missing(
        _ field: FieldSpec, entry: Mapping.Entry?, page: CheckedPage, language l: Language, because condition: String?
    ) -> Diagnostic {
        let example = field.example(l) ?? "…"
        let meaning = field.description.map { l == .en ? " (\($0(l)))" : "（\($0(l))）" } ?? ""
        var message =
            entry == nil
            ? l.pick(
                "front matter 缺少必填字段 `\(field.name)`\(meaning)", "front matter 缺少必填欄位 `\(field.name)`\(meaning)",
                "front matter has no `\(field.name)`\(meaning)")
            : l.pick(
                "front matter 的 `\(field.name)` 是空的", "front matter 的 `\(field.name)` 是空的",
                "front matter field `\(field.name)` is empty")
        if let condition {
            message += l.pick("，因为 \(condition)", "，因為 \(condition)", ", because \(condition)")
        }
        let why =
            field.name == "owner"
            ? l.pick(
                "每份手册都要有一个负责人：没有人负责的文档很快过时，出了问题也不知道找谁。",
                "每份手冊都要有一個負責人：沒有人負責的文件很快過時，出了問題也不知道找誰。",
                "Every playbook needs an owner: a document nobody owns goes stale, and nobody knows whom to ask.")
            : ""
        return page.diagnostic(
            line: entry?.line ?? page.frontMatterEndLine, column: entry?.column ?? 1, rule: "frontmatter.required",
            message: message,
            hint: l.pick(
                "在 front matter 里写一行 `\(field.name): \(example)`。", "在 front matter 裡寫一行 `\(field.name): \(example)`。",
                "Add a line `\(field.name): \(example)` to the front matter. ") + why)
    }

    static func validate(_ entry: Mapping.Entry, _ field: FieldSpec, page: CheckedPage, language l: Language)
        -> [Diagnostic]
    {
        if let s = entry.value.string, s.containsLiteral("{{") { return [] }
        if !accepts(field.type, entry.value) {
            return [
                page.diagnostic(
                    line: entry.line, column: entry.column, rule: "frontmatter.type",
                    message: l.pick(
                        "`\(field.name)` 应当是 \(field.type.rawValue)，实际是 \(entry.value.typeName)",
                        "`\(field.name)` 應當是 \(field.type.rawValue)，實際是 \(entry.value.typeName)",
                        "`\(field.name)` must be a \(field.type.rawValue), found a \(entry.value.typeName)"),
                    hint: typeHint(field, l))
            ]
        }
        guard !field.choices.isEmpty, let value = entry.value.string else { return [] }
        let folded = TermMatcher.fold(value)
        if field.choices.contains(where: { TermMatcher.fold($0) == folded }) { return [] }
        var hint = l.pick(
            "可选的值：\(l.list(field.choices))", "可選的值：\(l.list(field.choices))", "Allowed values: \(l.list(field.choices))"
        )
        if let suggestion = Suggestion.closest(to: value, in: field.choices) {
            hint = l.pick("你是不是想写 `\(suggestion)`？", "你是不是想寫 `\(suggestion)`？", "Did you mean `\(suggestion)`? ") + hint
        }
        return [
            page.diagnostic(
                line: entry.line, column: entry.column, rule: "frontmatter.choice",
                message: l.pick(
                    "`\(field.name)` 的值 `\(value)` 不在允许的范围内", "`\(field.name)` 的值 `\(value)` 不在允許的範圍內",
                    "`\(value)` is not an allowed value of `\(field.name)`"),
                hint: hint)
        ]
    }

    static func accepts(_ type: FieldSpec.ValueType, _ value: Value) -> Bool {
        switch (type, value) {
        case (.any, _): return true
        case (.string, .string), (.string, .int), (.string, .double): return true
        case (.integer, .int): return true
        case (.number, .int), (.number, .double): return true
        case (.boolean, .bool): return true
        case (.list, .array): return true
        case (.mapping, .mapping): return true
        case (.version, .string), (.version, .int), (.version, .double): return true
        case (.date, .string(let s)): return isDate(s)
        default: return false
        }
    }

    private static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    private static func typeHint(_ field: FieldSpec, _ l: Language) -> String {
        switch field.type {
        case .string, .version:
            return l.pick(
                "给值加上引号：`\(field.name): \"…\"`", "給值加上引號：`\(field.name): \"…\"`",
                "Quote the value: `\(field.name): \"…\"`")
        case .list:
            return l.pick(
                "写成列表：`\(field.name): [甲, 乙]`", "寫成列表：`\(field.name): [甲, 乙]`", "Write a list: `\(field.name): [a, b]`")
        case .boolean:
            return l.pick("写 `true` 或 `false`", "寫 `true` 或 `false`", "Write `true` or `false`")
        case .date:
            return l.pick("写成 `2025-03-01` 的形式", "寫成 `2025-03-01` 的形式", "Write it as `2025-03-01`")
        case .integer, .number:
            return l.pick("写一个数字，不带引号", "寫一個數字，不帶引號", "Write a number without quotes")
        case .mapping:
            return l.pick("写成 `键: 值` 的缩进块", "寫成 `鍵: 值` 的縮排區塊", "Write an indented block of `key: value` lines")
        case .any:
            return ""
        }
    }
}
