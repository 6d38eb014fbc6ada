/// The theme's templates, each by the name of its file in `templates/` (`<name>.mustache`). The
/// one list of them: the built-in copies (`DefaultTheme`), the check that a theme has them all
/// and the renderer go through it. A site may override any of them and add partials of its own.
enum ThemeTemplate: String, CaseIterable, Sendable {
    /// The frame every page template extends.
    case layout
    /// Pieces rendered on their own (`nav`, `breadcrumbs`, `sidebar`) or included as partials.
    case nav, breadcrumbs, sidebar, pagination
    case catalogEntry = "catalog-entry"
    /// The templates that render a whole page; see `pages`.
    case page, list, catalog, health, kit, search
    case notFound = "notfound"

    /// The templates the renderer calls with a whole page's values (`SiteView`); `layout`,
    /// `catalog-entry` and `pagination` are reached from them as parent and partials.
    static let pages: [ThemeTemplate] = [.page, .list, .catalog, .health, .kit, .search, .notFound]

    /// `page.mustache`.
    var file: String { rawValue + ".mustache" }
}
