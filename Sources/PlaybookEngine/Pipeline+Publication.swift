import PlaybookCheck
import PlaybookMarkdown
import PlaybookModel

extension Pipeline {
    /// LEAVE OUT: the pages the build does not publish (drafts, internal pages in a public build)
    /// are removed from the handbook once, after checking and before rendering, so no renderer
    /// (pages, navigation, lists, search index, sitemap, health view…) ever sees them. The health
    /// report is drawn again from the pages that stay, with the findings already made and the
    /// charters' sections as found when they were parsed (`sections`; nil: parsed again). Pure.
    package static func leaveOut(
        _ result: CheckResult, publication: Publication, language: Language? = nil,
        sections: ((Page) -> Checker.CharterSections)? = nil
    ) -> CheckResult {
        guard !publication.publishesEverything else { return result }
        var kept = result
        kept.handbook.pages = result.handbook.pages.filter(publication.publishes)
        guard kept.handbook.pages.count != result.handbook.pages.count else { return result }
        let paths = Set(kept.handbook.pages.map(\.path))
        let gone = Set(result.handbook.pages.map(\.path)).subtracting(paths)
        kept.files.content = result.files.content.filter { !gone.contains($0.path) }
        kept.diagnostics = result.diagnostics.filter { !gone.contains($0.file) }
        let checker = Checker(
            rules: result.rules, language: language ?? result.handbook.config.language,
            conversions: OpenCCConversions(), publication: publication)
        let parser = PageParser()
        kept.health = annotateLineage(
            checker.health(
                kept.handbook, findings: kept.diagnostics,
                sections: sections ?? { checker.charterSections(parser.parsed($0)) }),
            files: kept.files)
        return kept
    }
}
