import Foundation
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

/// The sample handbook in content/ is the first thing a user sees and doubles as the dogfood
/// fixture: it must check clean, build one page per file, and every link in it must resolve.
@Suite struct SampleHandbookTests {
    static let root = Repository.root()

    /// The newly started Nanjing chapter's gaps are known (in `.playbook-baseline.json`), so the
    /// sample checks clean while its health view shows them; nothing else may fail.
    @Test func checksCleanWithoutErrorsBeyondTheBaseline() throws {
        let result = Pipeline.check(try Pipeline.load(siteAt: Self.root))
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors == [], "\(FixtureCaseTests.report(errors))")
        #expect(Set(result.known.map(\.file)) == ["content/groups/nanjing/index.md"])
        let nanjing = try #require(result.health.rows.first { $0.path == "content/groups/nanjing/index.md" })
        #expect(nanjing.cells.contains { $0.status == .missing })
        #expect(nanjing.cells.contains { $0.status == .partial })
        #expect(result.health.rows.filter { $0.path != nanjing.path }.allSatisfy { $0.gapWeight == 0 })
    }

    @Test func buildsOnePagePerContentFileAndEveryLinkResolves() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Pipeline.build(siteAt: Self.root, into: out)
        #expect(!result.refused)
        for page in result.check.handbook.pages {
            let html = out.appendingPathComponent(page.url + "index.html")
            #expect(FileManager.default.fileExists(atPath: html.path), "\(page.path) has no page at \(page.url)")
        }
        let broken = SiteWalker(root: out).brokenLinks()
        #expect(broken == [], "\(broken.map(\.description).joined(separator: "\n"))")
    }

    @Test func buildingTwiceGivesByteIdenticalOutput() throws {
        let a = try Pipeline.render(try Pipeline.check(siteAt: Self.root))
        let b = try Pipeline.render(try Pipeline.check(siteAt: Self.root))
        #expect(a.count == b.count)
        #expect(a == b)
    }

    @Test func hasTheDocumentsTheDomainAsksFor() throws {
        // A template's documents declare the kinds of the group they seed; count the group's own.
        let pages = try Pipeline.check(siteAt: Self.root).handbook.pages.filter {
            $0.templateName == nil || $0.kind == .template
        }
        let count = { (kind: Kind) in pages.filter { $0.kind == kind }.count }
        #expect(count(.group) >= 2)
        #expect(count(.rules) >= 1)
        #expect(count(.onboarding) >= 1)
        #expect(count(.sop) >= 4)
        #expect(count(.template) >= 1)
    }
}
