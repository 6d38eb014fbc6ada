import PlaybookModel
import TestSupport
import Testing

// Issue 3: every page has a known kind, a title, links and anchors that resolve, a URL of its
// own and no unresolved merge markers.
@Suite struct PageRuleTests {
    static let anchors: [Script: (good: String, bad: String)] = [
        .simplified: ("奖励-rewards", "奖励"), .traditional: ("獎勵", "奖励"), .english: ("rewards", "reward"),
    ]

    @Test func anUnknownKindIsAnErrorWithASuggestion() {
        let found = CheckHarness.check(["content/a.md": "---\ntitle: A\nkind: grup\n---\n"], language: .en)
        #expect(
            found == [
                Diagnostic(
                    file: "content/a.md", line: 3, rule: "page.unknown-kind", message: "unknown kind `grup`",
                    hint:
                        "Did you mean `kind: group`? Known kinds are group, onboarding, page, rules, sop, template; to add one, define it under `kinds:` in playbook.yml."
                )
            ])
    }

    @Test(arguments: Script.allCases) func linksAndAnchorsResolveInEveryScript(script: Script) {
        let anchor = Self.anchors[script]!
        let page = "---\ntitle: P\n---\n[群规](/rules/a.md#\(anchor.good)) [本页](#p) [外部](https://example.org/x.md)\n# P\n"
        #expect(CheckHarness.check(["content/rules/a.md": Fixtures.rules(script), "content/p.md": page]) == [])
    }

    @Test(arguments: Script.allCases) func aBrokenAnchorIsAnErrorAtTheLink(script: Script) {
        let anchor = Self.anchors[script]!
        let page = "---\ntitle: P\n---\n见[群规](rules/a.md#\(anchor.bad))。\n"
        let found = CheckHarness.check(["content/rules/a.md": Fixtures.rules(script), "content/p.md": page])
        #expect(CheckHarness.errors(found) == [Finding("content/p.md", 4, "page.broken-anchor")])
        #expect(found.first?.position.column == 2)
    }

    @Test func aBrokenLinkSuggestsTheClosestPage() {
        let found = CheckHarness.check(
            ["content/rules/a.md": Fixtures.rules(.english), "content/p.md": "---\ntitle: P\n---\n[r](rules/b.md)\n"],
            language: .en)
        #expect(CheckHarness.errors(found) == [Finding("content/p.md", 4, "page.broken-link")])
        #expect(found.first?.hint?.hasPrefix("Did you mean `rules/a.md`?") == true)
    }

    /// The suggestion is written as a link from the page that has the broken one.
    @Test func theSuggestionIsRelativeToThePage() {
        let found = CheckHarness.check(
            [
                "content/groups/hz/rules.md": Fixtures.rules(.english),
                "content/groups/hz/index.md": "---\ntitle: P\n---\n[r](rule.md)\n",
                "content/sops/a.md": "---\ntitle: S\n---\n[r](../groups/hz/rule.md)\n",
            ], language: .en)
        let hints = found.filter { $0.rule == "page.broken-link" }.map { $0.hint ?? "" }
        #expect(hints.count == 2)
        #expect(hints.contains { $0.hasPrefix("Did you mean `rules.md`?") })
        #expect(hints.contains { $0.hasPrefix("Did you mean `../groups/hz/rules.md`?") })
    }

    @Test func twoFilesWithOneURLAreAnError() {
        let found = CheckHarness.check([
            "content/x.md": "# X\n", "content/x/index.md": "# X again\n",
        ])
        #expect(CheckHarness.errors(found) == [Finding("content/x/index.md", 1, "page.duplicate-url")])
    }

    @Test func aPageWithoutTitleIsAnError() {
        #expect(
            CheckHarness.errors(CheckHarness.check(["content/a.md": "正文。\n"])) == [
                Finding("content/a.md", 1, "page.title")
            ])
        #expect(CheckHarness.check(["content/a.md": "## 小标题\n正文。\n"]) == [])
    }

    @Test(arguments: Script.allCases) func mergeConflictMarkersAreRefused(script: Script) {
        let text = Fixtures.rules(script).edited("1. ", with: "<<<<<<< ours\n1. ").edited(
            "2. ", with: "=======\n2. "
        )
        .edited("3. ", with: ">>>>>>> template\n3. ")
        let found = CheckHarness.errors(CheckHarness.check(["content/rules/a.md": text]))
        // One finding per conflict, at its opening marker (issue 22).
        #expect(found == [Finding("content/rules/a.md", 16, "page.conflict-markers")])
    }

    @Test func setextUnderlinesAndConflictsShownInCodeAreNotMarkers() {
        let text = "Title\n=======\n\n```\n<<<<<<< ours\n=======\n>>>>>>> theirs\n```\n"
        #expect(CheckHarness.check(["content/a.md": text]) == [])
    }
}
