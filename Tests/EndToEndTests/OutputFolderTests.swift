import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output folder under a real `playbook build` (the built binary): killed at random moments
/// (seeded and printed: PLAYBOOK_TEST_SEED replays them), two at once, beside `serve`, and where
/// it must not go. (Issue 11.)
@Suite(.serialized) struct OutputFolderTests {
    /// A site of `pages` pages whose text says `version`, so two versions give two sites.
    static func site(version: String, pages: Int = 60) -> [String: String] {
        var files = [
            "playbook.yml": "title: 输出测试\nlanguage: zh-Hans\n",
            "content/index.md": "---\ntitle: 首页\n---\n版本 \(version)\n",
        ]
        for i in 0..<pages {
            files["content/notes/\(i).md"] = "---\ntitle: 笔记 \(i)\n---\n# 笔记 \(i)\n\n第 \(i) 篇，版本 \(version)。\n"
        }
        return files
    }

    static func write(_ files: [String: String], into site: TemporarySite) throws {
        for (path, text) in files { try site.write(path, text) }
    }

    /// Every file below `folder` with its bytes, by relative path; links and folders not followed.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        while let path = walker.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return result
    }

    /// Entries beside the output that a build leaves behind (temporary folders, lock files).
    static func leftovers(in site: TemporarySite) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site.root.path)) ?? []).filter {
            $0.hasPrefix(".public.playbook-")
        }.sorted()
    }

    static func build(_ site: TemporarySite, _ extra: [String] = []) async throws -> CommandRun {
        let root = site.root
        return try await offThePool {
            try CommandRun.run(
                Self.nice, ["-n", "15", Repository.binary.path, "build", "--quiet"] + extra, in: root,
                environment: ["NO_COLOR": "1"])
        }
    }

    /// Starts a build, kills it after `delay` seconds and tells whether the kill came before it finished.
    static func killBuild(in site: TemporarySite, after delay: Double) async throws -> Bool {
        let process = try start(["build", "--quiet"], in: site)
        return try await offThePool {
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return process.terminationReason == .uncaughtSignal
        }
    }

    /// These tests run dozens of builds; at a low priority they slow the rest of the suite less.
    static let nice = URL(fileURLWithPath: "/usr/bin/nice")

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func start(_ arguments: [String], in site: TemporarySite) throws -> Process {
        let process = Process()
        // Through nice, which execs the binary in its own process: the pid killed is the build's.
        process.executableURL = Self.nice
        process.arguments = ["-n", "15", Repository.binary.path] + arguments
        process.currentDirectoryURL = site.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aKilledBuildLeavesThePreviousSiteWholeAndTheNextBuildCleansUp() async throws {
        let site = try TemporarySite(Self.site(version: "A"))
        defer { site.remove() }
        #expect(try await Self.build(site).status == 0)
        // A file of the user's in the output, which every build must carry over.
        try site.write("public/CNAME", "handbook.example.org\n")
        let clock = ContinuousClock()
        let start = clock.now
        let first = try await Self.build(site)
        let buildTime = clock.now - start
        #expect(first.status == 0, "\(first.stderr)")
        let siteA = Self.snapshot(site.root.appendingPathComponent("public"))
        try Self.write(Self.site(version: "B"), into: site)
        #expect(try await Self.build(site).status == 0)
        let siteB = Self.snapshot(site.root.appendingPathComponent("public"))
        #expect(siteA != siteB)
        #expect(siteA["CNAME"] == Data("handbook.example.org\n".utf8) && siteB["CNAME"] == siteA["CNAME"])

        // Kill moments spread over the whole run, from start-up to the end; how long a run takes
        // is measured again each time, since it varies with the machine's load.
        var span = Self.seconds(buildTime)
        var killed = 0
        var attempts = 0
        var outcomes: [String] = []
        var current = "B"
        var random = SeededRandom(seed: testSeed("build kills"))
        while killed < 20 && attempts < 40 {
            attempts += 1
            let next = current == "A" ? "B" : "A"
            try Self.write(Self.site(version: next), into: site)
            let delay = Double.random(in: 0...(span * 0.95), using: &random)
            if try await Self.killBuild(in: site, after: delay) { killed += 1 }
            let after = Self.snapshot(site.root.appendingPathComponent("public"))
            let old = current == "A" ? siteA : siteB
            let new = next == "A" ? siteA : siteB
            // The previous site whole, or (killed after the swap) the new one whole; never a mix.
            #expect(after == old || after == new, "kill \(attempts) at \(delay) s left a broken site")
            outcomes.append(after == old ? "old" : "new")
            let started = clock.now
            let rebuilt = try await Self.build(site)
            span = Self.seconds(clock.now - started)
            #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
            #expect(Self.leftovers(in: site) == [], "after kill \(attempts) at \(delay) s")
            #expect(Self.snapshot(site.root.appendingPathComponent("public")) == new)
            current = next
        }
        #expect(killed >= 20, "only \(killed) of \(attempts) runs were killed before finishing: \(outcomes)")
    }

    @Test func twoBuildsAtOnceOneWaitsAndTheOutputIsWhole() async throws {
        let site = try TemporarySite(Self.site(version: "A", pages: 200))
        defer { site.remove() }
        #expect(try await Self.build(site).status == 0)
        // A build into an earlier build's output shows the health view's trend against it
        // (issue 20): the whole output to compare with is such a build's.
        #expect(try await Self.build(site).status == 0)
        let expected = Self.snapshot(site.root.appendingPathComponent("public"))
        for _ in 0..<3 {
            async let first = Self.build(site)
            async let second = Self.build(site)
            let results: [CommandRun?] = [try await first, try await second]
            for run in results {
                let run = try #require(run)
                // Either it waited for the other and built, or it refused naming the holder.
                #expect(
                    run.status == 0 || (run.status == 2 && run.stderr.contains("pid ")),
                    "status \(run.status): \(run.stderr)")
                if run.stderr.contains("waiting") { #expect(run.stderr.contains("pid ")) }
            }
            #expect(Self.snapshot(site.root.appendingPathComponent("public")) == expected)
            #expect(Self.leftovers(in: site) == [])
        }
    }

    @Test func aBuildRefusesAnOutputThatServeIsWriting() async throws {
        let site = try TemporarySite(Self.site(version: "A", pages: 3))
        defer { site.remove() }
        let serve = try Self.start(["serve", "--output", "public", "--port", "0"], in: site)
        defer {
            kill(serve.processIdentifier, SIGINT)
            serve.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(60)
        while !site.exists(".public.playbook-lock") && Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let run = try await Self.build(site)
        #expect(run.status == 2)
        #expect(run.stderr.contains("pid \(serve.processIdentifier)"), "\(run.stderr)")
        #expect(run.stderr.contains("playbook serve"))
    }

    @Test func refusesOutputsThatHoldOrFeedTheSite() async throws {
        let site = try TemporarySite(
            Self.site(version: "A", pages: 1).merging(["static/logo.txt": "logo"]) { a, _ in a })
        defer { site.remove() }
        let home = site.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let cases: [(String, String)] = [
            ("content/out", "inside content/"), ("static/out", "inside static/"), ("templates", "inside templates/"),
            (".", "the site folder itself"), ("..", "holds the site folder"), ("/", "cannot be `/`"),
            (home.path, "home folder"),
        ]
        for (output, reason) in cases {
            let root = site.root
            let run = try await offThePool {
                try CommandRun.run(
                    Repository.binary, ["build", "--output", output], in: root,
                    environment: ["NO_COLOR": "1", "HOME": home.path])
            }
            #expect(run.status == 2, "\(output)")
            #expect(run.stderr.contains(reason), "\(output): \(run.stderr)")
        }
        #expect(!site.exists("content/out") && !site.exists("static/out"))
        #expect(try site.read("static/logo.txt") == "logo")
        #expect(Self.leftovers(in: site) == [])
    }

    @Test func keepsWhatTheUserPutInTheOutput() async throws {
        let site = try TemporarySite(Self.site(version: "A", pages: 2))
        defer { site.remove() }
        #expect(try await Self.build(site).status == 0)
        try site.write("public/CNAME", "handbook.example.org\n")
        try site.write("public/.git", "gitdir: ../.git/worktrees/public\n")
        try site.write("public/notes/mine.txt", "我的笔记")
        try site.write("public/downloads/guide.pdf", "%PDF")
        try Self.write(Self.site(version: "B", pages: 1), into: site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/notes/1.md"))
        let run = try await Self.build(site)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try site.read("public/CNAME") == "handbook.example.org\n")
        #expect(try site.read("public/.git") == "gitdir: ../.git/worktrees/public\n")
        #expect(try site.read("public/notes/mine.txt") == "我的笔记")
        #expect(try site.read("public/downloads/guide.pdf") == "%PDF")
        #expect(try site.read("public/notes/0/index.html").contains("版本 B"))
        // A page deleted from content/ is deleted from the site: it was Playbook's.
        #expect(!site.exists("public/notes/1/index.html"))

        // A file of the user's where the new site has one of its own is refused, not overwritten.
        try site.write("static/CNAME", "other.example.org\n")
        let clash = try await Self.build(site)
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("`CNAME`"), "\(clash.stderr)")
        #expect(try site.read("public/CNAME") == "handbook.example.org\n")
        #expect(Self.leftovers(in: site) == [])
    }
}
