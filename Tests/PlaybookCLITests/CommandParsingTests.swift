import ArgumentParser
import Testing

@testable import PlaybookCLI

@Suite struct CommandParsingTests {
    @Test func buildTakesSourceOutputAndQuiet() throws {
        let command = try PlaybookCommand.parseAsRoot(["build", "--source", ".", "--output", "site", "-q"])
        let build = try #require(command as? BuildCommand)
        #expect(build.output == "site")
        #expect(build.site.quiet)
        #expect(build.site.source == ".")
    }

    @Test func sourceMustBeAFolder() {
        #expect(throws: (any Error).self) {
            _ = try PlaybookCommand.parseAsRoot(["check", "--source", "/no/such/folder"])
        }
    }

    @Test func unknownOptionIsAUsageError() {
        do {
            _ = try PlaybookCommand.parseAsRoot(["build", "--nope"])
            Issue.record("expected a usage error")
        } catch {
            #expect(PlaybookCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test func rootHelpListsTheCommands() {
        let help = PlaybookCommand.helpMessage(columns: 100)
        #expect(help.contains("build"))
        #expect(help.contains("check"))
    }
}
