import PlaybookModel

extension RuleConfigReader {
    static let kindKeys: Set<String> = ["label", "extends", "fields", "sections", "when", "severity"]
    static let fieldKeys: Set<String> = ["type", "required", "choices", "description", "example"]
    static let sectionKeys: Set<String> = [
        "id", "label", "aliases", "required", "hint", "parts", "list", "levels", "mentions", "terms",
    ]

    /// Reads one `kinds.<name>` entry: changes to a built-in or earlier kind, or a new kind.
    mutating func readKind(_ entry: Mapping.Entry, path: String) {
        let name = entry.key
        guard name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }),
            !name.isEmpty
        else {
            report(
                path, entry.line, "config.rules",
                Localized(
                    "类型名 `\(name)` 只能用小写英文字母、数字和连字符", "類型名 `\(name)` 只能用小寫英文字母、數字和連字號",
                    "kind name `\(name)` may use only lower-case letters, digits and hyphens"),
                hint: Localized(
                    "例如 `event`、`city-chapter`", "例如 `event`、`city-chapter`", "Such as `event` or `city-chapter`"),
                column: entry.column)
            return
        }
        guard let spec = mapping(entry, path: path) else { return }
        var schema = rules.kinds[name] ?? KindSchema(name: name, label: KindLabel(Localized(name)))
        if let extends = spec.entry("extends") {
            if let base = extends.value.string.flatMap({ rules.kinds[$0] }) {
                if rules.kinds[name] == nil {
                    schema = base
                    schema.name = name
                    schema.label = KindLabel(Localized(name))
                }
            } else {
                var hint: Localized?
                if let s = extends.value.string, let suggestion = Suggestion.closest(to: s, in: rules.kinds.keys) {
                    hint = Localized(
                        "你是不是想写 `\(suggestion)`？", "你是不是想寫 `\(suggestion)`？", "Did you mean `\(suggestion)`?")
                }
                report(
                    path, extends.line, "config.rules",
                    Localized("`extends` 必须是已有的类型", "`extends` 必須是已有的類型", "`extends` must name a known kind"),
                    hint: hint, column: extends.column)
            }
        }
        for item in spec.entries {
            switch item.key {
            case "extends": continue
            case "label":
                if let label = localized(item, path: path) { schema.label = KindLabel(label) }
            case "fields":
                guard let fields = mapping(item, path: path) else { continue }
                for field in fields.entries { readField(field, into: &schema, path: path) }
            case "sections":
                guard let list = item.value.array else {
                    typeError(item, expected: "list", path: path)
                    continue
                }
                for value in list {
                    guard let section = value.mapping else {
                        typeError(item, expected: "list of mappings", path: path)
                        continue
                    }
                    readSection(section, into: &schema, path: path, line: item.line)
                }
            case "when":
                readConditions(item, into: &schema, path: path)
            case "severity":
                if let table = severityTable(item, path: path) { schema.severity.merge(table) { _, new in new } }
            default:
                unknownKey(item, known: Self.kindKeys, path: path)
            }
        }
        rules.kinds[name] = schema
    }

    /// `owner: {type: string, required: true}`, or the short form `owner: string`.
    mutating func readField(_ entry: Mapping.Entry, into schema: inout KindSchema, path: String) {
        var field = schema.field(entry.key) ?? FieldSpec(name: entry.key)
        if let typeName = entry.value.string {
            guard let type = FieldSpec.ValueType(rawValue: typeName) else {
                badType(typeName, entry, path: path)
                return
            }
            field.type = type
        } else if let spec = entry.value.mapping {
            for item in spec.entries {
                switch item.key {
                case "type":
                    guard let word = item.value.string, let type = FieldSpec.ValueType(rawValue: word) else {
                        badType(item.value.string ?? item.value.typeName, item, path: path)
                        continue
                    }
                    field.type = type
                case "required":
                    guard let b = item.value.bool else {
                        typeError(item, expected: "boolean", path: path)
                        continue
                    }
                    field.required = b
                case "choices":
                    if let choices = strings(item, path: path) { field.choices = choices }
                case "description":
                    field.description = localized(item, path: path)
                case "example":
                    field.example = item.value.string
                default:
                    unknownKey(item, known: Self.fieldKeys, path: path)
                }
            }
        } else {
            typeError(entry, expected: "mapping", path: path)
            return
        }
        if let i = schema.fields.firstIndex(where: { $0.name == field.name }) {
            schema.fields[i] = field
        } else {
            schema.fields.append(field)
        }
    }

    private mutating func badType(_ word: String, _ entry: Mapping.Entry, path: String) {
        let types = FieldSpec.ValueType.allCases.map(\.rawValue)
        var hint = Localized(
            "可用的类型：\(types.joined(separator: ", "))", "可用的類型：\(types.joined(separator: ", "))",
            "Types are: \(types.joined(separator: ", "))")
        if let suggestion = Suggestion.closest(to: word, in: types) {
            hint =
                Localized("你是不是想写 `\(suggestion)`？", "你是不是想寫 `\(suggestion)`？", "Did you mean `\(suggestion)`? ") + hint
        }
        report(
            path, entry.line, "config.value",
            Localized("未知的字段类型 `\(word)`", "未知的欄位類型 `\(word)`", "unknown field type `\(word)`"), hint: hint,
            column: entry.column)
    }

    /// A section by `id`: changes to an existing one, or a new one (which needs aliases or a label).
    mutating func readSection(_ spec: Mapping, into schema: inout KindSchema, path: String, line: Int) {
        let line = spec.entries.first?.line ?? line
        guard let id = spec["id"]?.string, !id.isEmpty else {
            report(
                path, line, "config.rules",
                Localized("section 缺少 `id`", "section 缺少 `id`", "a section has no `id`"),
                hint: Localized(
                    "给每一节一个英文 id，例如 `id: safety`；改动内置的一节时用它的 id（如 `interest`、`structure`）",
                    "給每一節一個英文 id，例如 `id: safety`；改動內建的一節時用它的 id（如 `interest`、`structure`）",
                    "Give each section an id such as `id: safety`; to change a built-in section use its id (`interest`, `structure`…)"
                ))
            return
        }
        let existing = schema.sections.firstIndex { $0.id == id }
        var section = existing.map { schema.sections[$0] } ?? SectionSpec(id: id, label: Localized(id), aliases: [])
        var sawAliases = false
        for item in spec.entries {
            switch item.key {
            case "id": continue
            case "label":
                if let label = localized(item, path: path) { section.label = label }
            case "aliases":
                // Aliases add to the built-in ones: a site names its own headings without losing ours.
                if let aliases = strings(item, path: path) {
                    section.aliases += aliases.filter { !section.aliases.contains($0) }
                    sawAliases = true
                }
            case "required":
                guard let b = item.value.bool else {
                    typeError(item, expected: "boolean", path: path)
                    continue
                }
                section.required = b
            case "hint":
                section.hint = localized(item, path: path)
            case "parts":
                section.parts = readParts(item, existing: section.parts, path: path)
            case "list":
                guard let list = mapping(item, path: path) else { continue }
                var requirement = section.list ?? .init()
                for option in list.entries {
                    switch option.key {
                    case "ordered": requirement.ordered = option.value.bool ?? requirement.ordered
                    case "min": requirement.minItems = option.value.int ?? requirement.minItems
                    case "timeOrder": requirement.timeOrder = option.value.bool ?? requirement.timeOrder
                    default: unknownKey(option, known: ["ordered", "min", "timeOrder"], path: path)
                    }
                }
                section.list = requirement
            case "levels":
                guard let n = item.value.int else {
                    typeError(item, expected: "integer", path: path)
                    continue
                }
                section.levels = .init(rule: section.levels?.rule ?? "\(id)-levels", atLeast: n)
            case "mentions":
                for part in readParts(item, existing: [], path: path) {
                    section.mentions.removeAll { $0.rule == part.id }
                    section.mentions.append(.init(rule: part.id, label: part.label, terms: part.aliases))
                }
            case "terms":
                guard let terms = mapping(item, path: path) else { continue }
                var requirement = section.terms ?? .init(rule: "\(id)-terms", atLeast: 1, terms: [])
                for option in terms.entries {
                    switch option.key {
                    case "atLeast": requirement.atLeast = option.value.int ?? requirement.atLeast
                    case "items": requirement.terms = readParts(option, existing: requirement.terms, path: path)
                    default: unknownKey(option, known: ["atLeast", "items"], path: path)
                    }
                }
                section.terms = requirement
            default:
                unknownKey(item, known: Self.sectionKeys, path: path)
            }
        }
        if existing == nil, !sawAliases { section.aliases = [section.label.zhHans, section.label.en] }
        if let existing {
            schema.sections[existing] = section
        } else {
            schema.sections.append(section)
        }
    }

    /// `[{id: members, label: 成员, aliases: [成员, members]}]`, merged into `existing` by id.
    private mutating func readParts(_ entry: Mapping.Entry, existing: [SectionSpec.Part], path: String) -> [SectionSpec
        .Part]
    {
        guard let list = entry.value.array else {
            typeError(entry, expected: "list", path: path)
            return existing
        }
        var parts = existing
        for value in list {
            guard let spec = value.mapping, let id = spec["id"]?.string else {
                typeError(entry, expected: "list of mappings with `id`", path: path)
                continue
            }
            var part = parts.first { $0.id == id } ?? .init(id: id, label: Localized(id), aliases: [])
            for item in spec.entries {
                switch item.key {
                case "id": continue
                case "label": part.label = localized(item, path: path) ?? part.label
                case "aliases", "terms": part.aliases += strings(item, path: path) ?? []
                default: unknownKey(item, known: ["id", "label", "aliases"], path: path)
                }
            }
            if part.aliases.isEmpty { part.aliases = [part.label.zhHans, part.label.en] }
            parts.removeAll { $0.id == id }
            parts.append(part)
        }
        return parts
    }

    /// `when: [{if: {platform: 企业微信}, require: [compliance, wecom_id]}]`.
    mutating func readConditions(_ entry: Mapping.Entry, into schema: inout KindSchema, path: String) {
        guard let list = entry.value.array else {
            typeError(entry, expected: "list", path: path)
            return
        }
        for value in list {
            guard let spec = value.mapping else {
                typeError(entry, expected: "list of mappings", path: path)
                continue
            }
            let line = spec.entries.first?.line ?? entry.line
            var clauses: [(field: String, values: [String])] = []
            var required: [String] = []
            for item in spec.entries {
                switch item.key {
                case "if":
                    guard let test = mapping(item, path: path) else { continue }
                    for clause in test.entries {
                        if let values = strings(clause, path: path) { clauses.append((clause.key, values)) }
                    }
                case "require":
                    required = strings(item, path: path) ?? []
                    for name in required {
                        rememberCondition(kind: schema.name, name: name, path: path, line: item.line)
                    }
                default:
                    unknownKey(item, known: ["if", "require"], path: path)
                }
            }
            if clauses.isEmpty || required.isEmpty {
                report(
                    path, line, "config.rules",
                    Localized(
                        "条件需要 `if` 和 `require`", "條件需要 `if` 和 `require`", "a condition needs both `if` and `require`"),
                    hint: Localized(
                        "例如 `- if: {platform: 企业微信}` 加 `require: [compliance]`",
                        "例如 `- if: {platform: 企業微信}` 加 `require: [compliance]`",
                        "For example `- if: {platform: WeCom}` with `require: [compliance]`"))
                continue
            }
            schema.conditions.append(Condition(when: clauses, require: required, source: "\(path):\(line)"))
        }
    }
}
