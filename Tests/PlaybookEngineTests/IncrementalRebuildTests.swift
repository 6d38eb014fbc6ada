import Foundation
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

// Issue 6: a rebuild after a change leaves the output exactly as a fresh build of the changed
// site would, whichever way (one page or the whole site) it took.

@Suite("incremental rebuild matches a fresh build")
struct IncrementalRebuildTests {
    static let site = [
        "playbook.yml": "title: 手册\nlanguage: zh-Hans\n",
        "content/groups/hangzhou/index.md":
            "---\ntitle: 杭州读书会\nkind: group\n---\n# 杭州读书会\n\n见[群规](rules.md)和[昵称](rules.md#昵称)。\n",
        "content/groups/hangzhou/rules.md": "---\ntitle: 群规\n---\n# 群规\n\n## 昵称\n\n不刷屏。\n",
        "content/groups/hangzhou/photo.txt": "asset\n",
        "content/sops/morning.md": "# 早安帖\n\n八点。\n",
        "static/robots.txt": "User-agent: *\n",
    ]

    /// Applies `edits` (path → new text, nil to delete), rebuilds incrementally, and compares the
    /// resulting output with a fresh preview of the edited site.
    @discardableResult
    func check(_ edits: [String: String?], expectWholeSite: Bool, checksEveryPage: Bool? = nil) throws -> Rebuild {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let (preview, files) = try Preview.build(siteAt: site.root)
        var output = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
        for (path, text) in edits {
            if let text {
                try site.write(path, text)
            } else {
                try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
            }
        }
        let changes = try ChangeSet.read(Set(edits.keys), siteAt: site.root, known: preview.sourcePaths)
        let quick = preview.quickRender(applying: changes)
        let rebuild = try preview.rebuild(applying: changes)
        for file in quick + rebuild.files { output[file.path] = file.bytes }
        for path in rebuild.removed { output[path] = nil }

        let (fresh, freshFiles) = try Preview.build(siteAt: site.root)
        let expected = Dictionary(uniqueKeysWithValues: freshFiles.map { ($0.path, $0.bytes) })
        #expect(rebuild.wasFull == expectWholeSite)
        #expect(Set(output.keys) == Set(expected.keys))
        for (path, bytes) in expected where output[path] != bytes {
            Issue.record("\(path) differs from a fresh build")
        }
        #expect(rebuild.preview.check.diagnostics == fresh.check.diagnostics)
        #expect(rebuild.preview.check.known == fresh.check.known)
        #expect(rebuild.preview.check.health == fresh.check.health)
        #expect(rebuild.preview.outputPaths == fresh.outputPaths)
        if let checksEveryPage { #expect(rebuild.checkedEveryPage == checksEveryPage) }
        return rebuild
    }

    // Issue 12: a body edit re-checks its page alone, with the findings a full check reports.
    @Test func aBodyEditRerendersOnlyThatPageAndTheSearchIndex() throws {
        try check(
            ["content/groups/hangzhou/rules.md": "---\ntitle: 群规\n---\n# 群规\n\n## 昵称\n\n不发广告。\n"],
            expectWholeSite: false, checksEveryPage: false)
    }

    // Issue 12: a finding a body edit brings (a conflict marker) reaches the group's health row,
    // though only the edited page was checked again.
    @Test func aBodyEditsNewFindingReachesTheHealthView() throws {
        let rebuild = try check(
            [
                "content/groups/hangzhou/rules.md":
                    "---\ntitle: 群规\n---\n# 群规\n\n## 昵称\n\n<<<<<<< HEAD\n不发广告。\n"
            ], expectWholeSite: true, checksEveryPage: false)
        #expect(rebuild.preview.check.diagnostics.contains { $0.file == "content/groups/hangzhou/rules.md" })
    }

    // Issue 12: the health view reads charters, rules and onboarding only, so a finding an SOP's
    // body edit brings keeps the view (compared with a fresh build's above) and the page alone
    // is rendered again.
    @Test func anSOPsNewFindingLeavesTheHealthViewAsItIs() throws {
        let rebuild = try check(
            ["content/sops/morning.md": "# 早安帖\n\n<<<<<<< HEAD\n八点。\n"], expectWholeSite: false,
            checksEveryPage: false)
        #expect(rebuild.preview.check.diagnostics.contains { $0.file == "content/sops/morning.md" })
    }

    // Issue 12: renaming a heading another page links to (`rules.md#昵称`) changes that page's
    // findings, so every page is checked again.
    @Test func aRenamedHeadingChecksEveryPage() throws {
        let rebuild = try check(
            ["content/groups/hangzhou/rules.md": "---\ntitle: 群规\n---\n# 群规\n\n## 称呼\n\n不刷屏。\n"],
            expectWholeSite: true, checksEveryPage: true)
        #expect(rebuild.preview.check.diagnostics.contains { $0.file == "content/groups/hangzhou/index.md" })
    }

    // Issue 9: a body edit rewrites the page's record file and the shards of the tokens it added
    // or removed, not the whole index (the shards equal a fresh build's, checked above).
    @Test func aBodyEditRewritesOnlyTheSearchFilesItReaches() throws {
        let rebuild = try check(
            ["content/sops/morning.md": "# 早安帖\n\n八点发早报。\n"], expectWholeSite: false)
        let search = rebuild.files.map(\.path).filter { $0.hasPrefix("search/") }
        let shards = search.filter { $0.hasPrefix("search/s/") }
        #expect(search.contains("search/p/2.js"))
        #expect(!shards.isEmpty)
        #expect(shards.count < 8, "\(shards)")
        #expect(!search.contains("search/p/0.js"))
        #expect(!search.contains { $0.hasPrefix("search/f/") })
    }

    @Test func aTitleEditReachesTheWholeSite() throws {
        try check(["content/groups/hangzhou/rules.md": "---\ntitle: 新群规\n---\n# 群规\n"], expectWholeSite: true)
    }

    @Test func aNewPageAndADeletedPage() throws {
        try check(["content/sops/evening.md": "# 晚安帖\n", "content/sops/morning.md": nil], expectWholeSite: true)
    }

    @Test func aBrokenFrontMatterIsReportedAndStillRendered() throws {
        try check(["content/sops/morning.md": "---\ntitle: [x\n---\n# 早安帖\n"], expectWholeSite: false)
    }

    @Test func staticFilesAndContentAssetsAreCopiedAndDeleted() throws {
        try check(
            ["static/robots.txt": nil, "static/extra.css": "p{}", "content/groups/hangzhou/photo.txt": "new asset\n"],
            expectWholeSite: false)
    }

    @Test func aThemeAssetOverrideIsCopiedAlone() throws {
        try check(["templates/assets/style.css": "body{color:red}"], expectWholeSite: false)
    }

    @Test func aTemplateOrConfigChangeRerendersTheSite() throws {
        try check(["playbook.yml": "title: 新手册\nlanguage: en\n"], expectWholeSite: true)
    }

    @Test func aDeletedFolderRemovesItsPages() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let (preview, _) = try Preview.build(siteAt: site.root)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/groups"))
        let changes = try ChangeSet.read(["content/groups"], siteAt: site.root, known: preview.sourcePaths)
        #expect(
            Set(changes.files.keys) == [
                "content/groups/hangzhou/index.md", "content/groups/hangzhou/rules.md",
                "content/groups/hangzhou/photo.txt",
            ])
        let rebuild = try preview.rebuild(applying: changes)
        #expect(rebuild.removed.contains("groups/hangzhou/rules/index.html"))
        #expect(rebuild.removed.contains("groups/hangzhou/photo.txt"))
    }

    @Test func hiddenAndUnwatchedFilesAreIgnored() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let (preview, _) = try Preview.build(siteAt: site.root)
        try site.write("content/.rules.md.swp", "x")
        try site.write("notes.md", "x")
        let changes = try ChangeSet.read(
            ["content/.rules.md.swp", "notes.md"], siteAt: site.root, known: preview.sourcePaths)
        #expect(changes.isEmpty)
    }

    // Issue 11: saving a page that would crash or stall the parser (a list nested 10,000 deep,
    // 480 KB of `![[]()`, nested YAML aliases) leaves the preview running and shows the finding;
    // a new page changes the navigation, so the whole site is rendered again.
    @Test func aSaveOfHostileInputIsReportedAndTheRestStillRendered() throws {
        let laughs =
            "---\na: &a [x,x,x,x,x,x,x,x,x,x]\n"
            + zip("abcdefgh", "bcdefghi").map {
                "\($1): &\($1) [" + Array(repeating: "*\($0)", count: 10).joined(separator: ",") + "]\n"
            }
            .joined() + "---\n# 笑\n"
        let rebuild = try check(
            [
                "content/sops/morning.md": "# 早安帖\n\n" + String(repeating: "* ", count: 10_000) + "x\n",
                "content/groups/hangzhou/rules.md": "# 群规\n\n" + String(repeating: "![[]()", count: 80_000) + "\n",
                "content/notes.md": laughs,
            ], expectWholeSite: true)
        let rules = Set(rebuild.preview.check.diagnostics.filter { $0.severity == .error }.map(\.rule))
        #expect(rules.isSuperset(of: ["markdown.nesting", "markdown.brackets", "frontmatter.yaml"]))
    }
}
