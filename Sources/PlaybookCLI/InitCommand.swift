import ArgumentParser
import Foundation
import PlaybookModel
import PlaybookScaffold

struct InitCommand: PlaybookSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new handbook: a small site that passes `playbook check` and builds.",
        discussion: """
            Writes playbook.yml and content/ with a home page, one group charter, group rules, an \
            onboarding flow, an SOP and a replication template, in the language chosen with \
            --lang (default: from LANG, else zh-Hans). The folder is created if needed; a folder \
            that already holds playbook.yml or content/ is refused and nothing is written.
            """
    )

    @Argument(help: ArgumentHelp("The folder of the new site.", valueName: "dir"))
    var directory: String = "."

    @Option(name: .long, help: ArgumentHelp("The handbook's name.", valueName: "title"))
    var title: String?

    @OptionGroup var language: LanguageOption

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func run(in context: CommandContext) throws {
        let lang = language.resolved(site: nil, environment: context.environment)
        let root = context.url(directory)
        let result = SiteStarter.write(into: root, language: lang, title: title)
        switch result {
        case .failure(let refusal):
            context.standardError.write("error: \(refusal.message(lang))\n")
            throw ExitCode(ExitStatus.refused.rawValue)
        case .success(let written):
            guard !quiet else { return }
            let shown = directory == "." ? "" : directory.hasSuffix("/") ? directory : directory + "/"
            context.standardOutput.write(SiteStarter.nextSteps(folder: shown, written: written, language: lang))
        }
    }
}
