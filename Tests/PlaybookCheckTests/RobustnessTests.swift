import PlaybookEngine
import PlaybookModel
import PlaybookSource
import TestSupport
import Testing

// Issue 3, Done when 5: bad input never crashes the checker, and is still reported.
@Suite struct RobustnessTests {
    static func check(_ path: String, bytes: [UInt8]) -> [Diagnostic] {
        let site = SiteFiles(config: "title: t\n", content: [RawFile(path: path, bytes: bytes)])
        return Pipeline.check(site, language: .en).diagnostics
    }

    @Test func malformedYAMLIsReportedAndTheBodyStillChecked() {
        let found = Self.check("content/groups/a.md", bytes: Array("---\nkind: group\nowner: [x\n---\n## 同好\n".utf8))
        #expect(found.contains { $0.rule == "frontmatter.yaml" })
        // The folder says group; the body has 同好 only, so the other four elements are missing.
        #expect(found.filter { $0.rule == "group.missing-section" }.count == 4)
    }

    @Test func invalidUTF8IsReportedAtItsLine() {
        let found = Self.check("content/a.md", bytes: Array("# 标题\n正文".utf8) + [0xFF, 0xFE, 0x0A])
        #expect(found.map(\.rule) == ["source.encoding"])
        #expect(found.first?.position.line == 2)
    }

    @Test func anEmptyFileHasOnlyATitleError() {
        #expect(Self.check("content/a.md", bytes: []).map(\.rule) == ["page.title"])
        #expect(Self.check("content/groups/a.md", bytes: []).filter { $0.severity == .error }.count == 7)
    }

    @Test func aFileOfOnlyFrontMatterIsCheckedAsEmpty() {
        let found = Self.check("content/sops/a.md", bytes: Array("---\ntitle: S\nowner: x\ncadence: 每天\n---".utf8))
        #expect(found.map(\.rule) == Array(repeating: "sop.missing-section", count: 4))
        #expect(found.allSatisfy { $0.position.line == 5 })
    }

    @Test func emojiOnlyHeadingsMatchNothingAndBreakNothing() {
        let text = "---\nkind: rules\ntitle: R\n---\n## 🎉🎉\n内容\n## 📖 \n## 👍🏽 奖励 ✨\n积分\n"
        let found = Self.check("content/rules/a.md", bytes: Array(text.utf8))
        #expect(found.map(\.rule) == ["rules.missing-section", "rules.missing-section", "rules.missing-section"])
    }

    // A limit that catches a check gone quadratic (minutes on end), not a slow machine: on a
    // loaded two-core machine the check takes up to 90 s. Async and off Swift's concurrency
    // pool: checking 10 MB holds a thread for many seconds, and
    // the pool has one per core, which the serve tests' servers need.
    @Test(.timeLimit(.minutes(3))) func aTenMegabyteFileIsCheckedInReasonableTime() async throws {
        var text = "---\nkind: group\ntitle: 大\nowner: 我\n---\n"
        let block =
            "## 同好 \(String(repeating: "读书", count: 20))\n" + String(repeating: "仪式感 参与感 [x](#同好) ", count: 40) + "\n\n"
        while text.utf8.count < 10_000_000 { text += block }
        let bytes = Array(text.utf8)
        let found = try await offThePool { Self.check("content/groups/big.md", bytes: bytes) }
        #expect(found.filter { $0.rule == "group.missing-section" }.count == 4)
    }
}
