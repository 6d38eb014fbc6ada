import PlaybookModel
import PlaybookTemplate

// The values the theme's templates read, with the names they read them by. README.md lists
// the names (“Theme”); a name a template uses that no value here has is an error when the
// theme is loaded. Every value is escaped by `{{…}}`; the `…HTML` ones, `body` and `sidebar`
// are HTML and shown with `{{{…}}}`. An optional value that is nil is not there: the template
// looks for the name further out, as it did when these were dictionaries.

/// What every page template (`page`, `list`, `catalog`, `health`, `kit`, `search`,
/// `notfound`, and the `layout` they extend) renders: the site's chrome, plus the one part its
/// template is about.
final class SiteView {
    var lang = ""
    var site = SiteInfoView(title: "", description: "")
    var t = WordsView.empty
    var root = ""
    var homeHref = ""
    var title = ""
    var pageTitle = ""
    var navHTML = ""
    var searchHref = ""
    var description = ""
    var ogType = ""
    var hasFeed = false
    var hasTags = false
    var tagsHref = ""
    var contentLang: String?
    var hasEditions: Bool?
    var editions: [EditionView]?
    var canonical: String?
    var page: PageView?
    var sidebar: String?
    var breadcrumbsHTML: String?
    var hasBreadcrumbs: Bool?
    var noindex: Bool?
    var list: ListView?
    var catalog: [CatalogEntryView]?
    var health: HealthView?
    var kit: KitView?
    var absoluteBase: String?
    var styleURL: String?
}

extension SiteView: TemplateContext {
    static let templateFields: [String: TemplateBinding<SiteView>] = [
        "lang": .string { $0.lang }, "site": .object { $0.site }, "t": .object { $0.t }, "root": .string { $0.root },
        "homeHref": .string { $0.homeHref }, "title": .string { $0.title }, "pageTitle": .string { $0.pageTitle },
        "navHTML": .string { $0.navHTML }, "searchHref": .string { $0.searchHref },
        "description": .string { $0.description }, "ogType": .string { $0.ogType },
        "hasFeed": .boolean { $0.hasFeed }, "hasTags": .boolean { $0.hasTags }, "tagsHref": .string { $0.tagsHref },
        "contentLang": .string { $0.contentLang }, "hasEditions": .boolean { $0.hasEditions },
        "editions": .list { $0.editions }, "canonical": .string { $0.canonical }, "page": .object { $0.page },
        "sidebar": .string { $0.sidebar }, "breadcrumbsHTML": .string { $0.breadcrumbsHTML },
        "hasBreadcrumbs": .boolean { $0.hasBreadcrumbs }, "noindex": .boolean { $0.noindex },
        "list": .object { $0.list }, "catalog": .list { $0.catalog }, "health": .object { $0.health },
        "kit": .object { $0.kit }, "absoluteBase": .string { $0.absoluteBase }, "styleURL": .string { $0.styleURL },
    ]
}

struct SiteInfoView: TemplateContext {
    var title: String
    var description: String

    static let templateFields: [String: TemplateBinding<SiteInfoView>] = [
        "title": .string { $0.title }, "description": .string { $0.description },
    ]
}

/// The interface words (`t.search`) of one language: every key any language has is a name;
/// a key the language lacks is nothing.
struct WordsView: TemplateContext {
    let values: [String?]

    static let keys: [String] = Set(
        [Language.zhHans, .zhHant, .en].flatMap { InterfaceText.words(for: $0).keys }
    ).sorted()

    static let empty = WordsView(values: [])

    init(values: [String?]) {
        self.values = values
    }

    init(words: [String: String]) {
        values = Self.keys.map { words[$0] }
    }

    static let templateFields: [String: TemplateBinding<WordsView>] = Dictionary(
        uniqueKeysWithValues: keys.enumerated().map { index, key in
            (key, TemplateBinding<WordsView>.string { $0.values.indices.contains(index) ? $0.values[index] : nil })
        })
}

/// The same page in another script edition.
struct EditionView: TemplateContext {
    var lang: String
    var label: String
    var current: Bool
    var href: String
    var absolute: String?

    static let templateFields: [String: TemplateBinding<EditionView>] = [
        "lang": .string { $0.lang }, "label": .string { $0.label }, "current": .boolean { $0.current },
        "href": .string { $0.href }, "absolute": .string { $0.absolute },
    ]
}

/// A link to a page or folder: breadcrumbs, sidebars, "linked from", previous and next.
struct LinkView: TemplateContext {
    var title: String
    var href: String
    var current: Bool?
    var folder: Bool?

    static let templateFields: [String: TemplateBinding<LinkView>] = [
        "title": .string { $0.title }, "href": .string { $0.href }, "current": .boolean { $0.current },
        "folder": .boolean { $0.folder },
    ]
}

/// The `nav` template's values: the top navigation of one URL.
struct NavView: TemplateContext {
    var t: WordsView
    var nav: [NavItemView]
    var healthHref: String
    var healthCurrent: Bool
    var hasHealth: Bool

    static let templateFields: [String: TemplateBinding<NavView>] = [
        "t": .object { $0.t }, "nav": .list { $0.nav }, "healthHref": .string { $0.healthHref },
        "healthCurrent": .boolean { $0.healthCurrent }, "hasHealth": .boolean { $0.hasHealth },
    ]
}

struct NavItemView: TemplateContext {
    var folder: String
    var title: String
    var count: Int
    var href: String
    var current: Bool

    static let templateFields: [String: TemplateBinding<NavItemView>] = [
        "folder": .string { $0.folder }, "title": .string { $0.title }, "count": .integer { $0.count },
        "href": .string { $0.href }, "current": .boolean { $0.current },
    ]
}

/// The `breadcrumbs` template's values.
struct BreadcrumbsView: TemplateContext {
    var breadcrumbs: [LinkView]

    static let templateFields: [String: TemplateBinding<BreadcrumbsView>] = [
        "breadcrumbs": .list { $0.breadcrumbs }
    ]
}

/// The `sidebar` template's values: the section a page is in, when it has one.
struct SidebarView: TemplateContext {
    var t: WordsView
    var section: SidebarSectionView?

    static let templateFields: [String: TemplateBinding<SidebarView>] = [
        "t": .object { $0.t }, "section": .object { $0.section },
    ]
}

struct SidebarSectionView: TemplateContext {
    var title: String
    var href: String
    var items: [LinkView]
    var more: Bool

    static let templateFields: [String: TemplateBinding<SidebarSectionView>] = [
        "title": .string { $0.title }, "href": .string { $0.href }, "items": .list { $0.items },
        "more": .boolean { $0.more },
    ]
}
