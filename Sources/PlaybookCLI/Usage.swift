import ArgumentParser
import Foundation
import PlaybookModel
import PlaybookSource

/// The command line's own words in the user's language: help, usage errors, and "did you mean"
/// for a mistyped command or option (`playbook chek`, `check --stirct`). The language is known
/// before the arguments are parsed: `--lang`, else the site's `language:` (from the
/// `playbook.yml` of `--source` or the current folder), else the locale's.
enum Usage {
    /// The language the current run speaks, for messages thrown while arguments are validated
    /// (task-local: each run sets its own for the time it parses).
    @TaskLocal static var current: Language = .zhHans

    /// The current run's folder while arguments are validated (nil: the process's).
    @TaskLocal static var folder: URL?

    /// The parser's own error text (`Error: Missing expected argument '<kind>'`, `Usage: …`)
    /// with its words in `l`.
    static func parserError(_ text: String, language l: Language) -> String {
        guard l != .en else { return text }
        let words: [(String, String, String)] = [
            ("Error: ", "错误：", "錯誤："), ("Usage: ", "用法：", "用法："),
            ("Missing expected argument", "缺少参数", "缺少參數"), ("Unexpected argument", "多余的参数", "多餘的參數"),
            ("Missing value for", "缺少值：", "缺少值："), ("The value", "值", "值"), ("is invalid for", "不适用于", "不適用於"),
            ("  See 'playbook ", "  看 'playbook ", "  看 'playbook "),
            ("--help' for more information.", "--help' 了解更多。", "--help' 了解更多。"),
        ]
        var out = text
        for (english, hans, hant) in words {
            out = out.replacingOccurrences(of: english, with: l == .zhHans ? hans : hant)
        }
        return out
    }

    /// The help to print when `arguments` ask for it (`--help`, `-h`, `help [command]`), in `l`.
    static func requestedHelp(_ arguments: [String], language l: Language) -> String? {
        let commands = PlaybookCommand.configuration.subcommands
        var words = arguments.prefix { $0 != "--" }
        let asked = words.contains("--help") || words.contains("-h") || words.first == "help"
        guard asked else { return nil }
        if words.first == "help" { words = words.dropFirst() }
        let command = words.first.flatMap { name in commands.first { $0._commandName == name } }
        let text =
            command.map { PlaybookCommand.helpMessage(for: $0, columns: 200) }
            ?? PlaybookCommand.helpMessage(columns: 200)
        return help(text, language: l)
    }

    /// The language of the command line for `arguments` (without the program name).
    static func language(
        _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        currentFolder: String = FileManager.default.currentDirectoryPath
    ) -> Language {
        var lang = LanguageOption()
        lang.value = value(of: "--lang", in: arguments)
        if let explicit = lang.explicit { return explicit }
        let folder = URL(
            fileURLWithPath: value(of: "--source", in: arguments) ?? ".",
            relativeTo: URL(fileURLWithPath: currentFolder))
        let config = folder.appendingPathComponent("playbook.yml")
        let site = (try? String(contentsOf: config, encoding: .utf8)).map(SiteConfigLoader.language(writtenIn:))
        return lang.resolved(site: site, environment: environment)
    }

