import Foundation
import PlaybookModel
import PlaybookReplication
import PlaybookScaffold
import PlaybookSource
import TestSupport
import Testing

// Issue 13, a thin CLI: what `playbook update GROUP` writes, prints and exits with is decided by
// `Replicator.updateReport`, which returns a value and touches no disk; the command writes the
// plan and prints the output.
@Suite struct UpdateReportTests {
    let replication = ReplicationTests()

    func report(_ site: TemporarySite, group: String = "suzhou") throws -> Result<UpdateReport, UpdateRefusal> {
        Replicator.updateReport(
            site: try SiteReader(root: site.root).read(), group: group,
            snapshot: ScaffoldWriter(root: site.root).snapshot)
    }

    @Test func anUnknownGroupIsAUsageErrorNamingTheGroupsThatHaveALineage() throws {
        let site = try ReplicationTests.site()
        defer { site.remove() }
        try replication.clone(site)
        let result = try report(site, group: "nowhere")
        #expect(result == .failure(.unknownGroup("nowhere", known: ["suzhou"])))
        guard case .failure(let refusal) = result else { return }
        #expect(refusal.isUsageError && refusal.exitStatus == .refused)
        #expect(refusal.message(.en).contains("suzhou"))
    }

    /// The recorded version's snapshot is read even when up to date, to tell an update that
    /// stopped part-way (issue 26); without one, an up-to-date group is still up to date.
    @Test func aGroupUpToDateWritesNothingEvenWithoutItsSnapshot() throws {
        let site = try ReplicationTests.site()
        defer { site.remove() }
        try replication.clone(site)
        var asked = 0
        let result = Replicator.updateReport(site: try SiteReader(root: site.root).read(), group: "suzhou") { _, _ in
            asked += 1
            return .success(nil)
        }
        let report = try result.get()
        #expect(report == .upToDate(group: "suzhou", template: "city", version: "1.0.0"))
        #expect(asked == 1)
        #expect(report.plan == nil && report.exitStatus == .success)
        #expect(report.output(.en) == ("suzhou is up to date with city 1.0.0.\n", ""))
        #expect(report.output(.zhHant).standardOutput == "suzhou 已經跟上 city 1.0.0。\n")
    }

    @Test func aGroupBehindWithoutItsSnapshotIsRefused() throws {
        let site = try ReplicationTests.site()
        defer { site.remove() }
        try replication.clone(site)
        try replication.changeTemplate(site, replacing: "副群主带出下一个分会。", with: "副群主带出下一个分会，每季度复盘一次。")
        let result = Replicator.updateReport(site: try SiteReader(root: site.root).read(), group: "suzhou") { _, _ in
            .success(nil)
        }
        #expect(result == .failure(.noSnapshot(template: "city", version: "1.0.0")))
        guard case .failure(let refusal) = result else { return }
        #expect(!refusal.isUsageError && refusal.exitStatus == .refused)
    }

    @Test func aGroupWhoseTemplateWasRemovedIsRefusedNotUpToDate() throws {
        let site = try ReplicationTests.site()
        defer { site.remove() }
        try replication.clone(site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/templates/city"))
        #expect(try report(site) == .failure(.templateRemoved("city")))
    }

    @Test func aCleanMergeIsFilesToWriteAndExitsZero() throws {
        let site = try ReplicationTests.site()
        defer { site.remove() }
        try replication.clone(site)
        let path = "content/groups/suzhou/index.md"
        let before = try site.read(path)
        try replication.changeTemplate(site, replacing: "副群主带出下一个分会。", with: "副群主带出下一个分会，每季度复盘一次。")
        let report = try report(site).get()
        guard case .updated(let group, let template, let from, let plan) = report else {
            Issue.record("\(report)")
            return
        }
        #expect(group == "suzhou" && template == "city" && from == "1.0.0")
        #expect(plan.lineage.version == "1.1.0" && plan.conflicts == [] && plan.keptDeleted == [])
        #expect(plan.writes[path]?.contains("每季度复盘一次") == true)
        #expect(plan.writes["content/groups/suzhou/lineage.yml"] != nil)
        #expect(!plan.snapshot.isEmpty)
        #expect(report.plan == plan && report.exitStatus == .success)
        #expect(report.output(.en) == ("Updated suzhou to city 1.1.0.\n", ""))
        // Deciding wrote nothing: the command writes the plan.
        #expect(try site.read(path) == before)
    }

    @Test func aConflictExitsOneAndListsTheFileOnStandardError() throws {
        let site = try ReplicationTests.site()
        defer { site.remove() }
        try replication.clone(site)
        let path = "content/groups/suzhou/index.md"
        try site.write(path, try site.read(path).edited("每月一份共读笔记。", with: "每月两份笔记。"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/groups/suzhou/notes/abc.md"))
        try replication.changeTemplate(site, replacing: "每月一份共读笔记。", with: "每月一份共读笔记和一期书单。")
        let report = try report(site).get()
        #expect(report.plan?.conflicts == [path])
        #expect(report.plan?.keptDeleted == ["notes/abc.md"])
        #expect(report.exitStatus == .findings)
        let output = report.output(.zhHans)
        #expect(output.standardOutput == "已把 suzhou 更新到 city 1.1.0。\n  保持删除：notes/abc.md\n")
        #expect(output.standardError.hasSuffix("：\n  \(path)\n"))
    }
}
