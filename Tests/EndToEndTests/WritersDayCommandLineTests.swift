import Foundation
import TestSupport
import Testing

/// Issue 22, item 7: the command line as a writer meets it, run as the real binary.
@Suite struct WritersDayCommandLineTests {
    static let site = [
        "playbook.yml": "title: 读书会手册\nlanguage: zh-Hans\n",
        "content/index.md": "# 首页\n",
    ]

    func playbook(_ arguments: [String], in site: TemporarySite, environment: [String: String] = [:]) throws
        -> CommandRun
    {
        try CommandRun.run(
            Repository.binary, arguments, in: site.root, environment: ["NO_COLOR": "1"].merging(environment) { $1 })
    }

    @Test func aMistypedCommandGetsTheClosestOneInTheSitesLanguage() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let run = try playbook(["chek"], in: site)
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "错误：未知的命令 `chek`；是不是 `playbook check`？\n命令有：init、build、check、serve、new、templates、status、update、lsp。`playbook --help` 列出每个命令做什么。\n"
        )
        let english = try playbook(["chek", "--lang", "en"], in: site)
        #expect(english.stderr.hasPrefix("error: unknown command `chek`; did you mean `playbook check`?\n"))
    }

    @Test func aMistypedOptionGetsTheClosestOne() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let run = try playbook(["check", "--stirct"], in: site)
        #expect(run.status == 2)
        #expect(run.stderr == "错误：`check` 没有选项 `--stirct`；是不是 `--strict`？\n`playbook check --help` 列出所有选项。\n")
    }

    @Test func helpAndUsageErrorsFollowTheSitesLanguage() throws {
        let site = try TemporarySite(Self.site.merging(["playbook.yml": "title: 手冊\nlanguage: zh-Hant\n"]) { $1 })
        defer { site.remove() }
        let help = try playbook(["check", "--help"], in: site)
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("簡介： 報告每份手冊缺了它那一類要求的什麼。"))
        let missing = try playbook(["new"], in: site)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("錯誤：缺少參數 '<kind>'"))
        let set = try playbook(["new", "group", "a", "--from", "x", "--set", "city"], in: site)
        #expect(set.stderr.hasPrefix("錯誤：--set city：寫成 名字=值"))
    }

    @Test func newTemplateWritesATemplateThatClonesAndChecksClean() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let made = try playbook(["new", "template", "templates/campus"], in: site)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(site.exists("content/templates/campus/index.md"))
        #expect(site.exists("content/templates/campus/files/index.md"))
        #expect(try playbook(["check"], in: site).status == 0)
        let clone = try playbook(
            [
                "new", "group", "xian", "--from", "campus", "--no-input", "--set", "city=西安", "--set",
                "group_name=西安校园分会", "--set", "owner=王佳",
            ], in: site)
        #expect(clone.status == 0, "\(clone.stderr)")
        #expect(try site.read("content/groups/xian/index.md").contains("- 成员与分工：群主 王佳"))
        let check = try playbook(["check"], in: site)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func aTemplateWithoutFilesIsRefusedWithAHint() throws {
        let site = try TemporarySite(
            Self.site.merging([
                "content/templates/empty/index.md": "---\ntitle: 空模板\nversion: 1.0.0\n---\n# 空模板\n"
            ]) { $1 })
        defer { site.remove() }
        let run = try playbook(["new", "group", "xian", "--from", "empty", "--no-input"], in: site)
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "error: 模板 empty 没有 files/ 文件夹，复制不出任何文档。把新群要用的文档（社群档案、群规、入群流程、SOP）放进 content/templates/empty/files/；`playbook new template <名字>` 会写好一个可用的模板。\n"
        )
        #expect(!site.exists("content/groups/xian"))
    }
}
