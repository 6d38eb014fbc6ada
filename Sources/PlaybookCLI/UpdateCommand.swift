import ArgumentParser
import Foundation
import PlaybookModel
import PlaybookReplication
import PlaybookScaffold
import PlaybookSource

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Bring a group up to its template's current version with a three-way merge.",
        discussion: """
            The group's own edits are kept. Where the group and the template changed the same \
            lines, both versions are written between <<<<<<< and >>>>>>> markers and listed; \
            `playbook check` and `build` refuse the group until the markers are resolved. A file \
            the group deleted stays deleted.
            """
    )

    @Argument(help: "The group's slug.")
    var group: String

    @OptionGroup var site: SiteOptions

    func run() throws {
        let files = try SiteReader(root: site.sourceURL).read()
        let lang = site.language(of: files)
        guard let drift = Replicator.drift(site: files).first(where: { $0.group == group }) else {
            throw ValidationError(
                lang.pick(
                    "content/groups/ 里没有带 lineage.yml 的群 `\(group)`", "content/groups/ 裡沒有帶 lineage.yml 的群 `\(group)`",
                    "no group `\(group)` with a lineage.yml in content/groups/"))
        }
        let template = "\(drift.lineage.template) \(drift.lineage.version)"
        guard drift.behind else {
            Terminal.standardOutput.write(
                lang.pick(
                    "\(group) 已经跟上 \(template)。\n", "\(group) 已經跟上 \(template)。\n",
                    "\(group) is up to date with \(template).\n"))
            return
        }
        let writer = ScaffoldWriter(root: site.sourceURL)
        guard let base = writer.snapshot(template: drift.lineage.template, hash: drift.lineage.hash) else {
            let problem = ReplicationProblem.noSnapshot(
                template: drift.lineage.template, version: drift.lineage.version)
            Terminal.standardError.write("error: \(problem.message(lang))\n")
            throw ExitCode(ExitStatus.refused.rawValue)
        }
        do {
            let plan = try Replicator.planUpdate(site: files, drift: drift, base: base)
            try writer.write(plan, replacing: true)
            let target = "\(drift.lineage.template) \(plan.lineage.version)"
            Terminal.standardOutput.write(
                lang.pick(
                    "已把 \(group) 更新到 \(target)。\n", "已把 \(group) 更新到 \(target)。\n", "Updated \(group) to \(target).\n"))
            for path in plan.keptDeleted {
                Terminal.standardOutput.write(lang.pick("  保持删除：", "  保持刪除：", "  kept deleted: ") + path + "\n")
            }
            if !plan.conflicts.isEmpty {
                Terminal.standardError.write(
                    lang.pick(
                        "有冲突要解决（两个版本都在文件里，在 <<<<<<< 和 >>>>>>> 之间）：\n",
                        "有衝突要解決（兩個版本都在檔案裡，在 <<<<<<< 和 >>>>>>> 之間）：\n",
                        "Conflicts to resolve (both versions are in the file between <<<<<<< and >>>>>>>):\n"))
                for path in plan.conflicts { Terminal.standardError.write("  \(path)\n") }
                throw ExitCode(ExitStatus.findings.rawValue)
            }
        } catch let refusal as ScaffoldRefusal {
            throw ScaffoldReport(refusal: refusal, language: lang).print()
        }
    }
}
