import Foundation
import PlaybookModel
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The commands that write the site, under a real `playbook` killed at random moments, and
/// every path they read or write held inside the site (issue 26).
@Suite(.serialized) struct SiteWriteTests {
    /// The shared charter with its platform fixed: this template declares no `platform`.
    static let charter = ReplicationFixtures.charter.replacingOccurrences(of: "{{platform}}", with: "微信群")

    /// A template of `notes` + 1 documents at `version`, so that writing a group takes long
    /// enough for kills to land in it.
    static func template(version: String, notes: Int = 40) -> [String: String] {
        var files = [
            "content/templates/city/index.md": """
            ---
            kind: template
            title: 城市分会模板
            version: \(version)
            variables:
              - name: city
                required: true
              - name: owner
                required: true
            ---
            # 城市分会模板
            """,
            "content/templates/city/files/index.md": charter,
        ]
        for i in 0..<notes {
            files["content/templates/city/files/notes/\(i).md"] =
                "---\ntitle: 笔记 \(i)\nkind: page\n---\n{{city}} 的第 \(i) 篇笔记，模板 \(version)。\n"
        }
        return files
    }

    static func site(version: String = "1.0.0") throws -> TemporarySite {
        var files = ["playbook.yml": "title: 写入测试\nlanguage: zh-Hans\n", "content/index.md": "# 首页\n"]
        files.merge(template(version: version)) { _, new in new }
        return try TemporarySite(files)
    }

    static let clone = [
        "new", "group", "wuhan", "--from", "city", "--set", "city=武汉", "--set", "owner=王五", "--no-input",
    ]

    /// Runs `playbook arguments` off the concurrency pool (tests that block it starve others).
    static func run(_ site: TemporarySite, _ arguments: [String]) async throws -> CommandRun {
        let root = site.root
        return try await offThePool {
            try CommandRun.run(Repository.binary, arguments, in: root, environment: ["NO_COLOR": "1"])
        }
    }

    /// Every file below `folder`, with its text; empty when the folder does not exist.
    static func contents(_ site: TemporarySite, _ folder: String) -> [String: String] {
        var result: [String: String] = [:]
        for path in site.files(under: folder) { result[path] = try? site.read(folder + "/" + path) }
        return result
    }

    /// Starts `playbook arguments`, kills it with `signal` after `delay` seconds, and tells
    /// whether it was still running then.
    static func interrupt(
        _ site: TemporarySite, _ arguments: [String], after delay: Double, signal: Int32
    ) async throws -> Bool {
        let root = site.root
        return try await offThePool {
            try interruptBlocking(root, arguments, after: delay, signal: signal)
        }
    }

