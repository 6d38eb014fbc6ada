/// A phrase in each interface language. Built-in rules carry all three; a site's own rules
/// may give one text, which is then used for every language.
package struct Localized: Hashable, Sendable {
    package var zhHans: String
    package var zhHant: String
    package var en: String

    package init(_ zhHans: String, _ zhHant: String, _ en: String) {
        self.zhHans = zhHans
        self.zhHant = zhHant
        self.en = en
    }

    package init(_ all: String) {
        self.init(all, all, all)
    }

    package func callAsFunction(_ language: Language) -> String {
        switch language {
        case .zhHans: return zhHans
        case .zhHant: return zhHant
        case .en: return en
        }
    }

    /// Joins two phrases per language with `separator`.
    package static func + (a: Localized, b: Localized) -> Localized {
        Localized(a.zhHans + b.zhHans, a.zhHant + b.zhHant, a.en + b.en)
    }
}
