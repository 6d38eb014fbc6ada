import Foundation
import PlaybookCLI
import TestSupport
import Testing

/// End-to-end cases of `update` kept as fixtures (see Cases/README.md): `Cases/update/*.txtar`
/// hold a site with a replication template, the clone's answers, the edits made after the
/// clone (to the template and to the group), the expected transcript and the expected files.
/// Each step is the command line as users run it, in-process: `new group --from`, `update`,
/// `status`, `check`.
@Suite struct UpdateCaseTests {
    static let folder = FixtureCaseTests.cases.appendingPathComponent("update")

    static func updateCases() throws -> [String] {
        try CaseFolder.names(in: folder, suffix: ".txtar")
    }

    /// `key: value` lines of the `clone` section.
    static func answers(_ text: String) -> [String: String] {
        var answers: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            answers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return answers
    }

    @Test(arguments: try updateCases())
    func updateCase(_ name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        var archive = Txtar(parsing: try String(contentsOf: url, encoding: .utf8))
        let site = try TemporarySite()
        defer { site.remove() }
        var clone: [String: String] = [:]
        var edits: [(path: String, text: String)] = []
        for file in archive.files where !file.path.hasPrefix("expected/") {
            if file.path == "clone" {
                clone = Self.answers(file.text)
            } else if file.path.hasPrefix("then: ") {
                edits.append((String(file.path.dropFirst(6)), file.text))
            } else {
                try site.write(file.path, file.text)
            }
        }
        let template = try #require(clone["template"], "\(name): no `template:` in clone")
        let slug = try #require(clone["slug"], "\(name): no `slug:` in clone")
        clone["template"] = nil
        clone["slug"] = nil
        let answers = clone.keys.sorted().flatMap { ["--set", "\($0)=\(clone[$0] ?? "")"] }
        let cloned = FixtureCaseTests.playbook(
            ["new", "group", slug, "--from", template, "--no-input"] + answers, in: site.root)
        try #require(cloned.status == 0, "\(name): the clone failed: \(cloned.stderr)")
        for edit in edits { try site.write(edit.path, edit.text) }

        var report = ""
        for arguments in [["update", slug], ["status"]] {
            report += FixtureCaseTests.transcript(arguments, FixtureCaseTests.playbook(arguments, in: site.root))
        }
        report += "$ playbook check --format json\n" + (try FixtureCaseTests.checkReport(in: site.root))

        if Golden.updating {
            archive.files = archive.files.map { file in
                if file.path == "expected/update.txt" { return (file.path, report) }
                guard file.path.hasPrefix("expected/"), let text = try? site.read(String(file.path.dropFirst(9)))
                else { return file }
                return (file.path, text)
            }
            if archive["expected/update.txt"] == nil { archive.files.append(("expected/update.txt", report)) }
            try archive.text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = archive["expected/update.txt"] ?? ""
        #expect(report == expected, "\(name):\n\(Diff.lines(expected: expected, actual: report))")
        for file in archive.files where file.path.hasPrefix("expected/") && file.path != "expected/update.txt" {
            let path = String(file.path.dropFirst(9))
            let actual = try site.read(path)
            #expect(actual == file.text, "\(name): \(path)\n\(Diff.lines(expected: file.text, actual: actual))")
        }
    }
}
