import PlaybookModel

/// `group.unknown-template`, `group.template-version`: a page cloned from a template
/// (`template:` in front matter) names a template of the handbook, and the version it records
/// is not ahead of the template's. Lineage is what lets a template improve and its groups follow.
struct TemplateLineageRule: OtherPagesRule {
    var readsFrontMatter: Bool { true }

    func check(_ page: LinkedPage, in context: CheckContext) -> [Diagnostic] {
        guard page.page.templateName == nil, let entry = page.page.frontMatter.entry("template"),
            let name = entry.value.string, !name.isEmpty
        else { return [] }
        let l = context.language
        guard let index = context.templates[name] else {
            let known = context.templates.keys.sorted()
            var hint = l.pick(
                "模板放在 content/templates/<名称>/index.md；现有模板：\(known.isEmpty ? "无" : l.list(known))。",
                "模板放在 content/templates/<名稱>/index.md；現有模板：\(known.isEmpty ? "無" : l.list(known))。",
                "templates live in content/templates/<name>/index.md; known: \(known.isEmpty ? "none" : l.list(known))."
            )
            if let suggestion = Suggestion.closest(to: name, in: known) {
                hint =
                    l.pick(
                        "你是不是想写 `template: \(suggestion)`？", "你是不是想寫 `template: \(suggestion)`？",
                        "Did you mean `template: \(suggestion)`? ") + hint
            }
            return [
                page.diagnostic(
                    line: entry.line, column: entry.column, rule: "group.unknown-template",
                    message: l.pick("找不到模板 `\(name)`", "找不到模板 `\(name)`", "there is no template `\(name)`"), hint: hint)
            ]
        }
        guard let recorded = page.page.frontMatter.entry("template_version"), let version = recorded.value.string,
            let current = context.handbook.pages[index].frontMatter["version"]?.string,
            VersionNumber.compare(version, current) == .orderedDescending
        else { return [] }
        return [
            page.diagnostic(
                line: recorded.line, column: recorded.column, severity: .warning, rule: "group.template-version",
                message: l.pick(
                    "记录的模板版本 \(version) 比模板 \(name) 的当前版本 \(current) 还新",
                    "記錄的模板版本 \(version) 比模板 \(name) 的目前版本 \(current) 還新",
                    "recorded template version \(version) is ahead of template \(name) (\(current))"),
                hint: l.pick(
                    "写成复制时模板的版本；版本记错，健康视图就看不出这个群是否落后于模板。",
                    "寫成複製時模板的版本；版本記錯，健康視圖就看不出這個群是否落後於模板。",
                    "Record the version the group was cloned from; with a wrong version the health view cannot tell whether the group is behind."
                ))
        ]
    }
}

/// Dotted version numbers compared part by part (`1.10.0` > `1.9`).
enum VersionNumber {
    enum Order { case orderedAscending, orderedSame, orderedDescending }

    static func compare(_ a: String, _ b: String) -> Order {
        let x = parts(a)
        let y = parts(b)
        for i in 0..<max(x.count, y.count) {
            let p = i < x.count ? x[i] : 0
            let q = i < y.count ? y[i] : 0
            if p != q { return p < q ? .orderedAscending : .orderedDescending }
        }
        return .orderedSame
    }

    private static func parts(_ s: String) -> [Int] {
        var s = Substring(s)
        if s.first == "v" || s.first == "V" { s = s.dropFirst() }
        return s.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
    }
}
