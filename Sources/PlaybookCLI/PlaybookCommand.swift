// PlaybookCLI: the thin command-line surface. Each command parses, calls `Pipeline`, prints and
// exits; no stage logic lives here.
import ArgumentParser
import Foundation
import PlaybookModel

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
            BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, TemplatesCommand.self,
            StatusCommand.self, UpdateCommand.self,
        ]
    )

    public init() {}

    /// Exit codes: 0 success, 1 content errors, 2 usage or configuration errors.
    public static func main(_ arguments: [String]?) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            do {
                try command.run()
            } catch let invalid as ValidationError {
                // Raised while running, after the arguments parsed: the message alone, not the
                // top-level usage, which would not be about this command.
                Terminal.standardError.write("error: \(invalid.message)\n")
                Foundation.exit(2)
            }
            Foundation.exit(0)
        } catch let failure as ExitCode {
            Foundation.exit(failure.rawValue)
        } catch let error as PlaybookError {
            Terminal.standardError.write("error: \(error.description)\n")
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Terminal.standardOutput.write(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            }
            Terminal.standardError.write(fullMessage(for: error) + "\n")
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
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

    public init() {}

    public var sourceURL: URL {
        URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }

    public func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourceURL.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ValidationError("--source \(source): no such folder")
        }
    }
}
