import PlaybookModel

/// Reads the checker's keys of `playbook.yml` (and of the rule files it includes) into a
/// `RuleSet`, reporting every problem at its file and line:
///
/// ```yaml
/// severity: {page.title: warning, group.senses: off}
/// overrides:
///   - files: content/groups/legacy/**
///     severity: {"*": warning}
/// kinds:
///   group:
///     when:
///       - if: {platform: 企业微信}
///         require: [compliance]
///     sections:
///       - {id: compliance, label: 合规, aliases: [合规, 合規, compliance], required: false}
///   event: {label: 活动, fields: {owner: {required: true}}, sections: [...]}
/// include: [rules/events.yml]
/// ```
struct RuleConfigReader {
    var rules: RuleSet
    let language: Language
    var diagnostics: [Diagnostic] = []
    /// Included rule files and the line naming each, in the order written.
    var includeLines: [(path: String, line: Int)] = []
    /// Severity keys as written, checked against the known rule ids once every kind is read.
    private var severityKeys: [(key: String, path: String, line: Int, column: Int)] = []
    /// Conditions' required names, checked once every kind is read.
    private var conditionNames: [(kind: String, name: String, path: String, line: Int)] = []

    init(rules: RuleSet, language: Language) {
        self.rules = rules
        self.language = language
    }

    static let levelWords = RuleLevel.allCases.map(\.rawValue)

    mutating func read(_ config: Mapping, path: String, included: Bool = false) {
        for entry in config.entries {
            switch entry.key {
            case "severity":
                if let table = severityTable(entry, path: path) {
                    rules.severity.merge(table) { _, new in new }
                }
            case "overrides":
                readOverrides(entry, path: path)
            case "kinds":
                guard let kinds = mapping(entry, path: path) else { continue }
                for kind in kinds.entries { readKind(kind, path: path) }
            case "include":
                if included {
                    report(
                        path, entry.line, "config.include",
                        Localized("规则文件不能再包含其他文件", "規則檔不能再包含其他檔案", "a rule file cannot include other files"),
                        hint: Localized(
                            "把 include 写在 playbook.yml 里", "把 include 寫在 playbook.yml 裡",
                            "List every rule file under include in playbook.yml"),
                        column: entry.column)
                    continue
                }
                let values: [Value] = entry.value.array ?? [entry.value]
                for value in values {
                    guard let name = value.string, !Self.sitePath(name).isEmpty else {
                        typeError(entry, expected: "string", path: path)
                        continue
                    }
                    guard let included = Self.includedPath(name) else {
                        report(
                            path, entry.line, "config.include",
                            Localized(
                                "规则文件 \(name) 在站点以外，不会被读取", "規則檔 \(name) 在站點以外，不會被讀取",
                                "rule file \(name) is outside the site, so it is not read"),
                            hint: Localized(
                                "把规则文件放进站点文件夹，写相对于站点根目录的路径，例如 `rules/events.yml`",
                                "把規則檔放進站點資料夾，寫相對於站點根目錄的路徑，例如 `rules/events.yml`",
                                "Keep rule files in the site folder and name them from the site root, such as `rules/events.yml`"
                            ),
                            column: entry.column)
                        continue
                    }
                    includeLines.append((included, entry.line))
                }
            default:
                // playbook.yml's own keys belong to the config loader; a rule file has only ours.
                if included {
                    unknownKey(entry, known: RuleSet.configKeys.subtracting(["include"]), path: path)
                }
            }
        }
    }

