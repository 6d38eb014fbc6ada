import Foundation
import PlaybookModel

/// A replication template as declared by `content/templates/<name>/index.md`: its version and
/// variables, read from front matter, with the problems found reading them.
struct TemplateDeclaration {
    struct Variable {
        var name: String
        var line: Int
        var column: Int
    }

    var name: String
    var version: String?
    var variables: [Variable]
    var problems: [Diagnostic]

    static let variableKeys: Set<String> = ["name", "description", "required", "default", "choices", "pattern"]

    private let language: Language

    init(page: CheckedPage, language l: Language) {
        language = l
        name = page.page.templateName ?? ""
        version = page.page.frontMatter["version"]?.string
        variables = []
        problems = []
        guard let entry = page.page.frontMatter.entry("variables"), let list = entry.value.array else { return }
        for item in list {
            guard let spec = item.mapping else {
                problem(
                    page, entry.line,
                    l.pick(
                        "每个变量都要写成 `name: …` 的映射", "每個變數都要寫成 `name: …` 的映射",
                        "each variable must be a mapping with `name: …`"))
                continue
            }
            let first = spec.entries.first.map { page.nestedLine($0.line) } ?? entry.line
            guard let nameEntry = spec.entry("name"), let name = nameEntry.value.string, Self.isIdentifier(name) else {
                problem(
                    page, first,
                    l.pick(
                        "变量缺少合法的 `name`（字母、数字和下划线）", "變數缺少合法的 `name`（字母、數字和底線）",
                        "a variable has no valid `name` (letters, digits and underscores)"))
                continue
            }
            let line = page.nestedLine(nameEntry.line)
            if variables.contains(where: { $0.name == name }) {
                problem(
                    page, line,
                    l.pick("变量 `\(name)` 声明了两次", "變數 `\(name)` 宣告了兩次", "variable `\(name)` is declared twice"))
            }
            variables.append(Variable(name: name, line: line, column: nameEntry.column))
            for key in spec.entries where !Self.variableKeys.contains(key.key) {
                var message = l.pick(
                    "变量 `\(name)` 有未知的键 `\(key.key)`", "變數 `\(name)` 有未知的鍵 `\(key.key)`",
                    "variable `\(name)` has an unknown key `\(key.key)`")
                if let suggestion = Suggestion.closest(to: key.key, in: Self.variableKeys) {
                    message += l.pick(
                        "（是不是 `\(suggestion)`？）", "（是不是 `\(suggestion)`？）", " (did you mean `\(suggestion)`?)")
                }
                problem(page, page.nestedLine(key.line), message)
            }
            if let required = spec.entry("required"), required.value.bool == nil {
                problem(
                    page, page.nestedLine(required.line),
                    l.pick(
                        "`required` 应当是 true 或 false", "`required` 應當是 true 或 false", "`required` must be true or false"
                    ))
            }
            let choices = spec["choices"]?.array?.compactMap(\.string) ?? []
            if let choicesEntry = spec.entry("choices"), choicesEntry.value.array == nil {
                problem(
                    page, page.nestedLine(choicesEntry.line),
                    l.pick("`choices` 应当是列表", "`choices` 應當是列表", "`choices` must be a list"))
            }
            if let defaultEntry = spec.entry("default"), let value = defaultEntry.value.string, !choices.isEmpty,
                !choices.contains(value)
            {
                problem(
                    page, page.nestedLine(defaultEntry.line),
                    l.pick(
                        "`\(name)` 的默认值 `\(value)` 不在 choices 里", "`\(name)` 的預設值 `\(value)` 不在 choices 裡",
                        "the default `\(value)` of `\(name)` is not one of its choices"))
            }
            if spec["required"]?.bool == true, let defaultEntry = spec.entry("default") {
                problem(
                    page, page.nestedLine(defaultEntry.line),
                    l.pick(
                        "必填变量 `\(name)` 不需要默认值", "必填變數 `\(name)` 不需要預設值",
                        "required variable `\(name)` cannot have a default"),
                    severity: .warning)
            }
        }
    }

    private mutating func problem(_ page: CheckedPage, _ line: Int, _ message: String, severity: Severity = .error) {
        let l = language
        problems.append(
            page.diagnostic(
                line: line, severity: severity, rule: "template.variables", message: message,
                hint: l.pick(
                    "每个变量写成 `- name: city` 加上 description、required 或 default、choices、pattern；复制模板时靠这些声明询问和校验取值。",
                    "每個變數寫成 `- name: city` 加上 description、required 或 default、choices、pattern；複製模板時靠這些宣告詢問和校驗取值。",
                    "Write each variable as `- name: city` with description, required or default, choices, pattern; cloning asks for and checks values by these declarations."
                )))
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}

/// A `{{name}}` or `{{name | filter}}` placeholder in a template document.
struct Placeholder {
    var name: String
    var line: Int
    var column: Int

    /// Every placeholder in `text`, with 1-based lines and scalar columns.
    static func all(in text: String) -> [Placeholder] {
        var found: [Placeholder] = []
        var line = 1
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            var rest = raw[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                var inner = rest[open.upperBound..<close.lowerBound]
                if let bar = inner.firstIndex(of: "|") { inner = inner[..<bar] }
                let name = inner.trimmingCharacters(in: .whitespaces)
                if TemplateDeclaration.isIdentifier(name) {
                    let column = raw.unicodeScalars.distance(from: raw.startIndex, to: open.lowerBound) + 1
                    found.append(Placeholder(name: name, line: line, column: column))
                }
                rest = rest[close.upperBound...]
            }
        }
        return found
    }
}
