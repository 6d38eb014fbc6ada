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

    static func isIdentifier(_ s: String) -> Bool { Placeholder.isName(s) }
}

/// A `{{name}}` or `{{ name | filter | filter }}` placeholder in a template document.
///
/// The grammar is the cloner's (`Placeholders` in PlaybookReplication, which documents it):
/// one line, `{{`, a variable name, any number of `| filter`, `}}`; spaces and tabs around the
/// parts are ignored; the innermost of nested openings counts; any segment after a `|` is a
/// filter, known or not. PlaybookCheck cannot import PlaybookReplication, so `scan` is a copy
/// of `Placeholders.scan`, kept identical; PlaybookScaffoldTests runs both on the same inputs.
public struct Placeholder: Hashable, Sendable {
    /// The filters cloning knows; any other is `template.unknown-filter`.
    public static let filters = PlaceholderSyntax.filters

    public var name: String
    public var filters: [String]
    /// 1-based line.
    public var line: Int
    /// 1-based column of the opening `{{`, in Unicode scalars.
    public var column: Int
    /// The placeholder as written, braces included.
    public var text: String

    /// Filters that are not one of `Placeholder.filters`, in the order written.
    public var unknownFilters: [String] { filters.filter { !Self.filters.contains($0) } }

    /// Every placeholder in `text`, with 1-based lines and scalar columns.
    public static func all(in text: String) -> [Placeholder] {
        var found: [Placeholder] = []
        var line = 1
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let scalars = Array(raw.unicodeScalars)
            for match in scan(scalars) {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[match.start..<match.end])
                found.append(
                    Placeholder(
                        name: match.name, filters: match.filters, line: line, column: match.start + 1,
                        text: String(view)))
            }
            line += 1
        }
        return found
    }

    /// The placeholders in one line: the grammar lives in `PlaceholderSyntax` (PlaybookModel).
    static func scan(_ s: [Unicode.Scalar]) -> [PlaceholderSyntax.Match] { PlaceholderSyntax.scan(s) }

    /// A variable name: an ASCII letter or `_`, then ASCII letters, digits and `_`.
    public static func isName(_ s: String) -> Bool { PlaceholderSyntax.isName(s) }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String { PlaceholderSyntax.string(scalars) }
}
