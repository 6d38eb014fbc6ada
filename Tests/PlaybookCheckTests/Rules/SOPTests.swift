import TestSupport
import Testing

// Issue 3: an SOP has purpose, roles, at least two ordered steps, metrics, an owner and a
// trigger or cadence.
@Suite struct SOPTests {
    static let path = "content/sops/a.md"

    static let secondStep: [Script: String] = [
        .simplified: "2. 21:00 发晚间总结。\n", .traditional: "2. 21:00 發晚間總結。\n", .english: "2. 21:00 evening summary.\n",
    ]
    static let cadence: [Script: String] = [
        .simplified: "cadence: 每天\n", .traditional: "cadence: 每天\n", .english: "cadence: daily\n",
    ]
    static let metrics: [Script: String] = [
        .simplified: "## 指标 Metrics\n活跃度。\n", .traditional: "## 指標\n活躍度。\n", .english: "## Metrics\nActivity.\n",
    ]

    @Test(arguments: Script.allCases) func completeSOPHasNoFindings(script: Script) {
        #expect(CheckHarness.check([Self.path: Fixtures.sop(script)]) == [])
    }

    @Test(arguments: Script.allCases) func oneStepIsNotEnough(script: Script) {
        let text = Fixtures.sop(script).edited(Self.secondStep[script]!, with: "")
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: text])) == [Finding(Self.path, 15, "sop.steps")])
    }

    @Test(arguments: Script.allCases) func noCadenceOrTriggerIsAnError(script: Script) {
        let text = Fixtures.sop(script).edited(Self.cadence[script]!, with: "")
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: text])) == [Finding(Self.path, 5, "sop.cadence")])
    }

    @Test(arguments: Script.allCases) func aTriggerSectionStandsInForCadence(script: Script) {
        let heading = [Script.simplified: "## 触发 Trigger", .traditional: "## 觸發條件", .english: "## Trigger"][script]!
        let text = Fixtures.sop(script).edited(Self.cadence[script]!, with: "") + "\(heading)\n新群建立时。\n"
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: text])) == [])
    }

    @Test(arguments: Script.allCases) func missingMetricsIsReportedAfterTheLastSection(script: Script) {
        let text = Fixtures.sop(script).edited(Self.metrics[script]!, with: "")
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [
                Finding(Self.path, 17, "sop.missing-section")
            ])
    }
}
