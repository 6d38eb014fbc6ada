import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookSource

@Suite struct FrontMatterSplitterTests {
    let splitter = FrontMatterSplitter()

    @Test func splitsFrontMatterAndKeepsKeyLines() {
        let file = splitter.split(path: "content/a.md", text: "---\ntitle: 杭州\nowner: 林晓\n---\n# 正文\n")
        #expect(file.frontMatter["title"] == .string("杭州"))
        #expect(file.frontMatter.entry("owner")?.line == 3)
        #expect(file.body == "# 正文\n")
        #expect(file.bodyLineOffset == 4)
        #expect(file.diagnostics.isEmpty)
    }

    @Test func typedValues() {
        let file = splitter.split(path: "c.md", text: "---\nn: 3\nb: true\nf: 1.5\nl: [a, b]\ns: \"3\"\nz: ~\n---\n")
        #expect(file.frontMatter["n"] == .int(3))
        #expect(file.frontMatter["b"] == .bool(true))
        #expect(file.frontMatter["f"] == .double(1.5))
        #expect(file.frontMatter["l"] == .array([.string("a"), .string("b")]))
        #expect(file.frontMatter["s"] == .string("3"))
        #expect(file.frontMatter["z"] == .null)
    }

    @Test func yamlErrorIsReportedAtItsLineInTheFile() {
        let file = splitter.split(path: "content/a.md", text: "---\ntitle: ok\nowner: \"unclosed\nx: 1\n---\nbody\n")
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics[0].rule == "frontmatter.yaml")
        #expect(file.diagnostics[0].position.line == 3)
    }

    @Test func unclosedFrontMatterIsAnError() {
        let file = splitter.split(path: "content/a.md", text: "---\ntitle: x\n# 正文\n")
        #expect(file.diagnostics.map(\.rule) == ["frontmatter.unclosed"])
    }

    // Issue 22: the everyday slips are named at their place, with their own fix, in the language asked.
    @Test func fullWidthColonIsNamedAtTheColon() {
        let file = FrontMatterSplitter(language: .en).split(
            path: "content/a.md", text: "---\ntitle：值班交接\nkind: sop\n---\n")
        #expect(
            file.diagnostics == [
                Diagnostic(
                    file: "content/a.md", line: 2, column: 6, rule: "frontmatter.yaml",
                    message:
                        "front matter: `title` is followed by a full-width colon `：`, so YAML cannot read the field",
                    hint:
                        "Use an ASCII colon and a space: `title: 值班交接`. A Chinese input method types the full-width one."
                )
            ])
        #expect(file.frontMatterUnreadable)
    }

    @Test func ideographicSpaceIndentationIsAMistakeEvenWhenYAMLReadsIt() {
        let file = splitter.split(
            path: "a.md", text: "---\nvariables:\n  - name: city\n\u{3000}\u{3000}required: true\n---\n")
        #expect(file.diagnostics.map(\.position) == [SourcePosition(line: 4, column: 1)])
        #expect(file.frontMatter.entries.isEmpty)
    }

    @Test func blockScalarTextMayHoldFullWidthSpaces() {
        let file = splitter.split(path: "a.md", text: "---\ndescription: |\n  \u{3000}\u{3000}第一段\ntitle: 甲\n---\n")
        #expect(file.diagnostics.isEmpty)
        #expect(file.frontMatter["title"] == .string("甲"))
    }

    @Test func duplicateKeyNamesBothLinesInTheFile() {
        let file = splitter.split(path: "a.md", text: "---\nowner: 甲\ntitle: 乙\nowner: 丙\n---\n")
        #expect(file.diagnostics.map(\.position) == [SourcePosition(line: 4, column: 1)])
        #expect(file.diagnostics.first?.message == "front matter 里 `owner` 写了两次（另一次在第 2 行）")
    }

    @Test func unclosedFrontMatterIsReportedWhereTheFenceBelongsAndItsFieldsAreRead() {
        let file = splitter.split(path: "a.md", text: "---\ntitle: 甲\nowner: 乙\n\n# 正文\n")
        #expect(file.diagnostics.map(\.rule) == ["frontmatter.unclosed"])
        #expect(file.diagnostics.first?.position.line == 5)
        #expect(file.frontMatter["owner"] == .string("乙"))
        #expect(file.body == "# 正文\n")
    }

    @Test func wideFencesAreReportedAndTheFieldsRead() {
        let file = splitter.split(path: "a.md", text: "———\ntitle: 甲\n———\n# 正文\n")
        #expect(file.diagnostics.map(\.position.line) == [1, 3])
        #expect(file.frontMatter["title"] == .string("甲"))
        #expect(file.body == "# 正文\n")
    }

    @Test func fieldsWithoutTheOpeningFenceAreReportedAndRead() {
        let file = splitter.split(path: "a.md", text: "title: 甲\nowner: 乙\n---\n# 正文\n")
        #expect(file.diagnostics.map(\.rule) == ["frontmatter.unopened"])
        #expect(file.frontMatter["owner"] == .string("乙"))
        #expect(file.body == "# 正文\n")
    }

    @Test func aPageStartingWithTextIsNotFrontMatter() {
        let file = splitter.split(path: "a.md", text: "注意：这一页没有字段\n\n正文\n")
        #expect(file.diagnostics.isEmpty)
        #expect(file.bodyOffset == 0)
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() {
        let file = splitter.split(path: "content/a.md", text: "---\n- a\n- b\n---\n")
        #expect(file.diagnostics.map(\.rule) == ["frontmatter.yaml"])
    }

    @Test func windowsLineEndingsAndBOM() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: 甲\r\n---\r\n# 乙\r\n".utf8)
        let file = splitter.split(path: "a.md", bytes: bytes)
        #expect(file.frontMatter["title"] == .string("甲"))
        #expect(file.body == "# 乙\n")
        #expect(file.diagnostics.isEmpty)
    }

    @Test func invalidUTF8IsReportedAtTheLine() {
        let bytes: [UInt8] = Array("# 标题\n好\n".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        let file = splitter.split(path: "content/a.md", bytes: bytes)
        #expect(file.diagnostics.map(\.rule) == ["source.encoding"])
        #expect(file.diagnostics.first?.position.line == 3)
    }

    @Test func emptyFileAndOnlyFrontMatter() {
        #expect(splitter.split(path: "a.md", text: "").diagnostics.isEmpty)
        let only = splitter.split(path: "a.md", text: "---\ntitle: 只有头\n---\n")
        #expect(only.body == "")
        #expect(only.frontMatter["title"] == .string("只有头"))
        #expect(splitter.split(path: "a.md", text: "---\n---\n").diagnostics.isEmpty)
    }

    @Test func aThematicBreakLaterInTheFileIsNotFrontMatter() {
        let file = splitter.split(path: "a.md", text: "# 标题\n\n---\n\n文字\n")
        #expect(file.bodyLineOffset == 0)
        #expect(file.frontMatter.entries.isEmpty)
    }
}

