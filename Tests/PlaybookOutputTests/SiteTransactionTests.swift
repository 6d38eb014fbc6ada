import Foundation
import PlaybookModel
import PlaybookSource
import TestSupport
import Testing

@testable import PlaybookOutput

/// The all-or-nothing writes of `new`, `update` and `init` (issue 26): a change is staged, then
/// decided by its journal, then applied; a kill at each of those moments is replayed here by
/// leaving a transaction folder as the kill would, under the pid of a process that is gone.
@Suite struct SiteTransactionTests {
    /// A pid no process has (Linux caps pids far below this), so its transactions are "killed".
    static let deadPID = 2_000_000_000

    static func site() throws -> TemporarySite {
        try TemporarySite([
            "playbook.yml": "title: 事务\n",
            "content/index.md": "# 首页\n",
            "content/groups/a/index.md": "旧的档案\n",
        ])
    }

    static func change(_ path: String, _ text: String?, _ expect: SiteTransaction.Expectation) -> SiteTransaction.Change
    {
        SiteTransaction.Change(path: path, bytes: text.map { Array($0.utf8) }, expect: expect)
    }

    /// Leaves a transaction as a process killed at `moment` would: its files staged, then
    /// (`decided`) its journal in place, then the first `applied` steps done.
    static func leaveInterrupted(
        in site: TemporarySite, _ changes: [(path: String, text: String)], decided: Bool, applied: Int = 0
    ) throws {
        let folder = "\(SiteWriteJournal.folder)/\(deadPID)-0"
        var steps: [SiteWriteJournal.Step] = []
        for (n, change) in changes.enumerated() {
            try site.write("\(folder)/\(n)", change.text)
            steps.append(.write(path: change.path, staged: n))
        }
        guard decided else { return }
        try site.write("\(folder)/journal", SiteWriteJournal(command: "playbook update a", steps: steps).text)
        for (n, change) in changes.prefix(applied).enumerated() {
            try FileManager.default.createDirectory(
                at: site.root.appendingPathComponent(change.path).deletingLastPathComponent(),
                withIntermediateDirectories: true)
            _ = rename(
                site.root.appendingPathComponent("\(folder)/\(n)").path,
                site.root.appendingPathComponent(change.path).path)
        }
    }

    @Test func aCommitWritesEveryFileAndLeavesNoTransactionBehind() throws {
        let site = try Self.site()
        defer { site.remove() }
        try SiteTransaction(root: site.root, command: "playbook new group b").commit([
            Self.change("content/groups/b/index.md", "新的档案\n", .absent),
            Self.change("content/groups/b/sops/daily.md", "# 值班\n", .absent),
            Self.change("content/groups/a/index.md", "改过的档案\n", .bytes(Array("旧的档案\n".utf8))),
        ])
        #expect(try site.read("content/groups/b/index.md") == "新的档案\n")
        #expect(try site.read("content/groups/b/sops/daily.md") == "# 值班\n")
        #expect(try site.read("content/groups/a/index.md") == "改过的档案\n")
        // The site had no .playbook/ and gets none from a write that left nothing there.
        #expect(!site.exists(".playbook"))
    }

