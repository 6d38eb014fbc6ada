import Foundation
import PlaybookCLI
import TestSupport
import Testing

/// The in-process entry the fixture cases run (`PlaybookCommand.run`) is the command line users
/// run: the same status, standard output and standard error as the built binary.
@Suite struct CommandEntryTests {
    /// A clean site (exit 0), findings (exit 1) and an error in playbook.yml (exit 2), in the
    /// text report and in JSON.
    static let cases = [
        "markdown-nesting-just-under-the-limit-is-read.txtar", "frontmatter-duplicate-key.txtar",
        "config-unknown-key-and-wrong-type.txtar",
    ]

    @Test(arguments: cases)
    func theInProcessEntryIsTheBinary(_ name: String) async throws {
        let (site, _, arguments) = try FixtureCaseTests.site(ofCheckCase: name)
        defer { site.remove() }
        let root = site.root
        var statuses: Set<Int32> = []
        for command in [["check"] + arguments, ["check", "--format", "json"] + arguments] {
            let binary = try await offThePool {
                try CommandRun.run(
                    Repository.binary, command, in: root, environment: ["NO_COLOR": "1", "LANG": "C.UTF-8"])
            }
            let inProcess = FixtureCaseTests.playbook(command, in: root)
            #expect(inProcess.status == binary.status, "\(name) \(command)")
            #expect(inProcess.stdout == binary.stdout, "\(name) \(command)")
            #expect(inProcess.stderr == binary.stderr, "\(name) \(command)")
            statuses.insert(inProcess.status)
        }
        #expect(statuses.count == 1)
    }

    /// The three cases cover the three statuses, so the comparison covers them too.
    @Test func theComparedCasesExitZeroOneAndTwo() throws {
        var statuses: [Int32] = []
        for name in Self.cases {
            let (site, _, arguments) = try FixtureCaseTests.site(ofCheckCase: name)
            defer { site.remove() }
            statuses.append(FixtureCaseTests.playbook(["check"] + arguments, in: site.root).status)
        }
        #expect(statuses == [0, 1, 2])
    }

    /// Runs in parallel keep their output apart: each sees only its own site's findings.
    @Test func parallelRunsKeepTheirOutputApart() async throws {
        let names = try FixtureCaseTests.checkCases().prefix(8)
        let expected = try names.map { name in
            let (site, _, arguments) = try FixtureCaseTests.site(ofCheckCase: name)
            defer { site.remove() }
            return FixtureCaseTests.playbook(["check"] + arguments, in: site.root)
        }
        let runs = try await withThrowingTaskGroup(of: (Int, CommandOutput).self) { group in
            for (index, name) in names.enumerated() {
                group.addTask {
                    try await offThePool {
                        let (site, _, arguments) = try FixtureCaseTests.site(ofCheckCase: name)
                        defer { site.remove() }
                        return (index, FixtureCaseTests.playbook(["check"] + arguments, in: site.root))
                    }
                }
            }
            var runs: [Int: CommandOutput] = [:]
            for try await (index, run) in group { runs[index] = run }
            return runs
        }
        for (index, name) in names.enumerated() {
            #expect(runs[index] == expected[index], "\(name)")
        }
    }

    /// A case folder that is missing or holds no case fails the suite instead of running nothing.
    @Test func anEmptyOrMissingCaseFolderIsAnError() throws {
        let site = try TemporarySite(["README.md": "cases moved elsewhere\n"])
        defer { site.remove() }
        #expect(throws: CaseFolder.Empty.self) { try CaseFolder.names(in: site.root, suffix: ".txtar") }
        #expect(throws: CaseFolder.Empty.self) {
            try CaseFolder.names(in: site.root.appendingPathComponent("check"), suffix: ".txtar")
        }
        try site.write("a.txtar", "")
        #expect(try CaseFolder.names(in: site.root, suffix: ".txtar") == ["a.txtar"])
        // The suite's own folders hold cases.
        #expect(try !FixtureCaseTests.checkCases().isEmpty)
        #expect(try !FixtureCaseTests.buildCases().isEmpty)
        #expect(try !UpdateCaseTests.updateCases().isEmpty)
    }
}
