/// A variable a replication template declares in its front matter (`variables:`), read once
/// here for the checker (which reports the problems) and for cloning (which asks for values).
///
/// Two forms are accepted, as template authors write them:
///
/// ```yaml
/// variables:                       # a list of declarations
///   - name: city
///     description: 城市中文名
///     required: true
/// variables:                       # a mapping from name to declaration
///   city: {description: 城市中文名, required: true}
///   platform: 微信群                # a name with a plain value: that value is its default
/// ```
package struct TemplateVariable: Hashable, Sendable {
    package var name: String
    package var description: String
    package var required: Bool
    package var defaultValue: String?
    package var choices: [String]
    package var pattern: String?
    /// A value to show in the template catalog's `playbook new group` command; never used when
    /// cloning.
    package var example: String?
    /// 1-based line and column of the variable's name, in the YAML block that declares it.
    package var line: Int
    package var column: Int

    package init(
        name: String, description: String = "", required: Bool = false, defaultValue: String? = nil,
        choices: [String] = [], pattern: String? = nil, example: String? = nil, line: Int = 1, column: Int = 1
    ) {
        self.name = name
        self.description = description
        self.required = required
        self.defaultValue = defaultValue
        self.choices = choices
        self.pattern = pattern
        self.example = example
        self.line = line
        self.column = column
    }

    /// The keys a declaration may have.
    package static let keys: Set<String> = [
        "name", "description", "required", "default", "choices", "pattern", "example",
    ]

    /// What is wrong with a declaration; `line` is in the YAML block, like the entries'.
    package enum Problem: Hashable, Sendable {
        /// `variables:` is neither a list nor a mapping.
        case notAListOrMapping(line: Int)
        /// A list item that is not a mapping.
        case notAMapping(line: Int)
        /// No `name`, or one that is not a variable name.
        case invalidName(String?, line: Int)
        case declaredTwice(String, line: Int)
        case unknownKey(variable: String, key: String, line: Int)
        case requiredNotBoolean(variable: String, line: Int)
        case choicesNotAList(variable: String, line: Int)
        case defaultNotAChoice(variable: String, value: String, line: Int)
        /// A warning: a required variable is always asked for, so its default is never used.
        case requiredWithDefault(variable: String, line: Int)

        /// A warning rather than an error.
        package var isWarning: Bool {
            if case .requiredWithDefault = self { return true }
            return false
        }

        package var line: Int {
            switch self {
            case .notAListOrMapping(let line), .notAMapping(let line), .invalidName(_, let line),
                .declaredTwice(_, let line), .unknownKey(_, _, let line), .requiredNotBoolean(_, let line),
                .choicesNotAList(_, let line), .defaultNotAChoice(_, _, let line), .requiredWithDefault(_, let line):
                return line
            }
        }
    }

    /// Reads the declarations of `variables:` (the entry itself, for its line), in the order
    /// written, and every problem found; a declaration with an invalid name is left out.
    package static func read(_ entry: Mapping.Entry?) -> (variables: [TemplateVariable], problems: [Problem]) {
        guard let entry, !entry.value.isBlank else { return ([], []) }
        var variables: [TemplateVariable] = []
        var problems: [Problem] = []
        func add(name: String?, at line: Int, column: Int, spec: Mapping) {
            guard let name, PlaceholderSyntax.isName(name) else {
                problems.append(.invalidName(name, line: line))
                return
            }
            if variables.contains(where: { $0.name == name }) { problems.append(.declaredTwice(name, line: line)) }
            for key in spec.entries where !keys.contains(key.key) {
                problems.append(.unknownKey(variable: name, key: key.key, line: key.line))
            }
            if let required = spec.entry("required"), required.value.bool == nil {
                problems.append(.requiredNotBoolean(variable: name, line: required.line))
            }
            let choices = spec["choices"]?.array?.compactMap(\.string) ?? []
            if let entry = spec.entry("choices"), entry.value.array == nil {
                problems.append(.choicesNotAList(variable: name, line: entry.line))
            }
            let defaultValue = spec["default"]?.string
            if let entry = spec.entry("default"), let value = defaultValue, !choices.isEmpty, !choices.contains(value) {
                problems.append(.defaultNotAChoice(variable: name, value: value, line: entry.line))
            }
            let required = spec["required"]?.bool ?? false
            if required, let entry = spec.entry("default") {
                problems.append(.requiredWithDefault(variable: name, line: entry.line))
            }
            variables.append(
                TemplateVariable(
                    name: name, description: spec["description"]?.string ?? "", required: required,
                    defaultValue: defaultValue, choices: choices, pattern: spec["pattern"]?.string,
                    example: spec["example"]?.string, line: line,
                    column: column))
        }
        switch entry.value {
        case .array(let items):
            for item in items {
                guard let spec = item.mapping else {
                    problems.append(.notAMapping(line: entry.line))
                    continue
                }
                let nameEntry = spec.entry("name")
                let line = nameEntry?.line ?? spec.entries.first?.line ?? entry.line
                add(name: nameEntry?.value.string, at: line, column: nameEntry?.column ?? 1, spec: spec)
            }
        case .mapping(let byName):
            for declaration in byName.entries {
                var spec: Mapping
                switch declaration.value {
                case .mapping(let given): spec = given
                case .null: spec = Mapping()
                default:
                    spec = Mapping([
                        Mapping.Entry(
                            key: "default", value: declaration.value, line: declaration.line,
                            column: declaration.column)
                    ])
                }
                if let named = spec.entry("name"), named.value.string != declaration.key {
                    problems.append(.unknownKey(variable: declaration.key, key: "name", line: named.line))
                }
                spec.entries.removeAll { $0.key == "name" }
                add(name: declaration.key, at: declaration.line, column: declaration.column, spec: spec)
            }
        default:
            problems.append(.notAListOrMapping(line: entry.line))
        }
        return (variables, problems)
    }
}
