import Foundation
import TestSupport
import Testing

/// Drafts and internal pages are left out of the whole site: every output file is searched for
/// text only they carry. (Issue 11.)
@Suite struct PublicationTests {
    static let draftMarker = "draftmark7f3a"
    static let internalMarker = "internalmark9b2c"

    /// The sample handbook plus: a complete draft group (charter, rules, onboarding, SOP) in a
    /// folder of its own, a draft page alone in its folder, and an internal page with a tag-like
    /// heading, all carrying a marker in title, headings, body and path.
    static func site() throws -> TemporarySite {
        let site = try TemporarySite()
        let fm = FileManager.default
        let repo = Repository.root()
        try fm.copyItem(at: repo.appendingPathComponent("content"), to: site.root.appendingPathComponent("content"))
        for name in ["playbook.yml", ".playbook-baseline.json", ".playbook"]
        where fm.fileExists(atPath: repo.appendingPathComponent(name).path) {
            try fm.copyItem(at: repo.appendingPathComponent(name), to: site.root.appendingPathComponent(name))
        }
        // An absolute baseURL, so that the sitemap and the feed are written and searched too.
        let config = try site.read("playbook.yml").split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("baseURL:") }.joined(separator: "\n")
        try site.write("playbook.yml", config + "\nbaseURL: https://handbook.example.org/\n")
        let group = "content/groups/hangzhou"
        let copy = "content/groups/\(draftMarker)-city"
        for file in ["index.md", "rules.md", "onboarding.md", "sops/monthly-meetup.md"] {
            var text = try site.read("\(group)/\(file)")
            text = "---\ndraft: true\n" + text.dropFirst("---\n".count)
            text = text.replacingOccurrences(of: "title: \"", with: "title: \"\(draftMarker) ")
            text += "\n\(draftMarker) 正文。\n"
            try site.write("\(copy)/\(file)", text)
        }
        try site.write(
            "content/\(draftMarker)-plans/next.md",
            "---\ntitle: \(draftMarker) 明年计划\ndraft: true\ndescription: \(draftMarker)\ntags: [\(draftMarker)-tag, 活动]\n---\n## \(draftMarker) 目标\n\n\(draftMarker) 内容。\n"
        )
        try site.write(
            "content/internal/\(internalMarker)-budget.md",
            "---\ntitle: \(internalMarker) 预算\nvisibility: internal\ndescription: \(internalMarker)\ntags: [\(internalMarker)-tag, 活动]\n---\n## \(internalMarker) 明细\n\n\(internalMarker) 只给团队看。\n"
        )
        return site
    }

    /// Output files (relative paths) whose bytes or path contain `marker`.
    static func files(containing marker: String, in folder: URL) -> [String] {
        var found: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        while let path = walker.nextObject() as? String {
            if path.contains(marker) {
                found.append(path)
                continue
            }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
                continue
            }
            if data.range(of: Data(marker.utf8)) != nil { found.append(path) }
        }
        return found.sorted()
    }

    static func build(_ site: TemporarySite, _ arguments: [String]) async throws -> (CommandRun, URL) {
        let out = site.root.appendingPathComponent("out-\(arguments.joined())")
        let root = site.root
        let run = try await offThePool {
            try CommandRun.run(
                Repository.binary, ["build", "--output", out.path] + arguments, in: root,
                environment: ["NO_COLOR": "1"])
        }
        return (run, out)
    }

    static func run(_ site: TemporarySite, _ arguments: [String]) async throws -> CommandRun {
        let root = site.root
        return try await offThePool {
            try CommandRun.run(Repository.binary, arguments, in: root, environment: ["NO_COLOR": "1"])
        }
    }

    @Test func draftsAndInternalPagesAreNowhereInTheSitesThatLeaveThemOut() async throws {
        let site = try Self.site()
        defer { site.remove() }

        let (plain, standard) = try await Self.build(site, [])
        #expect(plain.status == 0, "\(plain.stderr)")
        // The files every page could leak into are there to be searched.
        for file in ["search/index.html", "sitemap.xml", "health/index.html", "index.html", "groups/index.html"] {
            #expect(FileManager.default.fileExists(atPath: standard.appendingPathComponent(file).path), "\(file)")
        }
        #expect(Self.files(containing: Self.draftMarker, in: standard) == [])
        #expect(plain.stdout.contains("个页面未发布"), "\(plain.stdout)")
        // The internal page is published by a plain build: the search finds a marker at all, in
        // the search index as in the sitemap.
        let internalFiles = Self.files(containing: Self.internalMarker, in: standard)
        #expect(internalFiles.contains { $0.hasPrefix("search/") && $0.hasSuffix(".js") }, "\(internalFiles)")
        #expect(internalFiles.contains("sitemap.xml"))

        let (publicRun, publicSite) = try await Self.build(site, ["--public"])
        #expect(publicRun.status == 0, "\(publicRun.stderr)")
        #expect(Self.files(containing: Self.internalMarker, in: publicSite) == [])
        #expect(Self.files(containing: Self.draftMarker, in: publicSite) == [])
        #expect(
            FileManager.default.fileExists(atPath: publicSite.appendingPathComponent("groups/hangzhou/index.html").path)
        )

        let (draftsRun, withDrafts) = try await Self.build(site, ["--drafts"])
        #expect(draftsRun.status == 0, "\(draftsRun.stderr)")
        let draftPage = try String(
            contentsOf: withDrafts.appendingPathComponent("groups/\(Self.draftMarker)-city/index.html"), encoding: .utf8
        )
        #expect(draftPage.contains("draft-note"))
        #expect(Self.files(containing: Self.draftMarker, in: withDrafts).contains("health/index.html"))
        #expect(Self.files(containing: Self.draftMarker, in: withDrafts).contains { $0.hasPrefix("search/") })
        // Tags are drawn from pages too: the draft's own tag has a page only when it is published.
        #expect(Self.files(containing: Self.draftMarker, in: withDrafts).contains { $0.hasPrefix("tags/") })
        #expect(Self.files(containing: Self.internalMarker, in: standard).contains { $0.hasPrefix("tags/") })
    }

    @Test func aLinkFromAPublishedPageToALeftOutOneIsAFindingAtTheLink() async throws {
        let site = try TemporarySite([
            "content/index.md": "---\ntitle: 首页\n---\n欢迎。\n\n看[计划](plans.md)和[预算](budget.md)。\n",
            "content/plans.md": "---\ntitle: 计划\ndraft: true\n---\n还没写完，见[预算](budget.md)。\n",
            "content/budget.md": "---\ntitle: 预算\nvisibility: internal\n---\n内部。\n",
        ])
        defer { site.remove() }
        let check = try await Self.run(site, ["check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("content/index.md:6:2: error: 链接指向不发布的页面 `plans.md`：它是草稿"), "\(check.stderr)")
        // A plain build publishes internal pages; a draft linking anywhere is not judged.
        #expect(!check.stderr.contains("budget.md`"))
        let build = try await Self.run(site, ["build"])
        #expect(build.status == 1)
        #expect(build.stderr.contains("[page.unpublished-link]"))

        let publicCheck = try await Self.run(site, ["check", "--public", "--drafts"])
        #expect(publicCheck.stderr.contains("content/index.md:6:17: error: 链接指向不发布的页面 `budget.md`：它是内部页面"))
        #expect(publicCheck.stderr.contains("content/plans.md:5:7: error: 链接指向不发布的页面 `budget.md`"))
        #expect(!publicCheck.stderr.contains("`plans.md`"))
    }

    @Test func draftAndVisibilityAreTypedLikeOtherFields() async throws {
        let site = try TemporarySite([
            "playbook.yml": "language: en\n",
            "content/index.md": "---\ntitle: Home\ndraft: \"yes\"\nvisibility: secret\n---\nHi.\n",
        ])
        defer { site.remove() }
        let check = try await Self.run(site, ["check"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("content/index.md:3:1: error: `draft` must be a boolean, found a string"))
        #expect(check.stderr.contains("content/index.md:4:1: error: `secret` is not an allowed value of `visibility`"))
    }
}
