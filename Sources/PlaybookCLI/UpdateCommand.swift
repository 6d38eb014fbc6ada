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
        guard let drift = Replicator.drift(site: files).first(where: { $0.group == group }) else {
            throw ValidationError("no group `\(group)` with a lineage.yml in content/groups/")
        }
        guard drift.behind else {
            Terminal.standardOutput.write(
                "\(group) is up to date with \(drift.lineage.template) \(drift.lineage.version).\n")
            return
        }
        let writer = ScaffoldWriter(root: site.sourceURL)
        guard let base = writer.snapshot(template: drift.lineage.template, hash: drift.lineage.hash) else {
            Terminal.standardError.write(
                "error: no snapshot of \(drift.lineage.template) \(drift.lineage.version) under .playbook/templates/; cannot merge without the base version\n"
            )
            throw ExitCode(ExitStatus.findings.rawValue)
        }
        do {
            let plan = try Replicator.planUpdate(site: files, drift: drift, base: base)
            try writer.write(plan, replacing: true)
            Terminal.standardOutput.write("Updated \(group) to \(drift.lineage.template) \(plan.lineage.version).\n")
            for path in plan.keptDeleted { Terminal.standardOutput.write("  kept deleted: \(path)\n") }
            if !plan.conflicts.isEmpty {
                Terminal.standardError.write(
                    "Conflicts to resolve (both versions are in the file between <<<<<<< and >>>>>>>):\n")
                for path in plan.conflicts { Terminal.standardError.write("  \(path)\n") }
                throw ExitCode(ExitStatus.findings.rawValue)
            }
        } catch let refusal as ScaffoldRefusal {
            throw ScaffoldReport(refusal: refusal).print()
        }
    }
}
