import Foundation
import PlaybookModel
import PlaybookOutput
import PlaybookRender
import TestSupport
import Testing

@testable import PlaybookEngine

/// Issue 23, item 3: a build into the folder of the build before, after an edit of a page's
/// body that no other page shows, renders that page, its kit, the health view and the search
/// index again and keeps every other file of the build before; anything that could make a kept
/// file wrong (a damaged record, a file changed in the output, another folder) renders the whole
/// site again. Either way the folder ends as a build from nothing leaves it.
@Suite(.serialized) struct WarmBuildTests {
    /// The differential site, its findings lowered to warnings so that every build writes.
    static func site() throws -> TemporarySite {
        let site = try DifferentialTests.sited(editions: false)
        try site.write("playbook.yml", try site.read("playbook.yml") + "severity: {\"*\": warning}\n")
        return site
    }

    static func build(_ site: TemporarySite, into folder: String, cache: Bool = true) throws -> BuildResult {
        let result = try Pipeline.build(
            siteAt: site.root, into: site.root.appendingPathComponent(folder),
            options: BuildOptions(publication: .everything, cache: cache))
        #expect(!result.refused)
        return result
    }

    /// Builds into `folder` (from the record the build before left), and from nothing into a
    /// copy of the folder as it was (the health view's trend reads the build before); expects
    /// the same files with the same bytes. Gives the first build's result.
    static func buildAndCompare(_ site: TemporarySite, into folder: String, _ what: String) throws -> BuildResult {
        let copy = folder + "-cold"
        let manager = FileManager.default
        try? manager.removeItem(at: site.root.appendingPathComponent(copy))
        if manager.fileExists(atPath: site.root.appendingPathComponent(folder).path) {
            try manager.copyItem(
                at: site.root.appendingPathComponent(folder), to: site.root.appendingPathComponent(copy))
        }
        let warm = try build(site, into: folder)
        let cold = try build(site, into: copy, cache: false)
        #expect(warm.written == cold.written, "\(what)")
        let files = site.files(under: folder)
        #expect(files == site.files(under: copy), "\(what)")
        for path in files where path != OutputWriter.marker {
            let x = try Data(contentsOf: site.root.appendingPathComponent(folder + "/" + path))
            let y = try Data(contentsOf: site.root.appendingPathComponent(copy + "/" + path))
            #expect(x == y, "\(what): \(path)")
        }
        return warm
    }

    /// A body edit no other page shows (the first of the differential edits).
    static func editBody(_ site: TemporarySite, _ n: Int) throws {
        let text = "---\ntitle: 早安帖\nkind: sop\nowner: 值班管理员\ntags: [日常]\n---\n# 早安帖\n\n1. 八点发早报\n2. 第\(n)次改\n"
        try site.write("content/sops/morning.md", text)
    }

    @Test func aBuildWithNothingChangedKeepsThePagesAndWritesWhatABuildFromNothingWrites() throws {
        let site = try Self.site()
        defer { site.remove() }
        let first = try Self.buildAndCompare(site, into: "public", "first")
        #expect(first.kept == 0)
        let second = try Self.buildAndCompare(site, into: "public", "unchanged")
        // Every page, list and kit is kept; the health view and the search files are made again.
        #expect(second.kept > 0)
        #expect(!site.files(under: "public").filter { $0.hasSuffix(".html") }.isEmpty)
        try Self.editBody(site, 1)
        let third = try Self.buildAndCompare(site, into: "public", "body")
        #expect(third.kept > 0 && third.kept < second.kept, "the edited page is rendered again")
    }

