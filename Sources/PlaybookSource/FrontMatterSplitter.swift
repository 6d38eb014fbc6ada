import PlaybookModel

/// Splits a content file into YAML front matter and Markdown body, decoding the YAML.
///
/// Front matter is a block that starts with `---` on the very first line and ends with a line
/// of `---` (or `...`). YAML errors are reported at their line in the file, fences counted.
public struct FrontMatterSplitter: Sendable {
    /// The language of the messages about the front matter's own mistakes.
    package var language: Language

    public init(language: Language = .zhHans) {
        self.language = language
    }

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
                    message: language.pick(
                        "文件里有 NUL 字节：它是二进制文件，不是 Markdown 文本", "檔案裡有 NUL 位元組：它是二進位檔案，不是 Markdown 文字",
                        "the file holds NUL bytes: it is a binary file, not Markdown text"),
                    hint: language.pick(
                        "给文件换上它真正的扩展名（`.png`、`.pdf`…），它就会作为附件原样复制；或者把它存成 UTF-8 文本",
                        "給檔案換上它真正的副檔名（`.png`、`.pdf`…），它就會作為附件原樣複製；或者把它存成 UTF-8 文字",
                        "give the file its real extension (`.png`, `.pdf`, …) so it is copied as an asset, or save it as UTF-8 text"
                    )
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
                    message: language.pick(
                        "文件不是有效的 UTF-8", "檔案不是有效的 UTF-8", "the file is not valid UTF-8"),
                    hint: language.pick(
                        "把文件存成 UTF-8；无效的字节显示成 �，发布出去也会是这样",
                        "把檔案存成 UTF-8；無效的位元組顯示成 �，發布出去也會是這樣",
                        "save the file as UTF-8; invalid bytes were shown as � and would be published that way")))
        }
        return split(path: path, text: text, diagnostics: diagnostics)
    }

    public func split(path: String, text: String, diagnostics: [Diagnostic] = []) -> SourceFile {
        var diagnostics = diagnostics
        // Swift treats "\r\n" as one Character; normalising line ends keeps every line scan simple.
        let text = text.utf8.contains(13) ? Self.normalizingLineEnds(text) : text
        // Scanned as UTF-8 bytes: walking Characters would pay for grapheme breaking on every line.
        let utf8 = text.utf8
        let l = language
        guard let openingEnd = Self.fenceEnd(utf8, from: utf8.startIndex) else {
            return splitWithoutOpeningFence(path: path, text: text, diagnostics: diagnostics)
        }
        var index = openingEnd
        var line = 2
        // Where the front matter most likely ends if it is never closed: the first line that
        // cannot be YAML (a Markdown heading, a paragraph after a blank line).
        var guessedEnd: (index: String.Index, line: Int)? = nil
        var previousBlank = false
        while index < utf8.endIndex {
            let lineEnd = utf8[index...].firstIndex(of: 10) ?? utf8.endIndex
            let content = utf8[index..<lineEnd]
            let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                return finish(
                    path: path, text: text, yaml: openingEnd..<index, yamlFirstLine: 2, bodyStart: bodyStart,
                    bodyLineOffset: line, diagnostics: diagnostics)
            }
            let lineText = Substring(text[index..<lineEnd])
            if Self.isWideFence(lineText) {
                diagnostics.append(fenceDiagnostic(path: path, line: line, fence: String(lineText), opening: false))
                return finish(
                    path: path, text: text, yaml: openingEnd..<index, yamlFirstLine: 2, bodyStart: bodyStart,
                    bodyLineOffset: line, diagnostics: diagnostics)
            }
            if guessedEnd == nil, !Self.couldBeYAML(lineText, afterBlank: previousBlank) {
                guessedEnd = (index, line)
            }
            previousBlank = lineText.allSatisfy { $0 == " " || $0 == "\t" }
            index = bodyStart
            line += 1
        }
        let end = guessedEnd ?? (utf8.endIndex, line)
        diagnostics.append(
            Diagnostic(
                file: path, line: end.line, rule: "frontmatter.unclosed",
                message: l.pick(
                    "第 1 行用 `---` 开始的 front matter 没有结束的 `---`",
                    "第 1 行用 `---` 開始的 front matter 沒有結束的 `---`",
                    "front matter opened with `---` on line 1 is never closed"),
                hint: l.pick(
                    "在最后一个字段之后（这一行之前）加一行只有 `---` 的结束线；没有它，整篇正文都会被当成 front matter。",
                    "在最後一個欄位之後（這一行之前）加一行只有 `---` 的結束線；沒有它，整篇正文都會被當成 front matter。",
                    "Add a line with only `---` after the last front matter field (before this line); without it the whole page is read as front matter."
                )))
        return finish(
            path: path, text: text, yaml: openingEnd..<end.index, yamlFirstLine: 2, bodyStart: end.index,
            bodyLineOffset: end.line - 1, diagnostics: diagnostics)
    }

    /// A file that does not start with `---`: plain Markdown, unless it starts with a fence
    /// typed full-width (`———`) or with `key: value` lines closed by `---`, a front matter whose
    /// opening fence is missing. Both are reported, and their fields are read all the same.
    private func splitWithoutOpeningFence(path: String, text: String, diagnostics: [Diagnostic]) -> SourceFile {
        var diagnostics = diagnostics
        let utf8 = text.utf8
        let firstEnd = utf8.firstIndex(of: 10) ?? utf8.endIndex
        let first = Substring(text[utf8.startIndex..<firstEnd])
        if Self.isWideFence(first) {
            diagnostics.append(fenceDiagnostic(path: path, line: 1, fence: String(first), opening: true))
            // The rest is split as if the fence were right, wide closing fence included.
            let rest = firstEnd < utf8.endIndex ? String(text[utf8.index(after: firstEnd)...]) : ""
            let repaired = split(path: path, text: "---\n" + rest, diagnostics: diagnostics)
            return SourceFile(
                path: path, text: text, frontMatter: repaired.frontMatter,
                bodyOffset: repaired.bodyOffset - 4 + first.utf8.count + 1, bodyLineOffset: repaired.bodyLineOffset,
                diagnostics: repaired.diagnostics)
        }
        guard let key = first.firstIndex(where: { $0 == ":" || $0 == "：" }),
            YAMLMistake.isKey(first[..<key].trimmingTrailingBlanks)
        else {
            return SourceFile(path: path, text: text, bodyOffset: 0, diagnostics: diagnostics)
        }
        var index = utf8.startIndex
        var line = 1
        while index < utf8.endIndex {
            let lineEnd = utf8[index...].firstIndex(of: 10) ?? utf8.endIndex
            let lineText = Substring(text[index..<lineEnd])
            let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            if lineText == "---" || Self.isWideFence(lineText) {
                diagnostics.append(
                    Diagnostic(
                        file: path, line: 1, rule: "frontmatter.unopened",
                        message: language.pick(
                            "front matter 缺少开头的 `---`：第 \(line) 行的 `---` 只结束了它",
                            "front matter 缺少開頭的 `---`：第 \(line) 行的 `---` 只結束了它",
                            "the front matter has no opening `---`: the `---` on line \(line) only closes it"),
                        hint: language.pick(
                            "在文件第一行之前加一行只有 `---` 的开始线；没有它，这些字段会作为正文发布出去。",
                            "在檔案第一行之前加一行只有 `---` 的開始線；沒有它，這些欄位會作為正文發布出去。",
                            "Add a line with only `---` before the first line of the file; without it these fields are published as text."
                        )))
                return finish(
                    path: path, text: text, yaml: utf8.startIndex..<index, yamlFirstLine: 1, bodyStart: bodyStart,
                    bodyLineOffset: line, diagnostics: diagnostics)
            }
            guard Self.couldBeYAML(lineText, afterBlank: false), !lineText.isEmpty else { break }
            index = bodyStart
            line += 1
        }
        return SourceFile(path: path, text: text, bodyOffset: 0, diagnostics: diagnostics)
    }

    private func finish(
        path: String, text: String, yaml: Range<String.Index>, yamlFirstLine: Int, bodyStart: String.Index,
        bodyLineOffset: Int, diagnostics: [Diagnostic]
    ) -> SourceFile {
        var diagnostics = diagnostics
        let frontMatter = decode(
            String(text[yaml]), path: path, firstLine: yamlFirstLine, diagnostics: &diagnostics)
        return SourceFile(
            path: path, text: text, frontMatter: frontMatter,
            bodyOffset: text.utf8.distance(from: text.utf8.startIndex, to: bodyStart),
            bodyLineOffset: bodyLineOffset, diagnostics: diagnostics)
    }

    private func fenceDiagnostic(path: String, line: Int, fence: String, opening: Bool) -> Diagnostic {
        let l = language
        return Diagnostic(
            file: path, line: line, rule: "frontmatter.fence",
            message: opening
                ? l.pick(
                    "front matter 的开始线 `\(fence)` 不是三个半角减号", "front matter 的開始線 `\(fence)` 不是三個半形減號",
                    "the front matter's opening line `\(fence)` is not three ASCII hyphens")
                : l.pick(
                    "front matter 的结束线 `\(fence)` 不是三个半角减号", "front matter 的結束線 `\(fence)` 不是三個半形減號",
                    "the front matter's closing line `\(fence)` is not three ASCII hyphens"),
            hint: l.pick(
                "改成 `---`（三个半角减号）。中文输入法下打出的是破折号「——」或全角「－」，切到英文标点再打。",
                "改成 `---`（三個半形減號）。中文輸入法打出的是破折號「——」或全形「－」，切到英文標點再打。",
                "Write `---` (three ASCII hyphens); a Chinese input method types a dash `——` or full-width `－` instead."
            ))
    }

    /// `———`, `－－－`, `—-—`: a line of three or more dashes of any width that is not `---`.
    static func isWideFence(_ line: Substring) -> Bool {
        let trimmed = line.trimmingTrailingBlanks
        guard trimmed.count >= 2, trimmed != "---" else { return false }
        return trimmed.allSatisfy { "-—－–―─━ー".contains($0) } && trimmed.contains { $0 != "-" }
    }

    /// Whether a line may belong to front matter: blank, indented, a list item, a comment only
    /// right after a field (a `# heading` after a blank line is Markdown), or `key:` (either colon).
    static func couldBeYAML(_ line: Substring, afterBlank: Bool) -> Bool {
        guard let first = line.first else { return true }
        if first == " " || first == "\t" || first == "\u{3000}" || first == "-" { return true }
        if first == "#" { return !afterBlank && !line.hasPrefix("# ") && !line.hasPrefix("##") }
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
        return YAMLMistake.isKey(line[..<colon].trimmingTrailingBlanks)
            || line.first == "\"" || line.first == "'"
    }

    private func decode(_ yaml: String, path: String, firstLine: Int, diagnostics: inout [Diagnostic]) -> Mapping {
        let l = language
        let shift = firstLine - 1
        func mistake(_ found: YAMLMistake) -> Mapping {
            let found = found.shifted(by: shift)
            let (message, hint) = found.message(l, in: "front matter")
            diagnostics.append(
                Diagnostic(
                    file: path, line: found.line, column: found.column, rule: "frontmatter.yaml",
                    message: message, hint: hint))
            return Mapping()
        }
        if let found = YAMLMistake.indentation(in: yaml) { return mistake(found) }
        switch YAMLReader.parse(yaml) {
        case .success(.mapping(let mapping)):
            return mapping.shiftingLines(by: shift)
        case .success(.null):
            return Mapping()
        case .success(let other):
            if let found = YAMLMistake.first(in: yaml) { return mistake(found) }
            diagnostics.append(
                Diagnostic(
                    file: path, line: firstLine, rule: "frontmatter.yaml",
                    message: l.pick(
                        "front matter 应当是一行一个的 `字段: 值`，实际是 \(other.typeName)",
                        "front matter 應當是一行一個的 `欄位: 值`，實際是 \(other.typeName)",
                        "front matter must be a set of `key: value` fields, found a \(other.typeName)"),
                    hint: l.pick(
                        "一行写一个字段，例如 `title: 杭州读书会`。", "一行寫一個欄位，例如 `title: 台北讀書會`。",
                        "Write one field per line, such as `title: Hangzhou reading club`.")))
            return Mapping()
        case .failure(let failure):
            if let found = YAMLMistake.first(in: yaml) { return mistake(found) }
            let (problem, hint) = YAMLMistake.describe(failure, l)
            diagnostics.append(
                Diagnostic(
                    file: path, line: failure.line + shift, column: failure.column, rule: "frontmatter.yaml",
                    message: l.pick(
                        "front matter 不是有效的 YAML：\(problem)", "front matter 不是有效的 YAML：\(problem)",
                        "front matter is not valid YAML: \(problem)"),
                    hint: hint
                        ?? l.pick(
                            "值里有 `:`、`#`、`{` 或以 `*`、`&`、`!` 开头时，给它加上引号，例如 `owner: \"{{owner}}\"`。",
                            "值裡有 `:`、`#`、`{` 或以 `*`、`&`、`!` 開頭時，給它加上引號，例如 `owner: \"{{owner}}\"`。",
                            "Quote values that contain `:`, `#`, `{` or start with `*`, `&`, `!`, for example `owner: \"{{owner}}\"`."
                        )))
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
