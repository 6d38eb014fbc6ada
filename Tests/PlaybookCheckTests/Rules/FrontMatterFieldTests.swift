import PlaybookModel
import TestSupport
import Testing

// Issue 3: required front matter (owner) is present and typed.
@Suite struct FrontMatterFieldTests {
    static let path = "content/groups/a.md"

    @Test(arguments: Script.allCases) func missingOwnerIsReportedAtTheClosingFence(script: Script) {
        let owner = Fixtures.group(script).split(separator: "\n")[3]
        let text = Fixtures.group(script).edited(owner + "\n", with: "")
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [
                Finding(Self.path, 4, "frontmatter.required")
            ])
    }

    @Test func blankOwnerIsReportedAtItsLine() {
        let text = Fixtures.group(.simplified).edited("owner: 林晓", with: "owner: \"\"")
        #expect(
            CheckHarness.check([Self.path: text], language: .zhHant) == [
                Diagnostic(
                    file: Self.path, line: 4, rule: "frontmatter.required", message: "front matter 的 `owner` 是空的",
                    hint: "在 front matter 裡寫一行 `owner: 陳怡君`。每份手冊都要有一個負責人：沒有人負責的文件很快過時，出了問題也不知道找誰。")
            ])
    }

    @Test func ownerOfTheWrongTypeIsATypeError() {
        let text = Fixtures.group(.english).edited("owner: Anna", with: "owner: [Anna, Ben]")
        #expect(
            CheckHarness.errors(CheckHarness.check([Self.path: text])) == [Finding(Self.path, 4, "frontmatter.type")])
    }

    @Test func placeholdersAreNotTypeChecked() {
        let config = "kinds:\n  group:\n    fields:\n      platform: {choices: [微信群, Discord]}\n"
        let text = Fixtures.group(.simplified).edited("owner: 林晓", with: "owner: 林晓\nplatform: \"{{platform}}\"")
        #expect(CheckHarness.errors(CheckHarness.check([Self.path: text], config: config)) == [])
    }
}
