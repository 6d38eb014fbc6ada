// PlaybookCLI: the thin command-line surface. Each command parses, calls `Pipeline`, prints and
// exits; no stage logic lives here.
import ArgumentParser
import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookScaffold
import PlaybookSource

public struct PlaybookCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
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

    public init() {}

    /// Exit codes: 0 success, 1 content errors, 2 usage or configuration errors.
    public static func main(_ arguments: [String]?) -> Never {
        let given = arguments ?? Array(CommandLine.arguments.dropFirst())
        let l = Usage.language(given)
        Usage.current = l
        // Help, an unknown command and an unknown option are told in the user's language, with
        // the closest name, before the parser (whose words are English) sees them.
        if let help = Usage.requestedHelp(given, language: l) {
            Terminal.standardOutput.write(help + "\n")
            Foundation.exit(0)
        }
        if let mistake = Usage.mistake(in: given, language: l) {
            Terminal.standardError.write(l.pick("错误：", "錯誤：", "error: ") + mistake + "\n")
            Foundation.exit(ExitStatus.refused.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            do {
                try command.run()
            } catch let invalid as ValidationError {
                // Raised while running, after the arguments parsed: the message alone, not the
                // top-level usage, which would not be about this command.
                Terminal.standardError.write("error: \(invalid.message)\n")
                Foundation.exit(ExitStatus.refused.rawValue)
            }
            Foundation.exit(0)
        } catch let failure as ExitCode {
            Foundation.exit(failure.rawValue)
        } catch let error as PlaybookError {
            Terminal.standardError.write("error: \(VisibleText.escaped(error.description))\n")
            Foundation.exit(ExitStatus.refused.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Terminal.standardOutput.write(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            }
            Terminal.standardError.write(Usage.parserError(fullMessage(for: error), language: l) + "\n")
            Foundation.exit(code == .validationFailure ? ExitStatus.refused.rawValue : code.rawValue)
        }
    }

    public static func main() -> Never {
        main(nil)
    }
}

public enum PlaybookVersion {
    public static let string = "0.1.0"
}

/// Options every site command shares.
public struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (holding content/ and playbook.yml).", valueName: "dir"))
    public var source: String = "."

    @Flag(name: .shortAndLong, help: "Print only errors.")
    public var quiet = false

    @OptionGroup public var lang: LanguageOption

    public init() {}

    /// The language of what a command prints: `--lang`, else the site's, else LANG's.
    public func language(site: Language?) -> Language {
        lang.resolved(site: site)
    }

    /// The same for the site in `files`: only `playbook.yml` is read for it.
    public func language(of files: SiteFiles) -> Language {
        guard lang.explicit == nil, files.config != nil else { return lang.resolved(site: nil) }
        return Pipeline.decodeConfig(files).0.language
    }

    public var sourceURL: URL {
        URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }

    public func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourceURL.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ValidationError(
                Usage.current.pick(
                    "--source \(source)：没有这个文件夹", "--source \(source)：沒有這個資料夾", "--source \(source): no such folder"))
        }
    }
}

/// `--lang`, on every command: the language of what the command prints.
public struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "The language of messages: zh-Hans, zh-Hant or en (default: the site's; outside a site, from LANG).",
            valueName: "language"))
    public var value: String?

    public init() {}

    public func validate() throws {
        if let value, Language(rawValue: value) == nil {
            throw ValidationError(
                Usage.current.pick(
                    "--lang \(value)：可用 zh-Hans、zh-Hant 或 en", "--lang \(value)：可用 zh-Hans、zh-Hant 或 en",
                    "--lang \(value): use zh-Hans, zh-Hant or en"))
        }
    }

    public var explicit: Language? { value.flatMap(Language.init(rawValue:)) }

    /// The flag, else `site` (the site's `language`), else the locale (LC_ALL, LC_MESSAGES,
    /// LANG, the first one set), else Simplified Chinese.
    public func resolved(site: Language?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Language
    {
        if let explicit { return explicit }
        if let site { return site }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return locale.flatMap(Language.init(locale:)) ?? .zhHans
    }
}

/// Which pages a site publishes, shared by `build` and `check` so both judge the same site.
public struct PublicationOptions: ParsableArguments {
    @Flag(help: "Publish pages whose front matter says `draft: true` too.")
    public var drafts = false

    @Flag(name: .customLong("public"), help: "Leave out pages whose front matter says `visibility: internal`.")
    public var publicOnly = false

    public init() {}

    public var publication: Publication {
        Publication(drafts: drafts, internalPages: !publicOnly)
    }
}

extension SiteOptions {
    /// Before a command reads the site to change it: finishes a `new`, `update` or `init` that
    /// was interrupted after deciding its change (or throws away one that had only staged it).
    /// Returns what to print once the site's language is known.
    func recoverInterruptedWrites(_ writer: ScaffoldWriter) throws -> (Language) -> String {
        do {
            let recovered = try writer.recover()
            return { ScaffoldWriter.recoveredMessage(recovered, language: $0) }
        } catch let refusal as ScaffoldRefusal {
            throw ScaffoldReport(refusal: refusal, language: language(site: nil)).print()
        }
    }
}
