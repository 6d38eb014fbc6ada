import Foundation
import PlaybookEngine
import PlaybookMarkdown
import PlaybookModel
import PlaybookSource
import Testing

@testable import PlaybookRender

// Issue 12: serve puts an edited page into the previous build's preparation instead of preparing
// every page again; what it renders must equal a fresh preparation of the edited handbook.
@Suite struct RenderContextReplacingTests {
    static func handbook(_ files: [String: String]) -> (Handbook, HealthReport) {
        var site = SiteFiles(
            content: files.sorted { $0.key < $1.key }.map {
                RawFile(path: "content/" + $0.key, bytes: Array($0.value.utf8))
            })
        site.lastChanged = [:]
        // The pages' summaries, as parsing gives them; the renderer parses their bodies again.
        var handbook = Pipeline.parse(site)
        handbook.config = Pipeline.check(site).handbook.config
        return (handbook, Pipeline.check(site).health)
    }

    static func edited(_ key: String, to text: String) -> (before: Handbook, after: Handbook, health: HealthReport) {
        var files = ReadingTests.group
        let (before, health) = handbook(files)
        files[key] = text
        return (before, handbook(files).0, health)
    }

    @Test func aBodyEditRendersAsAFreshPreparationWould() throws {
        let (before, after, health) = Self.edited(
            "groups/hz/rules.md", to: "---\ntitle: 杭州群规\nkind: rules\n---\n## 惩罚\n\n1. 提醒\n2. 警告\n3. 禁言\n")
        let theme = try Theme()
        let previous = SiteRenderer.Context(handbook: before, health: health, theme: theme)
        let page = try #require(after.pages.first { $0.path == "content/groups/hz/rules.md" })
        let replaced = try #require(previous.replacing([page], in: after))
        let fresh = SiteRenderer.Context(handbook: after, health: health, theme: theme)
        let renderer = SiteRenderer(theme: theme)
        let parsed = PageParser().parsed(page)
        #expect(renderer.renderPage(parsed, prepared: replaced) == renderer.renderPage(parsed, prepared: fresh))
        // The group's kit shows its documents' bodies: the replaced page's, not the old one's.
        let kit = renderer.outputsShowingBody(of: page.path, prepared: replaced)
        #expect(!kit.isEmpty)
        #expect(kit == renderer.outputsShowingBody(of: page.path, prepared: fresh))
        #expect(kit.contains { String(decoding: $0.bytes, as: UTF8.self).contains("提醒") })
    }

    @Test func anEditOtherPagesSeeIsRefused() throws {
        let theme = try Theme()
        for text in [
            "---\ntitle: 杭州新群规\nkind: rules\n---\n## 惩罚\n\n1. 警告\n2. 禁言\n",  // title
            "---\ntitle: 杭州群规\nkind: rules\n---\n## 惩罚\n\n1. 警告，见[入群](onboarding.md)\n2. 禁言\n",  // a link
        ] {
            let (before, after, health) = Self.edited("groups/hz/rules.md", to: text)
            let previous = SiteRenderer.Context(handbook: before, health: health, theme: theme)
            let page = try #require(after.pages.first { $0.path == "content/groups/hz/rules.md" })
            #expect(previous.replacing([page], in: after) == nil)
        }
    }
}
