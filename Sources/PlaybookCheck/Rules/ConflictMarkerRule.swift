import PlaybookModel

/// `page.conflict-markers`: no unresolved merge markers (`<<<<<<<`, `=======`, `>>>>>>>`, each
/// exactly seven characters, then a space or the end of the line).
/// Syncing a group with its template writes them on conflicts, and publishing them would put
/// both versions, and the markers, on the page. `=======` alone is a setext heading
/// underline, so it counts only between an opening and a closing marker; lines inside fenced
/// code (where a page may show what a conflict looks like) are skipped.
package struct ConflictMarkerRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        let text = page.page.source.text
        guard text.containsLiteral("<<<<<<<") || text.containsLiteral(">>>>>>>") else { return [] }
        var code: [ClosedRange<Int>] = []
        page.parsed.document.root.walk { node in
            if case .codeBlock = node.kind { code.append(node.range.start.line...node.range.end.line) }
        }
        return Self.markers(in: text, file: page.path, skipping: code, language: context.language)
    }

    /// The markers in a file that is not a page: a group's replicated files other than Markdown
    /// (a `.yml`, a `.txt`) get conflicts from `playbook update` too and are published as they
    /// are. Only files inside a group's folder are read; anything else is the site's own asset.
    package static func check(file path: String, bytes: [UInt8], language: Language) -> [Diagnostic] {
        guard path.hasPrefix("content/groups/"), !path.hasSuffix(".md"),
            let text = String(validating: bytes, as: UTF8.self),
            text.containsLiteral("<<<<<<<") || text.containsLiteral(">>>>>>>")
        else { return [] }
        return markers(in: text, file: path, skipping: [], language: language)
    }

    /// One finding per conflict, at its `<<<<<<<` line, naming the lines it spans; a closing
    /// marker without an opening one is a finding of its own.
    static func markers(in text: String, file: String, skipping code: [ClosedRange<Int>], language l: Language)
        -> [Diagnostic]
    {
        var found: [Diagnostic] = []
        var opened: Int?
        var line = 0
        func report(at start: Int, end: Int?) {
            let span = end.map { "\(start)–\($0)" }
            found.append(
                Diagnostic(
                    file: file, line: start, column: 1, rule: "page.conflict-markers",
                    message: span.map {
                        l.pick(
                            "第 \($0) 行是一处没有解决的合并冲突", "第 \($0) 行是一處沒有解決的合併衝突",
                            "lines \($0) are an unresolved merge conflict")
                    }
                        ?? l.pick(
                            "这一行是合并冲突留下的标记", "這一行是合併衝突留下的標記", "this line is a merge conflict marker left behind"),
                    hint: l.pick(
                        "`<<<<<<<` 和 `=======` 之间是群里的版本，`=======` 和 `>>>>>>>` 之间是模板的新版本。留一版，或者两边各自加了群需要的内容（比如各加了一条规则）时两版都留下；然后删掉三行标记。不解决的话两个版本和标记都会被发布。",
                        "`<<<<<<<` 和 `=======` 之間是群裡的版本，`=======` 和 `>>>>>>>` 之間是範本的新版本。留一版，或者兩邊各自加了群需要的內容（比如各加了一條規則）時兩版都留下；然後刪掉三行標記。不解決的話兩個版本和標記都會被發佈。",
                        "Between `<<<<<<<` and `=======` is the group's version, between `=======` and `>>>>>>>` the template's new one. Keep one, or keep both when each adds something the group needs (each added a rule, say); then delete the three marker lines. Until then both versions and the markers are published."
                    )))
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            guard Self.isMarker(raw) else { continue }
            if code.contains(where: { $0.contains(line) }) { continue }
            switch raw.prefix(7) {
            case "<<<<<<<":
                if let start = opened { report(at: start, end: nil) }
                opened = line
            case ">>>>>>>":
                if let start = opened { report(at: start, end: line) } else { report(at: line, end: nil) }
                opened = nil
            default: continue
            }
        }
        if let start = opened { report(at: start, end: nil) }
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
