/// The interface language of a site; decides `<html lang>`, interface words and messages.
public enum Language: String, Hashable, Sendable, CaseIterable {
    case zhHans = "zh-Hans"
    case zhHant = "zh-Hant"
    case en

    /// The language a POSIX locale name asks for (`LANG=zh_TW.UTF-8` → zh-Hant), or nil when
    /// it names none of Playbook's: Taiwan, Hong Kong, Macau and `Hant` scripts are
    /// Traditional, other Chinese locales Simplified, `en…` English.
    package init?(locale: String) {
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
    package func pick(_ zhHans: String, _ zhHant: String, _ en: String) -> String {
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
    package var title: String
    package var language: Language
    /// Absolute base URL or path prefix, always ending in `/`. Used for `sitemap.xml` only:
    /// page links are relative so the site works under any sub-path.
    package var baseURL: String
    package var description: String
    /// Pattern with `{path}` replaced by the file's site-relative path, for "edit this page".
    package var editURL: String?
    /// Pass raw HTML in Markdown through to the page (`markdown.unsafe`).
    package var unsafeHTML: Bool
    /// The script editions, the first at the site root; empty for a site of one edition.
    package var editions: [Edition] = []
    /// Names no edition converts (`editions.keep`): people, brands, places.
    package var keep: [String] = []
    /// The site's own phrases (`editions.phrases`), read ahead of Playbook's domain phrases in
    /// both directions.
    package var phrases: [EditionPhrase] = []
    /// Whether editions read Playbook's community-operations phrases (`editions.domainPhrases`,
    /// on unless a site turns it off).
    package var domainPhrases = true
    /// The edition being rendered, one of `editions`; nil for a site of one edition.
    package var currentEdition: Edition?
    /// How the edition being rendered shows a tag, by the tag as written, for the tags it writes
    /// otherwise (`开新分会` → `開新分會`). A tag's URL is made from the tag as written, so every
    /// edition has the same URLs.
    package var tagLabels: [String: String] = [:]
    /// How the site names each kind (`kinds.<name>.label`, read by the checker's rules): the
    /// built-in labels until the pipeline sets the site's after reading its rules.
    package var kindLabels: KindLabels = .defaults
    /// The site's own search synonyms (`search.synonyms`), each a group of words search treats
    /// as one, added to the ones Playbook ships.
    package var searchSynonyms: [[String]] = []
    /// The config file's path relative to the site root, for diagnostics (`playbook.yml`).
    package var path: String
    package var raw: Mapping

    package init(
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

/// One phrase in each script and region, as an edition writes it: `审核` / `審核` / `審核`.
/// A converter into any of them reads every other form of the phrase as this phrase.
package struct EditionPhrase: Hashable, Sendable {
    /// zh-Hans.
    package var simplified: String
    /// zh-Hant: Traditional as OpenCC's `s2t` writes it, where no region is named.
    package var traditional: String
    /// zh-Hant-TW.
    package var taiwan: String
    /// zh-Hant-HK.
    package var hongKong: String

    /// A region's form left out is the Traditional one.
    package init(simplified: String, traditional: String, taiwan: String? = nil, hongKong: String? = nil) {
        self.simplified = simplified
        self.traditional = traditional
        self.taiwan = taiwan ?? traditional
        self.hongKong = hongKong ?? traditional
    }
}

/// One script edition of the handbook (`editions:` in `playbook.yml`): every page, in one
/// script, under its own folder of the site.
package struct Edition: Hashable, Sendable {
    /// A BCP 47 tag: `zh-Hans`, `zh-Hant`, `zh-Hant-TW`, `zh-Hant-HK`. It is `<html lang>` and
    /// `hreflang` of the edition's pages.
    package var language: String
    /// The folder of the edition below the site root, ending in `/`; empty for the first.
    package var prefix: String
    /// The OpenCC configuration that converts a page written in the other script into this
    /// edition's (`s2twp`, `tw2sp`, `s2hk`, `hk2s`, `s2t`, `t2s`…).
    package var conversion: String

    package init(language: String, prefix: String, conversion: String? = nil) {
        self.language = language
        self.prefix = prefix
        self.conversion = conversion ?? Edition.defaultConversion(into: language)
    }

    /// The script the edition is written in.
    package var script: WrittenScript {
        language.lowercased().hasPrefix("zh-hant") ? .traditional : .simplified
    }

    /// The interface language of the edition's pages.
    package var interfaceLanguage: Language {
        script == .traditional ? .zhHant : .zhHans
    }

    /// Taiwan's and Hong Kong's editions use their region's words (软件 → 軟體 for Taiwan);
    /// a Simplified edition reads Taiwan's words back (`tw2sp`) unless told otherwise.
    package static func defaultConversion(into language: String) -> String {
        switch language.lowercased() {
        case "zh-hant-tw": return "s2twp"
        case "zh-hant-hk", "zh-hant-mo": return "s2hk"
        case let tag where tag.hasPrefix("zh-hant"): return "s2t"
        default: return "tw2sp"
        }
    }

    /// The OpenCC configurations an edition may name (OpenCC's own file names, without `.json`).
    package static let conversions = [
        "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "tw2t", "t2hk", "hk2t",
    ]

    /// The name of the edition in its own script, for the switcher: 简体, 繁體, 繁體（香港）.
    package var label: String {
        switch language.lowercased() {
        case "zh-hans", "zh-hans-cn": return "简体"
        case let tag where tag.hasPrefix("zh-hans-"): return "简体（\(language.dropFirst(8))）"
        case "zh-hant", "zh-hant-tw": return "繁體"
        case "zh-hant-hk": return "繁體（香港）"
        case "zh-hant-mo": return "繁體（澳門）"
        default: return "繁體（\(language.dropFirst(8))）"
        }
    }

    /// True for the tags an edition can have: Chinese in Simplified or Traditional script.
    package static func isSupported(_ language: String) -> Bool {
        let tag = language.lowercased()
        return tag == "zh-hans" || tag == "zh-hant" || tag.hasPrefix("zh-hans-") || tag.hasPrefix("zh-hant-")
    }
}
