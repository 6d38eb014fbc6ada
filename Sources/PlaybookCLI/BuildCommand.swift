import ArgumentParser
import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookServe

struct BuildCommand: PlaybookSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the handbook, then render it into a static site.",
        discussion: """
            Nothing is written while any error remains: fix what `playbook check` reports first. \
            The site is built in a temporary folder and swapped in at the end, so a failed build \
            leaves the previous site untouched.
            """
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var publication: PublicationOptions

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Where to write the site (default: public/ in the site folder).", valueName: "dir"))
    var output: String?

    func run(in context: CommandContext) throws {
        let clock = ContinuousClock()
        let start = clock.now
        // What a killed `serve` left in the temporary folder (its output and lock) goes now.
        PreviewSession.removeLeftovers()
        let root = site.root(context)
        let outputURL = output.map(context.url) ?? root.appendingPathComponent("public")
        // A progress line only where a person watches a long build.
        let terminal = context.standardError
        let showProgress = terminal.isTerminal && !site.quiet
        var shown = false
        // Until the site is read, progress speaks the flag's language (or the locale's).
        let early = Messages(language: site.language(site: nil, context))
        let options = BuildOptions(
            publication: publication.publication,
            waiting: { holder in terminal.write(early.waiting(for: holder) + "\n") })
        let result = try Pipeline.build(
            siteAt: root, into: outputURL, language: site.lang.explicit, options: options
        ) { done, total in
            guard showProgress, total >= 1000 else { return }
            terminal.writeFormatted("\r" + early.rendering(done, of: total))
            shown = true
        }
        if shown { terminal.writeFormatted("\r\u{1B}[2K") }
        let messages = Messages(language: site.language(site: result.check.handbook.config.language, context))
        let report = Report(check: result.check, quiet: site.quiet, messages: messages)
        report.printDiagnostics(context)
        if result.refused {
            context.standardError.write(messages.refusedBuild(report.counts) + "\n")
            throw ExitCode(
                Report.hasConfigErrors(result.check.diagnostics, in: result.check)
                    ? ExitStatus.refused.rawValue : ExitStatus.findings.rawValue)
        }
        if !site.quiet && !result.check.known.isEmpty {
            context.standardError.write(messages.tolerated(result.check.known.count, file: Baseline.fileName) + "\n")
        }
        if !site.quiet {
            let elapsed = clock.now - start
            let ms = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            context.standardOutput.write(
                messages.built(
                    pages: result.published, leftOut: result.check.handbook.pages.count - result.published,
                    files: result.written.count, milliseconds: ms, output: context.display(outputURL)) + "\n")
        }
    }
}

/// Shared printing of a check result for `build` and `check`.
struct Report {
    var check: CheckResult
    var quiet: Bool
    var messages: Messages

    /// Prints the findings (errors alone when `quiet`); with `limit`, at most that many, then
    /// a line that says how many more there are and that `playbook check` lists them all.
    func printDiagnostics(_ context: CommandContext, limit: Int? = nil) {
        var sources: [String: SourceFile] = [:]
        for page in check.handbook.pages { sources[page.path] = page.source }
        let printer = DiagnosticPrinter(
            terminal: context.standardError, sources: sources,
            configText: check.files.config.map { (check.files.configPath, $0) })
        let shown = check.diagnostics.filter { !(quiet && $0.severity == .warning) }
        for diagnostic in shown.prefix(limit ?? shown.count) {
            context.standardError.writeFormatted(printer.format(diagnostic))
        }
        if let limit, shown.count > limit {
            context.standardError.write(messages.moreFindings(shown.count - limit) + "\n")
        }
    }

    var counts: String {
        messages.counts(
            errors: check.diagnostics.errorCount, warnings: check.diagnostics.warningCount, known: check.known.count)
    }

    /// Errors in `playbook.yml` or the rule files it includes: the command exits 2 for those, as
    /// for a usage error, since no page can be judged by broken rules.
    static func hasConfigErrors(_ diagnostics: [Diagnostic], in result: CheckResult) -> Bool {
        let configFiles = Set([result.files.configPath] + RuleSet.referencedFiles(in: result.handbook.config))
        return diagnostics.contains {
            $0.severity == .error && (configFiles.contains($0.file) || $0.rule.hasPrefix("config."))
        }
    }
}
