import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookLSP

/// Issue 15: the server checks open pages with exactly the findings `playbook check` reports.
@Suite struct ServerTests {
    static let charter = """
        ---
        title: 成都分会 😀
        kind: group
        ---

        # 成都分会

        ## 一、同好 Shared interest

        在成都读书的人 😀，见 [群规](rules.md#惩罚-penalties) 和 [流程](rules.md#没有这节)。

        ## 三、输出 Output

        每周一篇读书笔记。

        """

    static let rules = """
        ---
        title: 成都群规
        kind: rules
        ---

        ## 昵称格式 Nickname format

        姓名-行业-城市

        ## 行为准则 Conduct

        不刷屏。

        ## 奖励 Rewards

        积分。

        ## 惩罚 Penalties

        1. 警告
        2. 禁言

        """

    func site() throws -> TemporarySite {
        try TemporarySite([
            "playbook.yml": "title: 测试\n",
            "content/groups/chengdu/index.md": Self.charter,
            "content/groups/chengdu/rules.md": Self.rules,
        ])
    }

    func url(_ site: TemporarySite, _ path: String) -> URL { site.root.appendingPathComponent(path) }

    /// What `check` reports for one file, as the JSON the server puts in `data`.
    func expected(_ site: TemporarySite, _ path: String) throws -> [Diagnostic] {
        try Pipeline.check(siteAt: site.root).diagnostics.filter { $0.file == path }
    }

    func published(_ diagnostics: [JSON]?, path: String) -> [Diagnostic] {
        (diagnostics ?? []).map { d in
            Diagnostic(
                file: path, line: d["data"]?["line"]?.int ?? 0, column: d["data"]?["column"]?.int ?? 0,
                severity: d["severity"] == 1 ? .error : .warning, rule: d["code"]?.string ?? "",
                message: d["data"]?["message"]?.string ?? "", hint: d["data"]?["hint"]?.string)
        }
    }

    @Test func requestsBeforeInitializeAreRefusedAndUnknownMethodsAreNotFound() throws {
        let client = Client()
        #expect(client.request("textDocument/hover")["error"]?["code"] == -32002)
        let site = try site()
        defer { site.remove() }
        let response = client.request("initialize", ["rootUri": .string(site.root.absoluteString)])
        #expect(response["result"]?["capabilities"]?["positionEncoding"] == "utf-16")
        #expect(client.request("playbook/unknown")["error"]?["code"] == -32601)
        let before = client.sent.count
        client.notify("playbook/unknownNotification")
        client.notify("$/cancelRequest", ["id": 1])
        #expect(client.sent.count == before)
    }

    @Test func shutdownThenExitIsStatusZeroAndExitAloneIsOne() {
        let polite = Client()
        polite.request("initialize")
        #expect(polite.request("shutdown")["result"] == .null)
        #expect(polite.request("textDocument/hover")["error"]?["code"] == -32600)
        polite.notify("exit")
        #expect(polite.server.exitCode == 0)
        let abrupt = Client()
        abrupt.request("initialize")
        abrupt.notify("exit")
        #expect(abrupt.server.exitCode == 1)
    }

    @Test func malformedMessagesGetAnErrorAndTheServerGoesOn() {
        let client = Client()
        client.server.receive(.body(Array("{not json".utf8)))
        #expect(client.sent.last?["error"]?["code"] == -32700)
        #expect(client.sent.last?["id"] == .null)
        client.server.receive(.malformed("no Content-Length"))
        #expect(client.logs.last?.contains("malformed") == true)
        client.server.handle([1, 2])
        #expect(client.sent.last?["error"]?["code"] == -32600)
        #expect(client.request("initialize")["result"]?["capabilities"] != nil)
    }

