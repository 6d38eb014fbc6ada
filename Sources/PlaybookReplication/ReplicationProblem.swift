import PlaybookModel

/// Why cloning a template into a group, or updating a group, cannot go ahead: a value, so
/// callers and tests match the case; `message` says it, and what to do, in a person's language.
package enum ReplicationProblem: Error, Hashable, Sendable {
    case unknownTemplate(String, suggestion: String?, available: [String])
    /// A placeholder with filters cloning does not know; `line` is nil for one in a file's path.
    case unknownFilter(file: String, line: Int?, column: Int?, placeholder: String, filters: [String])
    /// Closes the list of unknown filters: the template itself must be fixed.
    case templateHasUnknownFilters(String)
    case emptySlug
    case slugLeavesGroups(String)
    case slugCharacters(String)
    case missingAnswer(variable: String, description: String)
    case emptyAnswer(variable: String)
    case notAChoice(variable: String, value: String, choices: [String])
    /// `example` is the variable's declared example, when it has one.
    case noPatternMatch(variable: String, value: String, pattern: String, example: String? = nil)
    case multilineAnswer(variable: String)
    case undeclaredAnswer(template: String, name: String, declared: [String])
    /// A template document whose rendered path would leave the group's folder.
    case pathLeavesGroup(String)
    case groupExists(String)
    case fileExists(String)
    /// The new group's pages have errors; the refusal carries them as diagnostics.
    case wouldNotPass
    case templateRemoved(String)
    case noSnapshot(template: String, version: String)
    case writeFailed(String)
    /// A path to write or read leaves the site, or passes through the symbolic link `link`.
    case outsideSite(path: String, link: String?)
    /// A file the command read was changed before it could write.
    case changedMeanwhile(String)
    /// A file is where a folder is needed, or the other way round.
    case notAFile(String)
    /// A lineage record names its template or version hash in a form that is not one
    /// (`hash: "../../x"`): the field and what it holds.
    case badLineage(file: String, field: String, value: String)
    /// The kept snapshot of a version does not hash to what the lineage records: it was edited.
    case snapshotDiffers(template: String, version: String, folder: String)

    package func message(_ l: Language) -> String {
        switch self {
        case .unknownTemplate(let name, let suggestion, let available):
            var text = l.pick(
                "content/templates/ 里没有模板 `\(name)`", "content/templates/ 裡沒有範本 `\(name)`",
                "no template `\(name)` in content/templates/")
            if let suggestion {
                text += l.pick("；是不是 `\(suggestion)`？", "；是不是 `\(suggestion)`？", "; did you mean `\(suggestion)`?")
            } else if !available.isEmpty {
                text += l.pick("；现有模板：", "；現有範本：", "; templates: ") + available.joined(separator: ", ")
            }
            return text
        case .unknownFilter(let file, let line, let column, let placeholder, let filters):
            let names = filters.map { "`\($0)`" }.joined(separator: ", ")
            let known = PlaceholderSyntax.filters.joined(separator: ", ")
            let place = line.map { "\(file):\($0):\(column ?? 1)" } ?? file
            let inPath = line == nil ? l.pick("文件路径里，", "檔案路徑裡，", "in the file's path, ") : ""
            return "\(place): \(inPath)"
                + l.pick(
                    "占位符 `\(placeholder)` 用了未知的过滤器 \(names)；可用的过滤器：\(known)",
                    "佔位符 `\(placeholder)` 用了未知的過濾器 \(names)；可用的過濾器：\(known)",
                    "placeholder `\(placeholder)` uses the unknown \(filters.count == 1 ? "filter" : "filters") \(names); the filters are \(known)"
                )
        case .templateHasUnknownFilters(let name):
            return l.pick(
                "模板 `\(name)` 用了未知的占位符过滤器，复制出来会原样保留；先修好模板（什么都没有写）",
                "範本 `\(name)` 用了未知的佔位符過濾器，複製出來會原樣保留；先修好範本（什麼都沒有寫）",
                "template `\(name)` uses unknown placeholder filters, which a clone would copy as is; fix the template (nothing was written)"
            )
        case .emptySlug:
            return l.pick("slug 是空的", "slug 是空的", "the slug is empty")
        case .slugLeavesGroups(let slug):
            return l.pick(
                "slug `\(slug)` 会写到 content/groups/ 之外；只用字母、数字、- 和 _",
                "slug `\(slug)` 會寫到 content/groups/ 之外；只用字母、數字、- 和 _",
                "slug `\(slug)` would write outside content/groups/; use letters, digits, - and _ only")
        case .slugCharacters(let slug):
            return l.pick(
                "slug `\(slug)` 只能有字母、数字、- 和 _", "slug `\(slug)` 只能有字母、數字、- 和 _",
                "slug `\(slug)` may only hold letters, digits, - and _")
        case .missingAnswer(let variable, let description):
            let meaning = description.isEmpty ? "" : (l == .en ? " (\(description))" : "（\(description)）")
            return l.pick(
                "缺少 `\(variable)`\(meaning)的值：加上 --set \(variable)=…",
                "缺少 `\(variable)`\(meaning)的值：加上 --set \(variable)=…",
                "missing answer for `\(variable)`\(meaning): pass --set \(variable)=…")
        case .emptyAnswer(let variable):
            return l.pick("`\(variable)` 不能为空", "`\(variable)` 不能為空", "`\(variable)` must not be empty")
        case .notAChoice(let variable, let value, let choices):
            return l.pick(
                "`\(variable)` 是 `\(value)`；只能是其中之一：\(choices.joined(separator: ", "))",
                "`\(variable)` 是 `\(value)`；只能是其中之一：\(choices.joined(separator: ", "))",
                "`\(variable)` is `\(value)`; it must be one of: \(choices.joined(separator: ", "))")
        case .noPatternMatch(let variable, let value, let pattern, let example):
            // Said in words where the pattern is a common one; the pattern itself otherwise.
            let rule =
                PatternWords.describe(pattern, l)
                ?? l.pick("符合格式 `\(pattern)`", "符合格式 `\(pattern)`", "match the pattern `\(pattern)`")
            let sample =
                example.map {
                    l.pick("，例如 `\($0)`", "，例如 `\($0)`", ", such as `\($0)`")
                } ?? ""
            return l.pick(
                "`\(variable)` 填的是 `\(value)`；它要\(rule)\(sample)",
                "`\(variable)` 填的是 `\(value)`；它要\(rule)\(sample)",
                "`\(variable)` is `\(value)`; it must \(rule)\(sample)")
        case .multilineAnswer(let variable):
            return l.pick("`\(variable)` 只能有一行", "`\(variable)` 只能有一行", "`\(variable)` must be a single line")
        case .undeclaredAnswer(let template, let name, let declared):
            return l.pick(
                "模板 `\(template)` 没有声明变量 `\(name)`；已声明：\(declared.joined(separator: ", "))",
                "範本 `\(template)` 沒有宣告變數 `\(name)`；已宣告：\(declared.joined(separator: ", "))",
                "template `\(template)` declares no variable `\(name)`; declared: \(declared.joined(separator: ", "))")
        case .pathLeavesGroup(let path):
            return l.pick(
                "模板文件渲染成 `\(path)`，会跑出群的文件夹", "範本檔案渲染成 `\(path)`，會跑出群的資料夾",
                "template file renders to `\(path)`: it would leave the group folder")
        case .groupExists(let slug):
            return l.pick(
                "content/groups/\(slug)/ 已经存在；换一个 slug（什么都没有写）",
                "content/groups/\(slug)/ 已經存在；換一個 slug（什麼都沒有寫）",
                "content/groups/\(slug)/ already exists; choose another slug (nothing was written)")
        case .fileExists(let path):
            return l.pick(
                "\(path) 已经存在；什么都没有写", "\(path) 已經存在；什麼都沒有寫", "\(path) already exists; nothing was written")
        case .wouldNotPass:
            return l.pick(
                "新的群通不过检查；改模板或答案（什么都没有写）", "新的群通不過檢查；改範本或答案（什麼都沒有寫）",
                "the new group would not pass the checks; fix the template or the answers (nothing was written)")
        case .templateRemoved(let name):
            return l.pick(
                "content/templates/ 里已经没有模板 `\(name)`", "content/templates/ 裡已經沒有範本 `\(name)`",
                "template `\(name)` is no longer in content/templates/")
        case .noSnapshot(let template, let version):
            return l.pick(
                ".playbook/templates/ 里没有 \(template) \(version) 的快照；没有基准版本就无法合并（提交 .playbook/ 才能保留它）",
                ".playbook/templates/ 裡沒有 \(template) \(version) 的快照；沒有基準版本就無法合併（提交 .playbook/ 才能保留它）",
                "no snapshot of \(template) \(version) under .playbook/templates/; cannot merge without the base version (commit .playbook/ to keep it)"
            )
        case .writeFailed(let reason):
            return l.pick(
                "写文件失败：\(reason)；什么都没有改", "寫檔案失敗：\(reason)；什麼都沒有改",
                "could not write the files: \(reason); nothing was changed")
        case .outsideSite(let path, let link?):
            return l.pick(
                "\(path)：路上的 \(link) 是符号链接，可能通向站点以外，所以不读也不写（什么都没有改）；把链接换成真正的文件夹或文件",
                "\(path)：路上的 \(link) 是符號連結，可能通向網站以外，所以不讀也不寫（什麼都沒有改）；把連結換成真正的資料夾或檔案",
                "\(path): \(link) on the way is a symbolic link, which may lead out of the site, so it is neither read nor written (nothing was changed); replace the link with a real folder or file"
            )
        case .outsideSite(let path, nil):
            return l.pick(
                "\(path) 在站点文件夹以外（绝对路径或含 ..），不读也不写（什么都没有改）",
                "\(path) 在網站資料夾以外（絕對路徑或含 ..），不讀也不寫（什麼都沒有改）",
                "\(path) is outside the site folder (absolute, or with ..), so it is neither read nor written (nothing was changed)"
            )
        case .changedMeanwhile(let path):
            return l.pick(
                "\(path) 在读取之后被改过了；什么都没有写，保存好再运行一次",
                "\(path) 在讀取之後被改過了；什麼都沒有寫，存好再執行一次",
                "\(path) changed after it was read; nothing was written: save your edits and run the command again")
        case .notAFile(let path):
            return l.pick(
                "\(path) 的位置上是文件夹和文件之中不对的那个；什么都没有写",
                "\(path) 的位置上是資料夾和檔案之中不對的那個；什麼都沒有寫",
                "\(path) is a file where a folder is needed, or a folder where a file is; nothing was written")
        case .snapshotDiffers(let template, let version, let folder):
            return l.pick(
                "\(folder)（\(template) \(version) 的快照）被改过，和 lineage.yml 记录的内容不一致；从 git 历史里恢复它，否则合并的基准不对",
                "\(folder)（\(template) \(version) 的快照）被改過，和 lineage.yml 記錄的內容不一致；從 git 歷史裡恢復它，否則合併的基準不對",
                "\(folder) (the snapshot of \(template) \(version)) was edited and no longer matches what lineage.yml records; restore it from git history, or the merge would start from the wrong base"
            )
        case .badLineage(let file, let field, let value):
            return l.pick(
                "\(file)：`\(field): \(value)` 不是 Playbook 写下的值（模板名是一个文件夹名，hash 是 64 位十六进制），所以不按它读取任何文件；从 git 历史里恢复这个文件",
                "\(file)：`\(field): \(value)` 不是 Playbook 寫下的值（範本名是一個資料夾名，hash 是 64 位十六進位），所以不按它讀取任何檔案；從 git 歷史裡恢復這個檔案",
                "\(file): `\(field): \(value)` is not a value Playbook writes (a template name is one folder name, a hash 64 hexadecimal digits), so no file is read by it; restore the file from git history"
            )
        }
    }
}

