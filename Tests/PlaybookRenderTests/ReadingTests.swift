import Foundation
import PlaybookEngine
import PlaybookMarkdown
import PlaybookModel
import PlaybookSource
import Testing

@testable import PlaybookRender

// Issue 10: what a reader sees across pages, the files a published site needs, and the group's
// kit and the template catalog, from small sites given inline.
@Suite struct ReadingTests {
    static func render(_ files: [String: String], config: String? = nil) throws -> [String: String] {
        var site = SiteFiles(
            config: config,
            content: files.sorted { $0.key < $1.key }.map {
                RawFile(path: "content/" + $0.key, bytes: Array($0.value.utf8))
            })
        site.lastChanged = [:]
        let output = try Pipeline.render(Pipeline.check(site))
        return Dictionary(uniqueKeysWithValues: output.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    static let group: [String: String] = [
        "index.md": "---\ntitle: 首页\n---\n看[杭州](groups/hz/index.md)。\n",
        "groups/hz/index.md":
            "---\ntitle: 杭州\nkind: group\n---\n见[群规](rules.md)和[总则](/rules/net.md)。\n\n## 同好\n\n- [ ] 甲\n",
        "groups/hz/rules.md": "---\ntitle: 杭州群规\nkind: rules\n---\n## 惩罚\n\n1. 警告\n2. 禁言\n",
        "groups/hz/onboarding.md": "---\ntitle: 杭州入群\nkind: onboarding\n---\n## 流程\n\n1. 第1天\n",
        "groups/hz/sops/meetup.md": "---\ntitle: 杭州月会\nkind: sop\ntags: [活动, 值班]\n---\n## 同好\n\n- [ ] 乙\n",
        "rules/net.md": "---\ntitle: 总群规\ntags: 值班\n---\n正文。\n",
    ]

    @Test func linksNameIndexHTMLEverywhere() throws {
        let pages = try Self.render(Self.group)
        // 404.html is the exception: its links start from baseURL, since it is shown at any path.
        for (path, html) in pages where path.hasSuffix(".html") && path != "404.html" {
            for href in html.components(separatedBy: "href=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) })
            where !href.hasPrefix("#") && !href.hasPrefix("data:") && !href.hasPrefix("http") {
                let file = href.split(separator: "#").first.map(String.init) ?? ""
                #expect(!file.hasSuffix("/"), "\(path) links to the folder \(href)")
            }
        }
    }

    @Test func backlinksPreviousNextAndTags() throws {
        let pages = try Self.render(Self.group)
        let rules = try #require(pages["groups/hz/rules/index.html"])
        // Linked from the charter; in reading order charter → rules → onboarding → SOP.
        #expect(rules.contains("<h2 id=\"linked-from\">"))
        #expect(rules.contains("rel=\"prev\"><small>上一篇</small><span>杭州</span>"))
        #expect(rules.contains("rel=\"next\"><small>下一篇</small><span>杭州入群</span>"))
        let tag = try #require(pages["tags/值班/index.html"])
        #expect(tag.contains("杭州月会") && tag.contains("总群规"))
        #expect(pages["tags/index.html"]?.contains("活动") == true)
    }

    @Test func aGroupsKitHoldsItsDocumentsInOrderWithUniqueIDs() throws {
        let pages = try Self.render(Self.group)
        let page = try #require(pages["groups/hz/kit/index.html"])
        let kit = String(page[try #require(page.range(of: "<section class=\"kit-doc\"")).lowerBound...])
        let order = ["杭州</a></h2>", "杭州群规", "总群规", "杭州入群", "杭州月会"].map { kit.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        let ids = page.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(ids).count == ids.count, "ids repeat: \(ids)")
        // The charter's bar links the kit and the group's documents.
        let charter = try #require(pages["groups/hz/index.html"])
        #expect(charter.contains("href=\"../../groups/hz/kit/index.html\""))
        #expect(charter.contains("href=\"../../groups/hz/sops/meetup/index.html\""))
    }

    // Issue 25: a link's query goes along; a query alone stays a link to the page itself.
    @Test func linksKeepTheirQuery() throws {
        let pages = try Self.render([
            "index.md": "---\ntitle: 首页\n---\n",
            "sops/duty.md":
                "---\ntitle: 值班\n---\n[s](/search/?q=duty) [f](files/form.pdf?v=2) [t](?tab=2) [r](../index.md?x=1#top)\n",
        ])
        let page = try #require(pages["sops/duty/index.html"])
        #expect(page.contains("<a href=\"../../search/index.html?q=duty\">s</a>"))
        #expect(page.contains("<a href=\"../../sops/files/form.pdf?v=2\">f</a>"))
        #expect(page.contains("<a href=\"?tab=2\">t</a>"))
        #expect(page.contains("<a href=\"../../index.html?x=1#top\">r</a>"))
    }

    // Issue 25: no heading takes an id the theme gives an element of the page.
    @Test func headingIdsNeverTakeTheThemesIds() throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        var themeIDs: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path)
        where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            for piece in text.components(separatedBy: " id=\"").dropFirst() {
                let id = String(piece.prefix { $0 != "\"" })
                // Ids built from a value (`{{id}}`) are the health view's and the catalog's, whose
                // pages hold no Markdown; a kit's `d1-doc` is covered by `doc`.
                if !id.contains("{{") { themeIDs.insert(id) }
            }
        }
        #expect(
            themeIDs.isSubset(of: PageParser.reservedAnchors), "\(themeIDs.subtracting(PageParser.reservedAnchors))")
        let headings = themeIDs.sorted().map { "## " + $0 + "\n\n" }.joined()
        let pages = try Self.render(["index.md": "---\ntitle: 首页\n---\n", "a.md": "# Main\n\n" + headings])
        let page = try #require(pages["a/index.html"])
        let ids = page.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(Set(ids).count == ids.count, "ids repeat: \(ids)")
    }

    @Test func traditionalTextIsDeclaredZhHant() throws {
        let pages = try Self.render([
            "tw.md": "---\ntitle: 台北\n---\n這是臺北分會的群規與門檻說明。\n",
            "cn.md": "---\ntitle: 杭州\n---\n这是杭州分会的群规与门槛说明。\n",
            "en.md": "---\ntitle: 杭州\nlanguage: zh-Hant\n---\n这是简体，但作者说是繁体。\n",
        ])
        #expect(pages["tw/index.html"]?.contains("<div class=\"body\" lang=\"zh-Hant\">") == true)
        #expect(pages["cn/index.html"]?.contains("<div class=\"body\">") == true)
        #expect(pages["en/index.html"]?.contains("<div class=\"body\" lang=\"zh-Hant\">") == true)
    }

    @Test func descriptionFromFrontMatterElseFirstParagraph() throws {
        let pages = try Self.render([
            "a.md": "---\ntitle: 甲\ndescription: 写好的描述\n---\n第一段。\n",
            "b.md": "---\ntitle: 乙\n---\n# 乙\n\n第一段文字。\n\n第二段。\n",
        ])
        #expect(pages["a/index.html"]?.contains("<meta name=\"description\" content=\"写好的描述\">") == true)
        #expect(pages["b/index.html"]?.contains("<meta name=\"description\" content=\"第一段文字。\">") == true)
    }

    @Test func sitemapAndCanonicalOnlyWithAnAbsoluteBaseURL() throws {
        let relative = try Self.render(["a.md": "# 甲\n"])
        #expect(relative["sitemap.xml"] == nil)
        #expect(relative["robots.txt"] == "User-agent: *\nAllow: /\n")
        #expect(relative["a/index.html"]?.contains("rel=\"canonical\"") == false)
        let absolute = try Self.render(["a.md": "# 甲\n"], config: "baseURL: https://h.example.org/hb/\n")
        #expect(absolute["sitemap.xml"]?.contains("<loc>https://h.example.org/hb/a/</loc>") == true)
        #expect(absolute["robots.txt"]?.contains("Sitemap: https://h.example.org/hb/sitemap.xml") == true)
        #expect(
            absolute["a/index.html"]?.contains("<link rel=\"canonical\" href=\"https://h.example.org/hb/a/\">") == true)
    }

