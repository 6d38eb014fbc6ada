import Foundation
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

/// The sample handbook in two script editions (issue 14): zh-Hans at the root, zh-Hant-TW
/// under `zh-Hant/`. Every page is in both, links and anchors resolve in both (the link walk
/// reads every edition), and the switcher leads to the same page.
@Suite struct EditionsTests {
    static let root = Repository.root()

    static func build() throws -> (URL, BuildResult) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "playbook-editions-\(UUID().uuidString)")
        return (out, try Pipeline.build(siteAt: root, into: out))
    }

    static func read(_ out: URL, _ path: String) throws -> String {
        try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func everyPageIsInEveryEditionAndEveryLinkAndAnchorResolves() throws {
        let (out, result) = try Self.build()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(!result.refused)
        #expect(result.check.handbook.config.editions.map(\.prefix) == ["", "zh-Hant/"])
        let walker = SiteWalker(root: out)
        let all = walker.htmlFiles()
        let traditional = all.filter { $0.hasPrefix("zh-Hant/") }
        let simplified = all.filter { !$0.hasPrefix("zh-Hant/") }
        #expect(traditional.map { String($0.dropFirst("zh-Hant/".count)) } == simplified)
        for page in result.check.handbook.pages {
            #expect(all.contains(page.url + "index.html"), "\(page.path)")
            #expect(all.contains("zh-Hant/" + page.url + "index.html"), "\(page.path)")
        }
        let broken = walker.brokenLinks()
        #expect(broken == [], "\(broken.map(\.description).joined(separator: "\n"))")
    }

    @Test func eachEditionIsWrittenInItsScriptWithAnchorsOfTheSource() throws {
        let (out, _) = try Self.build()
        defer { try? FileManager.default.removeItem(at: out) }
        let hangzhou = try Self.read(out, "zh-Hant/groups/hangzhou/index.html")
        #expect(hangzhou.contains("<html lang=\"zh-Hant-TW\">"))
        #expect(hangzhou.contains("<h1>杭州分會 Hangzhou Chapter</h1>"))
        #expect(hangzhou.contains("<h2 id=\"二结构-structure\">二、結構 Structure"))
        #expect(hangzhou.contains("拾页讀書會"))  // 拾页 is under editions.keep
        #expect(hangzhou.contains("<code>shiye-hangzhou</code>"))
        let taipei = try Self.read(out, "groups/taipei/index.html")
        #expect(taipei.contains("<html lang=\"zh-Hans\">"))
        #expect(taipei.contains("<h1>台北分会 Taipei Chapter</h1>"))
        #expect(taipei.contains("陳怡君"))  // kept as written
        // A page written in the edition's script is as written.
        let taipeiTraditional = try Self.read(out, "zh-Hant/groups/taipei/index.html")
        #expect(taipeiTraditional.contains("<h1>台北分會 Taipei Chapter</h1>"))
        let health = try Self.read(out, "zh-Hant/health/index.html")
        #expect(health.contains("杭州分會"))
        #expect(!health.contains("杭州分会"))
    }

    // Issue 21: the handbook's own words, in each edition; each text converted once.
    @Test func theHandbooksOwnWordsSurviveEachEdition() throws {
        let (out, result) = try Self.build()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(result.check.diagnostics.filter { $0.rule == "page.mixed-script" } == [])
        let taipei = try Self.read(out, "groups/taipei/index.html")
        #expect(taipei.contains("五、复制 Replication"))
        #expect(!taipei.contains("拷贝"))
        #expect(taipei.contains("社群档案") && !taipei.contains("社群文件"))
        #expect(taipei.contains("分会执行<a") && !taipei.contains("运行"))
        let daily = try Self.read(out, "zh-Hant/sops/daily-operations/index.html")
        #expect(daily.contains("標準作業程序") && !daily.contains("標準作業程式"))
        let growth = try Self.read(out, "zh-Hant/sops/growth/index.html")
        #expect(growth.contains("審核通過並入群") && growth.contains("審核員"))
        #expect(!growth.contains("稽核"))
        // The Traditional health view shows the Taipei chapter as its pages write it.
        let health = try Self.read(out, "zh-Hant/health/index.html")
        #expect(health.contains("台北分會") && !health.contains("臺北"))
        // Tags and the catalog's variables in the edition's script; tag URLs as written.
        let tags = try Self.read(out, "zh-Hant/tags/index.html")
        #expect(tags.contains("開新分會") && !tags.contains("开新分会"))
        #expect(tags.contains("%E5%BC%80%E6%96%B0%E5%88%86%E4%BC%9A") || tags.contains("开新分会/index.html"))
        let catalog = try Self.read(out, "zh-Hant/templates/index.html")
        #expect(catalog.contains("分會負責人（群主）") && catalog.contains("每月最後一個週六"))
        #expect(catalog.contains("企業微信"))
    }

    @Test func theSwitcherAndTheAlternatesLeadToTheSamePage() throws {
        let (out, _) = try Self.build()
        defer { try? FileManager.default.removeItem(at: out) }
        let walker = SiteWalker(root: out)
        var checked = 0
        for file in walker.htmlFiles() where !file.hasSuffix("404.html") {
            let html = try Self.read(out, file)
            let page = file.hasPrefix("zh-Hant/") ? String(file.dropFirst("zh-Hant/".count)) : file
            let folder = (file as NSString).deletingLastPathComponent
            let switcher = html.components(separatedBy: "<nav class=\"edition-switch\"").dropFirst().first ?? ""
            let links = SiteWalker.attribute("href", in: String(switcher.prefix { $0 != "\n" }))
            #expect(links.count == 2, "\(file)")
            let targets = links.map {
                (URL(fileURLWithPath: "/" + folder).appendingPathComponent($0)
                    .standardized.path.removingPercentEncoding ?? "")
            }
            #expect(targets == ["/" + page, "/zh-Hant/" + page], "\(file)")
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"zh-Hans\""), "\(file)")
            #expect(html.contains("<link rel=\"alternate\" hreflang=\"zh-Hant-TW\""), "\(file)")
            checked += 1
        }
        #expect(checked > 60)
    }
}
