import Foundation
import PlaybookEngine
import PlaybookModel
import PlaybookReplication
import PlaybookScaffold
import PlaybookSource
import TestSupport
import Testing

/// Issue 4: cloning a template into a group, lineage, drift and three-way updates.
@Suite struct ReplicationTests {
    static let charter = ReplicationFixtures.charter

    static func site(extra: [String: String] = [:]) throws -> TemporarySite {
        var files = [
            "playbook.yml": "title: 测试\n",
            "content/index.md": "# 首页\n",
            "content/templates/city/index.md": """
            ---
            kind: template
            title: 城市分会模板
            version: 1.0.0
            variables:
              - name: city
                description: 城市
                required: true
              - name: owner
                description: 群主
                required: true
              - name: platform
                default: 微信群
                choices: [微信群, QQ群]
              - name: code
                default: abc
                pattern: "[a-z]+"
            ---
            # 城市分会模板

            {{city}} {{owner}} {{platform}} {{code}}
            """,
            "content/templates/city/files/index.md": charter,
            "content/templates/city/files/notes/{{code | slug}}.md":
                "---\ntitle: 笔记\nkind: page\n---\n{{city}} 的笔记。\n\n第二段。\n",
        ]
        for (k, v) in extra { files[k] = v }
        return try TemporarySite(files)
    }

    static let answers = ["city": "苏州", "owner": "王敏"]

    func clone(_ site: TemporarySite, slug: String = "suzhou", answers: [String: String] = answers) throws {
        let plan = try Replicator.planClone(
            site: try SiteReader(root: site.root).read(), template: "city", slug: slug, answers: answers)
        try ScaffoldWriter(root: site.root).write(plan)
    }

