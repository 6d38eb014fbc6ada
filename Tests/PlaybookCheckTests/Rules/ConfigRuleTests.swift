import PlaybookModel
import TestSupport
import Testing

// Issue 3, "Rules are data": a site adds kinds, changes severities and adds conditions in
// playbook.yml, and a broken config gets a located error.
@Suite struct ConfigRuleTests {
    static let event = """
        ---
        kind: event
        title: 读书分享会
        ---
        ## 议程 Agenda
        19:00 开场。

        """

    static let config = """
        title: 手册
        kinds:
          event:
            label: {zh-Hans: 活动, en: Event}
            fields:
              owner: {type: string, required: true}
            sections:
              - id: agenda
                label: {zh-Hans: 议程, zh-Hant: 議程, en: Agenda}
                aliases: [议程, agenda]
              - id: safety
                label: {zh-Hans: 安全预案, en: Safety plan}
                aliases: [安全预案, 安全, safety]
          group:
            sections:
              - id: compliance
                label: 合规
                aliases: [合规, compliance]
                required: false
            when:
              - if: {platform: 企业微信}
                require: [compliance]
        severity:
          page.title: warning
        overrides:
          - files: content/legacy/**
            severity: {"*": off}

        """

    @Test func aNewKindIsCheckedByItsSectionsAndFields() {
        let found = CheckHarness.check(["content/events/a.md": Self.event], config: Self.config)
        #expect(
            CheckHarness.errors(found) == [
                Finding("content/events/a.md", 4, "frontmatter.required"),
                Finding("content/events/a.md", 6, "event.missing-section"),
            ])
        // Traditional headings match the Simplified alias.
        let traditional = Self.event.edited("## 议程 Agenda", with: "## 議程") + "## 安全預案\n疏散路線。\n"
        let clean = CheckHarness.check(
            ["content/events/a.md": traditional.edited("title: 读书分享会", with: "title: 分享會\nowner: 陳")],
            config: Self.config)
        // Each Traditional heading and paragraph is a block written in Traditional alone, which
        // the editions convert and `page.mixed-script` leaves alone (issue 21).
        #expect(clean == [])
    }

    @Test func aConditionRequiresASectionOnlyWhenItHolds() {
        let wecom = Fixtures.group(.simplified).edited("owner: 林晓", with: "owner: 林晓\nplatform: 企业微信")
        let found = CheckHarness.check(["content/groups/a.md": wecom], config: Self.config, language: .zhHans)
        #expect(CheckHarness.errors(found) == [Finding("content/groups/a.md", 28, "group.missing-section")])
        #expect(found.first?.message == "缺少「合规」一节（因为 platform 是 企业微信）")
        let wechat = wecom.edited("企业微信", with: "微信群")
        #expect(CheckHarness.check(["content/groups/a.md": wechat], config: Self.config) == [])
    }

    @Test func severityCanBeChangedGloballyAndPerPath() {
        let found = CheckHarness.check(
            ["content/a.md": "正文。\n", "content/legacy/b.md": "---\nkind: group\n---\n"], config: Self.config)
        #expect(CheckHarness.errors(found) == [])
        #expect(CheckHarness.warnings(found) == [Finding("content/a.md", 1, "page.title")])
    }

    @Test func aBrokenConfigGetsLocatedErrors() {
        let config = """
            title: 手册
            severity:
              page.titel: warning
              group.senses: loud
            kinds:
              group:
                sections:
                  - label: 没有 id
                when:
                  - if: {platform: 企业微信}
                    require: [complience]
              Bad Kind: {}
            overrides: {files: x}

            """
        let found = CheckHarness.check([:], config: config, language: .en)
        #expect(
            found.map { Finding($0.file, $0.position.line, $0.rule) } == [
                Finding("playbook.yml", 3, "config.unknown-rule"), Finding("playbook.yml", 4, "config.value"),
                Finding("playbook.yml", 8, "config.rules"), Finding("playbook.yml", 11, "config.rules"),
                Finding("playbook.yml", 12, "config.rules"), Finding("playbook.yml", 13, "config.type"),
            ])
        // Config findings speak the site language (zh-Hans unless playbook.yml says otherwise).
        #expect(found.first?.hint == "你是不是想写 `page.title`？")
    }

    @Test func includedRuleFilesAreReadWithTheirOwnPaths() {
        let config = "title: 手册\ninclude: [rules/events.yml]\n"
        let rules = "kinds:\n  event:\n    sections:\n      - {id: agenda, label: 议程, aliases: [议程]}\n    severty: {}\n"
        let found = CheckHarness.check(
            ["content/a.md": "---\nkind: event\ntitle: 分享会\n---\n正文。\n"], config: config,
            ruleFiles: ["rules/events.yml": rules])
        #expect(
            found.map { Finding($0.file, $0.position.line, $0.rule) } == [
                Finding("content/a.md", 5, "event.missing-section"),
                Finding("rules/events.yml", 5, "config.unknown-key"),
            ])
    }

    @Test func aMissingIncludedFileIsAnErrorAtTheIncludeLine() {
        let found = CheckHarness.check([:], config: "title: 手册\ninclude: rules/none.yml\n")
        #expect(CheckHarness.errors(found) == [Finding("playbook.yml", 2, "config.include")])
    }
}
