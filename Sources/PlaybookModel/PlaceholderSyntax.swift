/// The one grammar of `{{placeholders}}` in replication templates, shared by the checker (which
/// reports undeclared names and unknown filters) and the cloner (which fills them in), so the
/// two can never disagree about what is a placeholder.
///
/// A placeholder sits on one line: `{{`, a name, any number of `| filter`, then `}}`; spaces and
/// tabs around the parts are ignored. The name is a variable name (ASCII letters, digits, `_`,
/// not starting with a digit), so `{{城市}}` or `{{city-name}}` are plain text. With nested
/// openings the innermost `{{` counts. Every segment after a `|` is a filter, known or not.
public enum PlaceholderSyntax {
    /// The filters a placeholder may apply, in the order they are documented.
    package static let filters = ["slug", "lower", "upper", "trim"]

    /// A placeholder in one line: scalar offsets, `end` one past the `}}`.
    public struct Match: Equatable, Sendable {
        public var start: Int
        public var end: Int
        public var name: String
        package var filters: [String]
    }

    /// The placeholders in one line, left to right.
    public static func scan(_ s: [Unicode.Scalar]) -> [Match] {
        var found: [Match] = []
        var i = 0
        while i + 1 < s.count {
            guard s[i] == "{", s[i + 1] == "{" else {
                i += 1
                continue
            }
            var close = i + 2
            while close + 1 < s.count, !(s[close] == "}" && s[close + 1] == "}") { close += 1 }
            guard close + 1 < s.count else { break }
            var open = i
            var k = close - 2
            while k > i {
                if s[k] == "{", s[k + 1] == "{" {
                    open = k
                    break
                }
                k -= 1
            }
            let parts = split(s[(open + 2)..<close])
            if let name = parts.first, isName(name) {
                found.append(Match(start: open, end: close + 2, name: name, filters: Array(parts.dropFirst())))
            }
            i = close + 2
        }
        return found
    }

    /// A variable name: an ASCII letter or `_`, then ASCII letters, digits and `_`.
    public static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.isASCII,
            first.properties.isAlphabetic || first == "_"
        else { return false }
        return s.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
    }

    /// The text of some scalars.
    package static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The `|`-separated parts between the braces, each without surrounding spaces and tabs.
    private static func split(_ inner: ArraySlice<Unicode.Scalar>) -> [String] {
        var parts: [String] = []
        var current = inner.startIndex
        for index in inner.indices where inner[index] == "|" {
            parts.append(trimmed(inner[current..<index]))
            current = index + 1
        }
        parts.append(trimmed(inner[current..<inner.endIndex]))
        return parts
    }

    private static func trimmed(_ part: ArraySlice<Unicode.Scalar>) -> String {
        var part = part
        while let first = part.first, first == " " || first == "\t" { part = part.dropFirst() }
        while let last = part.last, last == " " || last == "\t" { part = part.dropLast() }
        return string(part)
    }
}

/// A `{{name}}` or `{{ name | filter | filter }}` placeholder found in a template's text, as
/// the checker reports it and the cloner fills it (`PlaceholderSyntax` is the grammar).
package struct Placeholder: Hashable, Sendable {
    package var name: String
    package var filters: [String]
    /// 1-based line.
    package var line: Int
    /// 1-based column of the opening `{{`, in Unicode scalars.
    package var column: Int
    /// The placeholder as written, braces included.
    package var text: String

    package init(name: String, filters: [String], line: Int, column: Int, text: String) {
        self.name = name
        self.filters = filters
        self.line = line
        self.column = column
        self.text = text
    }

    /// Filters that are not one of `PlaceholderSyntax.filters`, in the order written.
    package var unknownFilters: [String] { filters.filter { !PlaceholderSyntax.filters.contains($0) } }

    /// Every placeholder in `text`, with 1-based lines and scalar columns.
    package static func all(in text: String) -> [Placeholder] {
        var found: [Placeholder] = []
        var line = 1
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let scalars = Array(raw.unicodeScalars)
            for match in PlaceholderSyntax.scan(scalars) {
                found.append(
                    Placeholder(
                        name: match.name, filters: match.filters, line: line, column: match.start + 1,
                        text: PlaceholderSyntax.string(scalars[match.start..<match.end])))
            }
            line += 1
        }
        return found
    }
}
