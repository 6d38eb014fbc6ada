import Foundation
import PlaybookCheck
import PlaybookModel
import PlaybookReport
import PlaybookSource
import TestSupport
import Testing

// Read with Foundation's JSONSerialization on purpose: a reader Playbook did not write judges what
// Playbook's `JSON` wrote, so an escaping mistake shared by our writer and reader cannot pass.

// Issue 3, Done when 3: JSON, GitHub and SARIF outputs are tested against expected files
// (Goldens/, re-recorded with PLAYBOOK_UPDATE_GOLDENS=1), and the SARIF validates against 2.1.0.
@Suite struct ReportFormatTests {
    static let goldens = Golden.folder().appendingPathComponent("Goldens")

    /// Findings of several rules, with text that needs escaping in every format.
    static let result: HarnessResult = {
        let group = Fixtures.group(.english).edited("## 3. Output\nWeekly reading notes.\n\n", with: "")
            .edited("title: Berlin reading club", with: "title: \"Berlin, 100% \\\"real\\\": club\"")
        let onboarding = Fixtures.onboarding(.simplified).edited("**第7天**", with: "**第0天**")
        return CheckHarness.result(
            [
                "content/groups/berlin.md": group, "content/onboarding/杭州 新人.md": onboarding,
                "content/p.md": "# P\n[a](missing.md)\n",
            ], language: .en)
    }()

    @Test func jsonMatchesItsGolden() {
        Golden.check(
            DiagnosticReport.json(Self.result.diagnostics, files: 3),
            against: Self.goldens.appendingPathComponent("check.json"))
    }

    @Test func githubCommandsAndStepSummaryMatchTheirGoldens() {
        Golden.check(
            GitHubReport.commands(Self.result.diagnostics, pathPrefix: "docs/"),
            against: Self.goldens.appendingPathComponent("check.github.txt"))
        Golden.check(
            GitHubReport.stepSummary(Self.result.diagnostics, files: 3, language: .zhHans, pathPrefix: "docs/"),
            against: Self.goldens.appendingPathComponent("check.summary.md"))
    }

    @Test func githubCommandsEscapeDataAndProperties() {
        let d = Diagnostic(file: "a,b:c.md", line: 2, rule: "x.y", message: "50% done\nnext", hint: nil)
        #expect(GitHubReport.commands([d]) == "::error file=a%2Cb%3Ac.md,line=2,col=1,title=x.y::50%25 done%0Anext\n")
    }

    static var sarif: String {
        SARIFReport.log(
            Self.result.diagnostics, rules: RuleCatalog.entries(for: .defaults, language: .en), toolVersion: "0.1.0",
            siteRoot: "file:///work/site/")
    }

    @Test func sarifMatchesItsGolden() {
        Golden.check(Self.sarif, against: Self.goldens.appendingPathComponent("check.sarif"))
    }

    /// The schema's required properties, checked in Swift so the test runs without Python.
    @Test func sarifHasTheStructureTheSchemaRequires() throws {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(Self.sarif.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "playbook")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == Self.result.diagnostics.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect(["error", "warning"].contains(result["level"] as? String))
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let location = try #require(
                (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let region = try #require(location["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1)
            #expect((region["startColumn"] as? Int ?? 0) >= 1)
            let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            #expect(URL(string: uri) != nil, "\(uri) is not a URI reference")
        }
    }

    static let python: URL? = ["/usr/bin/python3", "/usr/local/bin/python3"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    static var hasJSONSchema: Bool {
        guard let python else { return false }
        return (try? run(python, ["-c", "import jsonschema"]).status) == 0
    }

    @Test(.enabled(if: hasJSONSchema, "needs python3 with jsonschema")) func sarifValidatesAgainstTheOfficialSchema()
        throws
    {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-\(UUID().uuidString).sarif")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(Self.sarif.utf8).write(to: file)
        let outcome = try Self.run(
            Self.python!,
            [
                Self.goldens.appendingPathComponent("validate_sarif.py").path,
                Self.goldens.appendingPathComponent("sarif-schema-2.1.0.json").path, file.path,
            ])
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = PipeReader.readAll(pipe.fileHandleForReading.fileDescriptor)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
