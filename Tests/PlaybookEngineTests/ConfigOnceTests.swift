import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookEngine

// Issue 13: a save decodes playbook.yml at most once, and only when it is the file saved; a
// rebuild for any other change keeps the handbook's config and what came with it.
@Suite struct ConfigOnceTests {
    static let site = [
        "playbook.yml": "title: 手册\nlanguage: zh-Hans\n",
        "content/sops/morning.md": "# 早安帖\n\n八点。\n",
        "content/sops/evening.md": "# 晚安帖\n\n十点。\n",
    ]

    @Test func aSavedConfigIsDecodedWhenReadAndTheRebuildTakesThatValue() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        let (preview, _) = try Preview.build(siteAt: site.root)
        try site.write("playbook.yml", "title: 新手册\nlanguage: zh-Hans\n")
        var changes = try ChangeSet.read(["playbook.yml"], siteAt: site.root, known: preview.sourcePaths)
        #expect(changes.config?.0.title == "新手册")
        #expect(try preview.rebuild(applying: changes).preview.check.handbook.config.title == "新手册")
        // The rebuild uses the decoded value it is handed, not the text again.
        changes.config?.0.title = "读过一次的手册"
        #expect(try preview.rebuild(applying: changes).preview.check.handbook.config.title == "读过一次的手册")
    }

    @Test func aRebuildOfTheWholeSiteForAnotherChangeKeepsTheConfigAndTheDates() throws {
        let site = try TemporarySite(Self.site)
        defer { site.remove() }
        // As a site in git has them, and a config decoded once, differing from its text: a fresh
        // decode of the handbook would drop both.
        var loaded = try Pipeline.load(siteAt: site.root)
        loaded.files.lastChanged = ["content/sops/evening.md": "2026-11-30T08:00:00+08:00"]
        loaded.config.title = "内存里的手册"
        let engine = Engine(loaded, settings: .preview)
        let preview = Preview(engine: engine, rendering: try engine.renderAll().0)
        #expect(preview.check.handbook.lastChanged == loaded.files.lastChanged)
        try site.write("content/sops/night.md", "# 夜班\n")
        let changes = try ChangeSet.read(["content/sops/night.md"], siteAt: site.root, known: preview.sourcePaths)
        #expect(changes.config == nil)
        let rebuild = try preview.rebuild(applying: changes)
        #expect(rebuild.wasFull)
        #expect(rebuild.preview.check.handbook.config.title == "内存里的手册")
        #expect(rebuild.preview.check.handbook.lastChanged == preview.check.handbook.lastChanged)
    }
}
