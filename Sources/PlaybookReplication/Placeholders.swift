import Foundation
import PlaybookModel

/// `{{name}}` and `{{ name | filter | filter }}` placeholders in a template's documents.
///
/// Finding them is `Placeholder.all(in:)` (PlaybookModel), the same for the checker; the
/// grammar (`PlaceholderSyntax`):
///
/// - a placeholder sits on one line: `{{`, a name, any number of `| filter`, then `}}`;
///   spaces and tabs around the name and the filters are ignored;
/// - the name is a variable name: an ASCII letter or `_`, then ASCII letters, digits and `_`
///   (the names `variables:` may declare); anything else between `{{` and `}}` is plain text;
/// - of nested openings, the innermost counts: `{{{city}}` is `{` and then `{{city}}`;
/// - every segment after a `|` is a filter, known or not: `{{city | title}}` is a placeholder
///   with the unknown filter `title`, which the checker reports and cloning refuses.
///
/// Filters: `slug` (lower case, spaces and punctuation to `-`, for paths and ids), `lower`,
/// `upper`, `trim`.
package enum Placeholders {
    package static let filters = PlaceholderSyntax.filters

    /// Replaces every placeholder whose variable has an answer and whose filters are all
    /// known. Returns the text and the names that had no answer (left in place so nothing is
    /// silently dropped). A placeholder with an unknown filter is left in place too; cloning
    /// refuses such a template before it renders (`ReplicationTemplate.placeholderProblems`).
    package static func render(_ text: String, answers: [String: String]) -> (text: String, unknown: [String]) {
        var out = String.UnicodeScalarView()
        var unknown: [String] = []
        var first = true
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { out.append("\n") }
            first = false
            let scalars = Array(raw.unicodeScalars)
            var cursor = 0
            for match in PlaceholderSyntax.scan(scalars) {
                out.append(contentsOf: scalars[cursor..<match.start])
                if let value = answers[match.name], match.filters.allSatisfy({ filters.contains($0) }) {
                    out.append(contentsOf: apply(match.filters, to: value).unicodeScalars)
                } else {
                    if answers[match.name] == nil { unknown.append(match.name) }
                    out.append(contentsOf: scalars[match.start..<match.end])
                }
                cursor = match.end
            }
            out.append(contentsOf: scalars[cursor...])
        }
        return (String(out), unknown)
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
    package static func slug(_ value: String) -> String {
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
