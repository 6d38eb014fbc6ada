import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookLSP

/// Issue 15: completion, quick fixes, hover, definition and the outline, handled in-process.
@Suite struct FeatureTests {
    static let template = """
        ---
        title: 城市分会模板
        kind: template
        version: 1.0.0
        variables:
          - name: city
            description: 城市
            required: true
          - name: owner
            description: 群主
            default: 待定
        ---

        用法见 files/。

        """

    static let traditional = """
        ---
        title: 台北群規
        kind: rules
        ---

        ## 暱稱格式 Nickname format

        姓名-行業-城市。

        ## 

        ## 懲罰 Penalties

        1. 警告
        2. 禁言

        """

    func setUp() throws -> (TemporarySite, Client) {
        let site = try TemporarySite([
            "playbook.yml": "title: 测试\n",
            "content/groups/chengdu/index.md": ServerTests.charter,
            "content/groups/chengdu/rules.md": ServerTests.rules,
            "content/groups/taipei/rules.md": Self.traditional,
            "content/templates/city/index.md": Self.template,
            "content/templates/city/files/index.md": "---\ntitle: \"{{city}}分会\"\nowner: \"{{owner}}\"\n---\n\n{{ci\n",
        ])
        let client = Client()
        client.initialize(root: site.root)
        return (site, client)
    }

    func at(_ url: URL, _ line: Int, _ character: Int) -> JSON {
        [
            "textDocument": ["uri": .string(url.absoluteString)],
            "position": ["line": .int(line), "character": .int(character)],
        ]
    }

    func labels(_ response: JSON) -> [String] {
        (response["result"]?["items"]?.array ?? []).compactMap { $0["label"]?.string }
    }

    @Test func aTraditionalPageIsOfferedTraditionalHeadingsInTheKindsOrder() throws {
        let (site, client) = try setUp()
        defer { site.remove() }
        let page = site.root.appendingPathComponent("content/groups/taipei/rules.md")
        client.open(page, Self.traditional)
        let offered = labels(client.request("textDocument/completion", at(page, 8, 3)))
        #expect(offered == ["## 行為準則 Conduct", "## 獎勵 Rewards"])
    }

    @Test func aTemplatesDocumentsAreOfferedItsVariables() throws {
        let (site, client) = try setUp()
        defer { site.remove() }
        let page = site.root.appendingPathComponent("content/templates/city/files/index.md")
        client.open(page, "---\ntitle: \"{{city}}分会\"\nowner: \"{{owner}}\"\n---\n\n{{ci\n")
        let response = client.request("textDocument/completion", at(page, 5, 4))
        #expect(labels(response) == ["city", "owner"])
        #expect(response["result"]?["items"]?[1]?["detail"]?.string == "群主，默认 待定")
    }

    @Test func aTemplatesDeclarationIsOfferedTheKeysOfAVariable() throws {
        let (site, client) = try setUp()
        defer { site.remove() }
        let page = site.root.appendingPathComponent("content/templates/city/index.md")
        let text = Self.template.replacingOccurrences(
            of: "            required: true\n", with: "            required: true\n    \n")
        client.open(page, text)
        let offered = labels(client.request("textDocument/completion", at(page, 8, 4)))
        #expect(offered == ["name", "description", "required", "default", "choices", "pattern", "example"])
        // At the top level, the kind's own fields instead.
        let top = labels(client.request("textDocument/completion", at(page, 8, 0)))
        #expect(top.contains("owner") && !top.contains("description"))
    }

