import PlaybookModel

/// `<kind>.missing-section`: every required section of the kind has a heading, found by its
/// aliases at any level. The finding points at where the section should go.
struct MissingSectionRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        let missing = schema.sections.filter { $0.required && page.section($0) == nil }
        guard !missing.isEmpty else { return [] }
        let candidates = page.renameCandidates()
        return missing.map { Self.missing($0, page: page, language: context.language, because: nil, among: candidates) }
    }

    static func missing(
        _ spec: SectionSpec, page: CheckedPage, language l: Language, because condition: String?,
        among candidates: [CheckedPage.RenameCandidate]? = nil
    ) -> Diagnostic {
        if let rename = page.rename(for: spec, among: candidates ?? page.renameCandidates(), language: l) {
            return misnamed(spec, rename, page: page, language: l)
        }
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

extension MissingSectionRule {
    /// The missing section's finding at the heading that was meant as it: "rename to 同好".
    static func misnamed(_ spec: SectionSpec, _ rename: HeadingRename, page: CheckedPage, language l: Language)
        -> Diagnostic
    {
        let label = spec.label(l)
        let message: String
        let hint: String
        switch rename.reason {
        case .similar:
            message = l.pick(
                "缺少\(l.quote(label))一节：\(l.quote(rename.written))是不是它？",
                "缺少\(l.quote(label))一節：\(l.quote(rename.written))是不是它？",
                "missing section \(l.quote(label)): is \(l.quote(rename.written)) meant to be it?")
            hint = l.pick(
                "改名为\(l.quote(label))：`\(rename.heading)`。标题要用这一节的名字（或它的别名），检查和目录才认得出它。",
                "改名為\(l.quote(label))：`\(rename.heading)`。標題要用這一節的名字（或它的別名），檢查和目錄才認得出它。",
                "Rename it to \(l.quote(label)): `\(rename.heading)`. A section is found by its name or one of its aliases."
            )
        case .missingSpace:
            message = l.pick(
                "缺少\(l.quote(label))一节：\(l.quote(rename.written))不是标题，`#` 后面少了空格",
                "缺少\(l.quote(label))一節：\(l.quote(rename.written))不是標題，`#` 後面少了空格",
                "missing section \(l.quote(label)): \(l.quote(rename.written)) is not a heading without a space after `#`"
            )
            hint = l.pick(
                "在 `#` 后面加一个空格：`\(rename.heading)`。", "在 `#` 後面加一個空格：`\(rename.heading)`。",
                "Add a space after the `#` signs: `\(rename.heading)`.")
        case .fullWidthSign:
            message = l.pick(
                "缺少\(l.quote(label))一节：\(l.quote(rename.written))用的是全角 `＃`，不是标题",
                "缺少\(l.quote(label))一節：\(l.quote(rename.written))用的是全形 `＃`，不是標題",
                "missing section \(l.quote(label)): \(l.quote(rename.written)) uses full-width `＃`, so it is not a heading"
            )
            hint = l.pick(
                "改成半角的 `#` 加一个空格：`\(rename.heading)`。中文输入法打出的 `＃` 是全角的。",
                "改成半形的 `#` 加一個空格：`\(rename.heading)`。中文輸入法打出的 `＃` 是全形的。",
                "Write ASCII `#` signs and a space: `\(rename.heading)`; a Chinese input method types the full-width `＃`."
            )
        }
        return page.diagnostic(
            line: rename.line, column: rename.column, rule: "\(page.kind).missing-section", message: message, hint: hint
        )
    }
}
