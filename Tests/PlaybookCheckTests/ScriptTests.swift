import PlaybookEngine
import PlaybookModel
import Testing

@testable import PlaybookCheck

/// Issue 15: what an editor offers a page follows the script the page is written in.
@Suite struct ScriptTests {
    @Test(arguments: [
        ("## 结构 Structure\n群规：不刷屏。", Language.zhHans),
        ("## 結構 Structure\n群規：不刷屏。", .zhHant),
        ("---\ntitle: 台北分會群規\n---\n## 暱稱格式\n姓名-行業-城市", .zhHant),
        // Mostly Simplified with one Traditional-only word quoted is still Simplified.
        ("新人入群后先改昵称，再做自我介绍（台湾写作「暱稱」）。", .zhHans),
        // Characters both scripts share decide nothing: Simplified is the default.
        ("同好 目的 角色", .zhHans),
    ])
    func detectsTheScript(_ text: String, _ expected: Language) {
        #expect(Language.script(of: text) == expected)
    }

    @Test func textWithoutChineseHasNoScript() {
        #expect(Language.script(of: "## Structure\nNo flooding. 😀") == nil)
    }
}

/// Issue 15: one page checked against a prepared handbook, and where missing sections go.
@Suite struct SiteFactsCheckTests {
    let checker = Checker(rules: .defaults, language: .zhHans)

    func page(_ path: String, _ text: String) -> ParsedPage {
        Engine.parsed(CheckHarness.result([path: text]).handbook.pages[0])
    }

    @Test func missingSectionsComeInTheKindsOrderWithWhereEachGoes() {
        let rules = page(
            "content/rules/a.md",
            "---\ntitle: 群规\nkind: rules\n---\n\n### 行为准则\n\n不刷屏。\n\n### 惩罚\n\n1. 警告\n2. 禁言\n")
        let missing = checker.missingSections(of: rules)
        #expect(missing.map(\.section.id) == ["nickname", "rewards"])
        #expect(missing.map(\.beforeLine) == [6, 10])
        #expect(missing.map(\.level) == [3, 3])
        let end = page("content/rules/b.md", "---\ntitle: 群规\nkind: rules\n---\n\n## 昵称格式\n\n姓名\n")
        #expect(checker.missingSections(of: end).map(\.beforeLine) == [nil, nil, nil])
    }

    @Test func aHeadingNamesTheSectionItStandsFor() {
        #expect(checker.section(forHeading: "二、結構 Structure", kind: "group")?.id == "structure")
        #expect(checker.section(forHeading: "杂谈", kind: "group") == nil)
        #expect(checker.section(forHeading: "结构", kind: "no-such-kind") == nil)
    }
}