    static func interruptBlocking(_ root: URL, _ arguments: [String], after delay: Double, signal: Int32) throws -> Bool
    {
        let process = Process()
        process.executableURL = Repository.binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Waits out the delay, but no longer than the run itself.
        let deadline = Date() + delay
        while process.isRunning, Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    @Test func aKilledCloneLeavesNoGroupOrAWholeOneAndTheNextCommandFinishesIt() async throws {
        let reference = try Self.site()
        defer { reference.remove() }
        let clock = ContinuousClock()
        let start = clock.now
        let done = try await Self.run(reference, Self.clone)
        let span = Self.seconds(clock.now - start)
        #expect(done.status == 0, "\(done.stderr)")
        let whole = Self.contents(reference, "content/groups/wuhan")
        #expect(whole.count == 42)

        var random = SeededRandom(seed: testSeed("clone kills"))
        var outcomes: [String: Int] = [:]
        for attempt in 0..<20 {
            let site = try Self.site()
            defer { site.remove() }
            let delay = Double.random(in: 0...(span * 1.1), using: &random)
            let signal = [SIGKILL, SIGINT, SIGTERM][attempt % 3]
            _ = try await Self.interrupt(site, Self.clone, after: delay, signal: signal)
            let after = Self.contents(site, "content/groups/wuhan")
            let pending = site.exists(SiteWriteJournal.folder)
            // Right after the kill: no group, the whole group, or a change decided and recorded,
            // which `check` reports until a writing command finishes it.
            if !after.isEmpty && after != whole {
                #expect(pending, "kill \(attempt) at \(delay) s left part of a group and no journal")
                let check = try await Self.run(site, ["check", "--format", "json"])
                #expect(check.status == 1 && check.stdout.contains("source.interrupted-write"), "\(check.stdout)")
            }
            let status = try await Self.run(site, ["status"])
            let settled = Self.contents(site, "content/groups/wuhan")
            #expect(settled.isEmpty || settled == whole, "kill \(attempt) at \(delay) s: \(settled.count) files")
            #expect(!site.exists(SiteWriteJournal.folder), "kill \(attempt): \(status.stderr)")
            outcomes[settled.isEmpty ? "untouched" : pending ? "finished" : "complete", default: 0] += 1
            // Cloned again, or for the first time: never refused as a half group.
            if settled.isEmpty {
                let again = try await Self.run(site, Self.clone)
                #expect(again.status == 0, "\(again.stderr)")
                #expect(Self.contents(site, "content/groups/wuhan") == whole)
            }
        }
        print("clone kills: \(outcomes.sorted { $0.key < $1.key })")
    }

    @Test func aKilledUpdateLeavesTheOldVersionOrTheNewAndTheNextUpdateFinishesIt() async throws {
        let reference = try Self.site()
        defer { reference.remove() }
        #expect(try await Self.run(reference, Self.clone).status == 0)
        let old = Self.contents(reference, "content/groups/wuhan")
        for (path, text) in Self.template(version: "2.0.0") { try reference.write(path, text) }
        let clock = ContinuousClock()
        let start = clock.now
        let done = try await Self.run(reference, ["update", "wuhan"])
        let span = Self.seconds(clock.now - start)
        #expect(done.status == 0, "\(done.stderr)")
        let new = Self.contents(reference, "content/groups/wuhan")
        #expect(old != new && new["notes/7.md"]?.contains("模板 2.0.0") == true)

        var random = SeededRandom(seed: testSeed("update kills"))
        var outcomes: [String: Int] = [:]
        for attempt in 0..<20 {
            let site = try Self.site()
            defer { site.remove() }
            #expect(try await Self.run(site, Self.clone).status == 0)
            for (path, text) in Self.template(version: "2.0.0") { try site.write(path, text) }
            let delay = Double.random(in: 0...(span * 1.1), using: &random)
            let signal = [SIGKILL, SIGINT, SIGTERM][attempt % 3]
            _ = try await Self.interrupt(site, ["update", "wuhan"], after: delay, signal: signal)
            let after = Self.contents(site, "content/groups/wuhan")
            let pending = site.exists(SiteWriteJournal.folder)
            if after != old && after != new {
                #expect(pending, "kill \(attempt) at \(delay) s left a mixed group and no journal")
            }
            // `status` finishes a decided change first; the group is then one version or the other.
            let status = try await Self.run(site, ["status"])
            let settled = Self.contents(site, "content/groups/wuhan")
            #expect(settled == old || settled == new, "kill \(attempt) at \(delay) s: \(status.stderr)")
            #expect(settled != old || status.status == 1, "the old version must show as behind")
            // The next update either finishes the change or says it is done; never "up to date"
            // on the old text.
            let update = try await Self.run(site, ["update", "wuhan"])
            #expect(update.status == 0, "\(update.stderr)")
            #expect(Self.contents(site, "content/groups/wuhan") == new, "kill \(attempt) at \(delay) s")
            outcomes[settled == old ? "untouched" : pending ? "finished" : "complete", default: 0] += 1
        }
        print("update kills: \(outcomes.sorted { $0.key < $1.key })")
    }

    @Test func anUpdateThatStoppedPartWayBeforeTransactionsIsFoundAndFinished() async throws {
        // What Playbook 0.1's `update` left when killed: the lineage on the new version, some
        // files still the old version's text.
        let site = try Self.site()
        defer { site.remove() }
        #expect(try await Self.run(site, Self.clone).status == 0)
        let old = Self.contents(site, "content/groups/wuhan")
        for (path, text) in Self.template(version: "2.0.0") { try site.write(path, text) }
        #expect(try await Self.run(site, ["update", "wuhan"]).status == 0)
        let new = Self.contents(site, "content/groups/wuhan")
        for path in ["notes/3.md", "notes/9.md"] { try site.write("content/groups/wuhan/" + path, old[path]!) }

        let status = try await Self.run(site, ["status", "--lang", "en"])
        #expect(status.status == 1)
        #expect(
            status.stdout.contains(
                "an earlier update stopped part-way and groups/wuhan/notes/3.md, groups/wuhan/notes/9.md still hold the older version's text"
            ), "\(status.stdout)")
        let update = try await Self.run(site, ["update", "wuhan", "--lang", "en"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("finished an interrupted update: content/groups/wuhan/notes/3.md"))
        #expect(Self.contents(site, "content/groups/wuhan") == new)
        #expect(try await Self.run(site, ["status"]).status == 0)
    }

    @Test func conflictMarkersLeftMakeUpdateAndStatusExitOne() async throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try await Self.run(site, Self.clone).status == 0)
        try site.write("content/groups/wuhan/notes/1.md", "---\ntitle: 笔记 1\nkind: page\n---\n群里改过的笔记。\n")
        var next = Self.template(version: "2.0.0")
        next["content/templates/city/files/notes/1.md"] = "---\ntitle: 笔记 1\nkind: page\n---\n模板改过的笔记。\n"
        for (path, text) in next { try site.write(path, text) }
        #expect(try await Self.run(site, ["update", "wuhan"]).status == 1)
        // The person "resolves" it wrongly: the markers stay.
        let update = try await Self.run(site, ["update", "wuhan", "--lang", "en"])
        #expect(update.status == 1)
        #expect(update.stderr.contains("conflicts from the last update are not resolved yet"), "\(update.stderr)")
        #expect(update.stderr.contains("groups/wuhan/notes/1.md"))
        #expect(try await Self.run(site, ["status", "wuhan"]).status == 1)
        #expect(try await Self.run(site, ["status"]).status == 1)
    }

    @Test func updateAllBringsEveryGroupUpAndAnnouncesAddedFiles() async throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try await Self.run(site, Self.clone).status == 0)
        let second = ["new", "group", "xian", "--from", "city", "--set", "city=西安", "--set", "owner=李四", "--no-input"]
        #expect(try await Self.run(site, second).status == 0)
        var next = Self.template(version: "2.0.0")
        next["content/templates/city/files/faq.md"] = "---\ntitle: 常见问题\nkind: page\n---\n{{city}} 的常见问题。\n"
        for (path, text) in next { try site.write(path, text) }
        let update = try await Self.run(site, ["update", "--all", "--lang", "en"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("Updated wuhan to city 2.0.0.\n  added: content/groups/wuhan/faq.md"))
        #expect(update.stdout.contains("Updated xian to city 2.0.0.\n  added: content/groups/xian/faq.md"))
        #expect(try site.read("content/groups/xian/faq.md").contains("西安 的常见问题"))
        #expect(try await Self.run(site, ["status"]).status == 0)
        #expect(try await Self.run(site, ["update", "wuhan", "--all"]).status == 2)
    }

    @Test func aFileTheGroupRenamedGetsTheTemplatesChangeAndTheRenameIsRecorded() async throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try await Self.run(site, Self.clone).status == 0)
        let fm = FileManager.default
        try fm.moveItem(
            at: site.root.appendingPathComponent("content/groups/wuhan/notes/5.md"),
            to: site.root.appendingPathComponent("content/groups/wuhan/notes/第五篇.md"))
        var next = Self.template(version: "2.0.0")
        next["content/templates/city/files/notes/5.md"] =
            "---\ntitle: 笔记 5\nkind: page\n---\n{{city}} 的第 5 篇笔记，模板 1.0.0。\n\n模板 2.0 加的一段。\n"
        for (path, text) in next { try site.write(path, text) }
        let update = try await Self.run(site, ["update", "wuhan", "--lang", "en"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(
            update.stdout.contains(
                "followed the rename: content/groups/wuhan/notes/5.md → content/groups/wuhan/notes/第五篇.md"),
            "\(update.stdout)")
        #expect(try site.read("content/groups/wuhan/notes/第五篇.md").contains("模板 2.0 加的一段。"))
        #expect(!site.exists("content/groups/wuhan/notes/5.md"))
        #expect(
            try site.read("content/groups/wuhan/lineage.yml").contains("renamed:\n  \"notes/5.md\": \"notes/第五篇.md\""))
        // The next change follows the recorded rename without guessing.
        next["content/templates/city/index.md"] = next["content/templates/city/index.md"]!.replacingOccurrences(
            of: "version: 2.0.0", with: "version: 3.0.0")
        next["content/templates/city/files/notes/5.md"]! += "\n模板 3.0 又加的一段。\n"
        for (path, text) in next { try site.write(path, text) }
        #expect(try await Self.run(site, ["update", "wuhan"]).status == 0)
        #expect(try site.read("content/groups/wuhan/notes/第五篇.md").contains("模板 3.0 又加的一段。"))
    }

    // MARK: - Nothing outside the site is read or written

    @Test func aSnapshotLinkOutOfTheSiteIsRefusedNeverRead() async throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try await Self.run(site, Self.clone).status == 0)
        let secret = try TemporarySite(["secret.md": "CI_TOKEN=hunter2\n"])
        defer { secret.remove() }
        let snapshots = site.files(under: ".playbook/templates/city")
        let folder = ".playbook/templates/city/" + snapshots[0].split(separator: "/")[0]
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent(folder + "/files/leak.md"),
            withDestinationURL: secret.root.appendingPathComponent("secret.md"))
        // `check` names the link too, at its place.
        let check = try await Self.run(site, ["check", "--lang", "en"])
        #expect(check.status == 1)
        #expect(
            check.stderr.contains(
                "\(folder)/files/leak.md:1:1: error: a symbolic link among Playbook's records (.playbook/)"),
            "\(check.stderr)")
        for template in [Self.template(version: "2.0.0"), [:]] {
            for (path, text) in template { try site.write(path, text) }
            for arguments in [["status", "wuhan"], ["update", "wuhan"], ["status"]] {
                let run = try await Self.run(site, arguments + ["--lang", "en"])
                #expect(run.status != 0, "\(arguments)")
                #expect(!(run.stdout + run.stderr).contains("hunter2"), "\(arguments)")
                #expect(
                    (run.stdout + run.stderr).contains("\(folder)/files/leak.md on the way is a symbolic link"),
                    "\(arguments): \(run.stdout) \(run.stderr)")
            }
        }
    }

    @Test func aLineageHashThatIsAPathIsRefused() async throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try await Self.run(site, Self.clone).status == 0)
        let lineage = try site.read("content/groups/wuhan/lineage.yml")
        let hash = lineage.split(separator: "\n").first { $0.hasPrefix("hash: ") }!
        try site.write(
            "content/groups/wuhan/lineage.yml", lineage.replacingOccurrences(of: hash, with: "hash: \"../../../../x/\"")
        )
        for arguments in [["status", "wuhan"], ["update", "wuhan"]] {
            let run = try await Self.run(site, arguments + ["--lang", "en"])
            #expect(run.status == 2, "\(arguments)")
            #expect(
                run.stderr.contains(
                    "content/groups/wuhan/lineage.yml: `hash: ../../../../x/` is not a value Playbook writes"),
                "\(run.stderr)")
        }
        #expect(try await Self.run(site, ["status"]).status == 1)
    }

    @Test func newRefusesToWriteThroughALinkOutOfTheSite() async throws {
        let site = try Self.site()
        defer { site.remove() }
        let outside = try TemporarySite()
        defer { outside.remove() }
        let fm = FileManager.default
        try fm.createDirectory(
            at: site.root.appendingPathComponent("content/groups"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(
            at: site.root.appendingPathComponent("content/groups/wuhan"), withDestinationURL: outside.root)
        try fm.createSymbolicLink(
            at: site.root.appendingPathComponent("content/sops"), withDestinationURL: outside.root)
        let clone = try await Self.run(site, Self.clone + ["--lang", "en"])
        #expect(clone.status == 2)
        #expect(clone.stderr.contains("content/groups/wuhan on the way is a symbolic link"), "\(clone.stderr)")
        let page = try await Self.run(site, ["new", "sop", "sops/daily", "--lang", "en"])
        #expect(page.status == 2)
        #expect(page.stderr.contains("content/sops on the way is a symbolic link"), "\(page.stderr)")
        try fm.removeItem(at: site.root.appendingPathComponent("content/groups/wuhan"))
        try fm.createSymbolicLink(at: site.root.appendingPathComponent(".playbook"), withDestinationURL: outside.root)
        let snapshot = try await Self.run(site, Self.clone + ["--lang", "en"])
        #expect(snapshot.status == 2)
        #expect(snapshot.stderr.contains(".playbook on the way is a symbolic link"), "\(snapshot.stderr)")
        #expect(outside.files(under: "").isEmpty)
        #expect(!site.exists("content/groups/wuhan"))
        // A page needs a name.
        #expect(try await Self.run(site, ["new", "sop", ""]).status == 2)
        #expect(!site.exists("content/.md"))
    }
}
