import TestSupport
import Testing

// Issue 3: onboarding has a threshold and steps as an ordered list in time order, among them a
// welcome and an acknowledgement of the rules.
@Suite struct OnboardingTests {
    static let path = "content/onboarding/a.md"

    static let lastMarker: [Script: String] = [.simplified: "**第7天**", .traditional: "**第2週**", .english: "**Week 2**"]
    static let welcome: [Script: (String, String)] = [
        .simplified: ("发欢迎话术", "拉人入群"), .traditional: ("發歡迎話術", "拉人入群"),
        .english: ("post the welcome message", "add them to the group"),
    ]
    static let rules: [Script: (String, String)] = [
        .simplified: ("请新人阅读群规", "请新人自我介绍"), .traditional: ("請新人閱讀群規", "請新人自我介紹"),
        .english: ("ask them to read the rules", "ask them to introduce themselves"),
    ]
    static let threshold: [Script: String] = [
        .simplified: "## 入群门槛 Threshold\n写一篇书评。\n\n", .traditional: "## 入群門檻\n寫一篇書評。\n\n",
        .english: "## Threshold\nWrite a review.\n\n",
    ]

    @Test(arguments: Script.allCases) func completeOnboardingHasNoFindings(script: Script) {
        #expect(CheckHarness.check([Self.path: Fixtures.onboarding(script)]) == [])
    }

    @Test(arguments: Script.allCases) func aStepEarlierThanTheOneBeforeIsReportedAtThatStep(script: Script) {
        let earlier = script == .english ? "**Day 0**" : "**第0天 入群前**"
        let text = Fixtures.onboarding(script).edited(Self.lastMarker[script]!, with: earlier)
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [
                Finding(Self.path, 13, "onboarding.step-order")
            ])
    }

    @Test(arguments: Script.allCases) func stepsMustBeAnOrderedList(script: Script) {
        let text = Fixtures.onboarding(script).edited("1. ", with: "- ").edited("2. ", with: "- ").edited(
            "3. ", with: "- ")
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [Finding(Self.path, 11, "onboarding.steps")])
    }

    @Test(arguments: Script.allCases) func stepsNeedAWelcome(script: Script) {
        let (old, new) = Self.welcome[script]!
        let text = Fixtures.onboarding(script).edited(old, with: new)
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [Finding(Self.path, 11, "onboarding.welcome")]
        )
    }

    @Test(arguments: Script.allCases) func stepsNeedTheRules(script: Script) {
        let (old, new) = Self.rules[script]!
        let text = Fixtures.onboarding(script).edited(old, with: new)
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [
                Finding(Self.path, 11, "onboarding.rules-ack")
            ])
    }

    @Test(arguments: Script.allCases) func missingThresholdIsAnError(script: Script) {
        let text = Fixtures.onboarding(script).edited(Self.threshold[script]!, with: "")
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [
                Finding(Self.path, 7, "onboarding.missing-section")
            ])
    }

    @Test func aStepWithoutTimeOrOwnerIsAWarning() {
        let text = Fixtures.onboarding(.simplified).edited("**第2天** 负责人：新人官，", with: "")
        let found = CheckHarness.check([Self.path: text])
        #expect(CheckHarness.errors(found) == [])
        #expect(
            CheckHarness.warnings(found) == [
                Finding(Self.path, 12, "onboarding.step-owner"), Finding(Self.path, 12, "onboarding.step-time"),
            ])
    }

    @Test func hoursAndDaysCompareOnOneTimeline() {
        let text = Fixtures.onboarding(.simplified)
            .edited("**第2天**", with: "**入群 2 小时内**").edited("**第7天**", with: "**48 小时后**")
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: text])) == [])
    }
}
