import Foundation
import Mustache
import PlaybookModel

/// The compiled theme: Mustache templates plus the asset files copied beside the pages.
///
/// The default theme is `templates/` of this repository, embedded in the binary, so a lone
/// `playbook` binary can build a site that has no `templates/` folder. A site's own file of
/// the same name replaces the default one.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// Non-template files (CSS, JavaScript, fonts), by path relative to the theme root.
    public let assets: [String: [UInt8]]
    /// Where each template came from, for error messages (`templates/page.mustache` or `(built-in) …`).
    public let origins: [String: String]

    /// Templates a theme must provide; a site can override any of them.
    public static let requiredTemplates = [
        "layout", "nav", "breadcrumbs", "page", "sidebar", "list", "health", "search", "notfound", "kit", "catalog",
        "catalog-entry",
    ]

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
        var library = MustacheLibrary()
        var origins: [String: String] = [:]
        for name in sources.keys.sorted() {
            let (text, origin) = sources[name]!
            let key = String(name.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: text), named: key)
            } catch let error as MustacheTemplate.ParserError {
                throw PlaybookError(
                    stage: "render", path: origin.replacingOccurrences(of: " (built-in)", with: ""),
                    line: error.context.lineNumber,
                    message: "template does not parse: \(Self.describe(error.error)) near `\(error.context.line)`")
            }
            origins[key] = origin
        }
        for required in Self.requiredTemplates where library.getTemplate(named: required) == nil {
            throw PlaybookError(
                stage: "render", path: "templates/\(required).mustache",
                message: "the theme has no `\(required)` template; add templates/\(required).mustache")
        }
        self.library = library
        self.assets = assets
        self.origins = origins
    }

    /// Renders `template` with a context made of plain dictionaries and arrays.
    public func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is opened but never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: return "a set-delimiter tag is malformed"
        default: return "\(error)"
        }
    }
}
