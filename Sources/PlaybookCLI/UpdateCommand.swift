import ArgumentParser
import Foundation
import PlaybookModel
import PlaybookScaffold
import PlaybookSource

struct UpdateCommand: PlaybookSubcommand {
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
    var group: String?

    @Flag(name: .long, help: "Update every group cloned from a template, one after another.")
    var all = false

    @OptionGroup var site: SiteOptions

    func validate() throws {
        if all == (group != nil) {
            throw ValidationError(
                all ? "--all updates every group: name no group with it" : "name a group, or pass --all for every group"
            )
        }
    }

    func run(in context: CommandContext) throws {
        let (_, writer, files, lang) = try site.openForWriting(context)
        // `validate` saw to it that a run names a group or passes --all, not both.
        if let group {
            let status = try update(group, in: files, writer: writer, language: lang, context)
            if status != .success { throw ExitCode(status.rawValue) }
            return
        }
        // Read once: a group's update writes only its own folder (and snapshots, which are read
        // from disk as each group asks), so no other group's inputs change.
        var worst = ExitStatus.success
        for drift in Replicator.drift(site: files) {
            let status: ExitStatus
            do {
                status = try update(drift.group, in: files, writer: writer, language: lang, context)
            } catch let code as ExitCode {
                status = ExitStatus(rawValue: code.rawValue) ?? .refused
            }
            if status.rawValue > worst.rawValue { worst = status }
        }
        if worst != .success { throw ExitCode(worst.rawValue) }
    }

    /// Updates one group and prints what it did; returns the exit status it earns.
    private func update(
        _ group: String, in files: SiteFiles, writer: ScaffoldWriter, language lang: Language,
        _ context: CommandContext
    ) throws -> ExitStatus {
        switch Replicator.updateReport(
            site: files, group: group, snapshot: writer.snapshot, kept: writer.snapshots, language: lang)
        {
        case .failure(let refusal) where refusal.isUsageError:
            throw ValidationError(refusal.message(lang))
        case .failure(let refusal):
            context.standardError.write("error: \(all ? group + ": " : "")\(refusal.message(lang))\n")
            return refusal.exitStatus
        case .success(let report):
            if let plan = report.plan {
                do {
                    try writer.write(plan, replacing: true, site: files)
                } catch let refusal as ScaffoldRefusal {
                    throw ScaffoldReport(refusal: refusal, language: lang).print(context)
                }
            }
            let output = report.output(lang)
            context.standardOutput.write(output.standardOutput)
            if !output.standardError.isEmpty { context.standardError.write(output.standardError) }
            return report.exitStatus
        }
    }
}
