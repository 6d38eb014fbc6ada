import ArgumentParser
import Foundation
import PlaybookModel
import PlaybookScaffold
import PlaybookSource

struct StatusCommand: PlaybookSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which groups are behind their template (exit 1 when any is, for CI).",
        discussion:
            "With a group named, show the template's changes since the group's version and the group's own edits."
    )

    @Argument(help: "A group's slug, to see its diffs.")
    var group: String?

    @OptionGroup var site: SiteOptions

    func run(in context: CommandContext) throws {
        let (_, writer, files, lang) = try site.openForWriting(context)
        switch Replicator.statusReport(site: files, group: group, snapshot: writer.snapshot, kept: writer.snapshots) {
        case .failure(let refusal) where refusal.isUsageError:
            throw ValidationError(refusal.message(lang))
        case .failure(let refusal):
            context.standardError.write("error: \(refusal.message(lang))\n")
            throw ExitCode(ExitStatus.refused.rawValue)
        case .success(let report):
            let output = report.output(lang)
            context.standardOutput.write(output.standardOutput)
            if !output.standardError.isEmpty { context.standardError.write(output.standardError) }
            if report.exitStatus != .success { throw ExitCode(report.exitStatus.rawValue) }
        }
    }
}
