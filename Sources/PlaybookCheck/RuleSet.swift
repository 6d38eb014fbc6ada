import PlaybookModel

/// The rules a handbook is checked by: every kind's schema and the severity of every rule.
/// Built-in defaults come from the domain; `playbook.yml` (and the files it includes) may
/// change a kind, add one, and raise, lower or turn off any rule per kind or per path.
package struct RuleSet: Sendable {
    package var kinds: [String: KindSchema]
    /// Severity by rule id (`page.title`) or pattern (`group.*`, `*`), for every page.
    package var severity: [String: RuleLevel]
    /// Severity for pages whose path matches a glob; later entries win.
    package var overrides: [PathOverride]

    package struct PathOverride: Hashable, Sendable {
        /// Site-relative glob such as `content/groups/legacy/**`.
        package var files: String
        package var severity: [String: RuleLevel]

        package init(files: String, severity: [String: RuleLevel]) {
            self.files = files
            self.severity = severity
        }
    }

    package init(kinds: [String: KindSchema], severity: [String: RuleLevel] = [:], overrides: [PathOverride] = []) {
        self.kinds = kinds
        self.severity = severity
        self.overrides = overrides
    }

    /// Every kind's label, as the site's rules leave them: what the render stage names kinds by.
    package var kindLabels: KindLabels {
        KindLabels(Dictionary(uniqueKeysWithValues: kinds.map { (Kind($0.key), $0.value.label) }))
    }

    /// Top-level playbook.yml keys the checker owns (so the config loader does not warn on them).
    package static let configKeys: Set<String> = ["kinds", "severity", "overrides", "include"]

    package static let defaults = RuleSet(
        kinds: Dictionary(uniqueKeysWithValues: DefaultKinds.all.map { ($0.name, $0) }))

    /// Rules that only warn unless a site raises them (a site's `"*": error` raises them too).
    static let defaultLevels: [String: RuleLevel] = [
        "template.unused-variable": .warning,
        "onboarding.step-time": .warning,
        "onboarding.step-owner": .warning,
        "group.template-version": .warning,
        "page.mixed-script": .warning,
    ]

    /// Extra rule files named by the config (site-relative paths), which the load stage reads.
    package static func referencedFiles(in config: SiteConfig) -> [String] {
        guard let include = config.raw["include"] else { return [] }
        let values: [Value] = include.array ?? [include]
        return values.compactMap(\.string).compactMap(RuleConfigReader.includedPath)
    }

    /// Built-in defaults merged with the site's overrides; config problems as located diagnostics.
    ///
    /// `files` holds the text of the files `referencedFiles` named, by path. They are YAML, which
    /// this stage does not parse (only the load stage has a YAML reader): pass them decoded
    /// through `load(config:includes:)` to use them. A named file missing from both is an error
    /// at its `include` line.
    package static func load(config: SiteConfig, files: [String: String]) -> (RuleSet, [Diagnostic]) {
        load(config: config, includes: [], texts: files)
    }

    /// Built-in defaults merged with the site's config and its included rule files, each loaded
    /// by the config loader (so YAML errors are already located diagnostics of their own).
    package static func load(config: SiteConfig, includes: [SiteConfig]) -> (RuleSet, [Diagnostic]) {
        load(config: config, includes: includes, texts: [:])
    }

    static func load(config: SiteConfig, includes: [SiteConfig], texts: [String: String]) -> (RuleSet, [Diagnostic]) {
        var reader = RuleConfigReader(rules: defaults, language: config.language)
        reader.read(config.raw, path: config.path)
        let byPath = Dictionary(includes.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        for (path, line) in reader.includeLines {
            if let included = byPath[path] {
                reader.read(included.raw, path: included.path, included: true)
            } else if texts[path] != nil {
                reader.report(
                    config.path, line, "config.include",
                    Localized(
                        "规则文件 \(path) 已读到，但这个版本的 playbook 没有把它交给检查器",
                        "規則檔 \(path) 已讀到，但這個版本的 playbook 沒有把它交給檢查器",
                        "rule file \(path) was read but this build of playbook does not pass it to the checker"),
                    severity: .warning)
            } else {
                reader.report(
                    config.path, line, "config.include",
                    Localized(
                        "站点里找不到规则文件 \(path)", "站點裡找不到規則檔 \(path)",
                        "rule file \(path) does not exist inside the site"),
                    hint: Localized(
                        "路径相对于站点根目录（playbook.yml 所在的文件夹）；站点以外的文件（包括指向外面的符号链接）不会被读取",
                        "路徑相對於站點根目錄（playbook.yml 所在的資料夾）；站點以外的檔案（包括指向外面的符號連結）不會被讀取",
                        "Paths are relative to the site root (the folder holding playbook.yml); files outside it, symbolic links leading out included, are never read"
                    ))
            }
        }
        reader.validate()
        return (reader.rules, reader.diagnostics.sorted())
    }

    /// The severity `rule` runs at on a page of `kind` at `path`, starting from the severity
    /// the rule reported; nil when the rule is off there. Path overrides beat the kind's
    /// severity, which beats the site-wide one; an exact rule id beats a pattern.
    func level(of rule: String, kind: String?, path: String, reported: Severity) -> Severity? {
        for override in overrides.reversed() where Glob.matches(override.files, path) {
            if let level = Self.lookup(rule, in: override.severity) { return level.severity }
        }
        if let kind, let schema = kinds[kind], let level = Self.lookup(rule, in: schema.severity) {
            return level.severity
        }
        if let level = Self.lookup(rule, in: severity) { return level.severity }
        return Self.defaultLevels[rule]?.severity ?? reported
    }

    static func lookup(_ rule: String, in table: [String: RuleLevel]) -> RuleLevel? {
        if table.isEmpty { return nil }
        if let exact = table[rule] { return exact }
        // `group.*` beats `*`; a longer prefix beats a shorter one.
        var best: (Int, RuleLevel)?
        for (pattern, level) in table where pattern.hasSuffix("*") {
            let prefix = pattern.dropLast()
            if rule.hasPrefix(prefix), best == nil || prefix.count > best!.0 { best = (prefix.count, level) }
        }
        return best?.1
    }
}

/// Site-relative path globs: `*` within one folder name, `**` across folders, `?` one character.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        match(Array(pattern.unicodeScalars)[...], Array(path.unicodeScalars)[...])
    }

    private static func match(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "*" {
            let double = p.dropFirst().first == "*"
            var rest = p.dropFirst(double ? 2 : 1)
            if double, rest.first == "/" {
                // `a/**/b` also matches `a/b`.
                if match(rest.dropFirst(), s) { return true }
                rest = p.dropFirst(2)
            }
            var i = s.startIndex
            while true {
                if match(rest, s[i...]) { return true }
                guard i < s.endIndex, double || s[i] != "/" else { return false }
                i += 1
            }
        }
        guard let c = s.first else { return false }
        if first == "?" ? c != "/" : first == c { return match(p.dropFirst(), s.dropFirst()) }
        return false
    }
}