@Suite struct SiteConfigLoaderTests {
    let loader = SiteConfigLoader()

    @Test func readsKnownKeys() {
        let (config, diagnostics) = loader.load(
            path: "playbook.yml",
            text:
                "title: 手册\nlanguage: zh-Hant\nbaseURL: /handbook\neditURL: https://x/{path}\nmarkdown:\n  unsafe: true\n"
        )
        #expect(diagnostics.isEmpty)
        #expect(config.title == "手册")
        #expect(config.language == .zhHant)
        #expect(config.baseURL == "/handbook/")
        #expect(config.unsafeHTML)
    }

    /// Issue 24: `search.synonyms` as a mapping or a list of groups; other shapes are errors.
    @Test func searchSynonymsAreDecodedInEitherForm() {
        let (mapped, none) = loader.load(
            path: "playbook.yml", text: "search:\n  synonyms:\n    移出: [拉黑, 踢人]\n    线下见面: 面基\n")
        #expect(none.isEmpty)
        #expect(mapped.searchSynonyms == [["移出", "拉黑", "踢人"], ["线下见面", "面基"]])
        let (listed, _) = loader.load(path: "playbook.yml", text: "search:\n  synonyms: [[新成员, 新人]]\n")
        #expect(listed.searchSynonyms == [["新成员", "新人"]])
        let (_, wrong) = loader.load(path: "playbook.yml", text: "search:\n  synonyms: 拉黑\n  other: 1\n")
        #expect(wrong.map(\.rule) == ["config.type", "config.unknown-key"] || wrong.count == 2)
    }

