import PlaybookModel
import TestSupport
import Testing

// Issue 3: every placeholder a template's documents use is declared; unused ones warn.
@Suite struct TemplateVariableTests {
    static let index = "content/templates/city/index.md"
    static let document = "content/templates/city/files/index.md"

    @Test(arguments: Script.allCases) func declaredAndUsedVariablesHaveNoFindings(script: Script) {
        #expect(CheckHarness.check(Fixtures.template(script)) == [])
    }

    @Test(arguments: Script.allCases) func anUndeclaredPlaceholderIsAnErrorAtItsColumn(script: Script) {
        var files = Fixtures.template(script)
        files[Self.document] = files[Self.document]!.edited("{{city}} {{", with: "{{city}} {{ciyt}} {{")
        #expect(
            CheckHarness.check(files).filter { $0.rule == "template.undeclared-variable" }.map(\.position)
                == [SourcePosition(line: 7, column: 10)])
        #expect(
            CheckHarness.errors(CheckHarness.check(files)) == [
                Finding(Self.document, 7, "template.undeclared-variable")
            ])
    }

    @Test func anUnusedVariableWarnsAtItsDeclaration() {
        var files = Fixtures.template(.simplified)
        files[Self.document] = files[Self.document]!.edited(" {{ owner | upper }}", with: "")
            .edited("owner: \"{{owner}}\"\n", with: "")
        let found = CheckHarness.check(files, language: .en)
        #expect(
            found == [
                Diagnostic(
                    file: Self.index, line: 8, column: 5, severity: .warning, rule: "template.unused-variable",
                    message: "variable `owner` is not used by the template's documents",
                    hint:
                        "Use `{{owner}}` in a document under files/, or remove the declaration; an unused variable makes whoever clones fill it for nothing."
                )
            ])
    }

    // Issue 13: `variables:` written as a mapping, the way copier and cookiecutter users write it.
    @Test func variablesMayBeAMappingFromNameToDeclaration() {
        var files = Fixtures.template(.simplified)
        files[Self.index] = files[Self.index]!.edited(
            "  - name: city\n    required: true\n  - name: owner\n    required: true",
            with: "  city: {description: 城市, required: true}\n  owner:\n    required: true")
        #expect(CheckHarness.check(files) == [])
    }

    @Test func aPlainValueInTheMappingFormIsTheDefault() {
        var files = Fixtures.template(.english)
        files[Self.index] = files[Self.index]!.edited(
            "  - name: city\n    required: true\n  - name: owner\n    required: true",
            with: "  city:\n    required: true\n    default: Leeds\n  owner: Ada\n  colour: {requird: true}")
        let found = CheckHarness.check(files, language: .en).filter { $0.rule == "template.variables" }
        #expect(found.map(\.position.line) == [8, 10])
        #expect(found.map(\.severity) == [.warning, .error])
        #expect(found.last?.message == "variable `colour` has an unknown key `requird` (did you mean `required`?)")
        // `colour` is declared and never used: the unused-variable rule still sees it.
        #expect(CheckHarness.check(files, language: .en).contains { $0.rule == "template.unused-variable" })
    }

    @Test func variablesThatAreNeitherListNorMappingAreReported() {
        var files = Fixtures.template(.english)
        files[Self.index] = files[Self.index]!.edited(
            "variables:\n  - name: city\n    required: true\n  - name: owner\n    required: true",
            with: "variables: city")
        let found = CheckHarness.check(files, language: .en).filter { $0.rule == "template.variables" }
        #expect(found.map(\.position.line) == [5])
        #expect(found.first?.message == "`variables` must be a list or a mapping of declarations")
    }

    @Test func aMalformedDeclarationIsReportedAtItsLine() {
        var files = Fixtures.template(.english)
        files[Self.index] = files[Self.index]!.edited(
            "- name: owner\n    required: true", with: "- name: owner\n    requird: true")
        #expect(CheckHarness.errors(CheckHarness.check(files)) == [Finding(Self.index, 9, "template.variables")])
    }

    @Test func templateDocumentsAreCheckedAsTheirKindButAreNotGroups() {
        var files = Fixtures.template(.simplified)
        files["content/templates/city/files/index.md"] = Fixtures.group(.simplified).edited(
            "owner: 林晓", with: "owner: \"{{owner}}\""
        )
        .edited("## 五、复制 Replication\n培养副群主，按模板开新分会。\n", with: "{{city}}")
        let result = CheckHarness.result(files)
        #expect(CheckHarness.errors(result.diagnostics) == [Finding(Self.document, 26, "group.missing-section")])
        #expect(result.health.rows.isEmpty)
    }

    @Test(arguments: Script.allCases) func anUnknownFilterIsAnErrorAtThePlaceholder(script: Script) {
        var files = Fixtures.template(script)
        files[Self.document] = files[Self.document]!.edited("{{ owner | upper }}", with: "{{ owner | title }}")
        let found = CheckHarness.check(files).filter { $0.rule == "template.unknown-filter" }
        #expect(found.map(\.position) == [SourcePosition(line: 7, column: 10)])
        #expect(
            CheckHarness.errors(CheckHarness.check(files)) == [Finding(Self.document, 7, "template.unknown-filter")])
    }

    @Test func anUnknownFilterIsExplainedInEachLanguage() {
        var files = Fixtures.template(.simplified)
        files[Self.document] = files[Self.document]!.edited("{{ owner | upper }}", with: "{{owner | slgu | title}}")
        func finding(_ language: Language) -> Diagnostic? {
            CheckHarness.check(files, language: language).first { $0.rule == "template.unknown-filter" }
        }
        #expect(
            finding(.en)
                == Diagnostic(
                    file: Self.document, line: 7, column: 10, rule: "template.unknown-filter",
                    message: "placeholder `{{owner | slgu | title}}` uses unknown filters `slgu`, `title`",
                    hint:
                        "Did you mean `slug`? The filters are `slug`, `lower`, `upper`, `trim`, and they chain: `{{owner | lower | slug}}`. With an unknown filter the placeholder is copied into a new group as is."
                ))
        #expect(finding(.zhHans)?.message == "占位符 `{{owner | slgu | title}}` 用了未知的过滤器 `slgu`、`title`")
        #expect(finding(.zhHans)?.hint?.contains("已知的过滤器：`slug`、`lower`、`upper`、`trim`") == true)
        #expect(finding(.zhHant)?.message == "佔位符 `{{owner | slgu | title}}` 用了未知的過濾器 `slgu`、`title`")
        #expect(finding(.zhHant)?.hint?.contains("已知的過濾器：`slug`、`lower`、`upper`、`trim`") == true)
    }

    @Test func knownFiltersInAnyCombinationHaveNoFindings() {
        var files = Fixtures.template(.english)
        files[Self.document] = files[Self.document]!.edited(
            "{{ owner | upper }}", with: "{{owner|lower|slug}} {{ owner | trim | upper }} {{owner}}")
        #expect(CheckHarness.check(files) == [])
    }
}
