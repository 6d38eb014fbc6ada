import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import PlaybookCLI

/// The help of every command is part of the CLI's contract: kept as goldens at 80 columns
/// (re-record with PLAYBOOK_UPDATE_GOLDENS=1 and review the diff).
@Suite struct HelpTextTests {
    static let commands = [PlaybookCommand.self] + PlaybookCommand.configuration.subcommands

    @Test(arguments: commands.map { $0._commandName })
    func helpTextGolden(command name: String) throws {
        let command = try #require(Self.commands.first { $0._commandName == name })
        let help =
            name == "playbook"
            ? PlaybookCommand.helpMessage(columns: 80)
            : PlaybookCommand.helpMessage(for: command, columns: 80)
        Golden.check(help + "\n", against: Golden.folder().appendingPathComponent("Goldens/help-\(name).txt"))
    }

    /// Paragraphs are written one per line and wrapped once, by the parser. Text wrapped by
    /// hand and again by the parser leaves a stub line followed by the rest of the hand-made
    /// line, indented: `fills the` / `the` / `  placeholders with…`.
    @Test(arguments: commands.map { $0._commandName })
    func helpParagraphsAreWrappedOnce(command name: String) throws {
        let command = try #require(Self.commands.first { $0._commandName == name })
        let help = PlaybookCommand.helpMessage(for: command, columns: 80)
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated().dropLast() {
            let next = lines[index + 1]
            let stub = !line.isEmpty && line.count < 20 && !line.hasPrefix(" ") && !line.hasSuffix(":")
            let continued = next.hasPrefix("  ") && next.dropFirst(2).first?.isLowercase == true
            #expect(!(stub && continued), "\(name): \"\(line)\" then \"\(next)\"")
        }
    }
}
