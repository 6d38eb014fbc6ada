import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookEngine

/// Issue 23, item 2: a page's two states. The engine keeps each page's summary (`Page`); a step
/// that reads a body takes a `ParsedPage`, parsed again from the summary. The summary a page
/// gives from its `ParsedPage` is the one the engine's cache gives back, and the body parsed
/// again is the body parsed first.
@Suite struct PageStatesTests {
    @Test(arguments: [false, true])
    func theSummaryOfAParsedPageIsTheSummaryTheCacheGivesBack(editions: Bool) throws {
        let site = try DifferentialTests.sited(editions: editions)
        defer { site.remove() }
        try site.write(
            "content/templates/city/index.md",
            "---\ntitle: 城市分会\nversion: 1.0.0\nvariables:\n  - name: city\n    description: 城市\n    required: true\n---\n# 城市分会\n"
        )
        try site.write(
            "content/templates/city/files/index.md",
            "---\nkind: group\ntitle: \"{{city}}分会\"\n---\n## 共同兴趣\n\n在{{city}}读书。\n")
        // Every page as parsing first gives it, with its tree.
        let loaded = try CacheTests.load(site, cache: [])
        var files = loaded.files
        let parsed = Pipeline.parse(
            &files, config: (loaded.config, loaded.configDiagnostics), language: nil, lettingBytesGo: false
        ) { ($0.page, $0) }.made
        #expect(parsed.contains { $0.kind == .group }, "the site lost its group charters")
        #expect(parsed.contains { $0.templateName != nil }, "the site lost its template")

        let cold = Engine(try CacheTests.load(site, cache: []), settings: .preview)
        let cache = try #require(cold.remembered())
        let warm = Engine(try CacheTests.load(site, cache: cache), settings: .preview)
        #expect(warm.pagesRemembered == parsed.count)
        #expect(cold.handbook.pages == parsed.map(\.page))
        #expect(warm.handbook.pages == parsed.map(\.page))
        for (page, first) in zip(warm.handbook.pages, parsed) {
            #expect(page == first.page, "\(page.path): summary")
            // Parsed again from the summary alone: the page as parsing first gave it.
            #expect(Engine.parsed(page) == first, "\(page.path): parsed again")
        }
    }
}