    @Test func aFileChangedSinceItWasReadOrTakenAlreadyIsRefusedAndNothingIsWritten() throws {
        let site = try Self.site()
        defer { site.remove() }
        let transaction = SiteTransaction(root: site.root, command: "playbook update a")
        #expect(throws: SiteTransaction.Refusal.changed("content/groups/a/index.md")) {
            try transaction.commit([
                Self.change("content/groups/a/new.md", "新\n", .absent),
                Self.change("content/groups/a/index.md", "改\n", .bytes(Array("别的内容\n".utf8))),
            ])
        }
        #expect(throws: SiteTransaction.Refusal.exists("content/groups/a/index.md")) {
            try transaction.commit([Self.change("content/groups/a/index.md", "改\n", .absent)])
        }
        #expect(!site.exists("content/groups/a/new.md"))
        #expect(try site.read("content/groups/a/index.md") == "旧的档案\n")
    }

    @Test func pathsThatLeaveTheSiteOrPassALinkAreRefusedAndNothingIsWritten() throws {
        let site = try Self.site()
        defer { site.remove() }
        let outside = try TemporarySite()
        defer { outside.remove() }
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("content/groups/linked"), withDestinationURL: outside.root)
        let transaction = SiteTransaction(root: site.root, command: "playbook new group linked")
        for path in ["../escape.md", "/etc/escape.md", "content/../../escape.md", "content//x.md"] {
            #expect(throws: SiteTransaction.Refusal.outsideSite(path: path, link: nil)) {
                try transaction.commit([Self.change(path, "x\n", .absent)])
            }
        }
        #expect(
            throws: SiteTransaction.Refusal.outsideSite(
                path: "content/groups/linked/index.md", link: "content/groups/linked")
        ) {
            try transaction.commit([
                Self.change("content/groups/ok/index.md", "x\n", .absent),
                Self.change("content/groups/linked/index.md", "x\n", .absent),
            ])
        }
        #expect(outside.files(under: "").isEmpty)
        #expect(!site.exists("content/groups/ok/index.md"))
    }

    @Test func aChangeKilledBeforeItsJournalIsThrownAwayAndTheSiteIsUntouched() throws {
        let site = try Self.site()
        defer { site.remove() }
        try Self.leaveInterrupted(in: site, [("content/groups/a/index.md", "新的\n")], decided: false)
        let recovered = try SiteTransaction.recover(root: site.root)
        #expect(recovered.map(\.finished) == [false])
        #expect(try site.read("content/groups/a/index.md") == "旧的档案\n")
        #expect(!site.exists(SiteWriteJournal.folder))
    }

    @Test(arguments: [0, 1, 2])
    func aChangeKilledAfterItsJournalIsFinishedByTheNextWriter(applied: Int) throws {
        let site = try Self.site()
        defer { site.remove() }
        let changes = [
            ("content/groups/a/index.md", "新的档案\n"), ("content/groups/a/rules.md", "新的群规\n"),
            ("content/groups/a/lineage.yml", "version: 2\n"),
        ]
        try Self.leaveInterrupted(in: site, changes, decided: true, applied: applied)
        // Until then, `check` and `build` say the site is part-way, at the journal.
        let problems = try SiteReader(root: site.root).read().problems.filter { $0.rule == "source.interrupted-write" }
        #expect(problems.map(\.file) == ["\(SiteWriteJournal.folder)/\(Self.deadPID)-0/journal"])
        let recovered = try SiteTransaction.recover(root: site.root)
        #expect(recovered == [.init(command: "playbook update a", finished: true, paths: changes.map(\.0))])
        for (path, text) in changes { #expect(try site.read(path) == text) }
        #expect(!site.exists(SiteWriteJournal.folder))
        #expect(try SiteReader(root: site.root).read().problems.isEmpty)
    }

    @Test func aLiveProcesssTransactionIsLeftAlone() throws {
        let site = try Self.site()
        defer { site.remove() }
        // pid 1 is alive: its transaction may be mid-write and is not touched.
        try site.write("\(SiteWriteJournal.folder)/1-0/0", "x\n")
        #expect(try SiteTransaction.recover(root: site.root).isEmpty)
        #expect(site.exists("\(SiteWriteJournal.folder)/1-0/0"))
    }

    @Test func journalsKeepPathsWithTabsNewlinesAndPercents() {
        let journal = SiteWriteJournal(
            command: "playbook new group x",
            steps: [.write(path: "content/a\tb\n%09.md", staged: 0), .remove(path: "c%.md")])
        #expect(SiteWriteJournal.parse(journal.text) == journal)
        // A journal cut short is not one: a person's edit, never trusted.
        #expect(SiteWriteJournal.parse(String(journal.text.dropLast(4))) == nil)
    }
}