    static func value(of option: String, in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == option, index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix(option + "=") { return String(argument.dropFirst(option.count + 1)) }
        }
        return nil
    }

    /// A usage error in `arguments` found before the parser sees them: an unknown command or
    /// option, told in `l` with the closest known one. Nil when the names are all known.
    static func mistake(in arguments: [String], language l: Language) -> String? {
        let commands = PlaybookCommand.configuration.subcommands
        let names = commands.map { $0._commandName }
        guard let first = arguments.first else { return nil }
        if !first.hasPrefix("-") {
            guard let command = commands.first(where: { $0._commandName == first }) else {
                if first == "help" { return nil }
                var message = l.pick("未知的命令 `\(first)`", "未知的命令 `\(first)`", "unknown command `\(first)`")
                if let closest = Suggestion.closest(to: first, in: names) {
                    message += l.pick(
                        "；是不是 `playbook \(closest)`？", "；是不是 `playbook \(closest)`？",
                        "; did you mean `playbook \(closest)`?")
                }
                message += l.pick(
                    "\n命令有：\(names.joined(separator: "、"))。`playbook --help` 列出每个命令做什么。",
                    "\n命令有：\(names.joined(separator: "、"))。`playbook --help` 列出每個命令做什麼。",
                    "\nThe commands are \(names.joined(separator: ", ")); `playbook --help` says what each does.")
                return message
            }
            return unknownOption(in: Array(arguments.dropFirst()), of: command, name: first, language: l)
        }
        return unknownOption(in: arguments, of: PlaybookCommand.self, name: "playbook", language: l)
    }

    /// The first `--option` that `command` does not take, with the closest one it does.
    static func unknownOption(
        in arguments: [String], of command: ParsableCommand.Type, name: String, language l: Language
    ) -> String? {
        let known = options(of: command)
        for argument in arguments {
            if argument == "--" { return nil }
            guard argument.hasPrefix("--") else { continue }
            let option = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            guard !known.contains(option) else { continue }
            var message = l.pick(
                "`\(name)` 没有选项 `\(option)`", "`\(name)` 沒有選項 `\(option)`", "`\(name)` has no option `\(option)`")
            if let closest = Suggestion.closest(to: option, in: known) {
                message += l.pick("；是不是 `\(closest)`？", "；是不是 `\(closest)`？", "; did you mean `\(closest)`?")
            }
            let help = name == "playbook" ? "playbook --help" : "playbook \(name) --help"
            message += l.pick(
                "\n`\(help)` 列出所有选项。", "\n`\(help)` 列出所有選項。", "\n`\(help)` lists every option.")
            return message
        }
        return nil
    }

    /// The long options a command takes, read from its help.
    static func options(of command: ParsableCommand.Type) -> Set<String> {
        let help =
            command == PlaybookCommand.self
            ? PlaybookCommand.helpMessage(columns: 200)
            : PlaybookCommand.helpMessage(for: command, columns: 200)
        var found: Set<String> = ["--help", "--version"]
        var rest = Substring(help)
        while let start = rest.range(of: "--") {
            let name = rest[start.lowerBound...].prefix { $0 == "-" || $0.isLetter || $0.isNumber }
            if name.count > 2 { found.insert(String(name)) }
            rest = rest[start.upperBound...]
        }
        return found
    }

    /// The help text in `l`: the parser's layout, with its headings and the commands' and
    /// options' descriptions put into Chinese where a translation is known.
    static func help(_ text: String, language l: Language) -> String {
        guard l != .en else { return text }
        var out = text
        for (english, hans, hant) in headings {
            out = out.replacingOccurrences(of: english, with: l == .zhHans ? hans : hant)
        }
        for (english, translation) in phrases {
            out = out.replacingOccurrences(of: english, with: translation(l))
        }
        return out
    }

    static let headings: [(String, String, String)] = [
        ("OVERVIEW:", "简介：", "簡介："), ("USAGE:", "用法：", "用法："), ("ARGUMENTS:", "参数：", "參數："),
        ("OPTIONS:", "选项：", "選項："), ("SUBCOMMANDS:", "子命令：", "子命令："),
        (
            "  See 'playbook help <subcommand>' for detailed help.", "  `playbook help <子命令>` 显示子命令的详细说明。",
            "  `playbook help <子命令>` 顯示子命令的詳細說明。"
        ),
        ("Show help information.", "显示帮助。", "顯示說明。"), ("Show the version.", "显示版本。", "顯示版本。"),
    ]

    /// Descriptions of the root command, its subcommands and the options most used.
    static let phrases: [(String, Localized)] = [
        (
            "Check the handbook, then render it into a static site.",
            Localized("先检查手册，再把它生成静态网站。", "先檢查手冊，再把它產生靜態網站。", "")
        ),
        (
            "Start a new handbook: a small site that passes `playbook check` and builds.",
            Localized("开始一本新手册：一个能通过 `playbook check` 并能构建的小站点。", "開始一本新手冊：一個能通過 `playbook check` 並能建置的小站點。", "")
        ),
        (
            "Run the language server: the checker in your editor, over standard input and output.",
            Localized("运行语言服务器：在编辑器里检查，经由标准输入输出。", "執行語言伺服器：在編輯器裡檢查，經由標準輸入輸出。", "")
        ),
        (
            "Build the handbook, serve it locally and rebuild on every save.",
            Localized("构建手册、在本机预览，每次保存都重新构建。", "建置手冊、在本機預覽，每次儲存都重新建置。", "")
        ),
        (
            "Show which groups are behind their template (exit 1 when any is, for CI).",
            Localized("显示哪些群落后于它们的模板（有落后的就以 1 退出，供 CI 用）。", "顯示哪些群落後於它們的範本（有落後的就以 1 退出，供 CI 用）。", "")
        ),
        (
            "List the replication templates, their variables and the groups cloned from each.",
            Localized("列出复制模板、它们的变量，以及从每个模板复制出的群。", "列出複製範本、它們的變數，以及從每個範本複製出的群。", "")
        ),
        (
            "Bring a group up to its template's current version with a three-way merge.",
            Localized("用三方合并把一个群更新到它模板的当前版本。", "用三方合併把一個群更新到它範本的目前版本。", "")
        ),
        (
            "Check community playbooks and publish them as a static handbook site.",
            Localized("检查社群手册，并把它们发布成静态手册网站。", "檢查社群手冊，並把它們發布成靜態手冊網站。", "")
        ),
        (
            "Report every playbook that is missing what its kind requires.",
            Localized("报告每份手册缺了它那一类要求的什么。", "報告每份手冊缺了它那一類要求的什麼。", "")
        ),
        (
            "Start a new group from a replication template, or a new page of a kind.",
            Localized("从复制模板开始一个新群，或者新建某一类的页面。", "從複製範本開始一個新群，或者新建某一類的頁面。", "")
        ),
        ("Fail on warnings too.", Localized("有警告也算失败。", "有警告也算失敗。", "")),
        (
            "Pages to report on (default: all). They are checked against the whole handbook: links, templates and URLs are judged as a full check judges them.",
            Localized(
                "只报告这些页面（默认全部）。它们和整本手册一起检查：链接、模板和网址的判断与完整检查相同。",
                "只報告這些頁面（預設全部）。它們和整本手冊一起檢查：連結、範本和網址的判斷與完整檢查相同。", "")
        ),
        (
            "Baseline file of known findings, relative to the site (default: .playbook-baseline.json when it exists).",
            Localized(
                "已知问题的基线文件，相对于站点（默认：存在时用 .playbook-baseline.json）。",
                "已知問題的基線檔案，相對於站點（預設：存在時用 .playbook-baseline.json）。", "")
        ),
        (
            "Ignore the baseline file and report every finding.",
            Localized("不用基线，报告所有问题。", "不用基線，報告所有問題。", "")
        ),
        (
            "Record the current findings as the baseline and exit 0.",
            Localized("把现在的问题记为基线，以 0 退出。", "把現在的問題記為基線，以 0 退出。", "")
        ),
        (
            "Write each kind's front matter JSON Schema into this folder and exit.",
            Localized(
                "把每一类的 front matter JSON Schema 写进这个文件夹，然后退出。", "把每一類的 front matter JSON Schema 寫進這個資料夾，然後退出。", "")
        ),
        (
            "Publish pages whose front matter says `draft: true` too.",
            Localized("也发布 front matter 写着 `draft: true` 的页面。", "也發布 front matter 寫著 `draft: true` 的頁面。", "")
        ),
        (
            "Leave out pages whose front matter says `visibility: internal`.",
            Localized(
                "不发布 front matter 写着 `visibility: internal` 的页面。", "不發布 front matter 寫著 `visibility: internal` 的頁面。", ""
            )
        ),
        (
            "The kind of page: group, rules, onboarding, sop, template, or a kind the site defines.",
            Localized(
                "页面的类型：group、rules、onboarding、sop、template，或站点自定义的类型。",
                "頁面的類型：group、rules、onboarding、sop、template，或站點自訂的類型。", "")
        ),
        (
            "The group's slug (a group goes to content/groups/<slug>/), or the new page's path below content/.",
            Localized(
                "群的 slug（群放在 content/groups/<slug>/），或新页面在 content/ 下的路径。",
                "群的 slug（群放在 content/groups/<slug>/），或新頁面在 content/ 下的路徑。", "")
        ),
        ("The replication template to clone.", Localized("要复制的模板。", "要複製的範本。", "")),
        ("An answer for a template variable.", Localized("模板变量的答案。", "範本變數的答案。", "")),
        (
            "Never ask; fail with the list of missing answers.",
            Localized("不提问；缺答案时列出缺的并失败。", "不提問；缺答案時列出缺的並失敗。", "")
        ),
        (
            "Title of a new page (default: from its path).",
            Localized("新页面的标题（默认取自路径）。", "新頁面的標題（預設取自路徑）。", "")
        ),
        ("Print only errors.", Localized("只显示错误。", "只顯示錯誤。", "")),
        (
            "The site folder (holding content/ and playbook.yml).",
            Localized("站点文件夹（放着 content/ 和 playbook.yml）。", "站點資料夾（放著 content/ 和 playbook.yml）。", "")
        ),
        (
            "Output format: text, json, github or sarif.",
            Localized("输出格式：text、json、github 或 sarif。", "輸出格式：text、json、github 或 sarif。", "")
        ),
        (
            "Print the groups × elements health matrix.",
            Localized("显示“社群 × 五要素”的健康矩阵。", "顯示「社群 × 五要素」的健康矩陣。", "")
        ),
        (
            "List every rule id with what it checks, and exit.",
            Localized("列出每条规则的 id 和它检查什么，然后退出。", "列出每條規則的 id 和它檢查什麼，然後退出。", "")
        ),
        (
            "The language of messages: zh-Hans, zh-Hant or en (default: the site's; outside a site, from LANG).",
            Localized(
                "消息的语言：zh-Hans、zh-Hant 或 en（默认用站点的；不在站点里时看 LANG）。",
                "訊息的語言：zh-Hans、zh-Hant 或 en（預設用站點的；不在站點裡時看 LANG）。", "")
        ),
    ]
}
