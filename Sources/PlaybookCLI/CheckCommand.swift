import ArgumentParser
import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookReport

struct CheckCommand: PlaybookSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every playbook that is missing what its kind requires.",
        discussion: """
            Every finding is reported, in path and line order, with a hint that says what to write. \
            Formats: text (default, on standard error), json, github (workflow commands, plus a \
            step summary when $GITHUB_STEP_SUMMARY is set) and sarif (2.1.0), on standard output.

            Adopting the checker on an existing handbook: `--write-baseline` records today's \
            findings in .playbook-baseline.json; later runs fail only on findings not in it.

            Exit status: 0 when there are no errors (warnings allowed), 1 when errors were found \
            (or warnings, with --strict), 2 for usage errors or errors in playbook.yml.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, sarif
    }

    @Argument(
        help: ArgumentHelp(
            "Pages to report on (default: all). They are checked against the whole handbook: links, templates and URLs are judged as a full check judges them.",
            valueName: "file"))
    var files: [String] = []

    @OptionGroup var site: SiteOptions

    @OptionGroup var publication: PublicationOptions

    @Option(help: "Output format: text, json, github or sarif.")
    var format: Format = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "Print the groups × elements health matrix.")
    var summary = false

    @Option(
        help: ArgumentHelp(
            "Baseline file of known findings, relative to the site (default: .playbook-baseline.json when it exists).",
            valueName: "file"))
    var baseline: String?

    @Flag(help: "Ignore the baseline file and report every finding.")
    var noBaseline = false

    @Flag(help: "Record the current findings as the baseline and exit 0.")
    var writeBaseline = false

    @Option(
        help: ArgumentHelp("Write each kind's front matter JSON Schema into this folder and exit.", valueName: "dir"))
    var schemaOut: String?

    @Flag(help: "List every rule id with what it checks, and exit.")
    var listRules = false

    func validate() throws {
        if writeBaseline && noBaseline {
            throw ValidationError(
                Usage.current.pick(
                    "--write-baseline 和 --no-baseline 不能一起用", "--write-baseline 和 --no-baseline 不能一起用",
                    "--write-baseline and --no-baseline cannot be combined"))
        }
    }

    func run(in context: CommandContext) throws {
        // The baseline is read with the rest of the site, before the check, unless this run
        // records a new one, ignores it or prints no findings.
        let usesBaseline = !noBaseline && !writeBaseline && !listRules && schemaOut == nil
        let baselineFile = baseline ?? Baseline.fileName
        let root = site.root(context)
        let loaded = try Pipeline.load(
            siteAt: root, baseline: usesBaseline ? baselineFile : nil, history: false)
        let lang = site.language(site: loaded.config.language, context)
        if usesBaseline && baseline != nil && loaded.baseline == nil {
            throw PlaybookError(stage: "check", path: baselineFile, message: Messages(language: lang).noBaselineFile())
        }
        let engine = Engine(
            loaded, settings: EngineSettings(publication: publication.publication, language: site.lang.explicit))
        Pipeline.remember(engine, siteAt: root)
        let result = engine.check
        let rules = result.rules
        if listRules {
            for rule in RuleCatalog.entries(for: rules, language: lang) {
                context.standardOutput.write("\(rule.id)\t\(rule.description)\n")
            }
            return
        }
        if let schemaOut { return try writeSchemas(rules, into: schemaOut, language: lang, context) }

        let lines = LineLookup(result)
        let baselineURL = root.appendingPathComponent(baseline ?? Baseline.fileName)
        if writeBaseline {
            let (file, entries) = Pipeline.baseline(recording: result, file: baseline ?? Baseline.fileName)
            try Data(file.bytes).write(to: baselineURL)
            context.standardError.write(
                Messages(language: lang).recordedBaseline(
                    entries, file: String(context.display(baselineURL).dropLast())) + "\n")
            return
        }
        var diagnostics = result.diagnostics
        var known = result.known.count
        var checkedFiles = result.handbook.pages.count
        if !files.isEmpty {
            // The named pages' own findings, from a check of the whole handbook.
            let named = try Set(files.map { try sitePath(of: $0, in: result, language: lang, context) })
            diagnostics = diagnostics.filter { named.contains($0.file) }
            known = result.known.filter { named.contains($0.file) }.count
            checkedFiles = named.count
        }
        if site.quiet { diagnostics = diagnostics.filter { $0.severity == .error } }

        let files = checkedFiles
        switch format {
        case .text:
            let terminal = context.standardError
            for d in diagnostics {
                terminal.writeFormatted(DiagnosticReport.text(d, line: lines.line, paint: terminal.paint))
            }
        case .json:
            context.standardOutput.write(DiagnosticReport.json(diagnostics, files: files))
        case .github:
            let prefix = workspacePrefix(context)
            context.standardOutput.write(GitHubReport.commands(diagnostics, pathPrefix: prefix))
            if let path = context.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty {
                let summary = GitHubReport.stepSummary(diagnostics, files: files, language: lang, pathPrefix: prefix)
                try append(summary, to: context.url(path))
            }
        case .sarif:
            let siteRoot = root.absoluteURL.absoluteString
            context.standardOutput.write(
                SARIFReport.log(
                    diagnostics, rules: RuleCatalog.entries(for: rules, language: lang),
                    toolVersion: PlaybookVersion.string,
                    siteRoot: siteRoot.hasSuffix("/") ? siteRoot : siteRoot + "/"))
        }
        if summary {
            // Beside a machine-readable report the matrix goes to standard error, so standard
            // output stays one JSON or SARIF document.
            let out = format == .text ? context.standardOutput : context.standardError
            out.write(SummaryTable.render(result.health, language: lang))
        }
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        if format == .text && (!site.quiet || errors > 0) {
            let line = Messages(language: lang).checked(
                files: files, errors: errors, warnings: warnings, knownHidden: known)
            context.standardError.write(line + "\n")
        }
        if Report.hasConfigErrors(diagnostics, in: result) { throw ExitCode(ExitStatus.refused.rawValue) }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(ExitStatus.findings.rawValue) }
    }

    /// The site-relative path of a file named on the command line (relative to the current
    /// folder, as a shell completes it), which must be one of the handbook's files.
    private func sitePath(
        of argument: String, in result: CheckResult, language l: Language, _ context: CommandContext
    ) throws -> String {
        let absolute = context.url(argument).path
        let root = site.root(context).path
        let relative = absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : argument
        let known = Set(result.handbook.pages.map(\.path)).union([result.files.configPath])
        if known.contains(relative) { return relative }
        var message = l.pick(
            "\(argument) 不是这个手册里的页面（content/ 下的 .md 文件，或 playbook.yml）",
            "\(argument) 不是這個手冊裡的頁面（content/ 下的 .md 檔案，或 playbook.yml）",
            "\(argument) is not a page of this handbook (a .md file under content/, or playbook.yml)")
        if let closest = Suggestion.closest(to: relative, in: known) {
            message += l.pick("；是不是 \(closest)？", "；是不是 \(closest)？", "; did you mean \(closest)?")
        }
        throw ValidationError(message)
    }

    private func writeSchemas(
        _ rules: RuleSet, into folder: String, language: Language, _ context: CommandContext
    ) throws {
        let url = context.url(folder)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for file in Pipeline.schemas(for: rules, language: language) {
            try Data(file.bytes).write(to: url.appendingPathComponent(file.path))
            if !site.quiet { context.standardOutput.write("\(context.display(url))\(file.path)\n") }
        }
    }

    /// The site folder relative to the GitHub workspace (or the current folder), so annotations
    /// name repository paths.
    private func workspacePrefix(_ context: CommandContext) -> String {
        let base = context.environment["GITHUB_WORKSPACE"].map(context.url) ?? context.directory.standardizedFileURL
        let root = base.path
        let sitePath = site.root(context).path
        guard sitePath.hasPrefix(root + "/") else { return "" }
        return String(sitePath.dropFirst(root.count + 1)) + "/"
    }

    private func append(_ text: String, to url: URL) throws {
        if let handle = try? FileHandle(forWritingTo: url) {
            defer { try? handle.close() }
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
        } else {
            try Data(text.utf8).write(to: url)
        }
    }
}

/// Line text by file, for carets and baseline matching: content pages and playbook.yml.
