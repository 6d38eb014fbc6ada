import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `serve` killed while it rewrites the output leaves nothing a later plain `build` keeps, and
/// nothing in the temporary folder once the next `serve` or `build` has run (issue 26).
@Suite(.serialized) struct ServeLeftoverTests {
    static let secret = "草稿里的秘密"

    static func site() throws -> TemporarySite {
        var files = [
            "playbook.yml": "title: 预览 0\nlanguage: zh-Hans\n",
            "content/index.md": "# 首页\n",
            "content/draft.md": "---\ntitle: 草稿\ndraft: true\n---\n\(secret)\n",
        ]
        for i in 0..<40 { files["content/notes/\(i).md"] = "---\ntitle: 笔记 \(i)\n---\n第 \(i) 篇。\n" }
        return try TemporarySite(files)
    }

    /// Starts `playbook serve` with its own temporary folder and returns once it listens.
    static func serveBlocking(_ site: TemporarySite, temporary: URL, extra: [String] = []) throws -> Process {
        let process = Process()
        // Through `env --default-signal=INT`: a test runner started in the background has SIGINT
        // ignored, and a child inherits that, so a Ctrl-C sent before serve listens for it would
        // be lost; a person's terminal gives serve the default, as this does.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--default-signal=INT", Repository.binary.path, "serve", "--port", "0", "--quiet"] + extra
        process.currentDirectoryURL = site.root
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = ""
        while !seen.contains("http://") {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        return process
    }

    static func run(_ site: TemporarySite, _ arguments: [String], temporary: URL) async throws -> CommandRun {
        let root = site.root
        return try await offThePool {
            try CommandRun.run(
                Repository.binary, arguments, in: root, environment: ["NO_COLOR": "1", "TMPDIR": temporary.path])
        }
    }

    /// `serve` started off the concurrency pool (it waits for the server's first line).
    static func serve(_ site: TemporarySite, temporary: URL, extra: [String] = []) async throws -> Process {
        nonisolated(unsafe) let site = site
        return try await offThePool { try serveBlocking(site, temporary: temporary, extra: extra) }
    }

    /// What is left in `folder` of a serve: its output, staging folders and lock files.
    static func serveLeftovers(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.contains("playbook-serve-")
        }.sorted()
    }

    /// Files in the output that are neither the site's nor the user's: half-written copies.
    static func temporaryCopies(in site: TemporarySite) -> [String] {
        site.files(under: "out").filter { path in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            return name.contains(".playbook-part-") || name.hasPrefix(".dat.nosync")
        }
    }

    static func holdsSecret(_ site: TemporarySite) -> [String] {
        site.files(under: "out").filter { (try? site.read("out/" + $0))?.contains(secret) == true }
    }

    @Test func aServeKilledMidRewriteLeavesNothingAPlainBuildKeeps() async throws {
        let site = try Self.site()
        defer { site.remove() }
        let temporary = site.root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        var random = SeededRandom(seed: testSeed("serve kills"))
        for round in 0..<6 {
            let serve = try await Self.serve(site, temporary: temporary, extra: ["--output", "out"])
            // A new title reaches every page, so the whole output is being rewritten when the kill lands.
            try site.write("playbook.yml", "title: 预览 \(round + 1)\nlanguage: zh-Hans\n")
            try await Task.sleep(for: .seconds(Double.random(in: 0...0.4, using: &random)))
            kill(serve.processIdentifier, SIGKILL)
            _ = try await offThePool { serve.waitUntilExit() }
            // What a serve of Playbook 0.1 could leave: Foundation's copies, named as it names them.
            if round == 0 { try site.write("out/notes/.dat.nosync1a2b.x7", "<p>\(Self.secret)</p>") }
            let build = try await Self.run(site, ["build", "--output", "out", "--quiet"], temporary: temporary)
            #expect(build.status == 0, "round \(round): \(build.stderr)")
            #expect(Self.temporaryCopies(in: site) == [], "round \(round)")
            #expect(Self.holdsSecret(site) == [], "round \(round): draft text in a plain build")
            #expect(Self.serveLeftovers(in: temporary) == [], "round \(round)")
        }
    }

    @Test func aServeKilledOrStoppedDuringStartUpLeavesNothingInTheTemporaryFolder() async throws {
        let site = try Self.site()
        defer { site.remove() }
        let temporary = site.root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        // Killed outright once it serves: its folder and lock stay until the next serve or build.
        let killed = try await Self.serve(site, temporary: temporary)
        kill(killed.processIdentifier, SIGKILL)
        _ = try await offThePool { killed.waitUntilExit() }
        #expect(!Self.serveLeftovers(in: temporary).isEmpty)
        #expect(try await Self.run(site, ["build", "--quiet"], temporary: temporary).status == 0)
        #expect(Self.serveLeftovers(in: temporary) == [])

        // Ctrl-C while a save rebuilds every page: the process ends promptly and takes its
        // temporary output with it.
        let serving = try await Self.serve(site, temporary: temporary)
        try site.write("playbook.yml", "title: 改名后的预览\nlanguage: zh-Hans\n")
        try await Task.sleep(for: .milliseconds(100))
        let clock = ContinuousClock()
        let asked = clock.now
        kill(serving.processIdentifier, SIGINT)
        _ = try await offThePool { serving.waitUntilExit() }
        let took = clock.now - asked
        print("serve stopped \(took) after Ctrl-C during a rebuild")
        #expect(took < .seconds(10))
        #expect(Self.serveLeftovers(in: temporary) == [])

        // Ctrl-C while it is still building: it takes its temporary output with it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--default-signal=INT", Repository.binary.path, "serve", "--port", "0", "--quiet"]
        process.currentDirectoryURL = site.root
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try await Task.sleep(for: .milliseconds(150))
        kill(process.processIdentifier, SIGINT)
        // A serve that let the Ctrl-C go by would run on: fail, do not wait for it forever.
        let stopBy = Date() + 60
        while process.isRunning, Date() < stopBy { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            Issue.record("serve went on running after a Ctrl-C during start-up")
            kill(process.processIdentifier, SIGKILL)
        }
        _ = try await offThePool { process.waitUntilExit() }
        // A stop that came after start-up ends through the normal stop; either way nothing stays.
        let deadline = Date() + 5
        while !Self.serveLeftovers(in: temporary).isEmpty, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(Self.serveLeftovers(in: temporary) == [])
    }
}
