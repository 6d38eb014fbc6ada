import Foundation
import TestSupport
import Testing

/// The `playbook` binary as a user runs it: exit codes, refusal, and a lone copy of the binary.
@Suite struct CommandLineTests {
    static let minimalSite = [
        "playbook.yml": "title: 小站\nlanguage: zh-Hans\n",
        "content/index.md": "---\ntitle: 首页\n---\n欢迎。\n",
        "content/about.md": "---\ntitle: 关于\n---\n关于本手册。\n",
    ]

    @Test func helpExitsZeroOnEveryCommand() throws {
        for arguments in [["--help"], ["build", "--help"], ["check", "--help"]] {
            let run = try CommandRun.run(Repository.binary, arguments + ["--lang", "en"], in: Repository.root())
            #expect(run.status == 0, "\(arguments)")
            #expect(run.stdout.contains("USAGE"), "\(arguments)")
            // Issue 22: in the user's language.
            let chinese = try CommandRun.run(
                Repository.binary, arguments + ["--lang", "zh-Hans"], in: Repository.root())
            #expect(chinese.status == 0, "\(arguments)")
            #expect(chinese.stdout.contains("用法："), "\(arguments)")
        }
    }

    @Test func usageErrorsExitTwo() throws {
        let run = try CommandRun.run(Repository.binary, ["build", "--no-such-flag"], in: Repository.root())
        #expect(run.status == 2)
        let missing = try CommandRun.run(
            Repository.binary, ["check", "--source", "/no/such/site"], in: Repository.root())
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/no/such/site"))
    }

    @Test func aLoneBinaryBuildsASiteWithoutTemplatesFolder() throws {
        let site = try TemporarySite(Self.minimalSite)
        defer { site.remove() }
        let lone = site.root.appendingPathComponent("bin/playbook")
        try FileManager.default.createDirectory(at: lone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.binary, to: lone)
        let run = try CommandRun.run(lone, ["build"], in: site.root, environment: ["NO_COLOR": "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!site.exists("templates"))
        #expect(try site.read("public/about/index.html").contains("关于本手册"))
        #expect(site.exists("public/assets/style.css"))
        #expect(run.stdout.contains("已生成 2 个页面"))
    }

    @Test func refusedBuildLeavesThePreviousSiteUntouched() throws {
        let site = try TemporarySite(Self.minimalSite)
        defer { site.remove() }
        let first = try CommandRun.run(Repository.binary, ["build", "--quiet"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try site.read("public/about/index.html")
        try site.write("content/about.md", "---\ntitle: [坏\n---\n新内容\n")
        let second = try CommandRun.run(Repository.binary, ["build"], in: site.root, environment: ["NO_COLOR": "1"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("content/about.md:2:8: error: front matter 不是有效的 YAML"))
        #expect(second.stderr.contains("什么都没有写"))
        #expect(try site.read("public/about/index.html") == before)
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let site = try TemporarySite(Self.minimalSite.merging(["mine/notes.txt": "重要"]) { a, _ in a })
        defer { site.remove() }
        let run = try CommandRun.run(Repository.binary, ["build", "--output", "mine"], in: site.root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("holds files Playbook did not write (`notes.txt`)"))
        #expect(try site.read("mine/notes.txt") == "重要")
    }

    // Issue 13: what commands print follows the site's language, and --lang picks another.
    @Test func summariesFollowTheSiteLanguageAndLang() throws {
        let site = try TemporarySite(Self.minimalSite)
        defer { site.remove() }
        let zh = try CommandRun.run(Repository.binary, ["check"], in: site.root)
        #expect(zh.stderr.contains("检查了 2 个文件：0 个错误，0 个警告"), "\(zh.stderr)")
        let en = try CommandRun.run(Repository.binary, ["check", "--lang", "en"], in: site.root)
        #expect(en.stderr.contains("2 files checked: 0 errors, 0 warnings"), "\(en.stderr)")
        let hant = try CommandRun.run(Repository.binary, ["build", "--lang", "zh-Hant"], in: site.root)
        #expect(hant.stdout.contains("已產生 2 個頁面"), "\(hant.stdout)")
    }

    @Test func buildAndCheckExitTwoOnAPlaybookYmlError() throws {
        // Issue 11: `build` exited 1 here while the README promised 2.
        let site = try TemporarySite(
            Self.minimalSite.merging(["playbook.yml": "title: 小站\nbaseURL: \"javascript:x\"\n"]) { _, b in b })
        defer { site.remove() }
        for command in ["build", "check"] {
            let run = try CommandRun.run(Repository.binary, [command], in: site.root, environment: ["NO_COLOR": "1"])
            #expect(run.status == 2, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("playbook.yml:2:1: error: baseURL `javascript:x` is not a web address"))
        }
        #expect(!site.exists("public"))
        // A content error alone is still 1.
        try site.write("playbook.yml", "title: 小站\nbaseURL: https://handbook.example.org/docs\n")
        try site.write("content/about.md", "---\ntitle: [坏\n---\n")
        #expect(try CommandRun.run(Repository.binary, ["build"], in: site.root).status == 1)
    }

    @Test func noColorWhenNotATerminal() throws {
        let site = try TemporarySite(["content/a.md": "---\nx: [\n---\n"])
        defer { site.remove() }
        let run = try CommandRun.run(Repository.binary, ["check"], in: site.root)
        #expect(run.status == 1)
        #expect(!run.stderr.contains("\u{1B}["))
    }
}
