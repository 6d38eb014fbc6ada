/// A Markdown link's destination as the checker and the renderer read it. External ones (a
/// scheme such as `https:` or `mailto:`, or `//host`) are left alone; an internal one names a
/// path, percent-decoded and without its query, and maybe a fragment, percent-decoded too.
package struct LinkDestination: Hashable, Sendable {
    /// Empty for a link to an anchor of the same page (`#结构`).
    package var path: String
    package var fragment: String?

    /// Nil for an empty or external destination.
    package init?(_ destination: String) {
        guard !destination.isEmpty, !Self.isExternal(destination) else { return nil }
        var rest = Substring(destination)
        if let hash = rest.firstIndex(of: "#") {
            fragment = Slug.decodePercent(String(rest[rest.index(after: hash)...]))
            rest = rest[..<hash]
        } else {
            fragment = nil
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        path = Slug.decodePercent(String(rest))
    }

    /// A link to another page of the handbook: its path names a Markdown file.
    package var isPage: Bool { path.hasSuffix(".md") }

    /// True for `//host/…` and for a destination that starts with a URL scheme: ASCII letters,
    /// digits, `+`, `-` or `.` before the first `:`, and no `/` before it.
    package static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty
            && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
