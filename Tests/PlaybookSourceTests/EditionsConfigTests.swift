import PlaybookModel
import PlaybookSource
import Testing

// Issue 14: `editions:` in playbook.yml.
@Suite struct EditionsConfigTests {
    let loader = SiteConfigLoader()

    @Test func aListOfLanguagesPutsTheFirstAtTheRoot() {
        let (config, diagnostics) = loader.load(path: "playbook.yml", text: "editions: [zh-Hans, zh-Hant-TW]\n")
        #expect(diagnostics.isEmpty)
        #expect(
            config.editions == [
                Edition(language: "zh-Hans", prefix: "", conversion: "tw2sp"),
                Edition(language: "zh-Hant-TW", prefix: "zh-Hant-TW/", conversion: "s2twp"),
            ])
        #expect(config.editions.map(\.script) == [.simplified, .traditional])
        #expect(config.editions.map(\.interfaceLanguage) == [.zhHans, .zhHant])
    }

    @Test func theLongFormTakesPrefixesConversionsAndKeptNames() {
        let text = """
            editions:
              languages:
                - zh-Hans
                - {language: zh-Hant-HK, prefix: /hk/, convert: s2hk}
              keep: [拾页, 林晓]
            """
        let (config, diagnostics) = loader.load(path: "playbook.yml", text: text)
        #expect(diagnostics.isEmpty)
        #expect(config.editions.map(\.prefix) == ["", "hk/"])
        #expect(config.editions.map(\.conversion) == ["tw2sp", "s2hk"])
        #expect(config.keep == ["拾页", "林晓"])
    }

    @Test func keptNamesAloneNeedNoEditions() {
        let (config, diagnostics) = loader.load(path: "playbook.yml", text: "editions:\n  keep: [陳怡君]\n")
        #expect(diagnostics.isEmpty)
        #expect(config.editions.isEmpty)
        #expect(config.keep == ["陳怡君"])
    }

    @Test func mistakesAreErrorsAndLeaveOneEdition() {
        let cases: [(String, String)] = [
            ("editions: [zh-Hans, ja]\n", "edition 2 is not a Chinese script: `ja`"),
            ("editions: [zh-Hans]\n", "`editions` names one edition; a site has one edition without it"),
            ("editions: [zh-Hans, zh-Hans]\n", "two editions share `zh-Hans`"),
            (
                "editions:\n  languages: [zh-Hans, {language: zh-Hant, convert: s2x}]\n",
                "edition `zh-Hant` names the unknown OpenCC configuration `s2x`"
            ),
            (
                "editions:\n  languages: [zh-Hans, {language: zh-Hant, prefix: a/b}]\n",
                "edition `zh-Hant` has the prefix `a/b`, which is not one folder name"
            ),
            (
                "editions:\n  languages: [{language: zh-Hans, prefix: cn}, zh-Hant]\n",
                "the first edition `zh-Hans` is at the site root and takes no prefix"
            ),
            ("editions: zh-Hans\n", "`editions` must be a list or a mapping"),
            ("editions:\n  keep: 拾页\n", "`editions.keep` must be a list of names"),
        ]
        for (text, message) in cases {
            let (config, diagnostics) = loader.load(path: "playbook.yml", text: text)
            #expect(diagnostics.map(\.message) == [message], "\(text)")
            #expect(diagnostics.allSatisfy { $0.severity == .error && $0.file == "playbook.yml" })
            #expect(config.editions.isEmpty)
        }
    }

    @Test func anUnknownOptionIsAWarning() {
        let (_, diagnostics) = loader.load(path: "playbook.yml", text: "editions:\n  kepe: [a]\n")
        #expect(diagnostics.map(\.rule) == ["config.unknown-key"])
        #expect(diagnostics.first?.position.line == 2)
    }

    // Issue 21: a site's own phrases, read ahead of Playbook's in both directions.
    @Test func phrasesTakeEachScriptsForm() {
        let text = """
            editions:
              languages: [zh-Hans, zh-Hant-TW]
              phrases:
                - [读书会, 讀書會]
                - [群文件, 群文件, 群組檔案]
                - {zh-Hans: 拾页, zh-Hant: 拾頁, zh-Hant-HK: 拾頁HK}
            """
        let (config, diagnostics) = loader.load(path: "playbook.yml", text: text)
        #expect(diagnostics.isEmpty)
        #expect(
            config.phrases == [
                EditionPhrase(simplified: "读书会", traditional: "讀書會"),
                EditionPhrase(simplified: "群文件", traditional: "群文件", taiwan: "群組檔案"),
                EditionPhrase(simplified: "拾页", traditional: "拾頁", hongKong: "拾頁HK"),
            ])
        #expect(config.phrases[0].taiwan == "讀書會")
    }

    @Test func aPhraseWithoutBothScriptsIsAnErrorAtItsLine() {
        let cases: [(String, String)] = [
            ("editions:\n  phrases: 读书会\n", "`editions.phrases` must be a list of phrases"),
            ("editions:\n  phrases: [[读书会]]\n", "phrase 1 of `editions.phrases` is not a phrase in each script"),
            (
                "editions:\n  phrases: [{zh-Hans: 读书会}]\n",
                "phrase 1 of `editions.phrases` needs its zh-Hans and zh-Hant forms"
            ),
            (
                "editions:\n  phrases: [[读书 会, 讀書會]]\n",
                "phrase 1 of `editions.phrases` has the form `读书 会`; a phrase has no spaces and is not empty"
            ),
        ]
        for (text, message) in cases {
            let (config, diagnostics) = loader.load(path: "playbook.yml", text: text)
            #expect(diagnostics.map(\.message) == [message], "\(text)")
            #expect(diagnostics.first?.position.line == 2)
            #expect(config.phrases.isEmpty)
        }
    }

    @Test func domainPhrasesAreOnUnlessTurnedOff() {
        #expect(loader.load(path: "playbook.yml", text: "editions: [zh-Hans, zh-Hant]\n").0.domainPhrases)
        let off = loader.load(
            path: "playbook.yml", text: "editions:\n  languages: [zh-Hans, zh-Hant]\n  domainPhrases: false\n")
        #expect(off.1.isEmpty)
        #expect(!off.0.domainPhrases)
        let wrong = loader.load(path: "playbook.yml", text: "editions:\n  domainPhrases: sometimes\n")
        #expect(wrong.1.map(\.message) == ["`editions.domainPhrases` must be true or false"])
    }
}
