import ArgumentParser
import Foundation
import PlaybookModel
import PlaybookReplication
import PlaybookScaffold
import PlaybookSource

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which groups are behind their template (exit 1 when any is, for CI).",
        discussion:
            "With a group named, show the template's changes since the group's version and the group's own edits."
    )

    @Argument(help: "A group's slug, to see its diffs.")
    var group: String?

    @OptionGroup var site: SiteOptions

    func run() throws {
        let files = try SiteReader(root: site.sourceURL).read()
        let lang = site.language(of: files)
        let all = Replicator.drift(site: files)
        if let group {
            guard let drift = all.first(where: { $0.group == group }) else {
                throw ValidationError("no group `\(group)` with a lineage.yml in content/groups/")
            }
            guard
                let base = ScaffoldWriter(root: site.sourceURL).snapshot(
                    template: drift.lineage.template, hash: drift.lineage.hash)
            else {
                let problem = ReplicationProblem.noSnapshot(
                    template: drift.lineage.template, version: drift.lineage.version)
                Terminal.standardError.write("error: \(problem.message(lang))\n")
                throw ExitCode(ExitStatus.refused.rawValue)
            }
            let changes = Replicator.changes(site: files, drift: drift, base: base)
            let none = lang.pick("（无）\n", "（無）\n", "(none)\n")
            Terminal.standardOutput.write(
                lang.pick(
                    "# \(drift.lineage.version) 之后模板的改动\n", "# \(drift.lineage.version) 之後範本的改動\n",
                    "# Template changes since \(drift.lineage.version)\n")
                    + (changes.template.isEmpty ? none : changes.template))
            Terminal.standardOutput.write(
                lang.pick(
                    "# groups/\(drift.group) 自己的改动\n", "# groups/\(drift.group) 自己的改動\n",
                    "# Edits made in groups/\(drift.group)\n") + (changes.group.isEmpty ? none : changes.group))
            if drift.behind { throw ExitCode(ExitStatus.findings.rawValue) }
            return
        }
        let statuses = Replicator.status(site: files)
        for status in statuses { Terminal.standardOutput.write(status.line(lang) + "\n") }
        if statuses.isEmpty { Terminal.standardOutput.write(GroupStatus.none(lang) + "\n") }
        let attention = statuses.filter(\.needsAttention).count
        if attention > 0 {
            Terminal.standardError.write(GroupStatus.attention(attention, lang) + "\n")
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }
}
