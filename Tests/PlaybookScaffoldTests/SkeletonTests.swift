import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookScaffold
import Testing

/// `playbook new <kind> <path>` skeletons: structurally right, so an untouched one is reported
/// only for what is left to fill in, and one whose markers and empty fields are filled in
/// checks clean.
@Suite struct SkeletonTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var kind: String
        var language: Language
        var testDescription: String { "\(kind) \(language.rawValue)" }
    }

    static let cases: [Case] = ["group", "rules", "onboarding", "sop"].flatMap { kind in
        [Language.zhHans, .zhHant, .en].map { Case(kind: kind, language: $0) }
    }

    static let path = "content/drafts/page.md"

    static func skeleton(_ c: Case) throws -> String {
        let schema = try #require(RuleSet.defaults.kinds[c.kind])
        return Skeleton.page(kind: schema, title: "草稿 Draft", language: c.language)
    }

    static func check(_ text: String, language: Language) -> CheckResult {
        let site = SiteFiles(
            config: "title: 测试\nlanguage: \(language.rawValue)\n",
            content: [
                RawFile(path: "content/index.md", bytes: Array("# 首页\n".utf8)),
                RawFile(path: path, bytes: Array(text.utf8)),
            ])
        return Pipeline.check(site)
    }

    /// What a user does: every fill-in marker replaced by text, every empty field given a value.
    static func filledIn(_ text: String, language: Language) -> String {
        let real: String
        switch language {
        case .zhHans: real = "每周三晚上线上共读，群主主持，副群主整理纪要"
        case .zhHant: real = "每週三晚上線上共讀，群主主持，副群主整理紀要"
        case .en: real = "Every Wednesday evening we read together online, led by the group owner"
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line)
            if let hash = line.range(of: ": # "), !line.hasPrefix("#") {
                line = String(line[..<hash.lowerBound]) + ": 林晓 每天 daily"
            }
            return line.replacingOccurrences(of: FillInMarker.text(language), with: real)
        }.joined(separator: "\n")
    }

    @Test(arguments: cases) func anUntouchedSkeletonIsReportedOnlyForWhatIsLeftToFill(_ c: Case) throws {
        let text = try Self.skeleton(c)
        let found = Self.check(text, language: c.language).diagnostics.filter { $0.file == Self.path }
        var allowed: Set<String> = ["\(c.kind).empty-section", "frontmatter.required"]
        if c.kind == "sop" { allowed.insert("sop.cadence") }  // `cadence:` is left empty to fill in
        #expect(found.filter { !allowed.contains($0.rule) } == [], "\(text)")
        let schema = try #require(RuleSet.defaults.kinds[c.kind])
        // Every required section is reported until it is written.
        #expect(
            found.filter { $0.rule == "\(c.kind).empty-section" }.count == schema.sections.filter(\.required).count)
        #expect(
            found.filter { $0.rule == "frontmatter.required" }.count == schema.fields.filter(\.required).count)
        if c.kind == "sop" { #expect(found.contains { $0.rule == "sop.cadence" }) }
    }

    @Test(arguments: cases) func aSkeletonFilledInChecksClean(_ c: Case) throws {
        let text = Self.filledIn(try Self.skeleton(c), language: c.language)
        #expect(!FillInMarker.contains(text))
        let found = Self.check(text, language: c.language).diagnostics.filter { $0.file == Self.path }
        #expect(found == [], "\(text)")
    }

    @Test func requiredFieldsAreLeftEmptyWithTheExampleInAComment() throws {
        let text = try Self.skeleton(Case(kind: "sop", language: .zhHans))
        #expect(text.contains("\nowner: # 负责人，例：林晓\n"))
        #expect(text.contains("\ncadence: # 频率，例：每天 daily；或者改写成 `trigger:`\n"))
        #expect(!text.contains("\"林晓\""))
        let owner = Self.check(text, language: .en).diagnostics.first { $0.rule == "frontmatter.required" }
        #expect(owner?.message == "front matter field `owner` is empty")
        #expect(owner?.position == SourcePosition(line: 4, column: 1))
        // Issue 13: the empty `cadence:` is where the SOP's cadence goes, not the closing `---`.
        let cadence = Self.check(text, language: .en).diagnostics.first { $0.rule == "sop.cadence" }
        #expect(cadence?.position == SourcePosition(line: 5, column: 1))
    }

    @Test func onboardingStepsHoldTheWelcomeAndTheRules() throws {
        let text = try Self.skeleton(Case(kind: "onboarding", language: .zhHans))
        #expect(text.contains("1. **第1天** 欢迎：（待填写）；负责人：（待填写）\n2. **第2天** 阅读并确认群规：（待填写）；负责人：（待填写）\n"))
    }

    @Test func anUntouchedGroupSkeletonIsIncompleteInTheHealthMatrix() throws {
        let text = try Self.skeleton(Case(kind: "group", language: .zhHans))
        let health = Self.check(text, language: .zhHans).health
        let row = try #require(health.rows.first { $0.path == Self.path })
        #expect(row.cells.prefix(5).allSatisfy { $0.status == .partial })
        let filled = Self.check(Self.filledIn(text, language: .zhHans), language: .zhHans).health
        #expect(
            try #require(filled.rows.first { $0.path == Self.path }).cells.prefix(5).allSatisfy { $0.status == .ok })
    }

    @Test(arguments: [
        ("group", "ningbo", "groups/ningbo/index.md"),
        ("group", "content/ningbo", "groups/ningbo/index.md"),
        ("group", "ningbo.md", "groups/ningbo/index.md"),
        ("group", "drafts/x", "drafts/x.md"),
        ("group", "groups/ningbo/index", "groups/ningbo/index.md"),
        ("sop", "sops/book-vote", "sops/book-vote.md"),
        ("sop", "vote", "vote.md"),
    ])
    func whereANewPageGoes(kind: String, target: String, path: String) {
        #expect(Skeleton.path(kind: kind, target: target) == path)
    }

    @Test(arguments: [("group", ".hidden"), ("group", "a b"), ("sop", "../x"), ("group", "../x")])
    func targetsOutsideContentAreRefused(kind: String, target: String) {
        #expect(Skeleton.path(kind: kind, target: target) == nil)
    }

    @Test func aGroupPageIsTitledByItsFolder() {
        #expect(Skeleton.defaultTitle(path: "groups/ningbo/index.md") == "ningbo")
        #expect(Skeleton.defaultTitle(path: "sops/book-vote.md") == "book-vote")
    }
}