    @Test func theFeedListsPagesByTheirGitDateNewestFirst() throws {
        var site = SiteFiles(content: [
            RawFile(path: "content/a.md", bytes: Array("# 甲\n".utf8)),
            RawFile(path: "content/b.md", bytes: Array("# 乙\n".utf8)),
        ])
        site.lastChanged = ["content/a.md": "2026-01-02T00:00:00+00:00", "content/b.md": "2026-03-04T00:00:00+00:00"]
        let output = try Pipeline.render(Pipeline.check(site))
        let feed = String(decoding: try #require(output.first { $0.path == "feed.xml" }).bytes, as: UTF8.self)
        let b = try #require(feed.range(of: "<title>乙</title>"))
        let a = try #require(feed.range(of: "<title>甲</title>"))
        #expect(b.lowerBound < a.lowerBound)
        #expect(feed.contains("<updated>2026-03-04T00:00:00+00:00</updated>"))
        let page = String(decoding: try #require(output.first { $0.path == "a/index.html" }).bytes, as: UTF8.self)
        #expect(page.contains("<time datetime=\"2026-01-02T00:00:00+00:00\">2026-01-02</time>"))
    }

    @Test func gitLogOutputGivesEachFileItsNewestDate() {
        let output =
            "\u{1E}2026-03-04T00:00:00+00:00\ncontent/b.md\0content/a.md\0\0\u{1E}2026-01-02T00:00:00+00:00\ncontent/a.md\0"
        #expect(
            GitHistory.parse(output) == [
                "content/a.md": "2026-03-04T00:00:00+00:00", "content/b.md": "2026-03-04T00:00:00+00:00",
            ])
    }

    @Test func theCatalogsCommandNamesAFreeSlugAndTheExamples() throws {
        let pages = try Self.render([
            "groups/shenzhen/index.md": "---\ntitle: 深圳\nkind: group\n---\n正文\n",
            "templates/city/index.md":
                "---\ntitle: 城市\nversion: 1.0.0\nvariables:\n  - name: city_en\n    required: true\n    example: Shenzhen\n  - name: owner\n    required: true\n    example: 陈 默\n  - name: platform\n    default: 微信群\n---\n正文\n",
            "templates/city/files/index.md":
                "---\ntitle: \"{{city_en}}\"\nkind: group\nowner: \"{{owner}}\"\n---\n{{platform}}\n",
        ])
        let catalog = try #require(pages["templates/index.html"])
        #expect(
            catalog.contains(
                "<code>playbook new group shenzhen-2 --from city --set city_en=Shenzhen --set owner=&#39;陈 默&#39;</code>"
            ))
        #expect(catalog.contains("<code>content/groups/shenzhen-2/index.md</code>"))
        // The template's documents are no section of the handbook: no list page of their own.
        #expect(
            pages["templates/city/files/index.html"]?.contains("<meta name=\"robots\" content=\"noindex\">") == true)
        #expect(pages["templates/index.html"]?.contains("files/index.html\"><span class=\"card-title\">") == false)
    }
}