/// The common patterns a template declares for a variable, said in words.
enum PatternWords {
    static func describe(_ pattern: String, _ l: Language) -> String? {
        var core = Substring(pattern)
        if core.hasPrefix("^") { core = core.dropFirst() }
        if core.hasSuffix("$") { core = core.dropLast() }
        guard core.hasSuffix("+") || core.hasSuffix("*"), core.hasPrefix("[") else {
            switch core {
            case "\\d+": return l.pick("只用数字", "只用數字", "be digits only")
            default: return nil
            }
        }
        let set = core.dropFirst().dropLast(2)
        guard core.dropLast().hasSuffix("]") else { return nil }
        var parts: [(zh: String, hant: String, en: String)] = []
        var rest = set
        let known: [(String, (String, String, String))] = [
            ("a-z", ("小写英文字母", "小寫英文字母", "lower-case letters")),
            ("A-Z", ("大写英文字母", "大寫英文字母", "capital letters")),
            ("0-9", ("数字", "數字", "digits")), ("\\d", ("数字", "數字", "digits")),
            ("-", ("连字符 -", "連字號 -", "hyphens")), ("_", ("下划线 _", "底線 _", "underscores")),
            (".", ("点 .", "點 .", "dots")),
        ]
        while !rest.isEmpty {
            guard let match = known.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            parts.append(match.1)
            rest = rest.dropFirst(match.0.count)
        }
        guard !parts.isEmpty else { return nil }
        return l.pick(
            "只用" + parts.map(\.zh).joined(separator: "、"), "只用" + parts.map(\.hant).joined(separator: "、"),
            "use only " + parts.map(\.en).joined(separator: ", "))
    }
}