    func refusal(_ work: () throws -> Void) -> ScaffoldRefusal? {
        do {
            try work()
            return nil
        } catch let refusal as ScaffoldRefusal {
            return refusal
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func clonesWithAnswersAndFilters() throws {
        let site = try Self.site()
        defer { site.remove() }
        try clone(site)
        let charter = try site.read("content/groups/suzhou/index.md")
        #expect(charter.contains("title: \"苏州分会\""))
        #expect(charter.contains("群主 王敏"))
        #expect(charter.contains("微信群。"))
        #expect(try site.read("content/groups/suzhou/notes/abc.md").contains("苏州 的笔记"))
        #expect(try Pipeline.check(siteAt: site.root).diagnostics.filter { $0.severity == .error } == [])
    }

    // Issue 13: a template that declares its variables as a mapping clones the same way.
    @Test func clonesATemplateWhoseVariablesAreAMapping() throws {
        let site = try Self.site()
        defer { site.remove() }
        let index = try site.read("content/templates/city/index.md")
        let mapping = index.edited(
            """
            variables:
              - name: city
                description: 城市
                required: true
              - name: owner
                description: 群主
                required: true
              - name: platform
                default: 微信群
                choices: [微信群, QQ群]
              - name: code
                default: abc
                pattern: "[a-z]+"
            """,
            with: """
                variables:
                  city: {description: 城市, required: true}
                  owner: {description: 群主, required: true}
                  platform: {default: 微信群, choices: [微信群, QQ群]}
                  code: abc
                """)
        try site.write("content/templates/city/index.md", mapping)
        let template = try #require(ReplicationTemplate.all(in: try SiteReader(root: site.root).read())["city"])
        #expect(template.variables.map(\.name) == ["city", "owner", "platform", "code"])
        #expect(template.variables.map(\.required) == [true, true, false, false])
        #expect(template.variables[3].defaultValue == "abc")
        try clone(site)
        #expect(try site.read("content/groups/suzhou/index.md").contains("群主 王敏"))
        #expect(try site.read("content/groups/suzhou/notes/abc.md").contains("苏州 的笔记"))
        #expect(try Pipeline.check(siteAt: site.root).diagnostics.filter { $0.severity == .error } == [])
    }

    @Test func recordsLineageAndASnapshot() throws {
        let site = try Self.site()
        defer { site.remove() }
        try clone(site)
        let lineage = try #require(Lineage.parse(try site.read("content/groups/suzhou/lineage.yml")))
        let template = try #require(ReplicationTemplate.all(in: try SiteReader(root: site.root).read())["city"])
        #expect(lineage.template == "city")
        #expect(lineage.version == "1.0.0")
        #expect(lineage.hash == template.hash)
        #expect(lineage.answerMap == ["city": "苏州", "owner": "王敏", "platform": "微信群", "code": "abc"])
        #expect(lineage.files["index.md"] == SHA256.hex(try site.read("content/groups/suzhou/index.md")))
        #expect(try ScaffoldWriter(root: site.root).snapshot(template: "city", hash: template.hash).get() == template)
    }

    @Test func listsEveryMissingRequiredAnswer() throws {
        let site = try Self.site()
        defer { site.remove() }
        let refused = refusal { try clone(site, answers: [:]) }
        #expect(
            refused?.problems == [
                .missingAnswer(variable: "city", description: "城市"),
                .missingAnswer(variable: "owner", description: "群主"),
            ])
        #expect(!site.exists("content/groups/suzhou"))
    }

    @Test func refusesInvalidAnswers() throws {
        let site = try Self.site()
        defer { site.remove() }
        let refused = refusal {
            try clone(site, answers: Self.answers.merging(["platform": "微博", "code": "A1", "colour": "红"]) { $1 })
        }
        #expect(
            refused?.problems == [
                .notAChoice(variable: "platform", value: "微博", choices: ["微信群", "QQ群"]),
                .noPatternMatch(variable: "code", value: "A1", pattern: "[a-z]+"),
                .undeclaredAnswer(template: "city", name: "colour", declared: ["city", "owner", "platform", "code"]),
            ])
        #expect(
            refused?.problems.last?.message(.en)
                == "template `city` declares no variable `colour`; declared: city, owner, platform, code")
        // A pattern failure is said in words, with the declared example when there is one (issue 22).
        #expect(refused?.problems[1].message(.zhHans) == "`code` 填的是 `A1`；它要只用小写英文字母")
        #expect(
            ReplicationProblem.noPatternMatch(
                variable: "slug", value: "Wu Han", pattern: "^[a-z0-9-]+$", example: "wuhan"
            )
            .message(.en) == "`slug` is `Wu Han`; it must use only lower-case letters, digits, hyphens, such as `wuhan`"
        )
        #expect(
            ReplicationProblem.noPatternMatch(variable: "x", value: "y", pattern: "(a|b)").message(.en)
                == "`x` is `y`; it must match the pattern `(a|b)`")
        #expect(!site.exists("content/groups/suzhou"))
    }

    @Test func neverOverwritesAnExistingGroup() throws {
        let site = try Self.site(extra: ["content/groups/suzhou/index.md": "---\ntitle: 原有\n---\n原有内容\n"])
        defer { site.remove() }
        let before = site.files(under: "content")
        #expect(refusal { try clone(site) }?.problems == [.groupExists("suzhou")])
        #expect(site.files(under: "content") == before)
        #expect(try site.read("content/groups/suzhou/index.md") == "---\ntitle: 原有\n---\n原有内容\n")
        #expect(!site.exists(".playbook"))
    }

    @Test(arguments: [
        ("../escape", ReplicationProblem.slugLeavesGroups("../escape")), ("a/b", .slugLeavesGroups("a/b")),
        ("..", .slugLeavesGroups("..")), (".hidden", .slugLeavesGroups(".hidden")), ("", .emptySlug),
        ("a b", .slugCharacters("a b")),
    ])
    func refusesSlugsThatLeaveTheGroupsFolder(_ slug: String, problem: ReplicationProblem) throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(refusal { try clone(site, slug: slug) }?.problems.contains(problem) == true)
        #expect(site.files(under: "content").allSatisfy { !$0.contains("escape") && !$0.hasPrefix("groups") })
    }

    @Test func refusesAnswersThatWouldWriteOutsideTheGroup() throws {
        let site = try Self.site(extra: ["content/templates/city/files/{{city}}.md": "---\ntitle: x\n---\n"])
        defer { site.remove() }
        #expect(
            refusal { try clone(site, answers: Self.answers.merging(["city": "../../../evil"]) { $1 }) }?.problems
                == [.pathLeavesGroup("../../../evil.md")])
        #expect(!site.exists("evil.md"))
        #expect(!site.exists("content/groups"))
    }

    @Test func theCheckerGatesTheClone() throws {
        let site = try Self.site(extra: [
            "content/templates/city/files/index.md": "---\nkind: group\ntitle: \"{{city}}\"\n---\n只有一句话。\n"
        ])
        defer { site.remove() }
        let refused = refusal { try clone(site) }
        #expect(refused?.problems == [.wouldNotPass])
        #expect(refused?.diagnostics.isEmpty == false)
        #expect(refused?.diagnostics.allSatisfy { $0.file.hasPrefix("content/groups/suzhou/") } == true)
        #expect(
            refused?.diagnostics.contains { $0.rule == "frontmatter.required" || $0.rule.hasPrefix("group.") } == true)
        #expect(!site.exists("content/groups/suzhou"))
    }

    func drift(_ site: TemporarySite) throws -> Drift {
        try #require(Replicator.drift(site: try SiteReader(root: site.root).read()).first)
    }

    func changeTemplate(_ site: TemporarySite, replacing old: String, with new: String, in file: String = "index.md")
        throws
    {
        let path = "content/templates/city/files/\(file)"
        try site.write(path, try site.read(path).replacingOccurrences(of: old, with: new))
        let declaration = "content/templates/city/index.md"
        try site.write(
            declaration, try site.read(declaration).replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0"))
    }

    func update(_ site: TemporarySite) throws -> ScaffoldPlan {
        let d = try drift(site)
        let base = try #require(
            try ScaffoldWriter(root: site.root).snapshot(template: "city", hash: d.lineage.hash).get())
        let plan = try Replicator.planUpdate(site: try SiteReader(root: site.root).read(), drift: d, base: base)
        try ScaffoldWriter(root: site.root).write(plan, replacing: true)
        return plan
    }

    @Test func detectsDriftAfterATemplateChange() throws {
        let site = try Self.site()
        defer { site.remove() }
        try clone(site)
        #expect(try drift(site).behind == false)
        try changeTemplate(site, replacing: "副群主带出下一个分会。", with: "副群主带出下一个分会，每季度复盘一次。")
        #expect(try drift(site).behind)
        let health = try Pipeline.check(siteAt: site.root).health
        #expect(health.rows.first?.lineage == "city 1.0.0")
        #expect(health.rows.first?.behindTemplate == true)
    }

    @Test func updateMergesTemplateChangesAndKeepsGroupEdits() throws {
        let site = try Self.site()
        defer { site.remove() }
        try clone(site)
        let path = "content/groups/suzhou/index.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "每月一份共读笔记。", with: "每月一份共读笔记，苏州另加一期播客。"))
        try changeTemplate(site, replacing: "副群主带出下一个分会。", with: "副群主带出下一个分会，每季度复盘一次。")
        let plan = try update(site)
        #expect(plan.conflicts == [])
        let merged = try site.read(path)
        #expect(merged.contains("苏州另加一期播客"))
        #expect(merged.contains("每季度复盘一次"))
        #expect(try drift(site).behind == false)
        #expect(try Lineage.parse(try site.read("content/groups/suzhou/lineage.yml"))?.version == "1.1.0")
    }

    @Test func conflictingEditsGetMarkersAndTheBuildIsRefused() throws {
        let site = try Self.site()
        defer { site.remove() }
        try clone(site)
        let path = "content/groups/suzhou/index.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "每月一份共读笔记。", with: "每月两份笔记。"))
        try changeTemplate(site, replacing: "每月一份共读笔记。", with: "每月一份共读笔记和一期书单。")
        let plan = try update(site)
        #expect(plan.conflicts == [path])
        let text = try site.read(path)
        #expect(text.contains("<<<<<<< group suzhou\n每月两份笔记。\n=======\n每月一份共读笔记和一期书单。\n>>>>>>> template city 1.1.0"))
        let out = site.root.appendingPathComponent("public")
        let build = try Pipeline.build(siteAt: site.root, into: out)
        #expect(build.refused)
        #expect(build.check.diagnostics.contains { $0.rule == "page.conflict-markers" && $0.file == path })
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    // Issue 13: every replicated file is checked, not only Markdown: a conflict `update` leaves
    // in a group's text file shows in status, check and build, and is never published.
    @Test func conflictsInANonMarkdownFileAreFoundByStatusCheckAndBuild() throws {
        let site = try Self.site(extra: ["content/templates/city/files/contacts.txt": "{{owner}}\n电话：待定\n"])
        defer { site.remove() }
        try clone(site)
        let path = "content/groups/suzhou/contacts.txt"
        try site.write(path, try site.read(path).edited("电话：待定", with: "电话：123"))
        try changeTemplate(site, replacing: "电话：待定", with: "电话：见群公告", in: "contacts.txt")
        let plan = try update(site)
        #expect(plan.conflicts == [path])
        let files = try SiteReader(root: site.root).read()
        let status = try #require(Replicator.status(site: files).first)
        #expect(status.standing == .upToDate)
        #expect(status.conflicts == ["groups/suzhou/contacts.txt"])
        #expect(status.needsAttention)
        let check = try Pipeline.check(siteAt: site.root)
        #expect(
            check.diagnostics.filter { $0.rule == "page.conflict-markers" }.map { "\($0.file):\($0.position.line)" }
                == ["\(path):2"])
        let out = site.root.appendingPathComponent("public")
        #expect(try Pipeline.build(siteAt: site.root, into: out).refused)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("groups/suzhou/contacts.txt").path))
    }

    @Test func aFileTheGroupDeletedStaysDeleted() throws {
        let site = try Self.site()
        defer { site.remove() }
        try clone(site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/groups/suzhou/notes/abc.md"))
        try changeTemplate(site, replacing: "第二段。", with: "第二段，改过。", in: "notes/{{code | slug}}.md")
        let plan = try update(site)
        #expect(plan.keptDeleted == ["notes/abc.md"])
        #expect(!site.exists("content/groups/suzhou/notes/abc.md"))
    }
}