    /// A network's handbook large enough that search records share files (over 512 pages),
    /// with findings on most pages: bodies of an SOP, a charter and a rules page edited (each
    /// at its end, which no other page shows), then a title.
    @Test func aNetworksHandbookBuiltWarmIsTheHandbookBuiltFromNothing() throws {
        let (site, pages) = try CacheTests.networkSite(
            groups: 230, seed: testSeed("network warm build"), config: "severity: {\"*\": warning}\n")
        defer { site.remove() }
        #expect(pages.count > 600)
        var health = try Self.build(site, into: "public").check.health
        let sop = try #require(pages.first { $0.contains("/sops/") })
        let charter = try #require(pages.first { $0.hasPrefix("content/groups/") && $0.hasSuffix("/index.md") })
        let rules = try #require(pages.first { $0.hasPrefix("content/groups/") && $0.hasSuffix("/rules.md") })
        for (n, path) in [sop, charter, rules].enumerated() {
            try site.write(path, try site.read(path) + "\n第\(n)次补充：只改正文的最后一段。\n")
            let result = try Self.buildAndCompare(site, into: "public", path)
            // A paragraph at the end can fill a charter's or a rules page's empty last section,
            // which the health view shows: then the whole site is rendered again. An SOP's never.
            if result.check.health == health {
                #expect(
                    result.kept > result.written.count / 2, "\(path): \(result.kept) of \(result.written.count) kept")
            } else {
                #expect(path != sop)
            }
            health = result.check.health
        }
        try site.write(sop, try site.read(sop).replacingOccurrences(of: "title: ", with: "title: 新"))
        #expect(try Self.buildAndCompare(site, into: "public", "title").kept == 0)
    }

    @Test func aDamagedRecordRendersEverything() throws {
        let site = try Self.site()
        defer { site.remove() }
        _ = try Self.build(site, into: "public")
        let file = site.root.appendingPathComponent(Pipeline.buildRecordFile)
        let good = [UInt8](try Data(contentsOf: file))
        #expect(good.count > 40)
        var random = SeededRandom(seed: testSeed("damaged build record"))
        var damaged: [(String, [UInt8])] = [("empty", []), ("garbage", Array("not a record".utf8))]
        for _ in 0..<6 {
            let cut = Int(random.next() % UInt64(good.count))
            damaged.append(("cut at \(cut)", Array(good[..<cut])))
            var flipped = good
            let at = Int(random.next() % UInt64(good.count))
            flipped[at] ^= 0x20
            damaged.append(("byte \(at) changed", flipped))
        }
        damaged.append(("a byte added", good + [0]))
        for (n, (what, bytes)) in damaged.enumerated() {
            try Data(bytes).write(to: file)
            try Self.editBody(site, n)
            let result = try Self.buildAndCompare(site, into: "public", what)
            #expect(result.kept == 0, "\(what)")
            // The build wrote a good record again: the next one keeps what it can.
            try Self.editBody(site, n + 100)
            #expect(try Self.buildAndCompare(site, into: "public", what + ", then").kept > 0, "\(what)")
        }
    }

    @Test func aFileChangedInTheOutputIsRenderedAgain() throws {
        let site = try Self.site()
        defer { site.remove() }
        _ = try Self.build(site, into: "public")
        let page = site.root.appendingPathComponent("public/groups/taipei/index.html")
        let before = try Data(contentsOf: page)
        // A hand edit of the same size and one of another size, made after the build.
        for (n, text) in [String(repeating: "x", count: before.count), "改过"].enumerated() {
            Thread.sleep(forTimeInterval: 0.02)
            try Data(text.utf8).write(to: page)
            try Self.editBody(site, n)
            let result = try Self.buildAndCompare(site, into: "public", "changed output \(n)")
            #expect(result.kept == 0)
            #expect(try Data(contentsOf: page) == before, "the page holds what the build renders")
        }
    }

    @Test func aBuildIntoAnotherFolderRendersEverything() throws {
        let site = try Self.site()
        defer { site.remove() }
        _ = try Self.build(site, into: "public")
        try Self.editBody(site, 1)
        #expect(try Self.buildAndCompare(site, into: "other", "another folder").kept == 0)
        // The record is now the other folder's: a build back into the first renders everything.
        try Self.editBody(site, 2)
        #expect(try Self.buildAndCompare(site, into: "public", "back").kept == 0)
        try Self.editBody(site, 3)
        #expect(try Self.buildAndCompare(site, into: "public", "again").kept > 0)
    }

    @Test func aBuildWithoutTheCacheNeitherReadsNorLeavesARecord() throws {
        let site = try Self.site()
        defer { site.remove() }
        _ = try Self.build(site, into: "public", cache: false)
        #expect(!site.exists(Pipeline.buildRecordFile))
        _ = try Self.build(site, into: "public")
        #expect(site.exists(Pipeline.buildRecordFile))
        try Self.editBody(site, 1)
        #expect(try Self.build(site, into: "public", cache: false).kept == 0)
    }

    /// What the record calls "shown elsewhere" is what the engine's edits call it: two versions
    /// of a page have one digest exactly when `Engine.othersReadTheSame` says other pages read
    /// the same of them.
    @Test func theRecordsDigestAgreesWithWhatOtherPagesRead() throws {
        let base =
            "---\ntitle: 群规\nkind: rules\ntags: [规则]\n---\n# 群规\n\n先读这一段。见[入群](onboarding.md)。\n\n## 处罚\n\n1. 提醒\n2. 禁言\n"
        let variants: [(String, String)] = [
            ("same", base),
            ("a list item", base.replacingOccurrences(of: "2. 禁言", with: "2. 禁言三天")),
            ("a paragraph after the first", base + "\n还有一段。\n"),
            ("the first paragraph", base.replacingOccurrences(of: "先读这一段", with: "先读这一句")),
            ("the title", base.replacingOccurrences(of: "title: 群规", with: "title: 群规则")),
            ("a tag", base.replacingOccurrences(of: "[规则]", with: "[规则, 处罚]")),
            ("a link", base.replacingOccurrences(of: "onboarding.md", with: "welcome.md")),
            ("an anchor", base.replacingOccurrences(of: "## 处罚", with: "## 惩罚")),
            ("the kind", base.replacingOccurrences(of: "kind: rules", with: "kind: page")),
        ]
        let a = Edits.parsePage(path: "content/groups/a/rules.md", bytes: Array(base.utf8)).page
        for (what, text) in variants {
            let b = Edits.parsePage(path: "content/groups/a/rules.md", bytes: Array(text.utf8)).page
            #expect(
                (BuildRecord.elsewhere(a) == BuildRecord.elsewhere(b)) == Engine.othersReadTheSame(a, b), "\(what)")
        }
    }

    @Test func theRecordReadsBackAndRefusesAnotherPlaybook() throws {
        let digest = ContentDigest(Array("x".utf8))
        let record = BuildRecord(
            output: "/tmp/公开", manifest: digest, render: digest, health: digest,
            pages: [BuildRecord.Page(path: "content/群规.md", digest: digest, elsewhere: digest)],
            rendered: ["index.html", "群规/index.html"],
            search: SearchIndex.Saved(
                entries: [SearchIndex.Entry(path: "content/群规.md", kind: "rules", length: 12)],
                postings: [SearchIndex.Saved.Postings(token: "群规", bytes: Array("a1".utf8), count: 1, last: 0)]))
        let bytes = record.bytes(identity: "a")
        #expect(BuildRecord.read(bytes, identity: "a") == record)
        #expect(BuildRecord.read(bytes, identity: "b") == nil)
        for cut in 0..<bytes.count { #expect(BuildRecord.read(Array(bytes[..<cut]), identity: "a") == nil) }
    }
}