    @Test func aFailingHandlerAnswersWithAnErrorOrALogLine() throws {
        let site = try site()
        defer { site.remove() }
        let client = Client()
        client.initialize(root: site.root)
        let response = client.request(
            "textDocument/hover",
            ["textDocument": ["uri": "file:///nowhere.md"], "position": ["line": 0, "character": 0]])
        #expect(response["error"]?["code"] == -32602)
        client.notify("textDocument/didChange", ["textDocument": ["uri": "file:///nowhere.md"], "contentChanges": []])
        #expect(client.logs.last?.contains("is not open") == true)
    }

    @Test func anOpenPageGetsExactlyTheFindingsOfCheck() throws {
        let site = try site()
        defer { site.remove() }
        let client = Client()
        client.initialize(root: site.root)
        let path = "content/groups/chengdu/index.md"
        client.open(url(site, path), Self.charter)
        let expected = try expected(site, path)
        #expect(!expected.isEmpty)
        #expect(published(client.diagnostics(url(site, path)), path: path) == expected)
        // The broken anchor sits after Chinese text and an emoji: its column is in UTF-16 units.
        let anchor = try #require(client.diagnostics(url(site, path))?.first { $0["code"] == "page.broken-anchor" })
        let line = Self.charter.split(separator: "\n", omittingEmptySubsequences: false)[9]
        let prefix = line[..<line.range(of: "[流程]")!.lowerBound]
        #expect(anchor["range"]?["start"]?["character"]?.int == prefix.utf16.count)
        #expect(anchor["range"]?["start"]?["character"]?.int != prefix.unicodeScalars.count)
    }

    @Test func anEditIsCheckedAtOnceWhenQuietAndDebouncedWhileTyping() throws {
        let site = try site()
        defer { site.remove() }
        let client = Client()
        client.initialize(root: site.root)
        let page = url(site, "content/groups/chengdu/rules.md")
        client.open(page, Self.rules)
        #expect(client.diagnostics(page)?.isEmpty == true)
        client.clock += 0.05
        client.replaceAll(page, Self.rules.replacingOccurrences(of: "## 奖励 Rewards", with: "## 其他"), version: 2)
        // A check ran 50 ms ago: this one waits for the window to pass.
        #expect(client.diagnostics(page)?.isEmpty == true)
        #expect(client.scheduled.count == 1)
        client.clock += 0.2
        client.runScheduled()
        #expect(client.diagnostics(page)?.map { $0["code"] } == ["rules.missing-section"])
        #expect(client.sent.last?["params"]?["version"] == 2)
    }