    @Test func unknownKeyIsAWarningNamingIt() {
        let (_, diagnostics) = loader.load(path: "playbook.yml", text: "title: a\ntitel: b\n")
        #expect(
            diagnostics == [
                Diagnostic(
                    file: "playbook.yml", line: 2, severity: .warning, rule: "config.unknown-key",
                    message: "未知的键 `titel` 被忽略",
                    hint:
                        "你是不是想写 `title`？可用的键：baseURL, description, editURL, editions, language, markdown, search, title"
                )
            ])
    }

    @Test func wrongTypeIsAnErrorAtItsLine() {
        let (_, diagnostics) = loader.load(path: "playbook.yml", text: "title: a\n\nmarkdown:\n  unsafe: yes please\n")
        #expect(diagnostics.map(\.rule) == ["config.type"])
        #expect(diagnostics.first?.position.line == 4)
    }

    @Test func unsupportedLanguage() {
        let (config, diagnostics) = loader.load(path: "playbook.yml", text: "language: fr\n")
        #expect(config.language == .zhHans)
        #expect(diagnostics.map(\.rule) == ["config.value"])
    }

    @Test func yamlSyntaxErrorIsLocated() {
        let (_, diagnostics) = loader.load(path: "playbook.yml", text: "title: a\nlanguage: [en\n")
        #expect(diagnostics.map(\.rule) == ["config.yaml"])
        #expect(diagnostics.first?.position.line == 2)
    }

    @Test func keysOwnedByLaterStagesAreNotUnknown() {
        let (_, diagnostics) = SiteConfigLoader(extraKeys: ["kinds"]).load(path: "playbook.yml", text: "kinds: {}\n")
        #expect(diagnostics.isEmpty)
    }
}

@Suite struct SlugTests {
    @Test func anchorsFollowGitHub() {
        #expect(Slug.anchor("一、同好 Shared interest") == "一同好-shared-interest")
        #expect(Slug.anchor("Step 1: Welcome!") == "step-1-welcome")
        #expect(Slug.anchor("🎉 欢迎 Welcome") == "-欢迎-welcome")
        #expect(Slug.anchor("結構（Structure）") == "結構structure")
        #expect(Slug.anchor("a_b-c") == "a_b-c")
    }

    @Test func relativeLinks() {
        #expect(Slug.relative(from: "groups/a/", to: "sops/b/") == "../../sops/b/")
        #expect(Slug.relative(from: "", to: "") == "./")
        #expect(Slug.relative(from: "a/", to: "杭州 分会/") == "../%E6%9D%AD%E5%B7%9E%20%E5%88%86%E4%BC%9A/")
    }

    @Test func resolveRefusesToClimbAboveTheRoot() {
        #expect(Slug.resolve("../../x.md", inFolder: "groups") == nil)
        #expect(Slug.resolve("./b/../c.md", inFolder: "groups") == "groups/c.md")
    }
}

