/// A decoded YAML value, kept in document order with the line each key was written on, so
/// later stages can point at the exact line of a front matter field.
public indirect enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([Value])
    case mapping(Mapping)

    package var string: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    package var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    package var int: Int? {
        if case .int(let i) = self { return i }
        return nil
    }

    package var array: [Value]? {
        if case .array(let a) = self { return a }
        return nil
    }

    package var mapping: Mapping? {
        if case .mapping(let m) = self { return m }
        return nil
    }

    package subscript(key: String) -> Value? { mapping?[key] }

    /// The YAML type name used in messages ("string", "list", "mapping", …).
    package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "list"
        case .mapping: return "mapping"
        }
    }

    /// True for null, an empty or blank string, an empty list or mapping.
    package var isBlank: Bool {
        switch self {
        case .null: return true
        case .string(let s): return s.allSatisfy(\.isWhitespace)
        case .array(let a): return a.isEmpty
        case .mapping(let m): return m.entries.isEmpty
        default: return false
        }
    }
}

/// An ordered YAML mapping whose entries remember where they were written.
public struct Mapping: Hashable, Sendable {
    package struct Entry: Hashable, Sendable {
        package var key: String
        package var value: Value
        /// 1-based line of the key in the file that holds the mapping.
        package var line: Int
        package var column: Int

        package init(key: String, value: Value, line: Int, column: Int = 1) {
            self.key = key
            self.value = value
            self.line = line
            self.column = column
        }
    }

    package var entries: [Entry]

    package init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    package subscript(key: String) -> Value? {
        entries.first { $0.key == key }?.value
    }

    package func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    package var keys: [String] { entries.map(\.key) }

    /// The same mapping with every key's line, nested ones too, moved by `offset`: YAML read
    /// from the middle of a file gets the file's lines.
    package func shiftingLines(by offset: Int) -> Mapping {
        Mapping(
            entries.map { entry in
                Entry(
                    key: entry.key, value: entry.value.shiftingLines(by: offset), line: entry.line + offset,
                    column: entry.column)
            })
    }
}

extension Value {
    /// The value with the lines of every mapping inside it moved by `offset`.
    package func shiftingLines(by offset: Int) -> Value {
        switch self {
        case .mapping(let mapping): return .mapping(mapping.shiftingLines(by: offset))
        case .array(let items): return .array(items.map { $0.shiftingLines(by: offset) })
        default: return self
        }
    }
}
