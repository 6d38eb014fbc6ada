/// Where a tag starts in its template file: 1-based line and column, columns counting
/// characters, so an editor can jump to it.
package struct TemplatePosition: Hashable, Sendable {
    package var line: Int
    package var column: Int
}

/// A template problem found while reading or binding a theme file, at the tag that causes it.
package struct TemplateError: Error, Hashable {
    package var position: TemplatePosition
    package var message: String
    /// The theme file, `templates/page.mustache`; set by whoever knows it.
    package var file = ""
}

/// A name as written in a tag: `title`, `page.title` (dotted: members of members), `.` (the
/// value the enclosing section is about) or `.title` (only the innermost value, no lookup
/// outwards).
package struct TemplateName: Hashable, Sendable {
    package var text: String
    package var segments: [String]
    package var innermostOnly: Bool
    package var position: TemplatePosition

    package init(_ text: String, at position: TemplatePosition) {
        self.text = text
        self.segments = text.split(separator: ".").map(String.init)
        self.innermostOnly = text.first == "." && text != "."
        self.position = position
    }

    package var isCurrentValue: Bool { text == "." }
}

/// One piece of a parsed template. Whitespace rules (standalone tags take their line with
/// them) are applied by the parser, so the nodes hold the exact text to emit.
package indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
    case value(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(TemplateName, inverted: Bool, body: [TemplateNode])
    /// `{{>name}}`; a partial alone on its line indents every line it emits by `indentation`.
    case partial(String, indentation: String?, at: TemplatePosition)
    /// `{{<name}}{{$block}}…{{/block}}{{/name}}`: the template `name` with some blocks replaced.
    case parent(String, indentation: String, blocks: [String: [TemplateNode]], at: TemplatePosition)
    /// `{{$name}}default{{/name}}` outside a parent: a block a child template may replace.
    case block(String, indentation: String, body: [TemplateNode])
    /// A block definition, only inside `{{<parent}}`; collected into `.parent`'s blocks.
    case definition(String, body: [TemplateNode])
}