@Suite struct YAMLReaderTests {
    /// The fast path must read every document exactly as the full parser does.
    @Test(arguments: [
        "title: 杭州读书会\nowner: 林晓\n",
        "title: Shiye Reading Club\nplatform: 微信群\n",
        "version: 1.0.0\n", "n: 3\n", "b: yes\n", "t: true\n", "z: null\n", "d: 2024-01-01\n",
        "a: b: c\n", "a: x # comment\n", "k: - item\n", "k: 'quoted'\n", "k: \"{{owner}}\"\n", "k: [1, 2]\n",
        "key:   spaced value  \n", "kind: group\ncadence: weekly\n", "k: city-chapter\n", "k: Yes\n", "k: OFF\n",
        "k: Null\n", "k: n\n", "k: y\n", "k: nan\n", "k: inf\n", "k: True\n", "k: snake_case\n", "k: 你好:世界\n",
        "dup: 一\ndup: 二\n", "  indented: 值\n", "k: 值\n\nm: 二\n",
    ])
    func fastPathAgreesWithFullParser(_ text: String) throws {
        let full: Result<Value, YAMLReader.Failure>
        do {
            full = try .success(YAMLReader.value(ofFullParse: text))
        } catch let failure as YAMLReader.Failure {
            full = .failure(failure)
        }
        if let fast = SimpleMapping.parse(text) {
            #expect(Result<Value, YAMLReader.Failure>.success(fast) == full, "\(text)")
        }
    }

    /// Quoted strings, flow lists and numbers, the forms the README teaches, with the tricky
    /// spellings around them: each is read as the full parser reads it, or left to it.
    @Test(arguments: [
        "title: \"杭州分会 Hangzhou\"\n", "k: 'it''s'\n", "k: \"say \\\"hi\\\"\"\n", "k: \"back\\\\slash\"\n",
        "k: \"tab\\tx\"\n", "k: \"\\u00e9\"\n", "k: 'a\\b'\n", "k: \"\"\n", "k: ''\n", "k: \"a\" # c\n", "k: \"a\"b\n",
        "k: \"open\n", "k: 'a' 'b'\n", "k: \"#1 第一\"\n", "k: \"a: b\"\n", "k: '{{city}}分会'\n",
        "k: [a, \"b, c\"]\n", "k: [a, b]\n", "k: []\n", "k: [ ]\n", "k: [a, b,]\n", "k: [a,,b]\n", "k: [a , b ]\n",
        "k: [读书会, 线下活动, \"开放 日\"]\n", "k: [open day, 开放日]\n", "k: [yes, no]\n", "k: [1, 2.5, -3]\n",
        "k: [007, 0x10]\n", "k: [a, [b]]\n", "k: [a: b]\n", "k: [a, {b: c}]\n", "k: ['it''s', \"x\"]\n", "k: [a] # c\n",
        "k: [~, null]\n", "k: [2024-01-01]\n", "k: [a#b]\n", "k: [-a]\n", "k: [\"a\" b]\n",
        "n: 1e3\n", "n: 0x10\n", "n: 007\n", "n: 0\n", "n: -0\n", "n: -12\n", "n: 180\n", "n: 2.5\n", "n: -0.75\n",
        "n: 1.\n", "n: .5\n", "n: 1_000\n", "n: +5\n", "n: 123456789012345\n", "n: 12345678901234567890\n",
        "n: 3.141592653589793\n", "n: 1.0\n", "n: 1.0.0\n", "n: 1:30\n", "n: 0.1\n", "n: 00.5\n", "n: 1.5e3\n",
        "k: yes\n", "k: ~\n", "k: null\n", "k: 2024-06-28\n", "k: 2024-06-28 10:00:00\n", "k: 2025-06\n",
        "title: \"{{city}}分会\"\nkind: group\nmembers: 180\ntags: [读书会, 打卡]\nversion: 1.2\n",
        "a: \"x\"\na: \"y\"\n", "k:\n", "k: # comment\n",
    ])
    func quotedListsAndNumbersAgreeWithFullParser(_ text: String) throws {
        try fastPathAgreesWithFullParser(text)
    }

