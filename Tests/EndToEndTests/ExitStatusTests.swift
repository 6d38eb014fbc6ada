import Foundation
import PlaybookModel
import PlaybookScaffold
import TestSupport
import Testing

/// One exit-status table for every command (issue 13; the README's "Exit status"): the same
/// situation exits the same way whichever command meets it.
@Suite struct ExitStatusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var edit: [String: String] = [:]
        var expected: PlaybookModel.ExitStatus
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a clean check", arguments: ["check"], expected: .success),
        Case(
            name: "a page with an error", arguments: ["check"],
            edit: ["content/sops/daily-operations.md": "---\ntitle: 日常\nkind: sop\n---\n正文\n"], expected: .findings),
        Case(
            name: "a build with an error", arguments: ["build"],
            edit: ["content/sops/daily-operations.md": "---\ntitle: 日常\nkind: sop\n---\n正文\n"], expected: .findings),
        Case(name: "an unknown language", arguments: ["check", "--lang", "fr"], expected: .refused),
        Case(name: "an unknown flag", arguments: ["build", "--no-such-flag"], expected: .refused),
        Case(
            name: "an error in playbook.yml", arguments: ["check"],
            edit: ["playbook.yml": "title: [坏\n"], expected: .refused),
        Case(
            name: "a new page over an existing file", arguments: ["new", "sop", "sops/daily-operations"],
            expected: .refused),
        Case(
            name: "a new group over an existing folder",
            arguments: [
                "new", "group", "first-group", "--from", "new-group", "--set", "group_name=甲", "--set", "owner=乙",
            ],
            expected: .refused),
        Case(
            name: "a new group from an unknown template", arguments: ["new", "group", "x", "--from", "nope"],
            expected: .refused),
        Case(
            name: "a new page of an unknown kind", arguments: ["new", "evnet", "events/a"], expected: .refused),
        Case(name: "init over a site", arguments: ["init"], expected: .refused),
        Case(name: "every group up to date", arguments: ["status"], expected: .success),
        Case(name: "an update of a group never cloned", arguments: ["update", "first-group"], expected: .refused),
        Case(
            name: "an update without the snapshot of the group's version", arguments: ["update", "first-group"],
            edit: [
                "content/groups/first-group/lineage.yml":
                    "template: new-group\nversion: 0.9.0\nhash: 0000\nanswers:\n  owner: 乙\nfiles:\n"
            ], expected: .refused),
    ]

    @Test(arguments: cases)
    func exitStatus(of situation: Case) throws {
        var files = SiteStarter.files(language: .zhHans)
        for (path, text) in situation.edit { files[path] = text }
        let site = try TemporarySite(files)
        defer { site.remove() }
        let run = try CommandRun.run(Repository.binary, situation.arguments, in: site.root)
        #expect(run.status == situation.expected.rawValue, "\(situation.name): \(run.stderr)")
    }
}
