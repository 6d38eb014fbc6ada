import PlaybookModel
import Testing

@testable import PlaybookCheck

/// Issue 13: heading numbering in the forms handbooks use is dropped before matching, one table
/// of cases; times that start like numbering (`第1天`, `24小时`) stay.
@Suite struct NumberingTests {
    static let cases: [(heading: String, words: String)] = [
        ("一、同好 Shared interest", "同好 shared interest"),
        ("二、结构", "结构"),
        ("1. 同好", "同好"),
        ("1.2 输出", "输出"),
        ("2) Structure", "structure"),
        ("3）运营", "运营"),
        ("(二)结构", "结构"),
        ("（二）結構", "结构"),
        ("【三】输出", "输出"),
        ("[a] Output", "output"),
        ("第二章 结构", "结构"),
        ("第三部分：运营", "运营"),
        ("第4条 惩罚", "惩罚"),
        ("第五、复制", "复制"),
        ("II. Structure", "structure"),
        ("iv) Operations", "operations"),
        ("XII、复制", "复制"),
        ("Ⅱ、结构", "结构"),
        ("Ⅲ. Output", "output"),
        ("①同好", "同好"),
        ("⑵ 输出", "输出"),
        ("Step 2: Structure", "structure"),
        ("Part II — Replication", "replication"),
        ("Chapter 3 - Output", "output"),
        ("a. Output", "output"),
        ("B) Rewards", "rewards"),
        ("1同好", "同好"),
        ("★ 运营", "运营"),
        ("## 🎯 同好", "同好"),
        // Not numbering: times, amounts and words that look like numerals.
        ("第1天 入群当天", "第1天 入群当天"),
        ("第7天", "第7天"),
        ("24小时内", "24小时内"),
        ("Civic duties", "civic duties"),
        ("Mix and match", "mix and match"),
        ("I want to join", "i want to join"),
    ]

    @Test(arguments: cases)
    func numberingIsDropped(heading: String, words: String) {
        #expect(TermMatcher.stripNumbering(TermMatcher.fold(heading)) == words, "\(heading)")
    }

    @Test func romanNumeralsNoLongerHideASection() {
        #expect(TermMatcher.matches("II. Structure", aliases: ["structure"]))
        #expect(TermMatcher.matches("Ⅳ、運營", aliases: ["运营"]))
        #expect(TermMatcher.matches("Step 5: Replication", aliases: ["replication"]))
    }

    @Test func everyFormStripsSomething() {
        for form in TermMatcher.numberingForms {
            if let rest = form.strip("x") { #expect(rest.count < 1, "\(form.name)") }
        }
    }
}

/// Issue 13: one reading of link destinations for the checker and the renderer.
@Suite struct LinkDestinationTests {
    @Test func externalDestinationsAreLeftAlone() {
        for external in ["https://example.org", "mailto:a@b.c", "//cdn.example.org/x.js", "tel:+86-10", "weixin://dl"] {
            #expect(LinkDestination(external) == nil, "\(external)")
        }
        #expect(LinkDestination("") == nil)
    }

    @Test func internalDestinationsAreDecodedWithoutTheirQuery() throws {
        let link = try #require(LinkDestination("../rules/%E7%BE%A4%E8%A7%84.md?x=1#%E6%83%A9%E7%BD%9A"))
        #expect(link.path == "../rules/群规.md")
        #expect(link.fragment == "惩罚")
        #expect(link.isPage)
        let anchor = try #require(LinkDestination("#结构"))
        #expect(anchor.path == "" && anchor.fragment == "结构" && !anchor.isPage)
        // A colon after a slash is part of a path, not a scheme.
        #expect(LinkDestination("notes/a:b.md")?.path == "notes/a:b.md")
    }

    @Test func siteInputsAreOneList() {
        #expect(SiteLayout.isInput("content/groups/a.md"))
        #expect(SiteLayout.isInput("playbook.yml"))
        #expect(SiteLayout.isInput("rules/extra.yml", extra: ["rules/extra.yml"]))
        #expect(!SiteLayout.isInput("public/index.html"))
        #expect(!SiteLayout.isInput("content/.draft.md"))
    }
}
