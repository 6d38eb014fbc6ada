import Foundation
import PlaybookModel

/// A replication template as declared by `content/templates/<name>/index.md`: its version and
/// variables (read by `TemplateVariable`, in either of its forms), with the problems found
/// reading them as `template.variables` findings.
struct TemplateDeclaration {
    var name: String
    var version: String?
    var variables: [TemplateVariable]
    var problems: [Diagnostic]

    init(page: LinkedPage, language l: Language) {
        name = page.page.templateName ?? ""
        version = page.page.frontMatter["version"]?.string
        let (variables, found) = TemplateVariable.read(page.page.frontMatter.entry("variables"))
        self.variables = variables
        problems = found.map { problem in
            page.diagnostic(
                line: problem.line, severity: problem.isWarning ? .warning : .error, rule: "template.variables",
                message: Self.message(problem, l), hint: Self.hint(l))
        }
    }

    static func message(_ problem: TemplateVariable.Problem, _ l: Language) -> String {
        switch problem {
        case .notAListOrMapping:
            return l.pick(
                "`variables` 应当是变量声明的列表或映射", "`variables` 應當是變數宣告的列表或映射",
                "`variables` must be a list or a mapping of declarations")
        case .notAMapping:
            return l.pick(
                "每个变量都要写成 `name: …` 的映射", "每個變數都要寫成 `name: …` 的映射",
                "each variable must be a mapping with `name: …`")
        case .invalidName:
            return l.pick(
                "变量缺少合法的 `name`（字母、数字和下划线）", "變數缺少合法的 `name`（字母、數字和底線）",
                "a variable has no valid `name` (letters, digits and underscores)")
        case .declaredTwice(let name, _):
            return l.pick("变量 `\(name)` 声明了两次", "變數 `\(name)` 宣告了兩次", "variable `\(name)` is declared twice")
        case .unknownKey(let name, let key, _):
            var message = l.pick(
                "变量 `\(name)` 有未知的键 `\(key)`", "變數 `\(name)` 有未知的鍵 `\(key)`",
                "variable `\(name)` has an unknown key `\(key)`")
            if let suggestion = Suggestion.closest(to: key, in: TemplateVariable.keys) {
                message += l.pick(
                    "（是不是 `\(suggestion)`？）", "（是不是 `\(suggestion)`？）", " (did you mean `\(suggestion)`?)")
            }
            return message
        case .requiredNotBoolean:
            return l.pick(
                "`required` 应当是 true 或 false", "`required` 應當是 true 或 false", "`required` must be true or false")
        case .choicesNotAList:
            return l.pick("`choices` 应当是列表", "`choices` 應當是列表", "`choices` must be a list")
        case .defaultNotAChoice(let name, let value, _):
            return l.pick(
                "`\(name)` 的默认值 `\(value)` 不在 choices 里", "`\(name)` 的預設值 `\(value)` 不在 choices 裡",
                "the default `\(value)` of `\(name)` is not one of its choices")
        case .requiredWithDefault(let name, _):
            return l.pick(
                "必填变量 `\(name)` 不需要默认值", "必填變數 `\(name)` 不需要預設值", "required variable `\(name)` cannot have a default")
        }
    }

    static func hint(_ l: Language) -> String {
        l.pick(
            "每个变量写成 `- name: city` 加上 description、required 或 default、choices、pattern、example，或者写成映射 `city: {description: 城市, required: true}`；复制模板时靠这些声明询问和校验取值。",
            "每個變數寫成 `- name: city` 加上 description、required 或 default、choices、pattern、example，或者寫成映射 `city: {description: 城市, required: true}`；複製模板時靠這些宣告詢問和校驗取值。",
            "Write each variable as `- name: city` with description, required or default, choices, pattern, example, or as a mapping `city: {description: City, required: true}`; cloning asks for and checks values by these declarations."
        )
    }
}
