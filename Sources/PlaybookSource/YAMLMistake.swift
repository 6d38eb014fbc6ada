import PlaybookModel

/// The everyday slips in hand-written YAML (front matter and `playbook.yml`), found by reading
/// the lines themselves: a Chinese input method's full-width colon or fence, a tab or a
/// full-width space (U+3000) in the indentation, a colon inside a plain value, a key written
/// twice. Each names the mistake at its line and column with the fix for that mistake, where the
/// YAML parser's own message ("mapping values are not allowed in this context") names neither.
package struct YAMLMistake: Hashable, Sendable {
    package enum Kind: Hashable, Sendable {
        /// `title：值班交接`: a key followed by the full-width colon U+FF1A.
        case fullWidthColon(key: String, value: String)
        /// A tab or U+3000 among the spaces that indent a line.
        case indentation(character: Character)
        /// `title: 值班交接: 夜班`: `: ` inside a plain value.
        case colonInValue(key: String, value: String)
        /// The same key twice in one mapping; `first` is the line of the first one.
        case duplicateKey(key: String, first: Int)
    }

    package var kind: Kind
    /// 1-based line within the YAML text.
    package var line: Int
    /// 1-based column, in Unicode scalars.
    package var column: Int

    /// The slips that are mistakes however the parser read the text: a full-width space or tab
    /// in a line's indentation (YAML reads U+3000 as part of a key, so `　　name: city` silently
    /// becomes a field named `　　name`). Lines inside a block scalar (`|`, `>`) are text, and
    /// are left alone.
    package static func indentation(in text: String) -> YAMLMistake? {
        var blockIndent: Int? = nil
        for (number, line) in lines(text) {
            let spaces = line.prefix { $0 == " " }.count
            if let indent = blockIndent {
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) || spaces > indent { continue }
                blockIndent = nil
            }
            var column = 1
            for character in line {
                if character == " " {
                    column += 1
                    continue
                }
                if character == "\t" || character == "\u{3000}" {
                    // A line of only blanks says nothing.
                    if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) { break }
                    return YAMLMistake(kind: .indentation(character: character), line: number, column: column)
                }
                break
            }
            let trimmed = line.trimmingTrailingBlanks
            if let last = trimmed.split(separator: " ").last,
                ["|", ">", "|-", ">-", "|+", ">+"].contains(String(last)), trimmed.contains(":")
            {
                blockIndent = spaces
            }
        }
        return nil
    }

    /// The first slip in YAML that did not parse (or parsed as something other than a mapping):
    /// the indentation slips above, a full-width colon after a key, `: ` inside a plain value, a
    /// key written twice at the top level.
    package static func first(in text: String) -> YAMLMistake? {
        if let found = indentation(in: text) { return found }
        var seen: [String: Int] = [:]
        for (number, line) in lines(text) {
            guard let first = line.first, first != "#", first != "-", first != " " else { continue }
            let ascii = line.firstIndex(of: ":")
            let wide = line.firstIndex(of: "：")
            if let wide, ascii.map({ wide < $0 }) ?? true {
                let key = line[..<wide].trimmingTrailingBlanks
                if isKey(key) {
                    let value = String(line[line.index(after: wide)...]).trimmingLeadingBlanks
                    return YAMLMistake(
                        kind: .fullWidthColon(key: String(key), value: value), line: number,
                        column: line[..<wide].unicodeScalars.count + 1)
                }
            }
            guard let ascii else { continue }
            let key = String(line[..<ascii])
            guard isKey(Substring(key)) else { continue }
            if let earlier = seen[key] {
                return YAMLMistake(kind: .duplicateKey(key: key, first: earlier), line: number, column: 1)
            }
            seen[key] = number
            let value = line[line.index(after: ascii)...].trimmingLeadingBlanks
            guard let lead = value.first, !"\"'[{|>&*!#".contains(lead) else { continue }
            if let inner = value.range(of: ": ")
                ?? (value.hasSuffix(":") ? value.range(of: ":", options: .backwards) : nil)
            {
                let offset = line.unicodeScalars.count - value.unicodeScalars.count
                return YAMLMistake(
                    kind: .colonInValue(key: key, value: String(value.trimmingTrailingBlanks)), line: number,
                    column: offset + value[..<inner.lowerBound].unicodeScalars.count + 1)
            }
        }
        return nil
    }

    /// The same mistake in a file whose YAML starts `lines` lines down.
    package func shifted(by lines: Int) -> YAMLMistake {
        var moved = self
        moved.line += lines
        if case .duplicateKey(let key, let first) = kind { moved.kind = .duplicateKey(key: key, first: first + lines) }
        return moved
    }

    /// The message and hint for this mistake in `language`; `what` names the file's part
    /// (front matter or `playbook.yml`).
    package func message(_ l: Language, in what: String) -> (message: String, hint: String) {
        switch kind {
        case .fullWidthColon(let key, let value):
            return (
                l.pick(
                    "\(what) 的 `\(key)` 后面是全角冒号「：」，YAML 读不出这个字段",
                    "\(what) 的 `\(key)` 後面是全形冒號「：」，YAML 讀不出這個欄位",
                    "\(what): `\(key)` is followed by a full-width colon `：`, so YAML cannot read the field"),
                l.pick(
                    "改成半角冒号加一个空格：`\(key): \(value)`。中文输入法下打的冒号是全角的，切到英文标点再打。",
                    "改成半形冒號加一個空格：`\(key): \(value)`。中文輸入法打出的冒號是全形的，切到英文標點再打。",
                    "Use an ASCII colon and a space: `\(key): \(value)`. A Chinese input method types the full-width one."
                )
            )
        case .indentation(let character):
            let name =
                character == "\t"
                ? l.pick("制表符（Tab）", "定位字元（Tab）", "a tab")
                : l.pick("全角空格（U+3000）", "全形空格（U+3000）", "a full-width space (U+3000)")
            return (
                l.pick(
                    "\(what) 的缩进里有\(name)", "\(what) 的縮排裡有\(name)", "\(what): the indentation holds \(name)"),
                l.pick(
                    "YAML 只认半角空格缩进：把这一行开头的\(name)换成空格（列表项和它的字段对齐，通常每层两个空格）。",
                    "YAML 只認半形空格縮排：把這一行開頭的\(name)換成空格（清單項和它的欄位對齊，通常每層兩個空格）。",
                    "YAML indents with ASCII spaces only: replace \(name) at the start of this line with spaces (usually two per level)."
                )
            )
        case .colonInValue(let key, let value):
            return (
                l.pick(
                    "\(what) 的 `\(key)` 的值里有冒号加空格，YAML 把它当成了新的字段",
                    "\(what) 的 `\(key)` 的值裡有冒號加空格，YAML 把它當成了新的欄位",
                    "\(what): the value of `\(key)` holds a colon and a space, which YAML reads as a new field"),
                l.pick(
                    "给值加上引号：`\(key): \"\(value)\"`，或者把值里的冒号换成全角「：」。",
                    "給值加上引號：`\(key): \"\(value)\"`，或者把值裡的冒號換成全形「：」。",
                    "Quote the value: `\(key): \"\(value)\"`, or write the colon in the value as a full-width `：`.")
            )
        case .duplicateKey(let key, let first):
            return (
                l.pick(
                    "\(what) 里 `\(key)` 写了两次（另一次在第 \(first) 行）",
                    "\(what) 裡 `\(key)` 寫了兩次（另一次在第 \(first) 行）",
                    "\(what): `\(key)` is written twice (also on line \(first))"),
                l.pick(
                    "每个字段只写一次：删掉其中一行，或者把两行的内容合成一行。",
                    "每個欄位只寫一次：刪掉其中一行，或者把兩行的內容合成一行。",
                    "Write each field once: delete one of the lines, or merge them into one.")
            )
        }
    }

    /// The YAML parser's own problem (English, from libyaml or the alias budget) in `l`: the
    /// common ones put in words a writer knows, the parser's text kept after them.
    package static func describe(_ failure: YAMLReader.Failure, _ l: Language) -> (message: String, hint: String?) {
        guard l != .en else { return (failure.message, failure.hint) }
        let known: [(String, String, String)] = [
            ("expected ',' or ']'", "方括号 `[` 没有闭合", "方括號 `[` 沒有閉合"),
            ("expected ',' or '}'", "花括号 `{` 没有闭合", "花括號 `{` 沒有閉合"),
            ("quoted scalar", "引号没有闭合", "引號沒有閉合"),
            ("mapping values are not allowed", "这里不能再有 `: `（值里有冒号加空格？）", "這裡不能再有 `: `（值裡有冒號加空格？）"),
            ("cannot start any token", "这个字符不能作为值的开头（如 `@`、`` ` ``、`%`）", "這個字元不能作為值的開頭（如 `@`、`` ` ``、`%`）"),
            ("could not find expected ':'", "这一行缺少 `:`", "這一行缺少 `:`"),
            ("did not find expected key", "缩进没有对齐：这一行不在上一层字段的位置", "縮排沒有對齊：這一行不在上一層欄位的位置"),
            ("expand to more than", "别名（`*名字`）在这里展开得太多", "別名（`*名字`）在這裡展開得太多"),
            ("nest more than", "值在这里嵌套得太深", "值在這裡巢狀得太深"),
        ]
        var message = failure.message
        if let (_, hans, hant) = known.first(where: { failure.message.contains($0.0) }) {
            message = (l == .zhHans ? hans : hant) + "（\(failure.message)）"
        }
        var hint = failure.hint
        if hint != nil, failure.message.contains("expand to more than") || failure.message.contains("nest more than") {
            hint = l.pick(
                "把值直接写出来，不要用别名的别名（`*名字`）；改好之前这里的内容一概不读。",
                "把值直接寫出來，不要用別名的別名（`*名字`）；改好之前這裡的內容一概不讀。", "")
        }
        return (message, hint)
    }

    static func isKey(_ key: Substring) -> Bool {
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return key.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" || $0 == "."
        }
    }

    static func lines(_ text: String) -> [(Int, Substring)] {
        Array(zip(1..., text.split(separator: "\n", omittingEmptySubsequences: false)))
    }
}

extension StringProtocol {
    var trimmingTrailingBlanks: Substring {
        var s = self[...]
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return Substring(s)
    }

    var trimmingLeadingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