    @Test func changingALinkedPageUpdatesTheLinkingPage() throws {
        let site = try site()
        defer { site.remove() }
        let client = Client()
        client.initialize(root: site.root)
        let charter = url(site, "content/groups/chengdu/index.md")
        client.open(charter, Self.charter)
        #expect(client.diagnostics(charter)?.filter { $0["code"] == "page.broken-anchor" }.count == 1)
        // Saved by another program: the editor says the file changed on disk.
        try site.write(
            "content/groups/chengdu/rules.md", Self.rules.replacingOccurrences(of: "## 惩罚 Penalties", with: "## 没有这节"))
        client.notify(
            "workspace/didChangeWatchedFiles",
            ["changes": [["uri": .string(url(site, "content/groups/chengdu/rules.md").absoluteString), "type": 2]]])
        let anchors = client.diagnostics(charter)?.filter { $0["code"] == "page.broken-anchor" } ?? []
        #expect(anchors.count == 1)
        #expect(anchors.first?["data"]?["message"]?.string?.contains("惩罚-penalties") == true)
        #expect(
            published(client.diagnostics(charter), path: "content/groups/chengdu/index.md")
                == (try expected(site, "content/groups/chengdu/index.md")))
    }

    @Test func theBaselineIsHonoured() throws {
        let site = try site()
        defer { site.remove() }
        let all = try expected(site, "content/groups/chengdu/index.md")
        let lines = LineLookup(texts: ["content/groups/chengdu/index.md": Self.charter])
        try site.write(Baseline.fileName, Baseline(recording: Array(all.prefix(1)), line: lines.line).rendered())
        let client = Client()
        client.initialize(root: site.root)
        client.open(url(site, "content/groups/chengdu/index.md"), Self.charter)
        #expect(
            published(
                client.diagnostics(url(site, "content/groups/chengdu/index.md")),
                path: "content/groups/chengdu/index.md") == Array(all.dropFirst()))
    }

    @Test func aFileOutsideTheSiteIsNotCheckedAndSaysSo() throws {
        let site = try site()
        defer { site.remove() }
        let client = Client()
        client.initialize(root: site.root)
        let outside = URL(fileURLWithPath: "/tmp/playbook-lsp-outside.md")
        client.open(outside, "# 随笔\n")
        #expect(client.diagnostics(outside) == nil)
        #expect(client.logs.last?.contains("not a page") == true)
        let completion = client.request(
            "textDocument/completion",
            ["textDocument": ["uri": .string(outside.absoluteString)], "position": ["line": 1, "character": 0]])
        #expect(completion["result"] == .null)
    }

    @Test func theSiteRootIsTheNearestPlaybookYmlAbove() throws {
        let site = try site()
        defer { site.remove() }
        let client = Client()
        client.request(
            "initialize",
            ["workspaceFolders": [["uri": .string(url(site, "content/groups").absoluteString), "name": "g"]]])
        client.open(url(site, "content/groups/chengdu/rules.md"), Self.rules)
        #expect(client.diagnostics(url(site, "content/groups/chengdu/rules.md")) == [])
    }
}

/// Issue 15: requests at any position, however odd, get an answer, never a dead server.
@Suite struct HostilePositionTests {
    @Test(arguments: [(-5, -5), (0, Int.max), (Int.max, 0), (Int.min, Int.min), (3, 2)])
    func everyRequestAnswersAtAnyPosition(_ position: (Int, Int)) throws {
        let site = try TemporarySite([
            "playbook.yml": "title: 测试\n",
            "content/groups/chengdu/rules.md": ServerTests.rules,
        ])
        defer { site.remove() }
        let client = Client()
        client.initialize(root: site.root)
        let uri = site.root.appendingPathComponent("content/groups/chengdu/rules.md").absoluteString
        client.open(site.root.appendingPathComponent("content/groups/chengdu/rules.md"), ServerTests.rules)
        let at: JSON = ["line": .int(position.0), "character": .int(position.1)]
        let document: JSON = ["uri": .string(uri)]
        for method in ["textDocument/completion", "textDocument/hover", "textDocument/definition"] {
            let response = client.request(method, ["textDocument": document, "position": at])
            #expect(response["result"] != nil, "\(method)")
        }
        let actions = client.request(
            "textDocument/codeAction",
            ["textDocument": document, "range": ["start": at, "end": ["line": 0, "character": 0]], "context": [:]])
        #expect(actions["result"]?.array != nil)
        #expect(client.request("textDocument/documentSymbol", ["textDocument": document])["result"]?.array?.count == 4)
    }
}

/// Issue 15: a site that cannot be read is reported, and read again once it is fixed.
@Suite struct UnreadableSiteTests {
    @Test func aSiteWithoutContentIsReportedThenReadOnceItHasSome() throws {
        let site = try TemporarySite(["playbook.yml": "title: 测试\n"])
        defer { site.remove() }
        let client = Client()
        client.initialize(root: site.root)
        #expect(client.logs.contains { $0.contains("cannot read the site") })
        try site.write("content/rules/a.md", ServerTests.rules)
        let page = site.root.appendingPathComponent("content/rules/a.md")
        client.notify(
            "workspace/didChangeWatchedFiles", ["changes": [["uri": .string(page.absoluteString), "type": 1]]])
        client.open(page, ServerTests.rules)
        #expect(client.diagnostics(page) == [])
    }
}
