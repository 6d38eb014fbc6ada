import Foundation
import Testing

// Issue 20, navigation at scale: folders without an index page show their groups' Chinese
// names with counts and descriptions, and every replication template has a list page and a menu
// entry, in both editions.
@Suite struct NavigationAtScaleTests {
    static let editions =
        "title: 手册\nlanguage: zh-Hans\nseverity: {\"*\": warning}\n"
        + "editions:\n  languages:\n    - zh-Hans\n    - {language: zh-Hant-TW, prefix: zh-Hant}\n"

    static func charter(_ title: String, description: String? = nil) -> String {
        "---\ntitle: \(title)\nkind: group\n\(description.map { "description: \($0)\n" } ?? "")---\n## 同好\n\n读书的人。\n"
    }

    static let cities: [String: String] = [
        "index.md": "---\ntitle: 首页\n---\n欢迎。\n",
        "groups/beijing/g1/index.md": charter("北京读书会 1 群"),
        "groups/beijing/g2/index.md": charter("北京跑步群 2 群"),
        "groups/beijing/g3/index.md": charter("北京摄影社 3 群"),
        "groups/beijing/g4/index.md": charter("北京英语角 4 群"),
        "groups/shanghai/charter.md": charter("上海分会", description: "上海读书会的社群档案。"),
        "groups/shanghai/rules.md": "---\ntitle: 上海群规\nkind: rules\n---\n## 惩罚\n\n1. 警告\n",
        "notes/misc/a.md": "---\ntitle: 杂记\n---\n正文。\n",
    ]

    @Test func foldersWithoutAnIndexPageShowTheirGroupsNames() throws {
        let pages = try ReadingTests.render(Self.cities, config: Self.editions)
        let groups = try #require(pages["groups/index.html"])
        // 北京: what the charters' titles begin with; 上海分会: the folder's one charter, with its
        // description; a folder of no group keeps its name.
        #expect(groups.contains("<span class=\"card-title\">北京</span> <span class=\"count\">4</span>"))
        #expect(groups.contains("<span class=\"card-title\">上海分会</span> <span class=\"count\">2</span>"))
        #expect(groups.contains("上海读书会的社群档案。"))
        #expect(groups.contains("北京读书会 1 群、北京跑步群 2 群、北京摄影社 3 群…"))
        #expect(!groups.contains(">beijing<") && !groups.contains(">shanghai<"))
        #expect(try #require(pages["notes/index.html"]).contains("<span class=\"card-title\">misc</span>"))
        let city = try #require(pages["groups/beijing/index.html"])
        #expect(city.contains("<h1>北京</h1>"))
        // The Traditional edition names them in its script.
        let hant = try #require(pages["zh-Hant/groups/index.html"])
        #expect(hant.contains("<span class=\"card-title\">上海分會</span>"))
        #expect(hant.contains("北京讀書會 1 群"))
        #expect(try #require(pages["zh-Hant/groups/beijing/index.html"]).contains("<h1>北京</h1>"))
    }

    static let template =
        "---\ntitle: 城市分会模板\nkind: template\nversion: 1.0.0\ndescription: 开一个城市分会。\n"
        + "variables:\n  - name: city\n    description: 城市名\n    required: true\n---\n这是模板。\n"

    @Test func templatesKeptElsewhereGetAListPageAndAMenuEntryInBothEditions() throws {
        let pages = try ReadingTests.render(
            ["index.md": "---\ntitle: 首页\n---\n欢迎。\n", "network/city.md": Self.template], config: Self.editions)
        let catalog = try #require(pages["templates/index.html"])
        #expect(catalog.contains("<h1>复制模板</h1>"))
        #expect(catalog.contains("城市分会模板") && catalog.contains("城市名"))
        // `playbook new group --from` reads only `templates/<name>/`: no command to paste here.
        #expect(!catalog.contains("playbook new group"))
        #expect(try #require(pages["index.html"]).contains("<a href=\"templates/index.html\">复制模板</a>"))
        let hant = try #require(pages["zh-Hant/index.html"])
        #expect(hant.contains("<a href=\"templates/index.html\">複製模板</a>"))
        #expect(try #require(pages["zh-Hant/templates/index.html"]).contains("<h1>複製模板</h1>"))
    }

    @Test func theCatalogIsPagedAndEveryPageIsLinked() throws {
        var files = ["index.md": "---\ntitle: 首页\n---\n欢迎。\n"]
        for n in 0..<45 {
            files["templates/t\(n)/index.md"] = Self.template.replacingOccurrences(
                of: "城市分会模板", with: "模板 \(n)")
        }
        let pages = try ReadingTests.render(files)
        let first = try #require(pages["templates/index.html"])
        #expect(first.components(separatedBy: "<section class=\"template-entry").count - 1 == 20)
        #expect(first.contains("href=\"../templates/page/2/index.html\""))
        #expect(first.contains("href=\"../templates/page/3/index.html\""))
        let last = try #require(pages["templates/page/3/index.html"])
        #expect(last.components(separatedBy: "<section class=\"template-entry").count - 1 == 5)
        #expect(pages["templates/page/4/index.html"] == nil)
    }
}
