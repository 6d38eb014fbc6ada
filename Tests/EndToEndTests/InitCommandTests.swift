import Foundation
import TestSupport
import Testing

/// `playbook init [DIR]` as a user runs it (issue 13): then `check` and `build` pass, in each
/// of the three languages, and what it prints says what to do next in that language.
@Suite struct InitCommandTests {
    @Test(arguments: [("zh-Hans", "下一步"), ("zh-Hant", "下一步"), ("en", "Next:")])
    func initThenCheckAndBuildPass(language: String, nextSteps: String) throws {
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
        #expect(check.stderr.contains("0 errors, 0 warnings") || check.stderr.contains("0 个错误"), "\(check.stderr)")
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
