import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookCheck
@testable import PlaybookLSP

// Issue 13: the paths watched come from one list, `SiteLayout`: the load stage reads it, serve's
// watcher and rebuilds follow it, and the language server asks the editor to watch it.
@Suite struct WatchTests {
    /// The patterns the server registers, after an `initialize` that allows dynamic registration.
    func registeredPatterns() throws -> [String] {
        let site = try TemporarySite(["playbook.yml": "title: 测试\n", "content/index.md": "# 首页\n"])
        defer { site.remove() }
        let client = Client()
        client.request(
            "initialize",
            [
                "rootUri": .string(site.root.absoluteString),
                "capabilities": ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]],
            ])
        client.notify("initialized")
        let registration = try #require(client.sent.last { $0["method"] == "client/registerCapability" })
        let watchers = registration["params"]?["registrations"]?[0]?["registerOptions"]?["watchers"]?.array ?? []
        return watchers.compactMap { $0["globPattern"]?.string }
    }

    @Test func theServerAsksTheEditorToWatchTheSiteLayout() throws {
        #expect(try registeredPatterns() == SiteLayout.watchPatterns)
    }

    @Test func everyInputAndTheBaselineIsWatchedAndNothingHiddenIsAnInput() {
        let inputs = [
            "playbook.yml", "content/groups/a/index.md", "content/groups/a/photo.png", "templates/page.mustache",
            "static/robots.txt", "rules/events.yml", SiteLayout.baseline,
        ]
        for path in inputs {
            #expect(SiteLayout.watchPatterns.contains { Glob.matches($0, path) }, "\(path)")
        }
        for path in inputs.dropLast(2) { #expect(SiteLayout.isInput(path), "\(path)") }
        #expect(SiteLayout.isHidden(SiteLayout.baseline))
        #expect(SiteLayout.isHidden("content/.draft.md"))
        #expect(!SiteLayout.isInput("content/.draft.md"))
        #expect(!SiteLayout.watchPatterns.contains { Glob.matches($0, "public/index.html") })
    }
}