    /// Checks what can only be checked once everything is read: severity keys name real rules,
    /// conditions name real sections or fields.
    mutating func validate() {
        let known = RuleCatalog.ids(for: rules)
        for key in severityKeys {
            if key.key == "*" || known.contains(key.key) { continue }
            if key.key.hasSuffix(".*"), known.contains(where: { $0.hasPrefix(key.key.dropLast()) }) { continue }
            var hint = Localized(
                "已知的规则见 `playbook check --list-rules`", "已知的規則見 `playbook check --list-rules`",
                "See `playbook check --list-rules` for the known rules")
            if let suggestion = Suggestion.closest(to: key.key, in: known) {
                hint = Localized("你是不是想写 `\(suggestion)`？", "你是不是想寫 `\(suggestion)`？", "Did you mean `\(suggestion)`?")
            }
            report(
                key.path, key.line, "config.unknown-rule",
                Localized("没有叫 `\(key.key)` 的规则", "沒有叫 `\(key.key)` 的規則", "there is no rule `\(key.key)`"),
                hint: hint, severity: .warning, column: key.column)
        }
        for item in conditionNames {
            guard let schema = rules.kinds[item.kind] else { continue }
            if schema.section(item.name) != nil || schema.field(item.name) != nil { continue }
            let candidates = schema.sections.map(\.id) + schema.fields.map(\.name)
            var hint = Localized(
                "先在 sections 里定义这一节（可以写 `required: false`），或在 fields 里声明这个字段；已有：\(language.list(candidates))",
                "先在 sections 裡定義這一節（可以寫 `required: false`），或在 fields 裡宣告這個欄位；已有：\(language.list(candidates))",
                "Define it under sections (it may say `required: false`) or declare it under fields; known: \(candidates.joined(separator: ", "))"
            )
            if let suggestion = Suggestion.closest(to: item.name, in: candidates) {
                hint =
                    Localized("你是不是想写 `\(suggestion)`？", "你是不是想寫 `\(suggestion)`？", "Did you mean `\(suggestion)`?")
                    + Localized(" ", " ", " ") + hint
            }
            report(
                item.path, item.line, "config.rules",
                Localized(
                    "条件要求的 `\(item.name)` 既不是 \(item.kind) 的一节，也不是它的字段",
                    "條件要求的 `\(item.name)` 既不是 \(item.kind) 的一節，也不是它的欄位",
                    "`\(item.name)` required by a condition is neither a section nor a field of \(item.kind)"),
                hint: hint)
        }
    }

    mutating func rememberCondition(kind: String, name: String, path: String, line: Int) {
        conditionNames.append((kind, name, path, line))
    }

    // MARK: - Severity and overrides

    mutating func severityTable(_ entry: Mapping.Entry, path: String) -> [String: RuleLevel]? {
        guard let table = mapping(entry, path: path) else { return nil }
        var out: [String: RuleLevel] = [:]
        for item in table.entries {
            severityKeys.append((item.key, path, item.line, item.column))
            let word: String?
            switch item.value {
            case .bool(false): word = "off"
            case .string(let s): word = s.lowercased()
            default: word = nil
            }
            guard let word, let level = RuleLevel(rawValue: word) else {
                report(
                    path, item.line, "config.value",
                    Localized(
                        "`\(item.key)` 的级别必须是 error、warning 或 off",
                        "`\(item.key)` 的級別必須是 error、warning 或 off",
                        "the level of `\(item.key)` must be error, warning or off"),
                    hint: Localized(
                        "例如 `\(item.key): warning`", "例如 `\(item.key): warning`", "For example `\(item.key): warning`"),
                    column: item.column)
                continue
            }
            out[item.key] = level
        }
        return out
    }

    mutating func readOverrides(_ entry: Mapping.Entry, path: String) {
        guard let list = entry.value.array else {
            typeError(entry, expected: "list", path: path)
            return
        }
        for item in list {
            guard let override = item.mapping else {
                typeError(entry, expected: "list of mappings", path: path)
                continue
            }
            var globs: [String] = []
            var table: [String: RuleLevel] = [:]
            let line = override.entries.first?.line ?? entry.line
            for field in override.entries {
                switch field.key {
                case "files":
                    let values: [Value] = field.value.array ?? [field.value]
                    globs += values.compactMap(\.string).map(Self.sitePath)
                    if globs.isEmpty { typeError(field, expected: "string", path: path) }
                case "severity":
                    table = severityTable(field, path: path) ?? [:]
                default:
                    unknownKey(field, known: ["files", "severity"], path: path)
                }
            }
            if globs.isEmpty {
                report(
                    path, line, "config.rules",
                    Localized("override 缺少 `files`", "override 缺少 `files`", "an override has no `files`"),
                    hint: Localized(
                        "写出它适用的路径，例如 `files: content/groups/legacy/**`",
                        "寫出它適用的路徑，例如 `files: content/groups/legacy/**`",
                        "Name the paths it applies to, such as `files: content/groups/legacy/**`"))
            }
            for glob in globs { rules.overrides.append(.init(files: glob, severity: table)) }
        }
    }

