import Foundation
import PlaybookModel
import PlaybookOutput
import TestSupport
import Testing

@testable import PlaybookEngine

/// Issue 23: the one engine, kept alive and fed edits (as `serve` and the editor run it), gives
/// what the engine from an empty state gives for the edited site, after every kind of edit, with
/// editions off and on; and a build into the folder of the previous build, from the cache the
/// previous build left, writes what a build from nothing into an empty folder writes.
@Suite(.serialized) struct DifferentialTests {
    static let site: [String: String] = [
        "playbook.yml": "title: 读书会网络\nlanguage: zh-Hans\n",
        "content/index.md": "# 读书会网络\n\n从[杭州读书会](groups/hangzhou/index.md)看起。\n",
        "content/groups/hangzhou/index.md": """
        ---
        title: 杭州读书会
        kind: group
        tags: [读书, 杭州]
        ---
        # 杭州读书会

        ## 共同兴趣

        每周读一本书。见[群規](rules.md#懲罰)和[新人](onboarding.md)。

        ## 组织结构

        群主一人，管理员三人。

        """,
        "content/groups/hangzhou/rules.md": """
        ---
        title: 群規
        kind: rules
        ---
        # 群規

        ## 懲罰

        1. 提醒
        2. 禁言

        """,
        "content/groups/hangzhou/onboarding.md": "---\ntitle: 新人入群\nkind: onboarding\n---\n# 新人入群\n\n先改昵称。\n",
        "content/groups/taipei/index.md": """
        ---
        title: 台北讀書會
        kind: group
        tags: [读书]
        ---
        # 台北讀書會

        ## 共同興趣

        讀書。見[杭州的群规](../hangzhou/rules.md)。

        """,
        "content/sops/morning.md": """
        ---
        title: 早安帖
        kind: sop
        owner: 值班管理员
        tags: [日常]
        ---
        # 早安帖

        1. 八点发早报
        2. 九点回复

        """,
        "content/sops/photo.txt": "照片说明\n",
        "static/robots.txt": "User-agent: *\n",
    ]

    /// The edits a build renders only the edited page (and its kit) again for.
    static let bodyEdits: Set<String> = ["body", "first paragraph", "first paragraph changed", "kit body"]

    /// One scripted edit: path → new text (nil: delete).
    typealias Edit = (name: String, files: [String: String?])

    static let edits: [Edit] = [
        (
            "body",
            [
                "content/sops/morning.md":
                    "---\ntitle: 早安帖\nkind: sop\nowner: 值班管理员\ntags: [日常]\n---\n# 早安帖\n\n1. 八点发早报\n2. 十点回复\n"
            ]
        ),
        (
            // The first paragraph is what the page's card in its folder's list shows: written,
            // then changed.
            "first paragraph",
            [
                "content/sops/morning.md":
                    "---\ntitle: 早安帖\nkind: sop\nowner: 值班管理员\ntags: [日常]\n---\n# 早安帖\n\n每天早上发。\n\n1. 八点发早报\n2. 十点回复\n"
            ]
        ),
        (
            "first paragraph changed",
            [
                "content/sops/morning.md":
                    "---\ntitle: 早安帖\nkind: sop\nowner: 值班管理员\ntags: [日常]\n---\n# 早安帖\n\n每天早上七点发。\n\n1. 八点发早报\n2. 十点回复\n"
            ]
        ),
        (
            // A document of the group's kit: the kit shows its body.
            "kit body",
            [
                "content/groups/hangzhou/rules.md":
                    "---\ntitle: 群規\nkind: rules\n---\n# 群規\n\n## 懲罰\n\n1. 提醒\n2. 禁言\n3. 移出\n"
            ]
        ),
        (
            "title",
            ["content/groups/hangzhou/onboarding.md": "---\ntitle: 新成员入群\nkind: onboarding\n---\n# 新成员入群\n\n先改昵称。\n"]
        ),
        (
            "front matter",
            [
                "content/sops/morning.md":
                    "---\ntitle: 早安帖\nkind: sop\nowner: 群主\ntags: [日常]\n---\n# 早安帖\n\n1. 八点发早报\n2. 十点回复\n"
            ]
        ),
        (
            "tags",
            [
                "content/sops/morning.md":
                    "---\ntitle: 早安帖\nkind: sop\nowner: 群主\ntags: [日常, 读书]\n---\n# 早安帖\n\n1. 八点发早报\n2. 十点回复\n"
            ]
        ),
        (
            "anchor",
            ["content/groups/hangzhou/rules.md": "---\ntitle: 群規\nkind: rules\n---\n# 群規\n\n## 處罰\n\n1. 提醒\n2. 禁言\n"]
        ),
        (
            "template",
            [
                "templates/notfound.mustache": "(the default theme's, changed)",
                "templates/assets/extra.css": "body { color: #222; }\n",
            ]
        ),
        (
            "rename",
            [
                "content/sops/morning.md": nil,
                "content/sops/daily-morning.md": "---\ntitle: 早安帖\nkind: sop\nowner: 群主\n---\n# 早安帖\n\n1. 八点\n",
            ]
        ),
        ("asset", ["content/sops/photo.txt": "新的照片说明\n", "content/sops/map.txt": "地图\n", "static/robots.txt": nil]),
        ("delete", ["content/groups/taipei/index.md": nil]),
        ("new page", ["content/sops/evening.md": "---\ntitle: 晚安帖\nkind: sop\n---\n# 晚安帖\n\n十点。\n"]),
        ("config", ["playbook.yml": "title: 读书会网络手册\nlanguage: zh-Hans\n"]),
    ]

