import PlaybookModel
import Testing

// Issue 14: a page written in one script with a few characters of the other is a copy-paste
// slip; it is a warning at the line, naming the characters.
@Suite struct MixedScriptTests {
    @Test func traditionalCharactersInASimplifiedPageAreAWarningAtTheirLine() {
        let page = "---\ntitle: 群规\n---\n# 群规\n\n新成员入群后先改昵称。\n\n违规先警告，再犯禁言，屢教不改移出。\n"
        let found = CheckHarness.check(["content/a.md": page], language: .en)
        #expect(
            found == [
                Diagnostic(
                    file: "content/a.md", line: 8, column: 12, severity: .warning, rule: "page.mixed-script",
                    message: "Traditional characters in a Simplified page: 屢",
                    hint:
                        "Write them in Simplified (屢 → 屡); add names of people, brands or places to `editions.keep` in playbook.yml; put a term quoted from the other script in quotation marks."
                )
            ])
    }

    @Test func simplifiedCharactersInATraditionalPageAreNamedInTheSiteLanguage() {
        let page = "---\ntitle: 群規\n---\n# 群規\n\n新成員入群後先改暱稱，再做自我介绍。\n"
        let found = CheckHarness.check(["content/a.md": page], language: .zhHant)
        #expect(found.map(\.rule) == ["page.mixed-script"])
        #expect(found.first?.message == "繁體頁面裡有簡體字：绍")
        #expect(found.first?.position == SourcePosition(line: 6, column: 17))
    }

    @Test func oneFindingPerLineListsEachCharacterOnce() {
        let page = "# 结构\n\n成员與分工、交流平臺與門檻，成员。\n\n运营靠仪式感。\n"
        let found = CheckHarness.check(["content/a.md": page], language: .zhHans)
        #expect(found.map(\.message) == ["简体页面里有繁体字：與、臺、門、檻"])
        #expect(found.first?.position == SourcePosition(line: 3, column: 3))
    }

    @Test func wordsBothScriptsWriteAreNotSlips() {
        // 批准 and 干擾 in Taiwan, 乾坤 in the mainland: OpenCC keeps them in context.
        let traditional = "# 規則\n\n群主批准新管理員，處理升級事件，若干規則。\n"
        let simplified = "# 规则\n\n扭转乾坤的办法：先把规则写清楚。\n"
        #expect(CheckHarness.check(["content/t.md": traditional, "content/s.md": simplified]) == [])
    }

    @Test func codeQuotesLinksAndKeptNamesAreNotProse() {
        let page = """
            ---
            title: 台北分会
            ---
            # 台北分会

            台北分会的群主是陳怡君，繁体写作「結構」和“營運”，命令是 `playbook 檢查`。

            ```
            歡迎
            ```

            见[链接](https://example.com/歡迎)，写作 <b title="歡">它</b>。
            """
        let config = "editions:\n  keep: [陳怡君]\n"
        #expect(CheckHarness.check(["content/a.md": page], config: config, language: .en) == [])
        let without = CheckHarness.check(["content/a.md": page], language: .en)
        #expect(without.map(\.message) == ["Traditional characters in a Simplified page: 陳"])
    }

    @Test func aSiteCanTurnTheRuleOffOrRaiseIt() {
        let page = "# 结构\n\n成员與分工。\n"
        #expect(CheckHarness.check(["content/a.md": page], config: "severity:\n  page.mixed-script: off\n") == [])
        let raised = CheckHarness.check(["content/a.md": page], config: "severity:\n  page.mixed-script: error\n")
        #expect(CheckHarness.errors(raised) == [Finding("content/a.md", 3, "page.mixed-script")])
    }

    @Test func aPageInOneScriptHasNoFinding() {
        #expect(
            CheckHarness.check(["content/s.md": Fixtures.group(.simplified)]).filter { $0.rule == "page.mixed-script" }
                == [])
        #expect(
            CheckHarness.check(["content/t.md": Fixtures.group(.traditional)]).filter { $0.rule == "page.mixed-script" }
                == [])
    }

    // Issue 21: blocks are read as the editions read them.
    @Test func linkTextThatIsATraditionalPagesTitleIsNoSlip() {
        let taipei = "---\ntitle: 台北分會 Taipei Chapter\n---\n## 結構\n\n群主負責審核。\n"
        let rules = "---\ntitle: 台北分會群規\n---\n## 懲罰\n\n違規先警告。\n"
        let home = """
            # 拾页读书会

            各分会的社群档案：[台北分會 Taipei Chapter](taipei.md)，群规见[台北分會群規](rules.md)。

            | 分会 | 群规 |
            |---|---|
            | [台北分會 Taipei Chapter](taipei.md) | [台北分會群規](rules.md) |
            """
        let found = CheckHarness.check([
            "content/index.md": home, "content/taipei.md": taipei, "content/rules.md": rules,
        ])
        #expect(found.filter { $0.rule == "page.mixed-script" } == [])
        // Link text that itself mixes the scripts is still a slip.
        let slip = CheckHarness.check(["content/index.md": "# 首页\n\n见[台北分会群規](rules.md)。\n", "content/rules.md": rules])
        #expect(
            slip.filter { $0.rule == "page.mixed-script" }.map(\.message) == [
                "Traditional characters in a Simplified page: 規"
            ])
    }

    @Test func aQuotationOrABlockInTheOtherScriptIsNoSlip() {
        let page = """
            # 社群的核心

            台北分会的档案写得好，引用如下：

            > 社群的核心特徵是同好；要建立以下四感：儀式感、參與感、組織感、歸屬感。
            > 沒有這四感，社群只是一個聊天室。

            台北分會的群規這樣寫：違規先警告。

            我们照着做，先写清楚门槛。
            """
        #expect(CheckHarness.check(["content/a.md": page]) == [])
        // A quotation in the page's own script is prose: a stray character in it is a slip.
        let own = "# 群规\n\n> 违规先警告，屢教不改移出。\n\n新成员先改昵称。\n"
        #expect(CheckHarness.check(["content/a.md": own]).map(\.rule) == ["page.mixed-script"])
    }
}
