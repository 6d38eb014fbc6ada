import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookOutput

#if canImport(Glibc)
    import Glibc
#endif

// Issue 23: a build writes only the files whose bytes changed; the others are the previous
// build's files, kept by hard link, unless they were changed by hand since that build.
@Suite struct KeptFilesTests {
    func inode(_ url: URL) -> UInt64 {
        var info = stat()
        return lstat(url.path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    @Test func unchangedFilesAreKeptAndChangedOnesWritten() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        try OutputWriter(destination: out).write([
            OutputFile(path: "index.html", text: "一"), OutputFile(path: "groups/a/index.html", text: "甲"),
            OutputFile(path: "groups/b/index.html", text: "乙"),
        ])
        let a = inode(out.appendingPathComponent("groups/a/index.html"))
        let b = inode(out.appendingPathComponent("groups/b/index.html"))
        let staging = try OutputWriter(destination: out).begin()
        try staging.add([
            OutputFile(path: "index.html", text: "二"), OutputFile(path: "groups/a/index.html", text: "甲"),
            OutputFile(path: "groups/b/index.html", text: "乙"),
        ])
        try staging.commit()
        #expect(staging.kept == 2)
        #expect(inode(out.appendingPathComponent("groups/a/index.html")) == a)
        #expect(inode(out.appendingPathComponent("groups/b/index.html")) == b)
        #expect(try site.read("public/index.html") == "二")
        #expect(try site.read("public/groups/a/index.html") == "甲")
    }

    @Test func aFileChangedByHandSinceTheBuildIsWrittenAgain() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        try OutputWriter(destination: out).write([OutputFile(path: "index.html", text: "一二三")])
        // Same size, later time: the digest alone would take it for the build's own bytes.
        let page = out.appendingPathComponent("index.html")
        try Data("四五六".utf8).write(to: page)
        var times = [timespec(tv_sec: time(nil) + 5, tv_nsec: 0), timespec(tv_sec: time(nil) + 5, tv_nsec: 0)]
        utimensat(AT_FDCWD, page.path, &times, 0)
        let staging = try OutputWriter(destination: out).begin()
        try staging.add([OutputFile(path: "index.html", text: "一二三")])
        try staging.commit()
        #expect(staging.kept == 0)
        #expect(try site.read("public/index.html") == "一二三")
    }

    @Test func aManifestWithoutDigestsKeepsNothing() throws {
        let site = try TemporarySite(["public/.playbook-output": "", "public/index.html": "一"])
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        let staging = try OutputWriter(destination: out).begin()
        try staging.add([OutputFile(path: "index.html", text: "一")])
        try staging.commit()
        #expect(staging.kept == 0)
        #expect(try site.read("public/index.html") == "一")
    }

    @Test func digestsTellBytesApart() {
        var seen: Set<OutputDigest> = []
        var bytes: [UInt8] = []
        for i in 0..<2_000 {
            bytes.append(UInt8(truncatingIfNeeded: i &* 31))
            #expect(seen.insert(OutputDigest(bytes)).inserted)
            #expect(OutputDigest(OutputDigest(bytes).description) == OutputDigest(bytes))
        }
        #expect(OutputDigest([0, 0]) != OutputDigest([0, 0, 0]))
    }
}
