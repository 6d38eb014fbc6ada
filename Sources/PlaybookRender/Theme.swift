import PlaybookModel

/// The theme, compiled: its templates bound to the values they render, plus the asset files
/// copied beside the pages.
///
/// The default theme is `templates/` of this repository, embedded in the binary, so a lone
/// `playbook` binary can build a site that has no `templates/` folder. A site's own file of
/// the same name replaces the default one. Every template is parsed once and bound once when
/// the theme is made, so a mistake in any of them (a tag that does not parse, a section never
/// closed, an unknown name, a partial that does not exist) stops the build before anything is
/// rendered, naming the file, line and column.
/// Unchecked: `renderers` holds closures, made with the theme and never changed, only called.
public struct Theme: @unchecked Sendable {
    /// Non-template files (CSS, JavaScript, fonts), by path relative to the theme root.
    public let assets: [String: [UInt8]]
    /// Where each template came from, for error messages (`templates/page.mustache` or `(built-in) …`).
    public let origins: [String: String]
    let renderers: Renderers

    /// Templates a theme must provide; a site can override any of them.
    public static let requiredTemplates = [
        "layout", "nav", "breadcrumbs", "page", "sidebar", "list", "health", "search", "notfound", "kit", "catalog",
        "catalog-entry",
    ]

    /// The templates the renderer calls, each rendering a `SiteView`; `layout` and
    /// `catalog-entry` are reached from them as parent and partial.
    enum PageTemplate: CaseIterable {
        case page, list, catalog, health, kit, search, notFound

        var name: String {
            switch self {
            case .page: return "page"
            case .list: return "list"
            case .catalog: return "catalog"
            case .health: return "health"
            case .kit: return "kit"
            case .search: return "search"
            case .notFound: return "notfound"
            }
        }
    }

    final class Renderers {
        let pages: [TemplateRenderer<SiteView>]
        let nav: TemplateRenderer<NavView>
        let breadcrumbs: TemplateRenderer<BreadcrumbsView>
        let sidebar: TemplateRenderer<SidebarView>

        init(_ templates: [String: ParsedTemplate]) throws(TemplateError) {
            func bind<Root: TemplateContext>(_ name: String, _: Root.Type) throws(TemplateError) -> TemplateRenderer<
                Root
            > {
                let template = templates[name]!
                let compiler = TemplateCompiler(templates: templates, file: template.file)
                return try compiler.compile(template.nodes, in: TemplateScope<Root>.root(Root.self))
            }
            var pages: [TemplateRenderer<SiteView>] = []
            for template in PageTemplate.allCases { pages.append(try bind(template.name, SiteView.self)) }
            self.pages = pages
            nav = try bind("nav", NavView.self)
            breadcrumbs = try bind("breadcrumbs", BreadcrumbsView.self)
            sidebar = try bind("sidebar", SidebarView.self)
        }
    }

    /// Compiles the default theme overlaid with `overrides` (name relative to `templates/` → text).
    public init(overrides: [String: String] = [:]) throws {
        var sources: [String: (text: String, origin: String)] = [:]
        var assets: [String: [UInt8]] = [:]
        for (name, bytes) in DefaultTheme.files {
            if name.hasSuffix(".mustache") {
                sources[name] = (String(decoding: bytes, as: UTF8.self), "templates/\(name) (built-in)")
            } else {
                assets[name] = bytes
            }
        }
        for (name, text) in overrides {
            if name.hasSuffix(".mustache") {
                sources[name] = (text, "templates/\(name)")
            } else {
                assets[name] = Array(text.utf8)
            }
        }
        var templates: [String: ParsedTemplate] = [:]
        var origins: [String: String] = [:]
        for name in sources.keys.sorted() {
            let (text, origin) = sources[name]!
            let key = String(name.dropLast(".mustache".count))
            let file = "templates/\(name)"
            do {
                templates[key] = ParsedTemplate(file: file, nodes: try TemplateParser.parse(text))
            } catch {
                throw Self.failure(error, file: file)
            }
            origins[key] = origin
        }
        for required in Self.requiredTemplates where templates[required] == nil {
            throw PlaybookError(
                stage: "render", path: "templates/\(required).mustache",
                message: "the theme has no `\(required)` template; add templates/\(required).mustache")
        }
        do {
            renderers = try Renderers(templates)
        } catch {
            throw Self.failure(error, file: error.file)
        }
        self.assets = assets
        self.origins = origins
    }

    private static func failure(_ error: TemplateError, file: String) -> PlaybookError {
        PlaybookError(
            stage: "render", path: file, line: error.position.line, column: error.position.column,
            message: error.message)
    }

    func render(_ template: PageTemplate, _ view: SiteView) -> [UInt8] {
        var out = TemplateOutput(capacity: 16_384)
        switch template {
        case .page: renderers.pages[0](&out, view)
        case .list: renderers.pages[1](&out, view)
        case .catalog: renderers.pages[2](&out, view)
        case .health: renderers.pages[3](&out, view)
        case .kit: renderers.pages[4](&out, view)
        case .search: renderers.pages[5](&out, view)
        case .notFound: renderers.pages[6](&out, view)
        }
        return out.bytes
    }

    func render(_ view: NavView) -> String { text(renderers.nav, view) }
    func render(_ view: BreadcrumbsView) -> String { text(renderers.breadcrumbs, view) }
    func render(_ view: SidebarView) -> String { text(renderers.sidebar, view) }

    private func text<Root>(_ renderer: TemplateRenderer<Root>, _ view: Root) -> String {
        var out = TemplateOutput(capacity: 1024)
        renderer(&out, view)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
