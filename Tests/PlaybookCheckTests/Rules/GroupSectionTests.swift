import PlaybookModel
import TestSupport
import Testing

// Issue 3: a group charter covers the five elements, each found by its heading in any script.
@Suite struct GroupSectionTests {
    static let path = "content/groups/a.md"

    static let output: [Script: (section: String, body: String)] = [
        .simplified: ("## 三、输出 Output\n每周共读纪要。\n\n", "每周共读纪要。\n"),
        .traditional: ("## 第三部分 輸出\n每週共讀紀要。\n\n", "每週共讀紀要。\n"),
        .english: ("## 3. Output\nWeekly reading notes.\n\n", "Weekly reading notes.\n"),
    ]

    @Test(arguments: Script.allCases) func completeCharterHasNoFindings(script: Script) {
        #expect(CheckHarness.check([Self.path: Fixtures.group(script)]) == [])
    }

    @Test(arguments: Script.allCases) func missingSectionIsReportedWhereItShouldGo(script: Script) {
        let text = Fixtures.group(script).edited(Self.output[script]!.section, with: "")
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [
                Finding(Self.path, 20, "group.missing-section")
            ])
    }

    @Test(arguments: Script.allCases) func emptySectionIsAnErrorAtItsHeading(script: Script) {
        let text = Fixtures.group(script).edited(Self.output[script]!.body, with: "")
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [
                Finding(Self.path, 20, "group.empty-section")
            ])
    }

    @Test func missingSectionMessageSaysWhereAndWhy() {
        let text = Fixtures.group(.simplified).edited(Self.output[.simplified]!.section, with: "")
        let found = CheckHarness.check([Self.path: text], language: .zhHans)
        #expect(
            found == [
                Diagnostic(
                    file: Self.path, line: 20, rule: "group.missing-section", message: "缺少「输出」一节",
                    hint:
                        "加在第 20 行「四、运营 Operations」之前：`## 输出 Output`。写这个群稳定产出什么（笔记、分享、话题、成员原创内容）以及由谁带头（意见领袖）。输出决定群的价值：没有输出，有价值的内容会被闲聊刷屏淹没。"
                )
            ])
    }

    @Test func sectionsAtAnyLevelAndWithSubHeadingsOnlyStillCount() {
        // A section whose only content sits in its sub-sections is not empty.
        let text = Fixtures.group(.simplified)
            .edited("## 三、输出 Output\n每周共读纪要。", with: "# 三、输出 Output\n### 共读\n每周共读纪要。")
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: text])) == [])
    }

    @Test func aHeadingWithNothingUnderItButSubHeadingsIsEmpty() {
        let text = Fixtures.group(.english).edited("Weekly reading notes.\n", with: "### Notes\n")
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [
                Finding(Self.path, 20, "group.empty-section")
            ])
    }

    @Test func anEmptyCharterPointsEveryMissingSectionAtTheEnd() {
        let found = CheckHarness.errors(CheckHarness.check([Self.path: "---\nkind: group\ntitle: 空\nowner: 我\n---\n"]))
        #expect(found.count == 5)
        #expect(found.allSatisfy { $0.line == 5 && $0.rule == "group.missing-section" })
    }
}
