import TestSupport
import Testing

// Issue 3: operations names at least four of the five senses.
@Suite struct SensesTests {
    static let path = "content/groups/a.md"

    static let senses: [Script: (all: String, two: String)] = [
        .simplified: ("仪式感、参与感、组织感、归属感。", "仪式感和归属感。"),
        .traditional: ("儀式感、參與感、組織感、歸屬感。", "儀式感和歸屬感。"),
        .english: ("Ritual, participation, organisation and belonging.", "Ritual and belonging."),
    ]

    @Test(arguments: Script.allCases) func twoSensesAreNotEnough(script: Script) {
        let text = Fixtures.group(script).edited(Self.senses[script]!.all, with: Self.senses[script]!.two)
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: text])) == [Finding(Self.path, 23, "group.senses")])
    }

    @Test func sensesInATableOrSubSectionCount() {
        let text = Fixtures.group(.simplified).edited(
            "仪式感、参与感、组织感、归属感。",
            with: "| 感 | 做法 |\n|---|---|\n| **仪式感** | 接龙 |\n\n### 参与 Participation\n参与感、組織感和 honour（荣誉感）。")
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: text])) == [])
    }

    @Test func theMessageNamesWhatIsThereAndHintNamesWhatIsMissing() {
        let text = Fixtures.group(.english).edited(Self.senses[.english]!.all, with: Self.senses[.english]!.two)
        let found = CheckHarness.check([Self.path: text], language: .en)
        #expect(found.map(\.message) == ["“Operations” names 2 (ritual, belonging); at least 4 are needed"])
        #expect(found.first?.hint?.hasPrefix("Still to name: participation, organisation, honour. ") == true)
    }
}
