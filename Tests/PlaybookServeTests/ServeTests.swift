import Foundation
import PlaybookModel
import PlaybookServe
import TestSupport
import Testing

// Read with Foundation's JSONSerialization on purpose: a reader Playbook did not write judges what
// Playbook's `JSON` wrote, so an escaping mistake shared by our writer and reader cannot pass.

// Issue 6: `playbook serve` serves the built site safely, rebuilds on save and reloads pages.

/// A sample site, a session serving it on a free loopback port, and helpers to wait on both.
final class ServedSite {
    let site: TemporarySite
    let session: PreviewSession
    var output: URL { session.output }
    var client: TestHTTPClient { TestHTTPClient(port: session.port) }

    static let files = [
        // A site about serving, not about complete playbooks: the kind checks are off, so the
        // only errors are the ones a test introduces.
        "playbook.yml":
            "title: 读书会手册\nlanguage: zh-Hans\nseverity:\n  \"group.*\": off\n  \"sop.*\": off\n  frontmatter.required: off\n",
        "content/groups/hangzhou/index.md": "---\ntitle: 杭州读书会\nkind: group\n---\n# 杭州读书会\n\n每周六下午读一本书。\n",
        "content/groups/hangzhou/rules.md": "---\ntitle: 群规\n---\n# 群规\n\n不刷屏。\n",
        "static/logo.png": "PNG",
        "static/notes.txt": "plain notes\n",
    ]

    init(_ extra: [String: String] = [:], forcePolling: Bool = false) async throws {
        site = try TemporarySite(Self.files.merging(extra) { _, new in new })
        var options = ServeOptions(
            source: site.root, port: 0, output: site.root.appendingPathComponent("out"))
        options.forcePolling = forcePolling
        options.pollInterval = .milliseconds(50)
        session = try await PreviewSession.start(options) { _ in }
    }

    func stop() async {
        await session.stop()
        site.remove()
    }

