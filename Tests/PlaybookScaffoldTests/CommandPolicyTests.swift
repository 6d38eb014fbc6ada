import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookReplication
import PlaybookScaffold
import PlaybookSource
import TestSupport
import Testing

// Read with Foundation's JSONSerialization on purpose: a reader Playbook did not write judges what
// Playbook's `JSON` wrote, so an escaping mistake shared by our writer and reader cannot pass.

// Issue 13, a thin CLI: what `new KIND TARGET`, `status` and `check --write-baseline` /
// `--schema-out` write or refuse is decided by library functions that return values; these
// tests call them directly and match typed results.
@Suite struct CommandPolicyTests {
    static let site = SiteFiles(
        config: "title: T\nlanguage: zh-Hant\n",
        content: [RawFile(path: "content/index.md", bytes: Array("---\ntitle: 首頁\n---\n".utf8))])
    static let loaded = LoadedSite(files: site, config: Pipeline.decodeConfig(site).0)

    @Test func aSkeletonSaysWhereAndWhatInTheSiteLanguage() throws {
        let page = try Skeleton.plan(
            kind: "sop", target: "sops/growth", title: nil, site: Self.loaded
        ) { _ in false }
        .get()
        #expect(page.path == "content/sops/growth.md")
        #expect(page.kind == "sop" && page.language == .zhHant)
        #expect(page.text.hasPrefix("---\n") && page.text.contains("## 目的"))
        #expect(page.templates == [] && page.slugWarning == nil)
    }

