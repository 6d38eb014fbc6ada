import ArgumentParser
import Foundation
import PlaybookLSP

struct LSPCommand: PlaybookSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server: the checker in your editor, over standard input and output.",
        discussion: """
            Speaks the Language Server Protocol 3.17 on standard input and output; editors start it \
            themselves (see the README for VS Code and Neovim). The site is the nearest folder \
            with a playbook.yml at or above the editor's workspace folder. Open pages are checked \
            as you type with the rules of `playbook check`; completion, quick fixes, hover, go to \
            definition and the outline come from the same rules. Messages are in the site's \
            language unless --lang (or the editor's initializationOptions.language) picks another.

            Exit status: 0 when the editor said shutdown before exit, 1 otherwise.
            """
    )

    @OptionGroup var language: LanguageOption

    /// Speaks on the process's own standard input and output, whatever `context` holds: an
    /// editor starts it as a process.
    func run(in context: CommandContext) throws {
        let status = StandardStreams.serve(version: PlaybookVersion.string, language: language.explicit)
        if status != 0 { throw ExitCode(status) }
    }
}
