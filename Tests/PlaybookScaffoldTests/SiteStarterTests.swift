import Foundation
import PlaybookEngine
import PlaybookModel
import PlaybookScaffold
import TestSupport
import Testing

/// `playbook init` (issue 13): a new handbook that checks clean and builds, in each language.
@Suite struct SiteStarterTests {
    @Test(arguments: Language.allCases)
    func starterSiteChecksCleanWithEveryKind(language: Language) throws {
        let site = try TemporarySite(SiteStarter.files(language: language, title: "测试 \"手册\""))
        defer { site.remove() }
        let result = try Pipeline.check(siteAt: site.root)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.file):\($0.position.line) \($0.rule)" })")
        #expect(result.handbook.config.language == language)
        #expect(result.handbook.config.title == "测试 \"手册\"")
        let kinds = Set(result.handbook.pages.map(\.kind))
        for kind in Kind.builtIn {
            #expect(kinds.contains(kind), "\(language): no \(kind) page")
        }
        #expect(result.health.rows.count == 1)
    }

    @Test(arguments: Language.allCases)
    func starterSiteBuildsAndEveryLinkResolves(language: Language) throws {
        let site = try TemporarySite(SiteStarter.files(language: language))
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        let result = try Pipeline.build(siteAt: site.root, into: out)
        #expect(!result.refused)
        let broken = SiteWalker(root: out).brokenLinks()
        #expect(broken.isEmpty, "\(broken.map(\.description))")
    }

    @Test func writesIntoANewFolderAndRefusesAnExistingSite() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let folder = site.root.appendingPathComponent("handbook")
        guard case .success(let written) = SiteStarter.write(into: folder, language: .en) else {
            Issue.record("the first init was refused")
            return
        }
        #expect(written.contains("playbook.yml"))
        #expect(written.contains("content/templates/new-group/files/index.md"))
        let before = try site.read("handbook/playbook.yml")
        let again = SiteStarter.write(into: folder, language: .zhHans)
        #expect(again == .failure(.occupied(folder: folder.path, paths: ["playbook.yml", "content"])))
        #expect(try site.read("handbook/playbook.yml") == before)
    }

    @Test func refusesAFolderWithContentButNoConfig() throws {
        let site = try TemporarySite(["content/notes.md": "我的笔记"])
        defer { site.remove() }
        #expect(
            SiteStarter.write(into: site.root, language: .zhHans)
                == .failure(.occupied(folder: site.root.path, paths: ["content"])))
        #expect(try site.read("content/notes.md") == "我的笔记")
        #expect(!site.exists("playbook.yml"))
    }

    @Test func refusesAFile() throws {
        let site = try TemporarySite(["file.txt": "x"])
        defer { site.remove() }
        let target = site.root.appendingPathComponent("file.txt")
        #expect(SiteStarter.write(into: target, language: .en) == .failure(.notAFolder(target.path)))
    }

    @Test func languageFromLocaleNames() {
        #expect(Language(locale: "zh_TW.UTF-8") == .zhHant)
        #expect(Language(locale: "zh_HK") == .zhHant)
        #expect(Language(locale: "zh-Hant-TW") == .zhHant)
        #expect(Language(locale: "zh_CN.UTF-8") == .zhHans)
        #expect(Language(locale: "zh_SG") == .zhHans)
        #expect(Language(locale: "en_GB.UTF-8") == .en)
        #expect(Language(locale: "C.UTF-8") == nil)
        #expect(Language(locale: "fr_FR") == nil)
    }
}

/// Issue 13: a slug outside ASCII is accepted with a warning and a Latin suggestion.
@Suite struct SlugWarningTests {
    @Test func aChineseSlugWarnsWithItsEscapedURLAndALatinSuggestion() throws {
        let warning = try #require(Replicator.slugWarning("武汉", answers: ["city": "武汉", "city_en": "Wu Han"]))
        #expect(warning.escapedURL == "/groups/%E6%AD%A6%E6%B1%89/")
        #expect(warning.suggestion == "wu-han")
        #expect(warning.message(.en).contains("such as `wu-han`"))
    }

    @Test func noLatinAnswerStillWarnsWithAGeneralSuggestion() throws {
        let warning = try #require(Replicator.slugWarning("厦门", answers: ["city": "厦门", "platform": "Discord"]))
        #expect(warning.suggestion == nil)
        #expect(warning.message(.zhHans).contains("拼音"))
    }

    @Test func anASCIISlugHasNoWarning() {
        #expect(Replicator.slugWarning("wuhan", answers: [:]) == nil)
    }
}
