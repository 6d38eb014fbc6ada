import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import Testing

@testable import PlaybookRender

// Read with Foundation's JSONSerialization on purpose: a reader Playbook did not write judges what
// Playbook's `JSON` wrote, so an escaping mistake shared by our writer and reader cannot pass.

// Issue 13: one set of kind labels (`KindLabel` in PlaybookModel). The checker's findings and
// the site's page headers, navigation, health view and search records name a kind alike,
// including a kind the site declares itself.
@Suite struct KindLabelTests {
    /// The kind label in a page's header.
    static func headerLabel(_ html: String) -> String? {
        guard let start = html.range(of: "<p class=\"kind-label\">") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "<" })
    }

    /// The titles of the top navigation's sections.
    static func navigation(_ html: String) throws -> [String] {
        let start = try #require(html.range(of: "<nav"))
        let end = try #require(html.range(of: "</nav>", range: start.upperBound..<html.endIndex))
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "</a>").dropLast().map {
            String($0[($0.lastIndex(of: ">").map { $0 } ?? $0.startIndex)...].dropFirst())
        }
    }

    /// The `kinds` table of the search index's meta file: kind → label shown in the filters.
    static func searchKinds(_ pages: [String: String]) throws -> [String: String] {
        let meta = try #require(pages["search/meta.js"])
        let start = try #require(meta.range(of: "\"kinds\":"))
        let json = try #require(meta[start.upperBound...].range(of: "]]"))
        let data = Data(meta[start.upperBound..<json.upperBound].utf8)
        let pairs = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
        return Dictionary(uniqueKeysWithValues: pairs.map { ($0[0], $0[1]) })
    }

    static let builtInPages: [String: String] = [
        "index.md": "---\ntitle: Home\n---\nHello.\n",
        "groups/hz/index.md": "---\ntitle: 杭州\nkind: group\nowner: 林晓\n---\n## 同好\n\n读书。\n",
        "sops/meetup.md": "---\ntitle: 月会\nkind: sop\nowner: 林晓\ncadence: 每月\n---\n## 目的\n\n见面。\n",
    ]

    @Test(arguments: [
        (Language.zhHans, "社群档案", "SOP"), (Language.zhHant, "社群檔案", "SOP"), (Language.en, "Groups", "SOPs"),
    ])
    func builtInKindsAreLabelledInTheSiteLanguage(_ language: Language, _ group: String, _ sop: String) throws {
        let pages = try ReadingTests.render(Self.builtInPages, config: "title: T\nlanguage: \(language.rawValue)\n")
        let charter = try #require(pages["groups/hz/index.html"])
        #expect(Self.headerLabel(charter) == group)
        #expect(Self.headerLabel(try #require(pages["sops/meetup/index.html"])) == sop)
        let nav = try Self.navigation(charter)
        #expect(nav.contains(group) && nav.contains(sop), "\(nav)")
        let kinds = try Self.searchKinds(pages)
        #expect(kinds["group"] == group && kinds["sop"] == sop)
        #expect(KindLabels.defaults.title(.group, in: language) == group)
    }

    static let eventConfig = """
        title: 拾页读书会
        language: zh-Hans
        kinds:
          event:
            label: {zh-Hans: 活动方案, zh-Hant: 活動方案, en: Events}
            fields:
              owner: {type: string, required: true}
            sections:
              - id: agenda
                label: {zh-Hans: 议程, zh-Hant: 議程, en: Agenda}
                aliases: [议程, agenda]
          rules:
            label: 公约
        """

    static let eventPages: [String: String] = [
        "index.md": "---\ntitle: 首页\n---\n看[读书夜](events/night.md)。\n",
        "events/night.md": "---\ntitle: 六月读书夜\nkind: event\nowner: 林晓\n---\n## 议程\n\n1. 签到\n2. 共读\n",
        "groups/hz/index.md": "---\ntitle: 杭州\nkind: group\nowner: 林晓\n---\n见[群规](rules.md)。\n",
        "groups/hz/rules.md": "---\ntitle: 杭州群规\nkind: rules\n---\n## 惩罚\n\n1. 警告\n2. 禁言\n",
    ]

    @Test func aSiteDefinedKindShowsItsLabelNotItsId() throws {
        let pages = try ReadingTests.render(Self.eventPages, config: Self.eventConfig)
        let event = try #require(pages["events/night/index.html"])
        #expect(Self.headerLabel(event) == "活动方案")
        let nav = try Self.navigation(event)
        #expect(nav.contains("活动方案") && !nav.contains("events"), "\(nav)")
        #expect(try Self.searchKinds(pages)["event"] == "活动方案")
        // The events folder's generated list page is titled by the kind too.
        #expect(try #require(pages["events/index.html"]).contains("<h1>活动方案</h1>"))
    }

    @Test func aRelabelledBuiltInKindIsRelabelledInTheHealthViewAndHeaders() throws {
        let pages = try ReadingTests.render(Self.eventPages, config: Self.eventConfig)
        let health = try #require(pages["health/index.html"])
        #expect(health.contains("<th scope=\"col\">公约</th>"))
        #expect(!health.contains("<th scope=\"col\">群规</th>"))
        #expect(Self.headerLabel(try #require(pages["groups/hz/rules/index.html"])) == "公约")
    }

    @Test func theCheckerNamesASiteDefinedKindByTheSameLabel() throws {
        let site = SiteFiles(
            config: Self.eventConfig,
            content: [RawFile(path: "content/events/x.md", bytes: Array("---\ntitle: X\nkind: event\n---\n正文\n".utf8))])
        let result = Pipeline.check(site)
        #expect(result.rules.kinds["event"]?.label == KindLabel(Localized("活动方案", "活動方案", "Events")))
        #expect(result.handbook.config.kindLabels.title("event", in: .zhHant) == "活動方案")
        #expect(result.handbook.config.kindLabels.title("event", in: .en) == "Events")
        #expect(result.diagnostics.contains { $0.rule == "event.missing-section" })
    }
}
