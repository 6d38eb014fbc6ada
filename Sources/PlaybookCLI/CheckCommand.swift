import ArgumentParser
import Foundation
import PlaybookModel
import PlaybookPipeline

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every playbook that is missing what its kind requires.",
        discussion: "Exit status: 0 when there are no errors, 1 when errors were found, 2 for usage or config errors."
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        let result = try Pipeline.check(siteAt: site.sourceURL)
        let report = Report(check: result, quiet: site.quiet)
        report.printDiagnostics()
        if !site.quiet || result.diagnostics.hasErrors {
            Terminal.standardError.write("\(result.handbook.pages.count) files checked: \(report.counts)\n")
        }
        if result.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
