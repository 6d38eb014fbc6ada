import PlaybookModel

extension SiteConfigLoader {
    /// Decodes `editions:`, either the list of languages alone (`editions: [zh-Hans, zh-Hant-TW]`)
    /// or a mapping with `languages` and `keep`. Each language is a tag or
    /// `{language, prefix, convert}`. Mistakes are errors at their own line; a site with a
    /// mistake here keeps one edition.
    func decodeEditions(_ entry: Mapping.Entry, path: String, into config: inout SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func error(_ line: Int, _ column: Int, _ message: String, _ hint: String) {
            diagnostics.append(
                Diagnostic(file: path, line: line, column: column, rule: "config.value", message: message, hint: hint))
        }
        var languages: [Value] = []
        var line = entry.line
        switch entry.value {
        case .array(let items):
            languages = items
        case .mapping(let mapping):
            for option in mapping.entries {
                switch option.key {
                case "languages":
                    guard case .array(let items) = option.value else {
                        error(option.line, option.column, "`editions.languages` must be a list", Self.editionsExample)
                        continue
                    }
                    languages = items
                    line = option.line
                case "keep":
                    guard case .array(let names) = option.value, names.allSatisfy({ $0.string != nil }) else {
                        error(
                            option.line, option.column, "`editions.keep` must be a list of names",
                            "write the names no edition converts: `keep: [拾页, 林晓]`")
                        continue
                    }
                    config.keep = names.compactMap(\.string)
                case "phrases":
                    diagnostics += decodePhrases(option, path: path, into: &config)
                case "domainPhrases":
                    guard let on = option.value.bool else {
                        error(
                            option.line, option.column, "`editions.domainPhrases` must be true or false",
                            "write `domainPhrases: false` to convert with OpenCC's general phrases alone")
                        continue
                    }
                    config.domainPhrases = on
                default:
                    diagnostics.append(
                        Diagnostic(
                            file: path, line: option.line, column: option.column, severity: .warning,
                            rule: "config.unknown-key", message: "unknown key `editions.\(option.key)` is ignored",
                            hint: "known keys are: domainPhrases, keep, languages, phrases"))
                }
            }
        default:
            error(entry.line, entry.column, "`editions` must be a list or a mapping", Self.editionsExample)
            return diagnostics
        }
        var editions: [Edition] = []
        for (index, item) in languages.enumerated() {
            var tag: String?
            var prefix: String?
            var conversion: String?
            switch item {
            case .string(let s):
                tag = s
            case .mapping(let m):
                tag = m["language"]?.string
                prefix = m["prefix"]?.string
                conversion = m["convert"]?.string
                for key in m.keys where !["language", "prefix", "convert"].contains(key) {
                    error(
                        m.entry(key)?.line ?? line, m.entry(key)?.column ?? 1, "unknown key `\(key)` in an edition",
                        "an edition takes `language`, `prefix` and `convert`")
                }
            default:
                break
            }
            guard let tag, Edition.isSupported(tag) else {
                error(
                    line, 1,
                    "edition \(index + 1) is not a Chinese script: \(tag.map { "`\($0)`" } ?? "no `language`")",
                    "name each edition by its tag: zh-Hans, zh-Hant, zh-Hant-TW or zh-Hant-HK")
                continue
            }
            if let conversion, !Edition.conversions.contains(conversion) {
                error(
                    line, 1, "edition `\(tag)` names the unknown OpenCC configuration `\(conversion)`",
                    "use one of: \(Edition.conversions.joined(separator: ", "))")
                continue
            }
            var folder = (prefix ?? (editions.isEmpty ? "" : tag)).trimmingCharacters(in: "/")
            if editions.isEmpty, !folder.isEmpty {
                error(
                    line, 1, "the first edition `\(tag)` is at the site root and takes no prefix",
                    "remove `prefix: \(folder)`, or list another edition first")
                folder = ""
            }
            if !editions.isEmpty {
                guard !folder.isEmpty, folder.unicodeScalars.allSatisfy(Self.isPrefixScalar) else {
                    error(
                        line, 1, "edition `\(tag)` has the prefix `\(prefix ?? "")`, which is not one folder name",
                        "use letters, digits and `-`, such as `prefix: zh-Hant`")
                    continue
                }
                folder += "/"
            }
            if let twin = editions.first(where: { $0.prefix == folder || $0.language == tag }) {
                error(
                    line, 1, "two editions share `\(twin.language == tag ? tag : folder)`",
                    "give each edition its own language and prefix")
                continue
            }
            editions.append(Edition(language: tag, prefix: folder, conversion: conversion))
        }
        if languages.count == 1 {
            error(
                line, 1, "`editions` names one edition; a site has one edition without it",
                "list two editions, such as `editions: [zh-Hans, zh-Hant-TW]`, or remove `editions`")
            editions = []
        }
        if diagnostics.contains(where: { $0.severity == .error }) { editions = [] }
        config.editions = editions
        return diagnostics
    }

