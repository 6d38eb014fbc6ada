import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookCheck

// A required section holding nothing but fill-in markers (what `playbook new` skeletons write)
// is as empty as a bare heading.
@Suite struct FillInMarkerTests {
    static let path = "content/groups/a.md"

    static func charter(output body: String) -> String {
        Fixtures.group(.english).edited("Weekly reading notes.\n", with: body)
    }

    @Test(arguments: [
        "（待填写）\n", "（待填寫）\n", "(to fill in)\n", "TODO\n", "todo\n", "TBD.\n", "[TODO]\n", "待补充\n", "【待補充】\n",
        "（待填写）（待填写）\n", "- TODO\n- TODO\n", "1. （待填写）\n2. （待填写）\n", "- **Notes**: TBD\n- **Talks**: TBD\n",
        "**第1天** 欢迎：（待填写）；负责人：（待填写）\n", "<!-- what to write -->\n\n(To Fill In)\n", "> TODO\n",
        "### Notes\n\nTODO\n",
    ])
    func aSectionOfMarkersIsEmpty(_ body: String) {
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: Self.charter(output: body)])) == [
                Finding(Self.path, 20, "group.empty-section")
            ])
    }

    @Test(arguments: [
        "TODO 列表：每人每周打卡三次。\n", "Weekly reading notes. TODO: add the talks.\n", "todolist\n",
        "- TODO\n- Weekly reading notes\n", "(to fill in)\n\n```\nnotes/2025-06.md\n```\n",
        "| notes | weekly |\n|---|---|\n| TBD | TBD |\n", "**Weekly notes**\n",
    ])
    func textBesideTheMarkersIsContent(_ body: String) {
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: Self.charter(output: body)])) == [])
    }

    @Test func theMessageSaysTheSectionIsNotFilledIn() {
        let text = Self.charter(output: "（待填写）\n")
        let zh = CheckHarness.check([Self.path: text], language: .zhHans)
        #expect(zh.map(\.message) == ["「输出」一节还没有填写（只有 （待填写） 这样的占位）"])
        #expect(zh.first?.hint?.hasPrefix("把 （待填写） 换成真正的内容。") == true)
        let hant = CheckHarness.check([Self.path: text], language: .zhHant)
        #expect(hant.map(\.message) == ["「輸出」一節還沒有填寫（只有 （待填寫） 這樣的佔位）"])
        let en = CheckHarness.check([Self.path: text], language: .en)
        #expect(en.map(\.message) == ["section “Output” is not filled in (it only holds markers such as (to fill in))"])
        #expect(en.first?.position == SourcePosition(line: 20, column: 1))
    }

    @Test func aSkeletonGroupIsIncompleteInTheHealthMatrix() {
        let result = CheckHarness.result([Self.path: Self.charter(output: "(to fill in)\n")])
        #expect(result.health.rows.first?.cells.map(\.status) == [.ok, .ok, .partial, .ok, .ok, .missing, .missing])
    }

    @Test func theMarkers() {
        #expect(FillInMarker.words == ["待填写", "待填寫", "待补充", "待補充", "to fill in", "todo", "tbd"])
        #expect(FillInMarker.text(.zhHans) == "（待填写）")
        #expect(FillInMarker.contains("- **仪式感**：（待填写）"))
        #expect(!FillInMarker.contains("todolist"))
    }

    /// The byte pre-filter never hides a marker: upper and mixed case, full-width brackets,
    /// markers between CJK text, and look-alikes that are no marker (issue 12).
    @Test(arguments: [
        "ToDo", "TODO", "tOdO：", "To Fill In", "TO FILL IN", "（待填写）", "【待補充】", "说明：TBD。", "x todo y", "ＴＯＤＯ",
        "todolist", "to  fill in", "Tbd\u{301}", "待 填写", "", "普通的一句话。", "Weekly reading notes.", "t\u{0}odo",
    ])
    func thePreFilterKeepsEveryMarker(_ text: String) {
        #expect(FillInMarker.contains(text) == (FillInMarker.removing(from: text).count > 0))
    }
}