    /// Many generated documents mixing every form, compared with the full parser.
    @Test func generatedFrontMatterAgreesWithFullParser() throws {
        let values = [
            "\"杭州\"", "'台北'", "180", "-3", "2.5", "0", "007", "1e3", "[a, b]", "[\"a, b\", c]", "[]", "yes", "~",
            "2024-01-01", "'it''s'", "\"q\\\"\"", "plain 文字", "weekly", "[1, x]", "\"\"", "[读书会]", "0.10", "-0.0",
            "[ 'x' , \"y\" ]", "\"a\" ", "1.5", "city-chapter", "N", "[on, off]",
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var taken = 0
        for _ in 0..<400 {
            var text = ""
            for k in 0..<(1 + next(5)) { text += "k\(k): \(values[next(values.count)])\n" }
            if SimpleMapping.parse(text) != nil { taken += 1 }
            try fastPathAgreesWithFullParser(text)
        }
        #expect(taken > 50)
    }

    /// The front matter most playbooks have takes the fast path (and words YAML types do not).
    @Test func commonFrontMatterTakesTheFastPath() {
        #expect(SimpleMapping.parse("title: \"杭州分会\"\ntags: [读书会, \"线下 活动\"]\nmembers: 180\n") != nil)
        #expect(SimpleMapping.parse("k: 'it''s'\nv: 2.5\n") != nil)
        #expect(SimpleMapping.parse("n: 007\n") == nil)
        #expect(SimpleMapping.parse("k: [a, b,]\n") == nil)
        #expect(SimpleMapping.parse("title: 杭州读书会\nkind: group\nowner: 林晓\ncadence: weekly\n") != nil)
        #expect(SimpleMapping.parse("kind: sop\ntemplate: city-chapter\n") != nil)
        #expect(SimpleMapping.parse("published: yes\n") == nil)
        #expect(SimpleMapping.parse("owner: null\n") == nil)
    }
}

@Suite struct SiteReaderTests {
    @Test func readsContentTemplatesAndStaticSorted() throws {
        let site = try TemporarySite([
            "playbook.yml": "title: t\n", "content/b.md": "b", "content/a/x.md": "x", "content/a/pic.png": "p",
            "content/.hidden.md": "h", "templates/page.mustache": "{{title}}", "static/css/x.css": "c",
        ])
        defer { site.remove() }
        let files = try SiteReader(root: site.root).read()
        #expect(files.config == "title: t\n")
        #expect(files.content.map(\.path) == ["content/a/x.md", "content/b.md"])
        #expect(files.contentAssets.map(\.path) == ["content/a/pic.png"])
        #expect(files.templates == ["page.mustache": "{{title}}"])
        #expect(files.staticFiles.map(\.path) == ["css/x.css"])
    }

    @Test func symbolicLinksLeavingTheSiteAreNotRead() throws {
        let outside = try TemporarySite(["secret.txt": "private"])
        let site = try TemporarySite(["content/index.md": "# 首页", "content/shared/ok.md": "ok"])
        defer {
            site.remove()
            outside.remove()
        }
        let fm = FileManager.default
        try fm.createSymbolicLink(
            atPath: site.root.appendingPathComponent("content/leak.txt").path,
            withDestinationPath: outside.root.appendingPathComponent("secret.txt").path)
        try fm.createSymbolicLink(
            atPath: site.root.appendingPathComponent("content/inside.md").path,
            withDestinationPath: site.root.appendingPathComponent("content/shared/ok.md").path)
        let files = try SiteReader(root: site.root).read()
        #expect(files.contentAssets.map(\.path) == [])
        #expect(files.content.map(\.path) == ["content/index.md", "content/inside.md", "content/shared/ok.md"])
    }

    @Test func aSiteWithoutContentIsRefusedWithAHint() throws {
        let site = try TemporarySite(["playbook.yml": "title: t\n"])
        defer { site.remove() }
        #expect(throws: PlaybookError.self) { try SiteReader(root: site.root).read() }
    }
}
