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
                default:
                    diagnostics.append(
                        Diagnostic(
                            file: path, line: option.line, column: option.column, severity: .warning,
                            rule: "config.unknown-key", message: "unknown key `editions.\(option.key)` is ignored",
                            hint: "known keys are: keep, languages"))
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
