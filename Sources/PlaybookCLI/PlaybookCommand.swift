import ArgumentParser
import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookScaffold
import PlaybookSource

package struct PlaybookCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "playbook",
        abstract: "Check community playbooks and publish them as a static handbook site.",
        discussion: """
            Run Playbook in a site folder (one with content/ and playbook.yml), or pass --source. \
            `playbook check` reports what each playbook is missing; `playbook build` publishes \
            the handbook to public/ and refuses while any error remains.
            """,
        version: PlaybookVersion.string,
        subcommands: [
            InitCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self,
            TemplatesCommand.self, StatusCommand.self, UpdateCommand.self, LSPCommand.self,
        ]
    )

    package init() {}

    /// Runs the command line for `arguments` (without the program name) and returns what it
    /// gave: the exit status and its standard output and error, captured. The same run as the
    /// `playbook` executable's, in `directory` and `environment` instead of the process's own;
    /// runs in parallel share nothing. Standard input is not read (`new --from` asks nothing).
    package static func run(
        arguments: [String], in directory: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> CommandOutput {
        let out = OutputBuffer()
        let err = OutputBuffer()
        let context = CommandContext(
            directory: directory, environment: environment, standardOutput: Terminal(capturingInto: out),
            standardError: Terminal(capturingInto: err), interactive: false)
        let status = run(arguments: arguments, context: context)
        return CommandOutput(status: status, stdout: out.text, stderr: err.text)
    }

    /// Runs the command line for `arguments` in `context` and returns its exit status: 0
    /// success, 1 content errors, 2 usage or configuration errors. Everything is printed
    /// through `context`.
    package static func run(arguments: [String], context: CommandContext) -> Int32 {
        let l = Usage.language(arguments, environment: context.environment, currentFolder: context.directory.path)
        // Validation, inside the parser, cannot be handed the context: it reads the language and
        // the current folder from task-local values, which runs in parallel each hold their own.
        return Usage.$current.withValue(l) {
            Usage.$folder.withValue(context.directory) { run(arguments, language: l, context: context) }
        }
    }

    private static func run(_ given: [String], language l: Language, context: CommandContext) -> Int32 {
        // Help, an unknown command and an unknown option are told in the user's language, with
        // the closest name, before the parser (whose words are English) sees them.
        if let help = Usage.requestedHelp(given, language: l) {
            context.standardOutput.write(help + "\n")
            return ExitStatus.success.rawValue
        }
        if let mistake = Usage.mistake(in: given, language: l) {
            context.standardError.write(l.pick("错误：", "錯誤：", "error: ") + mistake + "\n")
            return ExitStatus.refused.rawValue
        }
        do {
            var command = try parseAsRoot(given)
            do {
                if let subcommand = command as? any PlaybookSubcommand {
                    try subcommand.run(in: context)
                } else {
                    try command.run()
                }
            } catch let invalid as ValidationError {
                // Raised while running, after the arguments parsed: the message alone, not the
                // top-level usage, which would not be about this command.
                context.standardError.write("error: \(invalid.message)\n")
                return ExitStatus.refused.rawValue
            }
            return ExitStatus.success.rawValue
        } catch let failure as ExitCode {
            return failure.rawValue
        } catch let error as PlaybookError {
            context.standardError.write("error: \(VisibleText.escaped(error.description))\n")
            return ExitStatus.refused.rawValue
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                context.standardOutput.write(fullMessage(for: error) + "\n")
                return ExitStatus.success.rawValue
            }
            context.standardError.write(Usage.parserError(fullMessage(for: error), language: l) + "\n")
            return code == .validationFailure ? ExitStatus.refused.rawValue : code.rawValue
        }
    }

    /// The `playbook` executable: runs `arguments` (default: the process's) with the process's
    /// folder, environment and streams, and exits with the run's status.
    package static func main(_ arguments: [String]?) -> Never {
        Foundation.exit(run(arguments: arguments ?? Array(CommandLine.arguments.dropFirst()), context: .process()))
    }

    package static func main() -> Never {
        main(nil)
    }
}

/// A command of `playbook`: it runs in the context it is given and prints only through it.
protocol PlaybookSubcommand: ParsableCommand {
    func run(in context: CommandContext) throws
}

