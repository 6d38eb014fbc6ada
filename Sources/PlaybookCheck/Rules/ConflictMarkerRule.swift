import PlaybookModel

/// `page.conflict-markers`: no unresolved merge markers (`<<<<<<<`, `=======`, `>>>>>>>`, each
/// exactly seven characters, then a space or the end of the line).
/// Syncing a group with its template writes them on conflicts, and publishing them would put
/// both versions, and the markers, on the page. `=======` alone is a setext heading
/// underline, so it counts only between an opening and a closing marker; lines inside fenced
/// code (where a page may show what a conflict looks like) are skipped.
public struct ConflictMarkerRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        let text = page.page.source.text
        guard text.containsLiteral("<<<<<<<") || text.containsLiteral(">>>>>>>") else { return [] }
        var code: [ClosedRange<Int>] = []
        page.page.document.root.walk { node in
            if case .codeBlock = node.kind { code.append(node.range.start.line...node.range.end.line) }
        }
        return Self.markers(in: text, file: page.path, skipping: code, language: context.language)
    }

    /// The markers in a file that is not a page: a group's replicated files other than Markdown
    /// (a `.yml`, a `.txt`) get conflicts from `playbook update` too and are published as they
    /// are. Only files inside a group's folder are read; anything else is the site's own asset.
    public static func check(file path: String, bytes: [UInt8], language: Language) -> [Diagnostic] {
        guard path.hasPrefix("content/groups/"), !path.hasSuffix(".md"),
            let text = String(validating: bytes, as: UTF8.self),
            text.containsLiteral("<<<<<<<") || text.containsLiteral(">>>>>>>")
        else { return [] }
        return markers(in: text, file: path, skipping: [], language: language)
    }

    static func markers(in text: String, file: String, skipping code: [ClosedRange<Int>], language l: Language)
        -> [Diagnostic]
    {
        var found: [Diagnostic] = []
        var open = false
        var line = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            guard Self.isMarker(raw) else { continue }
            if code.contains(where: { $0.contains(line) }) { continue }
            let marker = String(raw.prefix(7))
            if marker == "=======" {
                guard open, raw.allSatisfy({ $0 == "=" || $0 == " " }) else { continue }
            }
            if marker == "<<<<<<<" { open = true }
            if marker == ">>>>>>>" { open = false }
            found.append(
                Diagnostic(
                    file: file, line: line, column: 1, rule: "page.conflict-markers",
                    message: l.pick(
                        "未解决的合并冲突标记 `\(marker)`", "未解決的合併衝突標記 `\(marker)`",
                        "unresolved merge conflict marker `\(marker)`"),
                    hint: l.pick(
                        "在 `<<<<<<<` 和 `>>>>>>>` 之间选定要保留的内容，删掉另一版和三行标记；否则两个版本和标记都会被发布。",
                        "在 `<<<<<<<` 和 `>>>>>>>` 之間選定要保留的內容，刪掉另一版和三行標記；否則兩個版本和標記都會被發佈。",
                        "Keep the text you want between `<<<<<<<` and `>>>>>>>`, delete the other version and the three marker lines; otherwise both versions and the markers are published."
                    )))
        }
        return found
    }

    /// A marker is exactly seven `<`, `=` or `>` followed by a space or the end of the line, as
    /// merge tools write them; a longer run (`>>>>>>>>` quoting, `========` rules) is text.
    static func isMarker(_ line: Substring) -> Bool {
        guard line.hasPrefix("<<<<<<<") || line.hasPrefix("=======") || line.hasPrefix(">>>>>>>") else {
            return false
        }
        let after = line.dropFirst(7).first
        return after == nil || after == " "
    }
}
