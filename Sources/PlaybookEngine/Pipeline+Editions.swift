import PlaybookEditions
import PlaybookMarkdown
import PlaybookModel
import PlaybookOutput
import PlaybookRender

extension Pipeline {
    /// CONVERT: calls `body` once per edition of the site with the edition's folder prefix
    /// (`` for the first, `zh-Hant/`…), the handbook and health report as the edition shows
    /// them, and how the edition parses a page's body (parsed again, and converted); once, with
    /// the handbook as it is, for a site without editions. Editions convert one after the other,
    /// so a build holds at most one converted handbook besides the parsed one.
    static func forEachEdition(
        _ handbook: Handbook, health: HealthReport,
        _ body: (String, Handbook, HealthReport, @escaping SiteRenderer.Parsing) throws -> Void
    ) throws {
        let parser = PageParser()
        let parsing: @Sendable (Page) -> ParsedPage = { parser.parsed($0) }
        let editions = handbook.config.editions
        guard !editions.isEmpty else { return try body("", handbook, health, parsing) }
        // Telling a page's script reads its whole body: once, for every edition.
        let scripts = EditionConverter.scripts(of: handbook.pages, parsing: parsing)
        for edition in editions {
            let converted: (handbook: Handbook, parsing: SiteRenderer.Parsing)
            let convertedHealth: HealthReport
            do {
                converted = try StageTimer.measure("convert \(edition.language)") {
                    try EditionConverter.edition(of: handbook, for: edition, scripts: scripts, parsing: parsing)
                }
                // The health view's texts are each converted once, from what the check wrote:
                // a group's title written in the edition's script stays as it is.
                convertedHealth = try EditionConverter.converter(for: edition, config: handbook.config).convert(health)
            } catch let error as ScriptConversionError {
                throw PlaybookError(stage: "convert", path: handbook.config.path, message: error.description)
            }
            let parse = converted.parsing
            try body(edition.prefix, converted.handbook, convertedHealth) { page in
                do {
                    return try parse(page)
                } catch let error as ScriptConversionError {
                    throw PlaybookError(stage: "convert", path: page.path, message: error.description)
                }
            }
        }
    }

    /// `files` moved into the edition's folder.
    static func prefixed(_ files: [OutputFile], _ prefix: String) -> [OutputFile] {
        prefix.isEmpty ? files : files.map { OutputFile(path: prefix + $0.path, bytes: $0.bytes) }
    }
}