    @Test func skeletonRefusalsAreTyped() {
        func refusal(_ kind: String, _ target: String, exists: Bool = false) -> SkeletonRefusal? {
            if case .failure(let refusal) = Skeleton.plan(
                kind: kind, target: target, title: nil, site: Self.loaded,
                exists: { _ in exists })
            {
                return refusal
            }
            return nil
        }
        #expect(
            refusal("sopp", "x")
                == .unknownKind(
                    "sopp", suggestion: "sop", known: ["group", "onboarding", "page", "rules", "sop", "template"]))
        #expect(refusal("sop", "../../etc/x") == .outsideContent("../../etc/x"))
        #expect(refusal("sop", "sops/growth", exists: true) == .fileExists("content/sops/growth.md"))
        #expect(refusal("sop", "sops/growth", exists: true)?.isUsageError == false)
        #expect(refusal("sopp", "x")?.isUsageError == true)
    }

    // `new` decodes playbook.yml once and hands the value down: the plan follows the config it
    // is given (English, with an `event` kind), not the text in `site` (zh-Hant, no such kind).
    @Test func aSkeletonFollowsTheConfigItIsGivenNotTheText() throws {
        let given = Pipeline.decodeConfig(
            SiteFiles(
                config: """
                    title: T
                    language: en
                    kinds:
                      event:
                        label: Event
                        sections:
                          - {id: agenda, label: Agenda, aliases: [agenda]}
                    """, content: [])
        ).0
        #expect(given.language == .en && Self.loaded.config.language == .zhHant)
        let page = try Skeleton.plan(
            kind: "event", target: "events/night", title: nil, site: LoadedSite(files: Self.site, config: given)
        ) {
            _ in false
        }.get()
        #expect(page.language == .en && page.kind == "event")
        #expect(page.text.contains("## Agenda"))
        #expect(!page.text.contains("## 目的"))
        guard
            case .failure(.unknownKind("event", _, _)) = Skeleton.plan(
                kind: "event", target: "events/night", title: nil, site: Self.loaded,
                exists: { _ in false })
        else {
            Issue.record("the site's own config has no kind `event`")
            return
        }
    }

    // A kind a rule file defines (`include:`) is a kind `new` writes skeletons for, as `check`
    // checks its pages: the plan takes the rule files LOAD read along with the config.
    @Test func aKindFromAnIncludedRuleFileGetsASkeleton() throws {
        let files = SiteFiles(config: "title: T\nlanguage: en\ninclude: [rules/events.yml]\n", content: [])
        let rules = """
            kinds:
              event:
                label: Event
                sections:
                  - {id: agenda, label: Agenda, aliases: [agenda]}
            """
        let site = LoadedSite(
            files: files, config: Pipeline.decodeConfig(files).0, ruleFiles: ["rules/events.yml": rules])
        let page = try Skeleton.plan(kind: "event", target: "events/night", title: nil, site: site) { _ in false }.get()
        #expect(page.path == "content/events/night.md" && page.text.contains("## Agenda"))
        var unread = site
        unread.ruleFiles = [:]
        #expect(throws: SkeletonRefusal.self) {
            try Skeleton.plan(kind: "event", target: "events/night", title: nil, site: unread) { _ in false }.get()
        }
    }

    @Test func aChineseGroupSlugIsWrittenWithAWarning() throws {
        let page = try Skeleton.plan(kind: "group", target: "武汉", title: nil, site: Self.loaded) {
            _ in false
        }.get()
        #expect(page.path == "content/groups/武汉/index.md")
        #expect(page.slugWarning?.slug == "武汉")
    }

    @Test func statusWithoutGroupsIsSuccessAndNamesNone() throws {
        let report = try Replicator.statusReport(site: Self.site, group: nil) { _, _ in .success(nil) }.get()
        #expect(report == .groups([]))
        #expect(report.exitStatus == .success)
        #expect(report.output(.en).standardError.isEmpty)
    }

    @Test func statusRefusesAnUnknownGroupAndAMissingSnapshot() throws {
        #expect(
            Replicator.statusReport(site: Self.site, group: "nowhere") { _, _ in .success(nil) }
                == .failure(.unknownGroup("nowhere", known: [])))
        let site = try ReplicationTests.site()
        defer { site.remove() }
        try ReplicationTests().clone(site)
        let files = try SiteReader(root: site.root).read()
        let missing = Replicator.statusReport(site: files, group: "suzhou") { _, _ in .success(nil) }
        #expect(missing == .failure(.noSnapshot(template: "city", version: "1.0.0")))
        #expect((try? missing.get()) == nil)
    }

    @Test func aGroupBehindItsTemplateExitsOneAndShowsTheTemplatesChange() throws {
        let site = try ReplicationTests.site()
        defer { site.remove() }
        let tests = ReplicationTests()
        try tests.clone(site)
        let writer = ScaffoldWriter(root: site.root)
        var files = try SiteReader(root: site.root).read()
        let upToDate = try Replicator.statusReport(site: files, group: nil, snapshot: writer.snapshot).get()
        #expect(upToDate.exitStatus == .success)
        guard case .groups(let statuses) = upToDate else { Issue.record("\(upToDate)"); return }
        #expect(statuses.map(\.standing) == [.upToDate])

        try tests.changeTemplate(site, replacing: "副群主带出下一个分会。", with: "副群主带出下一个分会，每季度复盘一次。")
        files = try SiteReader(root: site.root).read()
        let behind = try Replicator.statusReport(site: files, group: nil, snapshot: writer.snapshot).get()
        #expect(behind.exitStatus == .findings)
        #expect(!behind.output(.en).standardError.isEmpty)
        let diffs = try Replicator.statusReport(site: files, group: "suzhou", snapshot: writer.snapshot).get()
        guard case .changes(let group, let version, let template, let edits, let isBehind, nil) = diffs else {
            Issue.record("\(diffs)")
            return
        }
        #expect(group == "suzhou" && version == "1.0.0" && isBehind)
        #expect(template.contains("+副群主带出下一个分会，每季度复盘一次。"))
        #expect(edits.isEmpty)
        #expect(diffs.exitStatus == .findings)
    }

    @Test func theBaselineAndTheSchemasAreFilesToWrite() throws {
        let site = SiteFiles(
            config: "title: T\n",
            content: [RawFile(path: "content/sops/x.md", bytes: Array("---\ntitle: X\nkind: sop\n---\n正文\n".utf8))])
        let result = Pipeline.check(site)
        let (file, entries) = Pipeline.baseline(recording: result)
        #expect(file.path == Baseline.fileName)
        #expect(entries > 0 && entries <= result.diagnostics.count)
        let recorded = try Baseline.parse(String(decoding: file.bytes, as: UTF8.self)).get()
        #expect(recorded.entries.count == entries)
        #expect(Pipeline.baseline(recording: result, file: "ci/known.json").file.path == "ci/known.json")

        let schemas = Pipeline.schemas(for: result.rules, language: .en)
        #expect(schemas.map(\.path) == result.rules.kinds.keys.sorted().map { "\($0).schema.json" })
        let sop = try #require(schemas.first { $0.path == "sop.schema.json" })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(sop.bytes)) as? [String: Any])
        #expect((json["required"] as? [String])?.contains("owner") == true)
    }
}
