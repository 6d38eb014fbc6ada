import ArgumentParser
import Foundation
import PlaybookModel
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
        let writer = ScaffoldWriter(root: site.sourceURL)
        let recovered = try site.recoverInterruptedWrites(writer)
        let files = try SiteReader(root: site.sourceURL).read()
        let lang = site.language(of: files)
        Terminal.standardError.write(recovered(lang))
        switch Replicator.updateReport(site: files, group: group, snapshot: writer.snapshot, kept: writer.snapshots) {
        case .failure(let refusal) where refusal.isUsageError:
            throw ValidationError(refusal.message(lang))
        case .failure(let refusal):
            Terminal.standardError.write("error: \(refusal.message(lang))\n")
            throw ExitCode(refusal.exitStatus.rawValue)
        case .success(let report):
            if let plan = report.plan {
                do {
                    try writer.write(plan, replacing: true, site: files)
                } catch let refusal as ScaffoldRefusal {
                    throw ScaffoldReport(refusal: refusal, language: lang).print()
                }
            }
            let output = report.output(lang)
            Terminal.standardOutput.write(output.standardOutput)
            if !output.standardError.isEmpty { Terminal.standardError.write(output.standardError) }
            if report.exitStatus != .success { throw ExitCode(report.exitStatus.rawValue) }
        }
    }
}
