import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookOutput

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct OutputWriterTests {
    @Test func writesFilesAndReplacesThePreviousSiteWhole() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        try OutputWriter(destination: out).write([
            OutputFile(path: "index.html", text: "一"), OutputFile(path: "old/index.html", text: "旧"),
        ])
        try OutputWriter(destination: out).write([
            OutputFile(path: "index.html", text: "二"), OutputFile(path: "groups/杭州/index.html", text: "杭州"),
        ])
        #expect(site.files(under: "public") == [".playbook-output", "groups/杭州/index.html", "index.html"])
        #expect(try site.read("public/index.html") == "二")
        // No staging or old copies are left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path) == ["public"])
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let site = try TemporarySite(["public/notes.txt": "mine"])
        defer { site.remove() }
        #expect(throws: PlaybookError.self) {
            try OutputWriter(destination: site.root.appendingPathComponent("public")).write([
                OutputFile(path: "index.html", text: "x")
            ])
        }
        #expect(try site.read("public/notes.txt") == "mine")
    }

    @Test func aFailedWriteLeavesThePreviousSite() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        try OutputWriter(destination: out).write([OutputFile(path: "index.html", text: "好")])
        #expect(throws: PlaybookError.self) {
            try OutputWriter(destination: out).write([
                OutputFile(path: "a.html", text: "x"), OutputFile(path: "../escape.html", text: "x"),
            ])
        }
        #expect(try site.read("public/index.html") == "好")
        #expect(!site.exists("escape.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path) == ["public"])
    }
}

