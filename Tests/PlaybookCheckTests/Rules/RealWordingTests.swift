import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookCheck

/// Issue 22: the words operators write, one behaviour each (the scored corpus is in
/// EndToEndTests/RealWordingCorpusTests).
@Suite struct RealWordingTests {
    static let path = "content/groups/a.md"

    @Test(arguments: [
        ("入群当天", 0.0, 24.0), ("當晚", 0.0, 24.0), ("入群后 24 小时内", 24.0, 24.0), ("次日", 24.0, 48.0),
        ("D7", 144.0, 168.0), ("Upon joining", 0.0, 0.0), ("Same day", 0.0, 24.0),
    ])
    func timesRelativeToJoiningAreTimes(text: String, lower: Double, upper: Double) throws {
        let marker = try #require(TimeMarker.find(in: text))
        #expect(marker.lower == lower && marker.upper == upper)
    }

    @Test func wordsThatOnlyLookLikeTimesAreNot() {
        #expect(TimeMarker.find(in: "自我介绍") == nil)
        #expect(TimeMarker.find(in: "Add a 3D print") == nil)
    }

    @Test(arguments: [
        ("群主在入群当天发欢迎语", true), ("團長發歡迎貼圖", true), ("领队发群规", true), ("the host posts a welcome", true),
        ("新人做自我介绍", false), ("the newcomer shares an idea", false), ("在群里发欢迎语", false),
    ])
    func theDoerMayBeTheSentencesSubject(text: String, doer: Bool) {
        #expect(StepOrderRule.subjectIsDoer(text, lead: "") == doer)
    }

    @Test func aLabelJoiningTwoNamesIsFoundByEither() {
        #expect(TermMatcher.matches("会员结构和分工", aliases: ["分工"]))
        #expect(TermMatcher.matches("Rewards and penalties", aliases: ["penalties"]))
        // 参与感 is not 参 and 感.
        #expect(TermMatcher.matchingSegments("参与感") == ["参与感"])
    }

    @Test func theLongerNameIsTheWordWritten() {
        let parts = DefaultKinds.group.sections.first { $0.id == "structure" }!.parts
        let covered = SectionPartRule.covered(parts, by: [TermMatcher.matchingSegments("管理层：群主和副群主")])
        #expect(covered == ["members"])
    }

    @Test func aCombinedSectionCountsForEachWhoseMatterItHolds() {
        let path = "content/rules/a.md"
        let both = Fixtures.rules(.simplified).edited("## 奖励 Rewards", with: "## 奖惩机制").edited(
            "## 惩罚 Penalties\n", with: "")
        #expect(CheckHarness.errors(CheckHarness.check([path: both])) == [])
        // With penalties only, rewards are still missing.
        let penalties = both.edited("打卡积分。\n", with: "")
        #expect(CheckHarness.errors(CheckHarness.check([path: penalties])).map(\.rule) == ["rules.missing-section"])
    }
}