    /// Waits (at most `timeout` seconds) until the output file holds `text`.
    func waitForOutput(_ path: String, containing text: String, timeout: TimeInterval = 60) async throws -> Bool {
        let deadline = Date() + timeout
        let url = output.appendingPathComponent(path)
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: url.path),
                String(decoding: data, as: UTF8.self).contains(text)
            {
                return true
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}

/// Runs `body` against a served sample site and always stops the session afterwards.
func withServedSite(
    _ extra: [String: String] = [:], forcePolling: Bool = false, _ body: (ServedSite) async throws -> Void
) async throws {
    let served = try await ServedSite(extra, forcePolling: forcePolling)
    do {
        try await body(served)
    } catch {
        await served.stop()
        throw error
    }
    await served.stop()
}

@Suite("serve: pages, types and safety", .timeLimit(.minutes(3)))
struct ServeHTTPTests {
    @Test func servesPagesWithTheReloadScriptAndAssetsWithTheirTypes() async throws {
        try await withServedSite { served in
            let home = try await served.client.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("读书会手册"))
            #expect(home.text.contains("/__playbook/events"))
            // The files on disk are what `playbook build` writes: no script.
            let onDisk = try String(contentsOf: served.output.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(!onDisk.contains("__playbook"))

            let page = try await served.client.get("/groups/hangzhou/rules/")
            #expect(page.status == 200)
            #expect(page.text.contains("不刷屏"))
            #expect(try await served.client.get("/logo.png").headers["content-type"] == "image/png")
            #expect(try await served.client.get("/notes.txt").headers["content-type"] == "text/plain; charset=utf-8")
            #expect(
                try await served.client.get("/search/meta.js").headers["content-type"]
                    == "text/javascript; charset=utf-8")
            #expect(
                try await served.client.get("/assets/style.css").headers["content-type"] == "text/css; charset=utf-8")
        }
    }

    @Test func redirectsFoldersToTheirSlashAndAnswersMissingPathsWithThe404Page() async throws {
        try await withServedSite { served in
            let redirect = try await served.client.get("/groups/hangzhou")
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"] == "/groups/hangzhou/")
            // `//host` must not turn into an off-site redirect.
            #expect(try await served.client.get("//evil.example/groups").headers["location"] == nil)

            let missing = try await served.client.get("/no/such/page/")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            // A folder without index.html is not listed.
            let folder = try await served.client.get("/assets/")
            #expect(folder.status == 404)
            #expect(folder.text == missing.text)
            #expect(try await served.client.get("/", method: "POST").status == 405)
        }
    }

    @Test func refusesPathsThatLeaveTheOutputFolder() async throws {
        try await withServedSite { served in
            let secret = "TOP-SECRET-\(UUID().uuidString)"
            try served.site.write("secret.txt", secret)
            let fm = FileManager.default
            try fm.createSymbolicLink(
                atPath: served.output.appendingPathComponent("link.txt").path,
                withDestinationPath: served.site.root.appendingPathComponent("secret.txt").path)
            try fm.createSymbolicLink(
                atPath: served.output.appendingPathComponent("up").path, withDestinationPath: served.site.root.path)
            let attempts = [
                "/../secret.txt", "/groups/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
                "/..%2fsecret.txt", "/groups%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/.%2e/secret.txt",
                "/link.txt", "/up/secret.txt", "/up/",
            ]
            for path in attempts {
                let response = try await served.client.get(path)
                #expect(response.status == 400 || response.status == 404, "\(path) answered \(response.status)")
                #expect(!response.text.contains(secret), "\(path) leaked the file")
            }
        }
    }

    @Test func answersManyConcurrentReaders() async throws {
        try await withServedSite { served in
            let client = served.client
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<40 {
                    group.addTask { try await client.get(i.isMultiple(of: 2) ? "/" : "/groups/hangzhou/").status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 40))
        }
    }

    @Test func reportsAPortInUseAndFreesThePortOnStop() async throws {
        let served = try await ServedSite()
        let port = served.session.port
        let other = try TemporarySite(ServedSite.files)
        defer { other.remove() }
        await #expect(throws: ServeError.portInUse(host: "127.0.0.1", port: port)) {
            _ = try await PreviewSession.start(ServeOptions(source: other.root, port: port)) { _ in }
        }
        await served.stop()
        let again = try await PreviewSession.start(ServeOptions(source: other.root, port: port)) { _ in }
        #expect(again.port == port)
        await again.stop()
        #expect(!FileManager.default.fileExists(atPath: again.output.path), "the temporary output stays behind")
    }
}

@Suite("serve: rebuild on save", .timeLimit(.minutes(3)))
struct ServeReloadTests {
    @Test func anEditRebuildsThePageAndSendsAReload() async throws {
        try await withServedSite { served in
            let events = try TestEventStream(port: served.session.port)
            let first = try #require(try await events.next())
            #expect(first.name == "reload")

            try served.site.write("content/groups/hangzhou/rules.md", "---\ntitle: 群规\n---\n# 群规\n\n不刷屏，不发广告。\n")
            let reload = try #require(try await events.next(named: "reload"))
            #expect(reload.data != first.data)
            #expect(try await served.waitForOutput("groups/hangzhou/rules/index.html", containing: "不发广告"))
            #expect(try await served.client.get("/groups/hangzhou/rules/").text.contains("不发广告"))
        }
    }

    @Test func aBrokenEditShowsTheOverlayAndTheFixClearsIt() async throws {
        try await withServedSite { served in
            let events = try TestEventStream(port: served.session.port)
            _ = try #require(try await events.next())

            try served.site.write("content/groups/hangzhou/rules.md", "---\ntitle: [群规\n---\n# 群规\n")
            let broken = try #require(try await events.next(named: "diagnostics"))
            let payload = try JSONSerialization.jsonObject(with: Data(broken.data.utf8)) as? [String: Any]
            let diagnostics = try #require(payload?["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.first?["file"] as? String == "content/groups/hangzhou/rules.md")
            #expect(diagnostics.first?["rule"] as? String == "frontmatter.yaml")
            #expect(diagnostics.first?["line"] as? Int == 2)
            // The broken page shows where; another page counts it, with a link (issue 22).
            let withOverlay = try await served.client.get("/groups/hangzhou/rules/")
            #expect(withOverlay.text.contains("id=\"playbook-overlay\""))
            #expect(withOverlay.text.contains("content/groups/hangzhou/rules.md:2:"))
            let elsewhere = try await served.client.get("/groups/hangzhou/")
            #expect(elsewhere.text.contains("href=\"/groups/hangzhou/rules/\">content/groups/hangzhou/rules.md</a>"))

            try served.site.write("content/groups/hangzhou/rules.md", "---\ntitle: 群规\n---\n# 群规\n\n好了。\n")
            let fixed = try #require(try await events.next(named: "reload"))
            #expect(fixed.data.contains("\"diagnostics\":[]"))
            #expect(!(try await served.client.get("/groups/hangzhou/").text.contains("playbook-overlay")))
        }
    }

