import PlaybookModel
import PlaybookTemplate

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
package struct Theme: @unchecked Sendable {
    /// Non-template files (CSS, JavaScript, fonts), by path relative to the theme root.
    package let assets: [String: [UInt8]]
    /// Where each template came from, for error messages (`templates/page.mustache` or `(built-in) …`).
    package let origins: [String: String]
    let renderers: Renderers

    final class Renderers {
        let pages: [ThemeTemplate: TemplateRenderer<SiteView>]
        let nav: TemplateRenderer<NavView>
        let breadcrumbs: TemplateRenderer<BreadcrumbsView>
        let sidebar: TemplateRenderer<SidebarView>

        init(_ templates: [String: ParsedTemplate]) throws(TemplateError) {
            func bind<Root: TemplateContext>(_ name: ThemeTemplate, _: Root.Type) throws(TemplateError)
                -> TemplateRenderer<Root>
            {
                // Theme.init has made sure that every ThemeTemplate is there.
                let template = templates[name.rawValue]!
                let compiler = TemplateCompiler(
                    templates: templates, file: template.file, distance: { Suggestion.distance($0, $1) })
                return try compiler.compile(template.nodes, in: TemplateScope<Root>.root(Root.self))
            }
            var pages: [ThemeTemplate: TemplateRenderer<SiteView>] = [:]
            for template in ThemeTemplate.pages { pages[template] = try bind(template, SiteView.self) }
            self.pages = pages
            nav = try bind(.nav, NavView.self)
            breadcrumbs = try bind(.breadcrumbs, BreadcrumbsView.self)
            sidebar = try bind(.sidebar, SidebarView.self)
        }
    }

    /// Compiles the default theme overlaid with `overrides` (name relative to `templates/` → text).
    package init(overrides: [String: String] = [:]) throws {
        var sources: [String: (text: String, origin: String)] = [:]
        for (template, bytes) in DefaultTheme.templates {
            sources[template.file] = (String(decoding: bytes, as: UTF8.self), "templates/\(template.file) (built-in)")
        }
        var assets = DefaultTheme.servedAssets
        for (name, text) in overrides {
            if name.hasSuffix(".mustache") {
                sources[name] = (text, "templates/\(name)")
            } else if DefaultTheme.assets[name] != Array(text.utf8) {
                // A file that is the built-in one (a site holding a copy of the theme, as this
                // repository does) is sent as the built-in one is.
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
        for required in ThemeTemplate.allCases where templates[required.rawValue] == nil {
            throw PlaybookError(
                stage: "render", path: "templates/\(required.file)",
                message: "the theme has no `\(required.rawValue)` template; add templates/\(required.file)")
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

    /// One page's file, through one of `ThemeTemplate.pages`.
    func render(_ template: ThemeTemplate, _ view: SiteView) -> [UInt8] {
        guard let renderer = renderers.pages[template] else {
            preconditionFailure("`\(template.rawValue)` does not render a whole page; see ThemeTemplate.pages")
        }
        var out = TemplateOutput(capacity: 16_384)
        renderer(&out, view)
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