extension PlaybookSubcommand {
    /// The parser's own entry, unused by `PlaybookCommand`: the process's context.
    func run() throws { try run(in: .process()) }
}

package enum PlaybookVersion {
    package static let string = "0.1.0"
}

/// Options every site command shares.
package struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (holding content/ and playbook.yml).", valueName: "dir"))
    package var source: String = "."

    @Flag(name: .shortAndLong, help: "Print only errors.")
    package var quiet = false

    @OptionGroup package var lang: LanguageOption

    package init() {}

    /// The language of what a command prints: `--lang`, else the site's, else the locale's.
    func language(site: Language?, _ context: CommandContext) -> Language {
        lang.resolved(site: site, environment: context.environment)
    }

    /// The same for the site in `files`: only `playbook.yml` is read for it.
    func language(of files: SiteFiles, _ context: CommandContext) -> Language {
        guard lang.explicit == nil, files.config != nil else { return language(site: nil, context) }
        return Pipeline.decodeConfig(files).0.language
    }

    /// The site folder, `--source` from the run's current folder.
    func root(_ context: CommandContext) -> URL {
        context.url(source)
    }

    package func validate() throws {
        let folder = Usage.folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: folder.path, isDirectory: true))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ValidationError(
                Usage.current.pick(
                    "--source \(source)：没有这个文件夹", "--source \(source)：沒有這個資料夾", "--source \(source): no such folder"))
        }
    }
}

/// `--lang`, on every command: the language of what the command prints.
package struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "The language of messages: zh-Hans, zh-Hant or en (default: the site's; outside a site, from LANG).",
            valueName: "language"))
    package var value: String?

    package init() {}

    package func validate() throws {
        if let value, Language(rawValue: value) == nil {
            throw ValidationError(
                Usage.current.pick(
                    "--lang \(value)：可用 zh-Hans、zh-Hant 或 en", "--lang \(value)：可用 zh-Hans、zh-Hant 或 en",
                    "--lang \(value): use zh-Hans, zh-Hant or en"))
        }
    }

    package var explicit: Language? { value.flatMap(Language.init(rawValue:)) }

    /// The flag, else `site` (the site's `language`), else the locale (LC_ALL, LC_MESSAGES,
    /// LANG, the first one set), else Simplified Chinese.
    package func resolved(site: Language?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Language
    {
        if let explicit { return explicit }
        if let site { return site }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return locale.flatMap(Language.init(locale:)) ?? .zhHans
    }
}

/// Which pages a site publishes, shared by `build` and `check` so both judge the same site.
package struct PublicationOptions: ParsableArguments {
    @Flag(help: "Publish pages whose front matter says `draft: true` too.")
    package var drafts = false

    @Flag(name: .customLong("public"), help: "Leave out pages whose front matter says `visibility: internal`.")
    package var publicOnly = false

    package init() {}

    package var publication: Publication {
        Publication(drafts: drafts, internalPages: !publicOnly)
    }
}

extension SiteOptions {
    /// Before a command reads the site to change it: finishes a `new`, `update` or `init` that
    /// was interrupted after deciding its change (or throws away one that had only staged it).
    /// Returns what to print once the site's language is known.
    func recoverInterruptedWrites(_ writer: ScaffoldWriter, _ context: CommandContext) throws -> (Language) -> String {
        do {
            let recovered = try writer.recover()
            return { ScaffoldWriter.recoveredMessage(recovered, language: $0) }
        } catch let refusal as ScaffoldRefusal {
            throw ScaffoldReport(refusal: refusal, language: language(site: nil, context)).print(context)
        }
    }

    /// The site as a command that changes it opens it: interrupted writes finished (and said,
    /// in the site's language), then every file read.
    func openForWriting(_ context: CommandContext) throws -> (
        root: URL, writer: ScaffoldWriter, files: SiteFiles, language: Language
    ) {
        let root = root(context)
        let writer = ScaffoldWriter(root: root)
        let recovered = try recoverInterruptedWrites(writer, context)
        let files = try SiteReader(root: root).read()
        let lang = language(of: files, context)
        context.standardError.write(recovered(lang))
        return (root, writer, files, lang)
    }
}