    // MARK: - Reporting and value helpers

    mutating func report(
        _ path: String, _ line: Int, _ rule: String, _ message: Localized, hint: Localized? = nil,
        severity: Severity = .error, column: Int = 1
    ) {
        diagnostics.append(
            Diagnostic(
                file: path, line: line, column: column, severity: severity, rule: rule, message: message(language),
                hint: hint?(language)))
    }

    mutating func typeError(_ entry: Mapping.Entry, expected: String, path: String) {
        report(
            path, entry.line, "config.type",
            Localized(
                "`\(entry.key)` 应当是 \(expected)，实际是 \(entry.value.typeName)",
                "`\(entry.key)` 應當是 \(expected)，實際是 \(entry.value.typeName)",
                "`\(entry.key)` must be a \(expected), found a \(entry.value.typeName)"),
            column: entry.column)
    }

    mutating func unknownKey(_ entry: Mapping.Entry, known: Set<String>, path: String) {
        var hint = Localized(
            "可用的键：\(known.sorted().joined(separator: ", "))", "可用的鍵：\(known.sorted().joined(separator: ", "))",
            "Known keys are: \(known.sorted().joined(separator: ", "))")
        if let suggestion = Suggestion.closest(to: entry.key, in: known) {
            hint =
                Localized("你是不是想写 `\(suggestion)`？", "你是不是想寫 `\(suggestion)`？", "Did you mean `\(suggestion)`? ") + hint
        }
        report(
            path, entry.line, "config.unknown-key",
            Localized("未知的键 `\(entry.key)` 被忽略", "未知的鍵 `\(entry.key)` 被忽略", "unknown key `\(entry.key)` is ignored"),
            hint: hint, severity: .warning, column: entry.column)
    }

    mutating func mapping(_ entry: Mapping.Entry, path: String) -> Mapping? {
        if let mapping = entry.value.mapping { return mapping }
        if entry.value == .null { return Mapping() }
        typeError(entry, expected: "mapping", path: path)
        return nil
    }

    mutating func strings(_ entry: Mapping.Entry, path: String) -> [String]? {
        let values: [Value] = entry.value.array ?? [entry.value]
        let strings = values.compactMap(\.string)
        if strings.count != values.count {
            typeError(entry, expected: "list of strings", path: path)
            return nil
        }
        return strings
    }

    mutating func localized(_ entry: Mapping.Entry, path: String) -> Localized? {
        if let s = entry.value.string { return Localized(s) }
        guard let table = entry.value.mapping else {
            typeError(entry, expected: "string", path: path)
            return nil
        }
        let any = table.entries.compactMap(\.value.string).first ?? ""
        for item in table.entries where Language(rawValue: item.key) == nil {
            unknownKey(item, known: Set(Language.allCases.map(\.rawValue)), path: path)
        }
        return Localized(
            table["zh-Hans"]?.string ?? table["zh-Hant"]?.string ?? any,
            table["zh-Hant"]?.string ?? table["zh-Hans"]?.string ?? any, table["en"]?.string ?? any)
    }

    /// `./rules/x.yml` and `rules/x.yml` name the same file.
    /// The site-relative path an `include:` entry names, or nil when it leaves the site: an
    /// absolute path, a home-relative one or one with a `..` part. (Symbolic links that lead out
    /// are refused when the file is read.)
    static func includedPath(_ name: String) -> String? {
        if name.hasPrefix("/") || name.hasPrefix("~") || name.hasPrefix("\\") { return nil }
        if name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") { return nil }
        let path = sitePath(name)
        return path.isEmpty ? nil : path
    }

    static func sitePath(_ path: String) -> String {
        var s = Substring(path)
        while s.hasPrefix("./") { s = s.dropFirst(2) }
        while s.hasPrefix("/") { s = s.dropFirst() }
        return String(s)
    }
}