    /// Decodes `editions.phrases`: each phrase `[简体, 繁體]`, `[简体, 繁體, 臺灣]` or
    /// `{zh-Hans: …, zh-Hant: …, zh-Hant-TW: …, zh-Hant-HK: …}` (a region left out writes the
    /// `zh-Hant` form). A phrase is one word or expression, without spaces.
    func decodePhrases(_ option: Mapping.Entry, path: String, into config: inout SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func error(_ message: String) {
            diagnostics.append(
                Diagnostic(
                    file: path, line: option.line, column: option.column, rule: "config.value", message: message,
                    hint: Self.phrasesExample))
        }
        guard case .array(let items) = option.value else {
            error("`editions.phrases` must be a list of phrases")
            return diagnostics
        }
        var phrases: [EditionPhrase] = []
        for (index, item) in items.enumerated() {
            var forms: [String: String] = [:]
            switch item {
            case .array(let written) where (2...3).contains(written.count) && written.allSatisfy({ $0.string != nil }):
                let strings = written.compactMap(\.string)
                forms["zh-Hans"] = strings[0]
                forms["zh-Hant"] = strings[1]
                if strings.count == 3 { forms["zh-Hant-TW"] = strings[2] }
            case .mapping(let mapping) where mapping.entries.allSatisfy({ $0.value.string != nil }):
                for entry in mapping.entries {
                    guard ["zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK"].contains(entry.key) else {
                        error(
                            "phrase \(index + 1) names `\(entry.key)`; a phrase is written in zh-Hans, zh-Hant, zh-Hant-TW or zh-Hant-HK"
                        )
                        continue
                    }
                    forms[entry.key] = entry.value.string
                }
            default:
                error("phrase \(index + 1) of `editions.phrases` is not a phrase in each script")
                continue
            }
            guard let simplified = forms["zh-Hans"], let traditional = forms["zh-Hant"] else {
                error("phrase \(index + 1) of `editions.phrases` needs its zh-Hans and zh-Hant forms")
                continue
            }
            let all = forms.values
            if let bad = all.first(where: { $0.isEmpty || $0.unicodeScalars.contains { $0.properties.isWhitespace } }) {
                error(
                    "phrase \(index + 1) of `editions.phrases` has the form `\(bad)`; a phrase has no spaces and is not empty"
                )
                continue
            }
            phrases.append(
                EditionPhrase(
                    simplified: simplified, traditional: traditional, taiwan: forms["zh-Hant-TW"],
                    hongKong: forms["zh-Hant-HK"]))
        }
        config.phrases = phrases
        return diagnostics
    }

    static let phrasesExample =
        "write each phrase as `[简体, 繁體]`, `[简体, 繁體, 臺灣]` or `{zh-Hans: 群文件, zh-Hant: 群文件, zh-Hant-TW: 群組檔案}`"

    static let editionsExample =
        "write `editions: [zh-Hans, zh-Hant-TW]`, or `editions: {languages: [zh-Hans, {language: zh-Hant-TW, prefix: zh-Hant}], keep: [拾页]}`"

    private static func isPrefixScalar(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_")
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
