import Foundation
import PlaybookModel

/// `{{name}}` and `{{ name | filter | filter }}` placeholders in a template's documents.
///
/// Filters: `slug` (lower case, spaces and punctuation to `-`, for paths and ids), `lower`,
/// `upper`, `trim`. Text that is not a valid placeholder is left as it is.
public enum Placeholders {
    public static let filters = ["slug", "lower", "upper", "trim"]

    public struct Use: Hashable, Sendable {
        public var name: String
        public var filters: [String]
        public var line: Int
    }

    /// Every placeholder in `text`, with its 1-based line.
    public static func uses(in text: String) -> [Use] {
        var result: [Use] = []
        var line = 1
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].filter { $0 == "\n" }.count
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let inner = rest[open.upperBound..<close.lowerBound]
            if !inner.contains("\n"), let use = parse(inner, line: line) { result.append(use) }
            line += inner.filter { $0 == "\n" }.count
            rest = rest[close.upperBound...]
        }
        return result
    }

    /// Replaces every placeholder whose variable has an answer. Returns the text and the names
    /// that had no answer (left in place so nothing is silently dropped).
    public static func render(_ text: String, answers: [String: String]) -> (text: String, unknown: [String]) {
        var out = ""
        var unknown: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let inner = rest[open.upperBound..<close.lowerBound]
            if let use = parse(inner, line: 0), let value = answers[use.name] {
                out += apply(use.filters, to: value)
            } else {
                if let use = parse(inner, line: 0) { unknown.append(use.name) }
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        out += rest
        return (out, unknown)
    }

    static func parse(_ inner: Substring, line: Int) -> Use? {
        let parts = inner.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let name = parts.first, !name.isEmpty,
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
            parts.dropFirst().allSatisfy({ filters.contains($0) })
        else { return nil }
        return Use(name: name, filters: Array(parts.dropFirst()), line: line)
    }

    static func apply(_ filters: [String], to value: String) -> String {
        var value = value
        for filter in filters {
            switch filter {
            case "slug": value = slug(value)
            case "lower": value = value.lowercased()
            case "upper": value = value.uppercased()
            case "trim": value = value.trimmingCharacters(in: .whitespacesAndNewlines)
            default: break
            }
        }
        return value
    }

    /// Lower case; letters and digits of every script kept; anything else becomes one `-`.
    public static func slug(_ value: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in value.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return out
    }
}