/// Reads the Mustache subset the theme is written in: variables (escaped and raw), sections,
/// inverted sections, comments, partials, parents with blocks, dotted names. Set-delimiter
/// tags, pragmas, lambdas, dynamic partials and `name(arg)` transforms are refused with the
/// place they are written.
///
/// A tag alone on its line (a section or block tag, its close, a comment, a partial) removes
/// the line's indentation and line break. After a section, the line is judged by its opening
/// tag, and inside a parent's block the first line's indentation is the block's own and is
/// removed from every line; the output of the previous engine depends on both.
package struct TemplateParser {
    private let chars: [Character]
    private var index = 0
    /// Index of the first character of each line, for positions.
    private let lineStarts: [Int]

    package init(_ text: String) {
        chars = Array(text)
        var starts = [0]
        for (i, c) in chars.enumerated() where c == "\n" || c == "\r\n" { starts.append(i + 1) }
        lineStarts = starts
    }

    package static func parse(_ text: String) throws(TemplateError) -> [TemplateNode] {
        var parser = TemplateParser(text)
        return try parser.parseNodes(State())
    }

    private struct State {
        /// The section this list of nodes closes, with where it was opened.
        var closing: (name: String, tag: String, at: TemplatePosition)?
        var atLineStart = true
        var insideParent = false
        var parentTopLevel = false
        /// Inside a parent's block: the indentation of the block's first line, in characters.
        var blockIndent: Int?
    }

    private func position(of i: Int) -> TemplatePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= i { low = mid } else { high = mid - 1 }
        }
        return TemplatePosition(line: low + 1, column: i - lineStarts[low] + 1)
    }

    private var atEnd: Bool { index >= chars.count }
    private var current: Character? { index < chars.count ? chars[index] : nil }

    private mutating func parseNodes(_ initial: State) throws(TemplateError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var before = ""
        while !atEnd {
            if state.atLineStart {
                let spaces = readSpacesAndTabs()
                if state.insideParent && !state.parentTopLevel {
                    if let indent = state.blockIndent {
                        before = String(spaces.dropFirst(indent))
                    } else {
                        state.blockIndent = spaces.count
                    }
                } else {
                    before = spaces
                }
            }
            let text = readText()
            if let c = current, c.isNewline {
                nodes.append(.text(before + text + String(c)))
                state.atLineStart = true
                index += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(before + text))
                before = ""
                state.atLineStart = false
            }
            guard let sigil = current else { break }
            let tagStart = position(of: index - 2)
            var standalone = false
            switch sigil {
            case "#", "^":
                index += 1
                let name = try readName(tagStart)
                standalone = state.atLineStart && finishLine()
                if !standalone && !before.isEmpty {
                    nodes.append(.text(before))
                    before = ""
                }
                let body = try parseNodes(
                    section(of: state, name: name.text, tag: "\(sigil)", at: tagStart, standalone: standalone))
                nodes.append(.section(name, inverted: sigil == "^", body: body))
            case "/":
                index += 1
                let name = try readName(tagStart)
                guard let closing = state.closing, closing.name == name.text else {
                    if let closing = state.closing {
                        throw TemplateError(
                            position: tagStart,
                            message:
                                "`{{/\(name.text)}}` closes a section that is not open: the open one is `{{\(closing.tag)\(closing.name)}}` from line \(closing.at.line); close it with `{{/\(closing.name)}}` first"
                        )
                    }
                    throw TemplateError(
                        position: tagStart,
                        message: "`{{/\(name.text)}}` closes a section that is not open; remove it or open it first")
                }
                standalone = state.atLineStart && finishLine()
                if !standalone && !before.isEmpty { nodes.append(.text(before)) }
                return nodes
            case "!":
                index += 1
                guard let end = find("}}") else {
                    throw TemplateError(
                        position: tagStart, message: "a comment `{{!` is never closed; end it with `}}`")
                }
                index = end + 2
                standalone = state.atLineStart && finishLine()
            case "{", "&":
                if !before.isEmpty {
                    nodes.append(.text(before))
                    before = ""
                }
                index += 1
                let name = try readName(tagStart)
                if sigil == "{" {
                    guard current == "}" else {
                        throw TemplateError(
                            position: tagStart, message: "`{{{\(name.text)}}` is not closed; end it with `}}}`")
                    }
                    index += 1
                }
                nodes.append(.value(name, escaped: false))
            case ">":
                index += 1
                let name = try readTemplateName(tagStart, sigil: ">")
                if !before.isEmpty { nodes.append(.text(before)) }
                standalone = state.atLineStart && finishLine()
                nodes.append(.partial(name, indentation: standalone ? before : nil, at: tagStart))
                before = ""
            case "<":
                index += 1
                let name = try readTemplateName(tagStart, sigil: "<")
                if !before.isEmpty { nodes.append(.text(before)) }
                standalone = state.atLineStart && finishLine()
                var inner = state
                inner.closing = (name, "<", tagStart)
                inner.atLineStart = true
                inner.insideParent = true
                inner.parentTopLevel = true
                var blocks: [String: [TemplateNode]] = [:]
                for node in try parseNodes(inner) {
                    switch node {
                    case .definition(let block, let body): blocks[block] = body
                    case .text: break
                    default:
                        throw TemplateError(
                            position: tagStart,
                            message:
                                "only blocks (`{{$name}}…{{/name}}`) may go inside `{{<\(name)}}`; move other tags into a block"
                        )
                    }
                }
                nodes.append(.parent(name, indentation: before, blocks: blocks, at: tagStart))
                before = ""
            case "$":
                index += 1
                let name = try readName(tagStart)
                if state.parentTopLevel {
                    standalone = state.atLineStart && finishLine()
                    let body = try parseNodes(
                        section(of: state, name: name.text, tag: "$", at: tagStart, standalone: standalone))
                    nodes.append(.definition(name.text, body: body))
                } else {
                    if !before.isEmpty { nodes.append(.text(before)) }
                    standalone = state.atLineStart && finishLine()
                    let body = try parseNodes(
                        section(of: state, name: name.text, tag: "$", at: tagStart, standalone: standalone))
                    nodes.append(.block(name.text, indentation: before, body: body))
                    before = ""
                }
            case "=", "%":
                throw TemplateError(
                    position: tagStart,
                    message:
                        "`{{\(sigil)` tags (\(sigil == "=" ? "changing the delimiters" : "pragmas")) are not supported by Playbook's templates; write the tag with `{{` and `}}`"
                )
            default:
                if !before.isEmpty {
                    nodes.append(.text(before))
                    before = ""
                }
                nodes.append(.value(try readName(tagStart), escaped: true))
            }
            state.atLineStart = standalone
        }
        if let closing = state.closing {
            throw TemplateError(
                position: closing.at,
                message:
                    "`{{\(closing.tag)\(closing.name)}}` is never closed; add `{{/\(closing.name)}}` where its content ends"
            )
        }
        return nodes
    }

    private func section(of state: State, name: String, tag: String, at: TemplatePosition, standalone: Bool) -> State {
        var inner = state
        inner.closing = (name, tag, at)
        inner.parentTopLevel = false
        if !standalone { inner.atLineStart = false }
        return inner
    }

    private mutating func readSpacesAndTabs() -> String {
        let start = index
        while let c = current, c == " " || c == "\t" { index += 1 }
        return String(chars[start..<index])
    }

    /// Text up to a line break (left unread) or `{{` (read), or to the end.
    private mutating func readText() -> String {
        var text = ""
        while let c = current {
            if c == "\n" || c == "\r\n" { break }
            if c == "{", index + 1 < chars.count, chars[index + 1] == "{" {
                index += 2
                break
            }
            text.append(c)
            index += 1
        }
        return text
    }

    /// True, with the rest of the line read, when only spaces and tabs follow on this line.
    private mutating func finishLine() -> Bool {
        guard !atEnd else { return true }
        var i = index
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        guard i < chars.count, chars[i].isNewline else { return false }
        index = i + 1
        return true
    }

    private func find(_ marker: String) -> Int? {
        let pattern = Array(marker)
        var i = index
        while i + pattern.count <= chars.count {
            if chars[i] == pattern[0] && Array(chars[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }

    private mutating func skipWhitespace() {
        while let c = current, c.isWhitespace { index += 1 }
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    /// A name up to `}}`: letters, digits, `.`, `-`, `_`, `?`, `*`.
    private mutating func readName(_ tag: TemplatePosition) throws(TemplateError) -> TemplateName {
        skipWhitespace()
        let start = index
        while let c = current, Self.nameCharacters.contains(c) || c == "(" || c == ")" { index += 1 }
        let text = String(chars[start..<index])
        skipWhitespace()
        guard current == "}", index + 1 < chars.count, chars[index + 1] == "}" else {
            throw TemplateError(
                position: tag,
                message:
                    "a tag is not closed with `}}`, or its name has a character names cannot hold; names are letters, digits, `.`, `-` and `_`"
            )
        }
        index += 2
        if text.contains("(") || text.contains(")") {
            throw TemplateError(
                position: tag,
                message: "`{{\(text)}}`: transforms such as `name(value)` are not supported; name a value")
        }
        guard !text.isEmpty else {
            throw TemplateError(position: tag, message: "an empty tag `{{}}`; write the name of a value inside it")
        }
        return TemplateName(text, at: tag)
    }

    /// The name of another template, as in `{{>catalog-entry}}` or `{{<layout}}`.
    private mutating func readTemplateName(_ tag: TemplatePosition, sigil: Character) throws(TemplateError) -> String {
        skipWhitespace()
        if current == "*" {
            throw TemplateError(
                position: tag, message: "dynamic partials `{{\(sigil)*name}}` are not supported; name the template")
        }
        let start = index
        while let c = current, Self.nameCharacters.contains(c) || c == "/" { index += 1 }
        let text = String(chars[start..<index])
        skipWhitespace()
        guard current == "}", index + 1 < chars.count, chars[index + 1] == "}" else {
            throw TemplateError(
                position: tag,
                message:
                    "`{{\(sigil)` is not closed with `}}`, or the template's name has a character names cannot hold")
        }
        index += 2
        guard !text.isEmpty else {
            throw TemplateError(
                position: tag, message: "`{{\(sigil)}}` names no template; write its name, such as `layout`")
        }
        return text
    }
}
