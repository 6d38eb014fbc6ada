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
        let all = Replicator.drift(site: files)
        if let group {
            guard let drift = all.first(where: { $0.group == group }) else {
                throw ValidationError("no group `\(group)` with a lineage.yml in content/groups/")
            }
            guard
                let base = ScaffoldWriter(root: site.sourceURL).snapshot(
                    template: drift.lineage.template, hash: drift.lineage.hash)
            else {
                Terminal.standardError.write(
                    "error: no snapshot of \(drift.lineage.template) \(drift.lineage.version) under .playbook/templates/; the diffs need it\n"
                )
                throw ExitCode(ExitStatus.findings.rawValue)
            }
            let changes = Replicator.changes(site: files, drift: drift, base: base)
            Terminal.standardOutput.write(
                "# Template changes since \(drift.lineage.version)\n\(changes.template.isEmpty ? "(none)\n" : changes.template)"
            )
            Terminal.standardOutput.write(
                "# Edits made in groups/\(drift.group)\n\(changes.group.isEmpty ? "(none)\n" : changes.group)")
            if drift.behind { throw ExitCode(ExitStatus.findings.rawValue) }
            return
        }
        var behind = 0
        for drift in all {
            var state: String
            if let current = drift.current {
                if !drift.behind {
                    state = "up to date"
                } else if current.version == drift.lineage.version {
                    // The template's files changed but its version did not: still worth following.
                    state = "behind: the template changed since (still \(current.version); bump its version)"
                } else {
                    state = "behind: template is now \(current.version)"
                }
            } else {
                state = "template removed"
            }
            // An update that conflicted records the new version at once; until the markers are
            // resolved the group is not really there yet.
            let conflicted = files.content.filter {
                $0.path.hasPrefix("content/groups/\(drift.group)/")
                    && LineDiff.hasConflict(String(decoding: $0.bytes, as: UTF8.self))
            }
            if !conflicted.isEmpty {
                let list = conflicted.map { String($0.path.dropFirst("content/".count)) }.joined(separator: ", ")
                state = (drift.behind ? state + "; " : "") + "unresolved conflict markers in " + list
                behind += drift.behind ? 0 : 1
            }
            if drift.behind { behind += 1 }
            Terminal.standardOutput.write(
                "\(drift.group): \(drift.lineage.template) \(drift.lineage.version) — \(state)\n")
        }
        if all.isEmpty { Terminal.standardOutput.write("No group was cloned from a template.\n") }
        if behind > 0 {
            Terminal.standardError.write(
                "\(behind) group\(behind == 1 ? " needs" : "s need") attention: run `playbook update <group>`, "
                    + "then resolve any conflict markers\n")
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }
}