    @Test func theMissingSectionFixGoesBeforeTheNextSectionOfTheKind() throws {
        let (site, client) = try setUp()
        defer { site.remove() }
        let page = site.root.appendingPathComponent("content/groups/chengdu/index.md")
        client.open(page, ServerTests.charter)
        // 结构 is missing; it belongs before 输出 (line 13), where the finding points.
        let structure = try #require(
            client.diagnostics(page)?.first { $0["data"]?["message"]?.string?.contains("「结构」") == true })
        #expect(structure["range"]?["start"]?["line"] == 11)
        let response = client.request(
            "textDocument/codeAction",
            ["textDocument": ["uri": .string(page.absoluteString)], "range": structure["range"]!, "context": [:]])
        let actions = response["result"]?.array ?? []
        #expect(actions.compactMap { $0["title"]?.string } == ["添加「结构」一节"])
        let edit = try #require(actions.first?["edit"]?["changes"]?[page.absoluteString]?[0])
        #expect(edit["range"]?["start"] == ["line": 11, "character": 0])
        let text = try #require(edit["newText"]?.string)
        #expect(text.hasPrefix("## 结构 Structure\n\n<!-- 写出结构的四个部分"))
        #expect(text.contains("### 成员与分工 Members and roles\n\n（待填写）\n"))
    }

    // Issue 22: a heading close to the missing section is renamed, not duplicated.
    @Test func aHeadingCloseToAMissingSectionIsRenamedNotAdded() throws {
        let (site, client) = try setUp()
        defer { site.remove() }
        let page = site.root.appendingPathComponent("content/groups/chengdu/index.md")
        let text = ServerTests.charter.replacingOccurrences(of: "## 一、同好 Shared interest", with: "##共同爱好")
        client.open(page, text)
        let interest = try #require(
            client.diagnostics(page)?.first { $0["data"]?["message"]?.string?.contains("「同好」") == true })
        #expect(interest["range"]?["start"]?["line"] == 7)
        let response = client.request(
            "textDocument/codeAction",
            ["textDocument": ["uri": .string(page.absoluteString)], "range": interest["range"]!, "context": [:]])
        let actions = response["result"]?.array ?? []
        #expect(actions.compactMap { $0["title"]?.string } == ["改成 `## 同好`"])
        let edit = try #require(actions.first?["edit"]?["changes"]?[page.absoluteString]?[0])
        #expect(edit["range"]?["start"] == ["line": 7, "character": 0])
        #expect(edit["range"]?["end"] == ["line": 7, "character": 6])
        #expect(edit["newText"]?.string == "## 同好")
    }

    @Test func hoverExplainsARuleIdAndAHeading() throws {
        let (site, client) = try setUp()
        defer { site.remove() }
        let page = site.root.appendingPathComponent("content/groups/chengdu/rules.md")
        let text = ServerTests.rules + "<!-- 见 rules.penalty-levels -->\n"
        client.open(page, text)
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count - 2
        let rule = client.request("textDocument/hover", at(page, lastLine, 10))
        let value = try #require(rule["result"]?["contents"]?["value"]?.string)
        #expect(value.hasPrefix("**`rules.penalty-levels`** — 「惩罚」至少分 2 级"))
        #expect(value.contains("1. 警告\n2. 禁言"))
        let heading = client.request("textDocument/hover", at(page, 17, 4))
        #expect(heading["result"]?["contents"]?["value"]?.string?.hasPrefix("**惩罚** Penalties — 群规的一节") == true)
    }

    @Test func definitionFollowsALinkToItsAnchorsHeading() throws {
        let (site, client) = try setUp()
        defer { site.remove() }
        let page = site.root.appendingPathComponent("content/groups/chengdu/index.md")
        client.open(page, ServerTests.charter)
        let line = ServerTests.charter.split(separator: "\n", omittingEmptySubsequences: false)[9]
        let column = line.utf16.distance(from: line.startIndex, to: line.range(of: "rules.md#")!.lowerBound)
        let result = client.request("textDocument/definition", at(page, 9, column + 2))["result"]
        #expect(
            result?["uri"]?.string == site.root.appendingPathComponent("content/groups/chengdu/rules.md").absoluteString
        )
        #expect(result?["range"]?["start"] == ["line": 17, "character": 0])
    }
}