    /// Applies `edit` to the files on disk. A theme template is the default theme's, changed.
    static func write(_ edit: Edit, to site: TemporarySite) throws {
        for (path, text) in edit.files {
            if path.hasSuffix(".mustache") {
                let theirs = try String(contentsOf: Repository.root().appendingPathComponent(path), encoding: .utf8)
                try site.write(path, theirs.replacingOccurrences(of: "</main>", with: "<p>改过的主题</p></main>"))
            } else if let text {
                try site.write(path, text)
            } else {
                try? FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
            }
        }
    }

    static func sited(editions: Bool) throws -> TemporarySite {
        var files = site
        if editions { files["playbook.yml"] = "title: 读书会网络\nlanguage: zh-Hans\neditions: [zh-Hans, zh-Hant-TW]\n" }
        return try TemporarySite(files)
    }

    @Test(arguments: [false, true])
    func theEngineFedEditsEqualsTheEngineFromEmptyAfterEveryEdit(editions: Bool) throws {
        let site = try Self.sited(editions: editions)
        defer { site.remove() }
        var (preview, files) = try Preview.build(siteAt: site.root)
        var output = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
        for edit in Self.edits {
            var edit = edit
            if editions, edit.name == "config" {
                edit.files["playbook.yml"] = "title: 读书会网络手册\nlanguage: zh-Hans\neditions: [zh-Hans, zh-Hant-TW]\n"
            }
            try Self.write(edit, to: site)
            let changes = try ChangeSet.read(Set(edit.files.keys), siteAt: site.root, known: preview.sourcePaths)
            let quick = preview.quickRender(applying: changes)
            let rebuild = try preview.rebuild(applying: changes)
            // A body edit renders its page and what shows its body, not the whole site.
            if Self.bodyEdits.contains(edit.name) { #expect(!rebuild.wasFull, "\(edit.name)") }
            for file in quick + rebuild.files { output[file.path] = file.bytes }
            for path in rebuild.removed { output[path] = nil }
            preview = rebuild.preview

            let (fresh, freshFiles) = try Preview.build(siteAt: site.root)
            let expected = Dictionary(uniqueKeysWithValues: freshFiles.map { ($0.path, $0.bytes) })
            // The saved page goes to disk first, already as it ends: a tag added shows at once.
            if edit.name == "tags", !editions {
                let page = "sops/morning/index.html"
                let same = quick.first { $0.path == page }?.bytes == expected[page]
                #expect(same, "the quick render's tags")
            }
            #expect(Set(output.keys) == Set(expected.keys), "\(edit.name): the outputs' paths")
            for (path, bytes) in expected where output[path] != bytes {
                Issue.record("\(edit.name): \(path) differs from the engine started afresh")
            }
            #expect(preview.check.diagnostics == fresh.check.diagnostics, "\(edit.name)")
            #expect(preview.check.health == fresh.check.health, "\(edit.name)")
            // Every page's findings, as the editor asks for them, are those `check` reports.
            for page in fresh.check.handbook.pages {
                #expect(
                    preview.engine.diagnostics(for: page.path).new
                        == fresh.check.diagnostics.filter { $0.file == page.path },
                    "\(edit.name): \(page.path)")
            }
        }
    }

    @Test(arguments: [false, true])
    func aBuildIntoThePreviousBuildWritesWhatABuildIntoNothingWrites(editions: Bool) throws {
        let site = try Self.sited(editions: editions)
        defer { site.remove() }
        // A build refuses a site with errors: every finding is a warning here.
        let lowered = "severity: {\"*\": warning}\n"
        try site.write("playbook.yml", try site.read("playbook.yml") + lowered)
        let warm = site.root.appendingPathComponent("public")
        _ = try Pipeline.build(siteAt: site.root, into: warm, options: BuildOptions(publication: .everything))
        for (step, edit) in Self.edits.enumerated() {
            var edit = edit
            if let config = edit.files["playbook.yml"] ?? nil {
                edit.files["playbook.yml"] =
                    config + (editions ? "editions: [zh-Hans, zh-Hant-TW]\n" : "") + lowered
            }
            try Self.write(edit, to: site)
            // The health view's trend reads the previous build in the output: the other build
            // starts from a copy of it, not from nothing, so both have the same inputs.
            let cold = site.root.appendingPathComponent("cold\(step)")
            try FileManager.default.copyItem(at: warm, to: cold)
            let a = try Pipeline.build(siteAt: site.root, into: warm, options: BuildOptions(publication: .everything))
            // The warm build starts from the cache the previous build left; the cold one from nothing.
            let b = try Pipeline.build(
                siteAt: site.root, into: cold, options: BuildOptions(publication: .everything, cache: false))
            #expect(!a.refused && !b.refused, "\(edit.name)")
            #expect(a.written == b.written, "\(edit.name)")
            // Body edits that no other page shows keep the rest of the build before (its
            // record allows it); every other edit renders the whole site again.
            if !editions, Self.bodyEdits.contains(edit.name) {
                #expect(a.kept > 0, "\(edit.name): \(a.kept) kept")
            } else {
                #expect(a.kept == 0, "\(edit.name): \(a.kept) kept")
            }
            #expect(b.kept == 0, "\(edit.name)")
            let warmFiles = site.files(under: "public")
            #expect(warmFiles == site.files(under: "cold\(step)"), "\(edit.name)")
            for path in warmFiles where path != OutputWriter.marker {
                let x = try Data(contentsOf: warm.appendingPathComponent(path))
                let y = try Data(contentsOf: cold.appendingPathComponent(path))
                #expect(x == y, "\(edit.name): \(path)")
            }
        }
    }
}
