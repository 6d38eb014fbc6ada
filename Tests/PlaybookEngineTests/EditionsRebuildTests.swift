import Foundation
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

// Issue 14: with script editions, a saved page is rendered again in every edition, and the
// output equals a fresh build of the edited site.
@Suite struct EditionsRebuildTests {
    static let site = [
        "playbook.yml": "title: 手册\neditions: [zh-Hans, zh-Hant-TW]\n",
        "content/groups/hangzhou/index.md": "---\ntitle: 杭州读书会\nkind: group\n---\n# 杭州读书会\n\n见[群规](rules.md)。\n",
        "content/groups/hangzhou/rules.md": "---\ntitle: 群规\n---\n# 群规\n\n## 昵称\n\n不刷屏。\n",
        "content/sops/morning.md": "# 早安帖\n\n八点。\n",
    ]

    @Test func aSaveRerendersThePageInEveryEdition() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let (preview, files) = try Preview.build(siteAt: site.root)
        #expect(files.contains { $0.path == "zh-Hant-TW/groups/hangzhou/rules/index.html" })
        var output = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
        try site.write("content/groups/hangzhou/rules.md", "---\ntitle: 群规\n---\n# 群规\n\n## 昵称\n\n不用打印机打印软件广告。\n")
        let changes = try ChangeSet.read(
            ["content/groups/hangzhou/rules.md"], siteAt: site.root, known: preview.sourcePaths)
        #expect(preview.quickRender(applying: changes).isEmpty)
        let rebuild = try preview.rebuild(applying: changes)
        for file in rebuild.files { output[file.path] = file.bytes }
        for path in rebuild.removed { output[path] = nil }
        let simplified = String(decoding: output["groups/hangzhou/rules/index.html"] ?? [], as: UTF8.self)
        let traditional = String(decoding: output["zh-Hant-TW/groups/hangzhou/rules/index.html"] ?? [], as: UTF8.self)
        #expect(simplified.contains("不用打印机打印软件广告。"))
        #expect(traditional.contains("不用印表機列印軟體廣告。"))

        let (_, freshFiles) = try Preview.build(siteAt: site.root)
        let expected = Dictionary(uniqueKeysWithValues: freshFiles.map { ($0.path, $0.bytes) })
        #expect(Set(output.keys) == Set(expected.keys))
        for (path, bytes) in expected where output[path] != bytes {
            Issue.record("\(path) differs from a fresh build")
        }
    }
}
