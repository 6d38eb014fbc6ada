import Foundation
import PlaybookScaffold
import TestSupport
import Testing

/// `playbook init [DIR]` as a user runs it (issue 13): then `check` and `build` pass, in each
/// of the three languages, and what it prints says what to do next in that language.
@Suite struct InitCommandTests {
    @Test(arguments: [
        ("zh-Hans", "下一步", "0 个错误，0 个警告"), ("zh-Hant", "下一步", "0 個錯誤，0 個警告"), ("en", "Next:", "0 errors, 0 warnings"),
    ])
    func initThenCheckAndBuildPass(language: String, nextSteps: String, clean: String) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let made = try CommandRun.run(Repository.binary, ["init", "handbook", "--lang", language], in: site.root)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains(nextSteps))
        #expect(made.stdout.contains("cd handbook && playbook check"))
        #expect(try site.read("handbook/playbook.yml").contains("language: \(language)"))
        let folder = site.root.appendingPathComponent("handbook")
        let check = try CommandRun.run(Repository.binary, ["check"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains(clean), "\(check.stderr)")
        let build = try CommandRun.run(Repository.binary, ["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.exists("handbook/public/groups/first-group/index.html"))
        let clone = try CommandRun.run(
            Repository.binary,
            ["new", "group", "second", "--from", "new-group", "--set", "group_name=二群", "--set", "owner=林晓"],
            in: folder)
        #expect(clone.status == 0, "\(clone.stderr)")
    }

    @Test func initRefusesAnExistingSiteAndChangesNothing() throws {
        let site = try TemporarySite(["playbook.yml": "title: 旧手册\n"])
        defer { site.remove() }
        let run = try CommandRun.run(Repository.binary, ["init", "--lang", "en"], in: site.root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("already holds a handbook (playbook.yml)"))
        #expect(try site.read("playbook.yml") == "title: 旧手册\n")
        #expect(!site.exists("content"))
    }

    @Test func initFollowsTheLocaleWithoutLang() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let run = try CommandRun.run(
            Repository.binary, ["init", "tw"], in: site.root, environment: ["LANG": "zh_TW.UTF-8", "LC_ALL": ""])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try site.read("tw/playbook.yml").contains("language: zh-Hant"))
        #expect(run.stdout.contains("已建立新手冊"))
    }
}

/// Issue 13: `new group 武汉` is written, with a warning that names the escaped URL.
@Suite struct ChineseSlugTests {
    @Test func aChineseSlugIsWrittenWithAWarning() throws {
        let site = try TemporarySite(SiteStarter.files(language: .en))
        defer { site.remove() }
        let run = try CommandRun.run(
            Repository.binary,
            ["new", "group", "武汉", "--from", "new-group", "--set", "group_name=Wuhan chapter", "--set", "owner=Li"],
            in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: slug `武汉` works, but its URL shows as /groups/%E6%AD%A6%E6%B1%89/"))
        #expect(site.exists("content/groups/武汉/index.md"))
    }
}