/// Locks, leftovers, user files and placement. (Issue 11.)
@Suite struct OutputFolderSafetyTests {
    static func entries(_ site: TemporarySite) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site.root.path)) ?? []).sorted()
    }

    /// The pid of a process that has exited.
    static func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func theOutputIsSwappedInOneStepWhereTheSystemCan() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        #expect(try OutputWriter(destination: out).write([OutputFile(path: "index.html", text: "一")]) == .rename)
        let swap = try OutputWriter(destination: out).write([OutputFile(path: "index.html", text: "二")])
        #if os(Linux) || os(macOS)
            #expect(swap == .atomic)
        #endif
        #expect(try site.read("public/index.html") == "二")
        #expect(Self.entries(site) == ["public"])
    }

    @Test func removesTemporaryFoldersOfBuildsThatAreGoneAndOnlyThose() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let dead = try Self.deadPid()
        let alive = getppid()
        for name in [
            ".public.playbook-tmp-\(dead)", ".public.playbook-old-\(dead)", ".public.playbook-tmp-\(alive)",
            ".other.playbook-tmp-\(dead)",
        ] {
            try site.write("\(name)/index.html", "旧")
        }
        try OutputWriter(destination: site.root.appendingPathComponent("public")).write([
            OutputFile(path: "index.html", text: "新")
        ])
        // A live process's folder and another output's folder are not this build's to remove.
        #expect(Self.entries(site) == [".other.playbook-tmp-\(dead)", ".public.playbook-tmp-\(alive)", "public"])
    }

    @Test func theLockNamesItsHolderAndRefusesWhileHeld() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        let held = try OutputLock.acquire(for: out, role: .serve, command: "playbook serve --output public")
        var refusal: PlaybookError?
        do {
            _ = try OutputLock.acquire(for: out, role: .build, wait: .seconds(0))
        } catch let error as PlaybookError {
            refusal = error
        }
        #expect(refusal?.message.contains("pid \(getpid()) (`playbook serve --output public`)") == true)
        #expect(refusal?.message.contains("stop that `playbook serve` first") == true)
        #expect(throws: PlaybookError.self) { try OutputWriter(destination: out).write([]) }
        held.release()
        #expect(!site.exists(".public.playbook-lock"))
        #expect(try OutputWriter(destination: out).write([OutputFile(path: "a.html", text: "a")]) == .rename)
    }

    @Test func aBuildWaitsForAnotherBuildAndIsToldWho() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        let held = try OutputLock.acquire(for: out, role: .build, command: "playbook build")
        let told = Told()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { held.release() }
        let second = try OutputLock.acquire(for: out, role: .build, wait: .seconds(30)) { told.holder = $0 }
        #expect(told.holder?.pid == getpid())
        #expect(told.holder?.command == "playbook build")
        second.release()
    }

    @Test func aLockFileLeftByAKilledProcessIsTakenOver() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let dead = try Self.deadPid()
        try site.write(
            ".public.playbook-lock", "pid: \(dead)\nrole: build\ncommand: playbook build\nsince: 2020-01-01\n")
        let out = site.root.appendingPathComponent("public")
        try OutputWriter(destination: out).write([OutputFile(path: "index.html", text: "x")])
        #expect(Self.entries(site) == ["public"])
    }

    @Test func filesTheUserKeepsInTheOutputAreCarriedOver() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        try OutputWriter(destination: out).write([
            OutputFile(path: "index.html", text: "一"), OutputFile(path: "groups/a/index.html", text: "甲"),
        ])
        try site.write("public/CNAME", "example.org")
        try site.write("public/.git/HEAD", "ref: refs/heads/pages")
        try site.write("public/groups/a/photo.jpg", "jpg")
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("drafts/empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.path + "/latest", withDestinationPath: "groups/a")
        try OutputWriter(destination: out).write([OutputFile(path: "index.html", text: "二")])
        #expect(try site.read("public/CNAME") == "example.org")
        #expect(try site.read("public/.git/HEAD") == "ref: refs/heads/pages")
        #expect(try site.read("public/groups/a/photo.jpg") == "jpg")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out.path + "/latest") == "groups/a")
        #expect(site.exists("public/drafts/empty"))
        #expect(!site.exists("public/groups/a/index.html"))
        #expect(try site.read("public/index.html") == "二")
        let manifest = try site.read("public/.playbook-output")
        #expect(manifest.contains("\"index.html\"") && !manifest.contains("CNAME"))
    }

    @Test func aUserFileWhereTheNewSiteHasOneIsRefused() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        try OutputWriter(destination: out).write([OutputFile(path: "index.html", text: "一")])
        try site.write("public/CNAME", "mine")
        try site.write("public/about", "a file where the site will have a folder")
        #expect(throws: PlaybookError.self) {
            try OutputWriter(destination: out).write([
                OutputFile(path: "CNAME", text: "theirs"), OutputFile(path: "about/index.html", text: "x"),
            ])
        }
        #expect(try site.read("public/CNAME") == "mine")
        #expect(try site.read("public/index.html") == "一")
        #expect(Self.entries(site) == ["public"])
    }

    @Test func aFolderHoldingOnlyHiddenFilesIsAdoptedAndTheyAreKept() throws {
        let site = try TemporarySite(["public/.git": "gitdir: ../.git/worktrees/public"])
        defer { site.remove() }
        try OutputWriter(destination: site.root.appendingPathComponent("public")).write([
            OutputFile(path: "index.html", text: "一")
        ])
        #expect(try site.read("public/.git") == "gitdir: ../.git/worktrees/public")
    }

    @Test func aFolderPlaybookNeverWroteIsRefusedNamingItsFiles() throws {
        let site = try TemporarySite([
            "public/a.txt": "1", "public/b/c.txt": "2", "public/d.txt": "3", "public/e.txt": "4",
        ])
        defer { site.remove() }
        do {
            try OutputWriter(destination: site.root.appendingPathComponent("public")).write([])
            Issue.record("wrote into a folder it never made")
        } catch let error as PlaybookError {
            #expect(error.message.contains("`a.txt`, `b/c.txt`, `d.txt` and 1 more"), "\(error.message)")
        }
        #expect(try site.read("public/e.txt") == "4")
    }

    @Test func anOlderEmptyMarkerMeansEveryVisibleFileWasPlaybooks() throws {
        let site = try TemporarySite([
            "public/.playbook-output": "", "public/old.html": "old", "public/.well-known/x": "kept",
        ])
        defer { site.remove() }
        try OutputWriter(destination: site.root.appendingPathComponent("public")).write([
            OutputFile(path: "index.html", text: "new")
        ])
        #expect(!site.exists("public/old.html"))
        #expect(try site.read("public/.well-known/x") == "kept")
    }

    @Test func theIncrementalWriterKeepsTheManifestCurrent() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        var writer = IncrementalWriter(destination: out)
        try writer.writeAll([OutputFile(path: "index.html", text: "一")])
        try site.write("public/CNAME", "mine")
        _ = try writer.write([OutputFile(path: "new/index.html", text: "新")])
        #expect(try site.read("public/.playbook-output").contains("\"new/index.html\""))
        #expect(throws: PlaybookError.self) { _ = try writer.write([OutputFile(path: "CNAME", text: "theirs")]) }
        #expect(try site.read("public/CNAME") == "mine")
        // A save that only changes bytes leaves the manifest (replaced by rename when written) alone.
        let manifest = out.appendingPathComponent(".playbook-output").path
        let before = try FileManager.default.attributesOfItem(atPath: manifest)[.systemFileNumber] as? Int
        #expect(try writer.write([OutputFile(path: "index.html", text: "改")]) == ["index.html"])
        #expect(try FileManager.default.attributesOfItem(atPath: manifest)[.systemFileNumber] as? Int == before)
        _ = try writer.remove(["new/index.html"])
        #expect(!(try site.read("public/.playbook-output")).contains("new/index.html"))
        // A build after serving tells Playbook's files from the user's by that manifest.
        try OutputWriter(destination: out).write([OutputFile(path: "index.html", text: "二")])
        #expect(try site.read("public/CNAME") == "mine")
    }

    @Test func refusesOutputsThatHoldOrFeedTheSite() throws {
        let site = try TemporarySite(["content/index.md": "x"])
        defer { site.remove() }
        let root = site.root
        let home = root.appendingPathComponent("home").path
        func refused(_ path: String) -> Bool {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
            return (try? OutputPlacement.check(url, site: root, home: home)) == nil
        }
        for path in ["content", "content/public", "static/x", "templates/out", ".playbook/x", "/", home, root.path] {
            #expect(refused(path), "\(path)")
        }
        #expect(refused(root.deletingLastPathComponent().path))
        #expect(refused("public/../content/x"))
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/link", withDestinationPath: root.path + "/content")
        #expect(refused("link/out"))
        for path in ["public", "site/public", "../elsewhere-\(UUID().uuidString)"] {
            #expect(!refused(path), "\(path)")
        }
    }
}

private final class Told: @unchecked Sendable {
    var holder: OutputLock.Holder?
}
