import Foundation
import PlaybookModel

/// Decodes `playbook.yml`. Unknown keys are warnings naming the key; wrong types are errors at
/// the key's line. `extraKeys` are top-level keys owned by later stages (the checker's rules).
public struct SiteConfigLoader: Sendable {
    package static let knownKeys: Set<String> = [
        "title", "language", "baseURL", "description", "editURL", "markdown", "editions", "search",
    ]

    package var extraKeys: Set<String>

    public init(extraKeys: Set<String> = []) {
        self.extraKeys = extraKeys
    }

    public func load(path: String, text: String?) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig(path: path)
        guard let text else { return (config, []) }
        let (decoded, failures) = decode(path: path, text: text)
        guard let mapping = decoded else { return (config, failures) }
        var diagnostics: [Diagnostic] = []
        let l = Self.language(writtenIn: text)
        config.raw = mapping

        func string(_ entry: Mapping.Entry) -> String? {
            if case .string(let s) = entry.value { return s }
            diagnostics.append(typeError(entry, expected: "string", path: path, language: l))
            return nil
        }

        for entry in mapping.entries {
            switch entry.key {
            case "title":
                if let s = string(entry) { config.title = s }
            case "description":
                if let s = string(entry) { config.description = s }
            case "language":
                guard let s = string(entry) else { continue }
                if let language = Language(rawValue: s) {
                    config.language = language
                } else {
                    diagnostics.append(
                        Diagnostic(
                            file: path, line: entry.line, column: entry.column, rule: "config.value",
                            message: l.pick(
                                "不支持的语言 `\(s)`", "不支援的語言 `\(s)`", "language `\(s)` is not supported"),
                            hint: l.pick(
                                "用 zh-Hans、zh-Hant 或 en 之一", "用 zh-Hans、zh-Hant 或 en 之一",
                                "use one of zh-Hans, zh-Hant or en")))
                }
            case "baseURL":
                guard var s = string(entry) else { continue }
                guard Self.isWebAddress(s) else {
                    diagnostics.append(
                        Diagnostic(
                            file: path, line: entry.line, column: entry.column, rule: "config.value",
                            message:
                                "baseURL `\(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\u{FFFD}" : String($0) }.joined())` is not a web address",
                            hint:
                                "use an http:// or https:// address, such as `https://handbook.example.org/`, or a path such as `/handbook/`; any other scheme (javascript:, data:, file:) would run or open in readers' browsers"
                        ))
                    continue
                }
                if !s.hasSuffix("/") { s += "/" }
                config.baseURL = s
            case "editURL":
                if let s = string(entry) {
                    config.editURL = s
                    if !s.contains("{path}") {
                        diagnostics.append(
                            Diagnostic(
                                file: path, line: entry.line, column: entry.column, severity: .warning,
                                rule: "config.value", message: "editURL has no `{path}` placeholder",
                                hint:
                                    "write the pattern with `{path}` where the file's path goes, e.g. `https://git.example.org/handbook/edit/main/{path}`"
                            ))
                    }
                }
            case "markdown":
                guard case .mapping(let markdown) = entry.value else {
                    diagnostics.append(typeError(entry, expected: "mapping", path: path, language: l))
                    continue
                }
                for option in markdown.entries {
                    if option.key == "unsafe" {
                        if case .bool(let b) = option.value {
                            config.unsafeHTML = b
                        } else {
                            diagnostics.append(typeError(option, expected: "boolean", path: path, language: l))
                        }
                    } else {
                        diagnostics.append(
                            unknownKey(option, path: path, known: ["unsafe"], prefix: "markdown.", language: l))
                    }
                }
            case "editions":
                diagnostics += decodeEditions(entry, path: path, into: &config)
            case "search":
                diagnostics += decodeSearch(entry, path: path, into: &config, language: l)
            default:
                if !extraKeys.contains(entry.key) {
                    diagnostics.append(
                        unknownKey(
                            entry, path: path, known: Self.knownKeys.union(extraKeys), prefix: "", language: l))
                }
            }
        }
        return (config, diagnostics)
    }

    /// `search.synonyms`: a mapping from a word to the words that mean the same (`移出: [拉黑, 踢人]`)
    /// or a list of such groups (`- [面基, 线下见面]`).
    private func decodeSearch(
        _ entry: Mapping.Entry, path: String, into config: inout SiteConfig, language l: Language
    ) -> [Diagnostic] {
        guard case .mapping(let search) = entry.value else {
            return [typeError(entry, expected: "mapping", path: path, language: l)]
        }
        var diagnostics: [Diagnostic] = []
        for option in search.entries {
            guard option.key == "synonyms" else {
                diagnostics.append(unknownKey(option, path: path, known: ["synonyms"], prefix: "search.", language: l))
                continue
            }
            func words(_ value: Value) -> [String]? {
                if let s = value.string { return [s] }
                guard let list = value.array else { return nil }
                let strings = list.compactMap(\.string)
                return strings.count == list.count ? strings : nil
            }
            switch option.value {
            case .mapping(let groups):
                for group in groups.entries {
                    guard let others = words(group.value) else {
                        diagnostics.append(typeError(group, expected: "list of strings", path: path, language: l))
                        continue
                    }
                    config.searchSynonyms.append([group.key] + others)
                }
            case .array(let groups):
                for group in groups {
                    guard let members = words(group), members.count > 1 else {
                        diagnostics.append(
                            typeError(option, expected: "list of lists of strings", path: path, language: l))
                        break
                    }
                    config.searchSynonyms.append(members)
                }
            default:
                diagnostics.append(typeError(option, expected: "mapping or list", path: path, language: l))
            }
        }
        return diagnostics
    }

    /// Decodes a rule file named by `include:`: only its YAML and its shape are checked here.
    /// All its keys are the checker's, which reports the unknown ones itself, so they are
    /// reported once.
    package func loadRuleFile(path: String, text: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig(path: path)
        let (mapping, diagnostics) = decode(path: path, text: text)
        if let mapping { config.raw = mapping }
        return (config, diagnostics)
    }

    /// The top-level mapping of a config file, or the located reason it has none. A YAML
    /// mistake is told in the language the file names (it is not decoded yet), else Simplified.
    private func decode(path: String, text: String) -> (Mapping?, [Diagnostic]) {
        let l = Self.language(writtenIn: text)
        func mistake(_ found: YAMLMistake) -> (Mapping?, [Diagnostic]) {
            let (message, hint) = found.message(l, in: path)
            return (
                nil,
                [
                    Diagnostic(
                        file: path, line: found.line, column: found.column, rule: "config.yaml", message: message,
                        hint: hint)
                ]
            )
        }
        if let found = YAMLMistake.indentation(in: text) { return mistake(found) }
        switch YAMLReader.parse(text) {
        case .failure(let failure):
            if failure.hint == nil, let found = YAMLMistake.first(in: text) { return mistake(found) }
            let (problem, hint) = YAMLMistake.describe(failure, l)
            return (
                nil,
                [
                    Diagnostic(
                        file: path, line: failure.line, column: failure.column, rule: "config.yaml",
                        message: l.pick(
                            "\(path) 不是有效的 YAML：\(problem)", "\(path) 不是有效的 YAML：\(problem)",
                            "\(path) is not valid YAML: \(problem)"),
                        hint: hint
                            ?? l.pick(
                                "改正这一行的 YAML 写法；值里有 `:` 或 `#` 时给它加上引号。",
                                "改正這一行的 YAML 寫法；值裡有 `:` 或 `#` 時給它加上引號。",
                                "Fix the YAML syntax at this line; quote values that contain `:` or `#`."))
                ]
            )
        case .success(.null):
            return (nil, [])
        case .success(.mapping(let m)):
            return (m, [])
        case .success(let other):
            if let found = YAMLMistake.first(in: text) { return mistake(found) }
            return (
                nil,
                [
                    Diagnostic(
                        file: path, line: 1, rule: "config.type",
                        message: l.pick(
                            "\(path) 应当是一行一个的 `设置: 值`，实际是 \(other.typeName)",
                            "\(path) 應當是一行一個的 `設定: 值`，實際是 \(other.typeName)",
                            "\(path) must be a mapping of settings, found a \(other.typeName)"),
                        hint: l.pick(
                            "一行写一个设置，例如 `title: 读书会运营手册`", "一行寫一個設定，例如 `title: 讀書會營運手冊`",
                            "write settings as `key: value` lines, such as `title: Reading club handbook`"))
                ]
            )
        }
    }

    /// The language a config names on its own `language:` line, read before the YAML is.
    package static func language(writtenIn text: String) -> Language {
        for line in text.split(separator: "\n") where line.hasPrefix("language") {
            let value = line.drop { $0 != ":" && $0 != "：" }.dropFirst().trimmingCharacters(in: .whitespaces)
            if let language = Language(rawValue: value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))) {
                return language
            }
        }
        return .zhHans
    }

    private func typeError(_ entry: Mapping.Entry, expected: String, path: String, language l: Language) -> Diagnostic {
        Diagnostic(
            file: path, line: entry.line, column: entry.column, rule: "config.type",
            message: l.pick(
                "`\(entry.key)` 应当是 \(expected)，实际是 \(entry.value.typeName)",
                "`\(entry.key)` 應當是 \(expected)，實際是 \(entry.value.typeName)",
                "`\(entry.key)` must be a \(expected), found a \(entry.value.typeName)"),
            hint: expected == "string"
                ? l.pick(
                    "给值加上引号：\(entry.key): \"…\"", "給值加上引號：\(entry.key): \"…\"", "quote the value: \(entry.key): \"…\"")
                : nil)
    }

    private func unknownKey(
        _ entry: Mapping.Entry, path: String, known: Set<String>, prefix: String, language l: Language
    ) -> Diagnostic {
        let keys = known.sorted().joined(separator: ", ")
        var hint = l.pick("可用的键：\(keys)", "可用的鍵：\(keys)", "known keys are: \(keys)")
        if let suggestion = Suggestion.closest(to: entry.key, in: known) {
            hint =
                l.pick(
                    "你是不是想写 `\(prefix)\(suggestion)`？", "你是不是想寫 `\(prefix)\(suggestion)`？",
                    "did you mean `\(prefix)\(suggestion)`? ") + hint
        }
        return Diagnostic(
            file: path, line: entry.line, column: entry.column, severity: .warning, rule: "config.unknown-key",
            message: l.pick(
                "未知的键 `\(prefix)\(entry.key)` 被忽略", "未知的鍵 `\(prefix)\(entry.key)` 被忽略",
                "unknown key `\(prefix)\(entry.key)` is ignored"),
            hint: hint)
    }
}

extension SiteConfigLoader {
    /// Whether a `baseURL` can only lead readers to a web page: an `http`/`https` address or a
    /// path, with no spaces or control characters (browsers drop tabs and newlines inside a URL,
    /// so `java\tscript:` would still be a script).
    static func isWebAddress(_ value: String) -> Bool {
        guard !value.isEmpty,
            !value.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" })
        else { return false }
        let end = value.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? value.endIndex
        guard let colon = value[..<end].firstIndex(of: ":") else { return true }
        let scheme = value[..<colon].lowercased()
        return scheme == "http" || scheme == "https"
    }
}
