import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookEngine

/// Issue 23, item 3: the engine started from the cache an earlier run left computes what the
/// engine started from nothing computes, after every kind of edit; a cache that is damaged, from
/// another Playbook or for other rules is not used; `check` and `build` leave one behind that the
/// next run takes its unchanged pages from.
@Suite struct CacheTests {
    static let identity = "playbook (tests)"

    /// The site as loaded, with `cache` as the cache an earlier run left.
    static func load(_ site: TemporarySite, cache: [UInt8]) throws -> LoadedSite {
        var loaded = try Pipeline.load(siteAt: site.root, cache: false)
        loaded.identity = identity
        loaded.cache = cache
        return loaded
    }

    /// A network's handbook of `groups` groups on disk (`config` added to its `playbook.yml`),
    /// and its pages' paths, sorted.
    static func networkSite(groups: Int, seed: UInt64, config extra: String = "") throws -> (TemporarySite, [String]) {
        let (config, content) = NetworkHandbook.files(groups: groups, seed: seed)
        var files = ["playbook.yml": config + extra]
        for (path, text) in content { files[path] = text }
        return (try TemporarySite(files), content.map(\.0).filter { $0.hasSuffix(".md") }.sorted())
    }

    /// Expects two engines to have computed the same: findings, health, pages and every output.
    static func expectSame(_ warm: Engine, _ cold: Engine, _ what: String) throws {
        #expect(warm.check.diagnostics == cold.check.diagnostics, "\(what): findings")
        #expect(warm.check.known == cold.check.known, "\(what): known findings")
        #expect(warm.check.health == cold.check.health, "\(what): health")
        #expect(warm.handbook.pages == cold.handbook.pages, "\(what): pages")
        #expect(warm.charters == cold.charters, "\(what): the charters' sections")
        for page in cold.handbook.pages {
            #expect(
                warm.diagnostics(for: page.path).new == cold.diagnostics(for: page.path).new, "\(what): \(page.path)")
        }
        let (_, a) = try warm.renderAll()
        let (_, b) = try cold.renderAll()
        #expect(a.map(\.path) == b.map(\.path), "\(what): output paths")
        for (x, y) in zip(a, b) where x != y { Issue.record("\(what): \(x.path) differs") }
    }

    @Test(arguments: [false, true])
    func theEngineFromTheCacheEqualsTheEngineFromNothingAfterEveryEdit(editions: Bool) throws {
        let site = try DifferentialTests.sited(editions: editions)
        defer { site.remove() }
        let settings = EngineSettings.preview
        var cache = Engine(try Self.load(site, cache: []), settings: settings).remembered() ?? []
        #expect(!cache.isEmpty)
        for edit in DifferentialTests.edits {
            var edit = edit
            if editions, edit.name == "config" {
                edit.files["playbook.yml"] = "title: 读书会网络手册\nlanguage: zh-Hans\neditions: [zh-Hans, zh-Hant-TW]\n"
            }
            try DifferentialTests.write(edit, to: site)
            let warm = Engine(try Self.load(site, cache: cache), settings: settings)
            let cold = Engine(try Self.load(site, cache: []), settings: settings)
            let pages = cold.handbook.pages.count
            let edited = edit.files.keys.filter { $0.hasSuffix(".md") && edit.files[$0]! != nil }.count
            if edit.name == "config" || edit.name == "asset" {
                // What every page's findings depend on changed: nothing is taken from the cache.
                #expect(warm.pagesRemembered == 0, "\(edit.name)")
            } else {
                #expect(warm.pagesRemembered == pages - edited, "\(edit.name)")
            }
            #expect(cold.pagesRemembered == 0)
            // A body edit that no other page reads takes the rules' findings from the cache too,
            // and so does a theme edit (no rule reads the theme).
            let remembers = DifferentialTests.bodyEdits.contains(edit.name) || edit.name == "template"
            #expect(warm.findingsRemembered == remembers, "\(edit.name): findings remembered")
            try Self.expectSame(warm, cold, edit.name)
            // The next edit starts from what this run leaves.
            cache = warm.remembered() ?? cache
        }
    }

    /// A network's handbook (cloned groups with lineage, findings on most pages, links across
    /// scripts), a body and a title edited between two runs.
    @Test func aNetworksHandbookFromTheCacheIsTheHandbookFromNothing() throws {
        let (site, pages) = try Self.networkSite(groups: 60, seed: testSeed("network cache"))
        defer { site.remove() }
        let cache = Engine(try Self.load(site, cache: []), settings: .preview).remembered() ?? []
        try site.write(pages[3], try site.read(pages[3]) + "\n多一段。\n")
        try site.write(pages[7], try site.read(pages[7]).replacingOccurrences(of: "title: ", with: "title: 新"))
        let warm = Engine(try Self.load(site, cache: cache), settings: .preview)
        let cold = Engine(try Self.load(site, cache: []), settings: .preview)
        #expect(cold.check.diagnostics.count > pages.count / 2)
        #expect(warm.pagesRemembered > 0)
        try Self.expectSame(warm, cold, "network")
    }

    /// A network's handbook with bodies edited in ways no other page reads, one of them
    /// adding a finding: the rules' findings come from the cache, the edited pages checked again.
    @Test func aNetworksBodyEditsTakeTheFindingsFromTheCache() throws {
        let (site, pages) = try Self.networkSite(groups: 60, seed: testSeed("network findings cache"))
        defer { site.remove() }
        let cache = Engine(try Self.load(site, cache: []), settings: .preview).remembered() ?? []
        let charter = try #require(pages.first { $0.hasPrefix("content/groups/") && $0.hasSuffix("/index.md") })
        // Both scripts in one paragraph: a finding the page did not have.
        for path in [pages[3], charter] {
            try site.write(path, try site.read(path) + "\n这个群的群規則和群规则写在一起。\n")
        }
        let warm = Engine(try Self.load(site, cache: cache), settings: .preview)
        let cold = Engine(try Self.load(site, cache: []), settings: .preview)
        #expect(warm.findingsRemembered)
        #expect(!cold.findingsRemembered)
        try Self.expectSame(warm, cold, "network bodies")
    }

    /// A group charter's sections (what the health view reads of it) are in the cache, so a
    /// charter taken from it is not parsed again for them.
    @Test func theCacheKeepsEachChartersSections() throws {
        let site = try DifferentialTests.sited(editions: false)
        defer { site.remove() }
        let engine = Engine(try Self.load(site, cache: []), settings: .preview)
        let bytes = try #require(engine.remembered())
        let fingerprint = Engine.fingerprint(
            files: engine.files, ruleFiles: engine.ruleFiles, language: engine.language, settings: engine.settings)
        let pages = EngineCache.read(bytes, identity: Self.identity, fingerprint: fingerprint)
        #expect(!engine.charters.isEmpty)
        for (key, sections) in engine.charters { #expect(pages[key]?.sections == sections) }
        #expect(pages.values.filter { $0.sections != nil }.count == engine.charters.count)
    }

    @Test func aPageOfTheSameSizeWithOtherBytesIsParsedAgain() throws {
        let site = try DifferentialTests.sited(editions: false)
        defer { site.remove() }
        let cache = Engine(try Self.load(site, cache: []), settings: .preview).remembered() ?? []
        // 八 → 十: the same number of bytes, another page.
        let path = "content/sops/morning.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "八点", with: "十点"))
        let warm = Engine(try Self.load(site, cache: cache), settings: .preview)
        let cold = Engine(try Self.load(site, cache: []), settings: .preview)
        #expect(warm.pagesRemembered == cold.handbook.pages.count - 1)
        try Self.expectSame(warm, cold, "same size")
    }

    @Test func pagesWhoseTextIsNotTheirBytesComeBackAsTheyWereSplit() throws {
        let site = try DifferentialTests.sited(editions: false)
        defer { site.remove() }
        let page = "---\ntitle: 晚安帖\nkind: sop\nowner: 值班\nnumbers: [1, 2.5, true, null]\n---\n# 晚安帖\n\n1. 十点\n"
        try site.write("content/sops/bom.md", bytes: [0xEF, 0xBB, 0xBF] + Array(page.utf8))
        try site.write("content/sops/broken.md", bytes: Array(page.utf8) + [0xFF, 0xFE, 0x0A])
        try site.write("content/sops/nul.md", bytes: Array(page.utf8) + [0x00, 0x0A])
        let cache = Engine(try Self.load(site, cache: []), settings: .preview).remembered() ?? []
        let warm = Engine(try Self.load(site, cache: cache), settings: .preview)
        let cold = Engine(try Self.load(site, cache: []), settings: .preview)
        #expect(warm.pagesRemembered == cold.handbook.pages.count)
        try Self.expectSame(warm, cold, "not plain UTF-8")
    }

    @Test func aCacheThatIsDamagedFromAnotherPlaybookOrForOtherRulesIsNotUsed() throws {
        let site = try DifferentialTests.sited(editions: false)
        defer { site.remove() }
        // A draft, linked from a published page: what a build publishes changes its findings.
        try site.write("content/sops/draft.md", "---\ntitle: 草稿\nkind: sop\ndraft: true\n---\n# 草稿\n\n1. 写\n")
        try site.write("content/index.md", try site.read("content/index.md") + "\n还有[草稿](sops/draft.md)。\n")
        let good = Engine(try Self.load(site, cache: []), settings: .preview).remembered() ?? []
        let cold = Engine(try Self.load(site, cache: []), settings: .preview)
        #expect(
            Engine(try Self.load(site, cache: good), settings: .preview).pagesRemembered == cold.handbook.pages.count)

        var random = SeededRandom(seed: testSeed("damaged caches"))
        var damaged: [(String, [UInt8])] = [("empty", []), ("garbage", Array("not a cache".utf8))]
        for _ in 0..<40 {
            let at = Int.random(in: 0..<good.count, using: &random)
            damaged.append(("cut at \(at)", Array(good[..<at])))
            var flipped = good
            flipped[at] ^= UInt8.random(in: 1...255, using: &random)
            damaged.append(("byte \(at) changed", flipped))
        }
        damaged.append(("longer", good + [0]))
        for (what, bytes) in damaged {
            let warm = Engine(try Self.load(site, cache: bytes), settings: .preview)
            #expect(warm.pagesRemembered == 0, "\(what)")
            #expect(warm.check.diagnostics == cold.check.diagnostics, "\(what)")
        }

        // Written by another Playbook.
        var other = try Self.load(site, cache: good)
        other.identity = "playbook (another build)"
        #expect(Engine(other, settings: .preview).pagesRemembered == 0)
        // Judged for another publication: the pages' own findings are the same (the rule that
        // reads what is published reads other pages too, and runs every time).
        let published = Engine(try Self.load(site, cache: good), settings: EngineSettings())
        let publishedCold = Engine(try Self.load(site, cache: []), settings: EngineSettings())
        #expect(published.pagesRemembered == cold.handbook.pages.count)
        #expect(publishedCold.check.diagnostics != cold.check.diagnostics)
        try Self.expectSame(published, publishedCold, "publication")
        // Judged in another language.
        #expect(
            Engine(try Self.load(site, cache: good), settings: EngineSettings(publication: .everything, language: .en))
                .pagesRemembered == 0)
    }

    @Test func checkAndBuildLeaveACacheTheNextRunTakesItsPagesFrom() throws {
        let site = try DifferentialTests.sited(editions: false)
        defer { site.remove() }
        try site.write("playbook.yml", try site.read("playbook.yml") + "severity: {\"*\": warning}\n")
        let before = Pipeline.check(try Pipeline.load(siteAt: site.root, cache: false))
        _ = try Pipeline.check(siteAt: site.root)
        let cacheFile = site.root.appendingPathComponent(Pipeline.cacheFile)
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        // The folder tells git to ignore it.
        #expect(try site.read(".playbook/cache/.gitignore").contains("*"))
        #expect(!site.exists(".playbook/.gitignore"))
        let loaded = try Pipeline.load(siteAt: site.root)
        #expect(!loaded.cache.isEmpty)
        let warm = Engine(loaded)
        #expect(warm.pagesRemembered == before.handbook.pages.count)
        #expect(warm.check.diagnostics == before.diagnostics)

        // A build leaves the same state behind: nothing to write again.
        let output = site.root.appendingPathComponent("public")
        let modified = try FileManager.default.attributesOfItem(atPath: cacheFile.path)[.modificationDate] as? Date
        let built = try Pipeline.build(siteAt: site.root, into: output)
        #expect(!built.refused)
        let after = try FileManager.default.attributesOfItem(atPath: cacheFile.path)[.modificationDate] as? Date
        #expect(modified == after)
    }

    @Test func theCacheIsNeverWrittenThroughALinkOutOfTheSite() throws {
        let site = try DifferentialTests.sited(editions: false)
        defer { site.remove() }
        let elsewhere = try TemporarySite([:])
        defer { elsewhere.remove() }
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent(".playbook"), withDestinationURL: elsewhere.root)
        _ = try Pipeline.check(siteAt: site.root)
        #expect(elsewhere.files(under: "").isEmpty)
    }
}
