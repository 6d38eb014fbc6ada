/// The interface language of a site; decides `<html lang>`, interface words and messages.
public enum Language: String, Hashable, Sendable, CaseIterable, Codable {
    case zhHans = "zh-Hans"
    case zhHant = "zh-Hant"
    case en

    /// The language a POSIX locale name asks for (`LANG=zh_TW.UTF-8` → zh-Hant), or nil when
    /// it names none of Playbook's: Taiwan, Hong Kong, Macau and `Hant` scripts are
    /// Traditional, other Chinese locales Simplified, `en…` English.
    public init?(locale: String) {
        let name = locale.split(separator: ".").first ?? ""
        let parts = name.lowercased().split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "@" })
        guard let first = parts.first else { return nil }
        switch first {
        case "zh":
            let rest = Set(parts.dropFirst())
            self = rest.isDisjoint(with: ["tw", "hk", "mo", "hant"]) ? .zhHans : .zhHant
        case "en": self = .en
        default: return nil
        }
    }

    /// The phrase for this language, of the three given in the order of the cases.
    public func pick(_ zhHans: String, _ zhHant: String, _ en: String) -> String {
        switch self {
        case .zhHans: return zhHans
        case .zhHant: return zhHant
        case .en: return en
        }
    }
}

/// `playbook.yml`, decoded. Unknown keys are reported by the loader; `raw` keeps the whole
/// mapping so later stages (the checker's rule overrides) can read their own sections.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    public var language: Language
    /// Absolute base URL or path prefix, always ending in `/`. Used for `sitemap.xml` only:
    /// page links are relative so the site works under any sub-path.
    public var baseURL: String
    public var description: String
    /// Pattern with `{path}` replaced by the file's site-relative path, for "edit this page".
    public var editURL: String?
    /// Pass raw HTML in Markdown through to the page (`markdown.unsafe`).
    public var unsafeHTML: Bool
    /// The config file's path relative to the site root, for diagnostics (`playbook.yml`).
    public var path: String
    public var raw: Mapping

    public init(
        title: String = "Playbook", language: Language = .zhHans, baseURL: String = "/", description: String = "",
        editURL: String? = nil, unsafeHTML: Bool = false, path: String = "playbook.yml", raw: Mapping = Mapping()
    ) {
        self.title = title
        self.language = language
        self.baseURL = baseURL
        self.description = description
        self.editURL = editURL
        self.unsafeHTML = unsafeHTML
        self.path = path
        self.raw = raw
    }
}
