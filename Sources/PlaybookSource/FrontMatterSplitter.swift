import PlaybookModel

/// Splits a content file into YAML front matter and Markdown body, decoding the YAML.
///
/// Front matter is a block that starts with `---` on the very first line and ends with a line
/// of `---` (or `...`). YAML errors are reported at their line in the file, fences counted.
public struct FrontMatterSplitter: Sendable {
    public init() {}

    public func split(path: String, bytes: [UInt8]) -> SourceFile {
        var diagnostics: [Diagnostic] = []
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text: String
        if let nul = bytes.firstIndex(of: 0) {
            // Text never holds NUL bytes; a picture or archive saved as `.md` does. Its bytes are
            // not Markdown, so none of them are parsed (or printed back in excerpts).
            let line = 1 + bytes[..<nul].reduce(0) { $1 == 10 ? $0 + 1 : $0 }
            diagnostics.append(
                Diagnostic(
                    file: path, line: line, rule: "source.encoding",
                    message: "the file holds NUL bytes: it is a binary file, not Markdown text",
                    hint:
                        "give the file its real extension (`.png`, `.pdf`, …) so it is copied as an asset, or save it as UTF-8 text"
                ))
            return SourceFile(path: path, text: "", bodyOffset: 0, diagnostics: diagnostics)
        }
        if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            let line = Self.firstInvalidLine(bytes)
            diagnostics.append(
                Diagnostic(
                    file: path, line: line, rule: "source.encoding",
                    message: "the file is not valid UTF-8",
                    hint: "save the file as UTF-8; invalid bytes were shown as � and would be published that way"))
        }
        return split(path: path, text: text, diagnostics: diagnostics)
    }

    public func split(path: String, text: String, diagnostics: [Diagnostic] = []) -> SourceFile {
        var diagnostics = diagnostics
        // Swift treats "\r\n" as one Character; normalising line ends keeps every line scan simple.
        let text = text.utf8.contains(13) ? Self.normalizingLineEnds(text) : text
        // Scanned as UTF-8 bytes: walking Characters would pay for grapheme breaking on every line.
        let utf8 = text.utf8
        guard let openingEnd = Self.fenceEnd(utf8, from: utf8.startIndex) else {
            return SourceFile(path: path, text: text, bodyOffset: 0, diagnostics: diagnostics)
        }
        var index = openingEnd
        var line = 2
        while index < utf8.endIndex {
            let lineEnd = utf8[index...].firstIndex(of: 10) ?? utf8.endIndex
            let content = utf8[index..<lineEnd]
            if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                let yaml = String(text[openingEnd..<index])
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
                let frontMatter = decode(yaml, path: path, diagnostics: &diagnostics)
                return SourceFile(
                    path: path, text: text, frontMatter: frontMatter,
                    bodyOffset: utf8.distance(from: utf8.startIndex, to: bodyStart), bodyLineOffset: line,
                    diagnostics: diagnostics)
            }
            index = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            line += 1
        }
        diagnostics.append(
            Diagnostic(
                file: path, line: 1, rule: "frontmatter.unclosed",
                message: "front matter opened with `---` on line 1 is never closed",
                hint: "add a line with only `---` after the last front matter field"))
        return SourceFile(
            path: path, text: text, bodyOffset: text.utf8.count, bodyLineOffset: line - 1, diagnostics: diagnostics)
    }

    private func decode(_ yaml: String, path: String, diagnostics: inout [Diagnostic]) -> Mapping {
        switch YAMLReader.parse(yaml) {
        case .success(.mapping(let mapping)):
            // The YAML starts on the file's second line, after the opening fence.
            return mapping.shiftingLines(by: 1)
        case .success(.null):
            return Mapping()
        case .success(let other):
            diagnostics.append(
                Diagnostic(
                    file: path, line: 2, rule: "frontmatter.yaml",
                    message: "front matter must be a set of `key: value` fields, found a \(other.typeName)",
                    hint: "write one field per line, such as `title: 杭州读书会`"))
            return Mapping()
        case .failure(let failure):
            diagnostics.append(
                Diagnostic(
                    file: path, line: failure.line + 1, column: failure.column, rule: "frontmatter.yaml",
                    message: "front matter is not valid YAML: \(failure.message)",
                    hint: failure.hint
                        ?? "quote values that contain `:`, `#`, `{` or start with `*`, `&`, `!`, for example `owner: \"{{owner}}\"`"
                ))
            return Mapping()
        }
    }

    /// The index after an opening `---` line (trailing blanks allowed), or nil if the text
    /// does not start with one.
    private static func fenceEnd(_ utf8: String.UTF8View, from start: String.Index) -> String.Index? {
        guard utf8[start...].starts(with: "---".utf8) else { return nil }
        var index = utf8.index(start, offsetBy: 3)
        while index < utf8.endIndex, utf8[index] == 32 || utf8[index] == 9 { index = utf8.index(after: index) }
        if index == utf8.endIndex { return index }
        return utf8[index] == 10 ? utf8.index(after: index) : nil
    }

    static func normalizingLineEnds(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        // CommonMark ends a line at LF, CR LF or a CR alone: each becomes one LF, so a CR before
        // a CR LF (`line1\r\r\nline2`) still leaves the blank line between two paragraphs.
        for (i, byte) in bytes.enumerated() {
            if byte == 13 {
                if i + 1 < bytes.count, bytes[i + 1] == 10 { continue }
                out.append(10)
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil { return line }
            line += 1
            lineStart = index + 1
        }
        return line
    }
}
