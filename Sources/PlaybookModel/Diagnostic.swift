/// A 1-based line and column in a source file, counting from the first byte of the file
/// (front matter included). Columns count Unicode scalars, as editors do.
public struct SourcePosition: Hashable, Sendable, Comparable {
    // Stored as 32-bit numbers: every Markdown node holds two positions, and on a large
    // handbook the halved size is tens of megabytes.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    package var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    package init(line: Int, column: Int) {
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    package static let start = SourcePosition(line: 1, column: 1)

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.storedLine, a.storedColumn) < (b.storedLine, b.storedColumn)
    }
}

/// A span in a source file; `end` is inclusive, as cmark reports it.
package struct SourceRange: Hashable, Sendable {
    package var start: SourcePosition
    package var end: SourcePosition

    package init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    package init(line: Int, column: Int = 1) {
        self.start = SourcePosition(line: line, column: column)
        self.end = self.start
    }
}

package enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
    case error
    case warning

    package static func < (a: Severity, b: Severity) -> Bool {
        a == .error && b == .warning
    }
}

/// One located problem in the handbook. Tests compare diagnostics by equality, never by substring.
public struct Diagnostic: Hashable, Sendable {
    /// Path relative to the site root, with `/` separators (`content/groups/hangzhou/index.md`).
    package var file: String
    public var position: SourcePosition
    package var severity: Severity
    /// Stable rule identifier, such as `group.missing-section` or `frontmatter.yaml`.
    package var rule: String
    package var message: String
    /// What to write and why it matters.
    package var hint: String?

    package init(
        file: String, position: SourcePosition = .start, severity: Severity = .error, rule: String,
        message: String, hint: String? = nil
    ) {
        self.file = file
        self.position = position
        self.severity = severity
        self.rule = rule
        self.message = message
        self.hint = hint
    }

    package init(
        file: String, line: Int, column: Int = 1, severity: Severity = .error, rule: String, message: String,
        hint: String? = nil
    ) {
        self.init(
            file: file, position: SourcePosition(line: line, column: column), severity: severity, rule: rule,
            message: message, hint: hint)
    }
}

extension Diagnostic: Comparable {
    /// Deterministic report order: path, line, column, then rule and message.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.position != b.position { return a.position < b.position }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    package var hasErrors: Bool { contains { $0.severity == .error } }
    package var errorCount: Int { filter { $0.severity == .error }.count }
    package var warningCount: Int { filter { $0.severity == .warning }.count }
}

/// A failure that stops a stage before any diagnostics can be produced (an unreadable folder,
/// a template that does not parse). Carries the stage and the path, as a compiler would.
package struct PlaybookError: Error, Hashable, Sendable, CustomStringConvertible {
    package var stage: String
    package var path: String?
    package var line: Int?
    /// With `line`, where on it (1-based, in characters), when the problem is at one place.
    package var column: Int?
    package var message: String

    package init(stage: String, path: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.stage = stage
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    package var description: String {
        var location = ""
        if let path {
            location = path
            if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
            location += ": "
        }
        return "\(location)\(stage): \(message)"
    }
}
