import TestSupport
import Testing

// Issue 3: structure covers members and roles, platform, joining rule or threshold, and
// management rules, as sub-headings, list items or bold labels.
@Suite struct StructurePartTests {
    static let path = "content/groups/a.md"

    static let platform: [Script: String] = [
        .simplified: "### 交流平台\n微信群。\n", .traditional: "### 交流平臺\nDiscord。\n", .english: "### Platform\nDiscord.\n",
    ]

    @Test(arguments: Script.allCases) func missingPartIsReportedAtTheStructureHeading(script: Script) {
        let text = Fixtures.group(script).edited(Self.platform[script]!, with: "")
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [
                Finding(Self.path, 10, "group.structure-part")
            ])
    }

    @Test func partsMayBeListItemsOrBoldLabels() {
        let text = Fixtures.group(.simplified).edited(
            "### 成员与分工\n群主一人，副群主两人。\n### 交流平台\n微信群。\n### 加入原则与门槛\n写一篇书评。\n### 管理规范\n执行群规。\n",
            with: "- 成员与分工：群主一人，副群主两人。\n- 交流平台：微信群。\n\n**加入原则与门槛**：写一篇书评。**管理规范**：执行群规。\n\n\n\n")
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: text])) == [])
    }

    @Test func traditionalPartsMatchSimplifiedAliases() {
        let text = Fixtures.group(.traditional).edited("### 交流平臺", with: "### 平臺與頻道")
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: text])) == [])
    }
}
