import PlaybookCheck
import PlaybookModel

/// Exports each kind's front matter as a JSON Schema (draft-07, which editors' YAML support
/// reads), so fields are completed and underlined while people type.
package enum FrontMatterSchema {
    /// `<kind>.schema.json` → schema text, one per kind.
    package static func files(for rules: RuleSet, language l: Language) -> [String: String] {
        var out: [String: String] = [:]
        for schema in rules.kinds.values {
            out["\(schema.name).schema.json"] = document(for: schema, kinds: rules.kinds.keys.sorted(), language: l)
                .rendered(indented: true)
        }
        return out
    }

    static func document(for schema: KindSchema, kinds: [String], language l: Language) -> JSON {
        var properties: [(String, JSON)] = [
            (
                "title",
                .object([("type", .string("string")), ("description", .string(l.pick("页面标题", "頁面標題", "page title")))])
            ),
            (
                "kind",
                .object([
                    ("type", .string("string")), ("enum", .array(kinds.map(JSON.string))),
                    ("description", .string(l.pick("文档类型", "文件類型", "the kind of playbook"))),
                ])
            ),
            ("description", .object([("type", .string("string"))])),
        ]
        for field in schema.allFields {
            var property = type(of: field.type)
            if let description = field.description { property.append(("description", .string(description(l)))) }
            if !field.choices.isEmpty { property.append(("enum", .array(field.choices.map(JSON.string)))) }
            properties.removeAll { $0.0 == field.name }
            properties.append((field.name, .object(property)))
        }
        var document: [(String, JSON)] = [
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string("https://playbook.invalid/schemas/\(schema.name).schema.json")),
            ("title", .string("\(schema.label.noun(l)) (\(schema.name)) front matter")),
            ("type", .string("object")),
            ("properties", .object(properties)),
        ]
        let required = schema.fields.filter(\.required).map(\.name)
        if !required.isEmpty { document.append(("required", .array(required.map(JSON.string)))) }
        let conditions: [JSON] = schema.conditions.compactMap { condition in
            let fields = condition.require.filter { schema.section($0) == nil }
            guard !fields.isEmpty else { return nil }
            return .object([
                (
                    "if",
                    .object([
                        (
                            "properties",
                            .object(
                                condition.when.map {
                                    ($0.field, .object([("enum", .array($0.values.map(JSON.string)))]))
                                })
                        ),
                        ("required", .array(condition.when.map { .string($0.field) })),
                    ])
                ),
                ("then", .object([("required", .array(fields.map(JSON.string)))])),
            ])
        }
        if !conditions.isEmpty { document.append(("allOf", .array(conditions))) }
        return .object(document)
    }

    private static func type(of type: FieldSpec.ValueType) -> [(String, JSON)] {
        switch type {
        case .string: return [("type", .string("string"))]
        case .integer: return [("type", .string("integer"))]
        case .number: return [("type", .string("number"))]
        case .boolean: return [("type", .string("boolean"))]
        case .list: return [("type", .string("array"))]
        case .mapping: return [("type", .string("object"))]
        case .date: return [("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"))]
        case .version: return [("type", .array([.string("string"), .string("number")]))]
        case .any: return []
        }
    }
}