    /// A save after the first build read the site and before it is done (a network's handbook
    /// builds for a minute) is rebuilt once the build is done: the watcher started after the
    /// build, and that save showed only with the next one.
    @Test(arguments: [false, true]) func aSaveWhileTheFirstBuildRunsIsRebuiltOnceItIsDone(polling: Bool) async throws {
        let site = try TemporarySite(ServedSite.files)
        let root = site.root
        var options = ServeOptions(source: root, port: 0, output: root.appendingPathComponent("out"))
        options.forcePolling = polling
        options.pollInterval = .milliseconds(50)
        options.afterFirstRead = {
            let rules = root.appendingPathComponent("content/groups/hangzhou/rules.md")
            try? Data("---\ntitle: 群规\n---\n# 群规\n\n读书时不刷屏。\n".utf8).write(to: rules)
        }
        let session = try await PreviewSession.start(options) { _ in }
        let page = session.output.appendingPathComponent("groups/hangzhou/rules/index.html")
        let deadline = Date() + 60
        var shown = false
        while !shown, Date() < deadline {
            shown =
                FileManager.default.contents(atPath: page.path).map {
                    String(decoding: $0, as: UTF8.self).contains("读书时不刷屏")
                } ?? false
            if !shown { try await Task.sleep(for: .milliseconds(20)) }
        }
        await session.stop()
        site.remove()
        #expect(shown)
    }

    @Test func aPageAddedInANewFolderIsServed() async throws {
        try await withServedSite { served in
            let events = try TestEventStream(port: served.session.port)
            _ = try #require(try await events.next())
            try served.site.write("content/sops/daily/morning.md", "---\ntitle: 早安帖\n---\n# 早安帖\n\n八点发。\n")
            _ = try #require(try await events.next(named: "reload"))
            #expect(try await served.waitForOutput("sops/daily/morning/index.html", containing: "八点发"))
            // Later edits inside the new folder are seen too.
            try served.site.write("content/sops/daily/morning.md", "---\ntitle: 早安帖\n---\n# 早安帖\n\n九点发。\n")
            #expect(try await served.waitForOutput("sops/daily/morning/index.html", containing: "九点发"))
        }
    }

    @Test func aDeletedPageLeavesTheOutput() async throws {
        try await withServedSite { served in
            let events = try TestEventStream(port: served.session.port)
            _ = try #require(try await events.next())
            try FileManager.default.removeItem(
                at: served.site.root.appendingPathComponent("content/groups/hangzhou/rules.md"))
            _ = try #require(try await events.next(named: "reload"))
            #expect(try await served.client.get("/groups/hangzhou/rules/").status == 404)
        }
    }

    @Test func thePollingFallbackSeesEditsToo() async throws {
        try await withServedSite(forcePolling: true) { served in
            #expect(served.session.usesPolling)
            let events = try TestEventStream(port: served.session.port)
            _ = try #require(try await events.next())
            try served.site.write("content/groups/hangzhou/rules.md", "---\ntitle: 群规\n---\n# 群规\n\n轮询也行。\n")
            _ = try #require(try await events.next(named: "reload"))
            #expect(try await served.waitForOutput("groups/hangzhou/rules/index.html", containing: "轮询也行"))
        }
    }
}
