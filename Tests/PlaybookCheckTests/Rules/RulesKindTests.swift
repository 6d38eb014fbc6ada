import TestSupport
import Testing

// Issue 3: group rules have nickname format, conduct, rewards and graded penalties.
@Suite struct RulesKindTests {
    static let path = "content/rules/a.md"

    static let rewards: [Script: String] = [
        .simplified: "## 奖励 Rewards\n打卡积分。\n\n", .traditional: "## 獎勵\n打卡積分。\n\n",
        .english: "## Rewards\nCheck-in points.\n\n",
    ]
    static let levels: [Script: String] = [
        .simplified: "1. 警告\n2. 禁言\n3. 移出\n", .traditional: "1. 警告\n2. 禁言\n3. 移出\n",
        .english: "1. Warning\n2. Mute\n3. Removal\n",
    ]

    @Test(arguments: Script.allCases) func completeRulesHaveNoFindings(script: Script) {
        #expect(CheckHarness.check([Self.path: Fixtures.rules(script)]) == [])
    }

    @Test(arguments: Script.allCases) func missingRewardsIsReportedBeforePenalties(script: Script) {
        let text = Fixtures.rules(script).edited(Self.rewards[script]!, with: "")
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [
                Finding(Self.path, 12, "rules.missing-section")
            ])
    }

    @Test(arguments: Script.allCases) func ungradedPenaltiesAreAnError(script: Script) {
        let text = Fixtures.rules(script).edited(Self.levels[script]!, with: "1. 移出 Removal\n")
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [
                Finding(Self.path, 15, "rules.penalty-levels")
            ])
    }

    @Test func penaltyLevelsMayBeSubHeadings() {
        let text = Fixtures.rules(.english).edited(
            Self.levels[.english]!, with: "### Warning\nFirst time.\n### Removal\nThird time.\n")
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: text])) == [])
    }
}