@Suite struct LineDiffTests {
    @Test func mergeTakesEachSidesChange() {
        let merged = LineDiff.merge(
            base: "a\nb\nc\nd\n", ours: "a\nB\nc\nd\n", theirs: "a\nb\nc\nD\n", oursLabel: "o", theirsLabel: "t")
        #expect(merged == LineDiff.MergeResult(text: "a\nB\nc\nD\n", conflicts: 0))
    }

    @Test func mergeMarksOverlappingChanges() {
        let merged = LineDiff.merge(
            base: "a\nb\nc\n", ours: "a\nX\nc\n", theirs: "a\nY\nc\n", oursLabel: "o", theirsLabel: "t")
        #expect(merged == LineDiff.MergeResult(text: "a\n<<<<<<< o\nX\n=======\nY\n>>>>>>> t\nc\n", conflicts: 1))
    }

    // Issue 13: properties of the three-way merge, on generated texts.
    static func texts(_ seed: UInt64, count: Int) -> [String] {
        var generator = SplitMix(seed: seed)
        let words = ["甲", "乙", "丙", "丁", "a", "b", "", "群规", "## 标题"]
        return (0..<count).map { _ in
            let lines = Int(generator.next() % 8)
            return (0..<lines).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: "\n")
                + (generator.next() % 2 == 0 ? "\n" : "")
        }
    }

    @Test func mergingAChangeWithItselfOrWithNothingIsThatChange() {
        let texts = Self.texts(7, count: 120)
        for (base, changed) in zip(texts, texts.dropFirst()) {
            let same = LineDiff.merge(base: base, ours: changed, theirs: changed, oursLabel: "o", theirsLabel: "t")
            #expect(
                same == LineDiff.MergeResult(text: changed, conflicts: 0),
                "\(base.debugDescription) → \(changed.debugDescription)")
            let ours = LineDiff.merge(base: base, ours: changed, theirs: base, oursLabel: "o", theirsLabel: "t")
            #expect(ours == LineDiff.MergeResult(text: changed, conflicts: 0))
            let theirs = LineDiff.merge(base: base, ours: base, theirs: changed, oursLabel: "o", theirsLabel: "t")
            #expect(theirs == LineDiff.MergeResult(text: changed, conflicts: 0))
        }
    }

    @Test func disjointEditsCommute() {
        var generator = SplitMix(seed: 11)
        for _ in 0..<200 {
            let count = 6 + Int(generator.next() % 10)
            let base = (0..<count).map { "行\($0)" }
            // One side edits a line in the first half, the other one in the second half, with
            // an untouched line between them.
            let i = Int(generator.next() % UInt64(count / 2 - 1))
            let j = count / 2 + 1 + Int(generator.next() % UInt64(count - count / 2 - 1))
            var a = base
            var b = base
            a[i] = "改甲\(i)"
            b[j] = "改乙\(j)"
            let text = { (lines: [String]) in lines.joined(separator: "\n") + "\n" }
            let ab = LineDiff.merge(base: text(base), ours: text(a), theirs: text(b), oursLabel: "o", theirsLabel: "t")
            let ba = LineDiff.merge(base: text(base), ours: text(b), theirs: text(a), oursLabel: "o", theirsLabel: "t")
            var both = base
            both[i] = a[i]
            both[j] = b[j]
            #expect(ab == LineDiff.MergeResult(text: text(both), conflicts: 0))
            #expect(ab == ba)
        }
    }

    @Test func unifiedDiffHasHunks() {
        let diff = LineDiff.unified("a\nb\nc\n", "a\nB\nc\n", oldName: "old", newName: "new")
        #expect(diff == "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
    }

    /// A file the template added or the group deleted diffs against nothing: no blank line, and
    /// the empty side starts at line 0.
    @Test func unifiedDiffOfANewAndADeletedFile() {
        #expect(LineDiff.unified("", "a\nb\n", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(LineDiff.unified("a\n", "", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -1,1 +0,0 @@\n-a\n")
    }

    @Test func sha256KnownAnswer() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func placeholdersAndFilters() {
        let rendered = Placeholders.render(
            "{{ city }}/{{city_en | slug}}/{{x}}", answers: ["city": "苏州", "city_en": "Su Zhou!"])
        #expect(rendered.text == "苏州/su-zhou/{{x}}")
        #expect(rendered.unknown == ["x"])
    }
}
