import Foundation
import PlaybookEngine
import PlaybookMarkdown
import PlaybookModel
import PlaybookRender
import TestSupport
import Testing

// Read with Foundation's JSONSerialization on purpose: a reader Playbook did not write judges what
// Playbook's `JSON` wrote, so an escaping mistake shared by our writer and reader cannot pass.

// Issue 9: the search index. The tokenizer's golden file is read by the browser tests too
// (Tests/Browser/test_search.py), which hold assets/search.js to the same tokens.

@Suite struct SearchTokenizerTests {
    static let inputs = [
        "社群运营 Community Operations",
        "群規與門檻：歡迎新人",
        "臺北 台北 裡 裏 里 為 爲",
        "Check-in 打卡，每天 08:00 前",
        "ＡＢＣ１２３　全角",
        "第7天回访 Day 7",
        "SOP步骤5W1H",
        "İstanbul STRASSE ΣΑΣ",
        "emoji 🎉 party👍🏽ok",
        "a",
        "禁",
        "",
        "ひらがなカタカナ 한국어",
        "café naïve",
        "supercalifragilisticexpialidocious-and-a-very-long-identifier_name_that_keeps_going",
        "{{city}}分会 {{ city_en | slug }}",
        "onboa",
        "onboa ",
        "daily, check",
        "<script>alert(1)</script> & \"quotes\"",
    ]

    static var goldenURL: URL { Golden.folder().appendingPathComponent("Goldens/search-tokens.json") }

    func encode(_ tokens: [SearchTokenizer.Token]) -> String {
        "["
            + tokens.map { "[\(JSON.quote($0.text)),\"\($0.kind.rawValue)\",\($0.position)]" }.joined(
                separator: ",")
            + "]"
    }

    @Test func tokensMatchTheGoldenFileSharedWithTheBrowser() {
        var out = "[\n"
        for (i, input) in Self.inputs.enumerated() {
            let query = SearchTokenizer.queryTokens(input)
            out += "{\"text\":\(JSON.quote(input)),\n \"index\":\(encode(SearchTokenizer.indexTokens(input))),\n"
            out += " \"query\":\(encode(query.tokens)),\"prefix\":\(query.prefix)}"
            out += i == Self.inputs.count - 1 ? "\n" : ",\n"
        }
        out += "]\n"
        Golden.check(out, against: Self.goldenURL)
    }

    @Test func hanRunsBecomeBigramsAndTheIndexKeepsEachCharacter() {
        let query = SearchTokenizer.queryTokens("社群运营").tokens.map(\.text)
        #expect(query == ["社群", "群运", "运营"])
        let index = SearchTokenizer.indexTokens("社群").map(\.text)
        #expect(index == ["社", "社群", "群"])
        #expect(SearchTokenizer.queryTokens("禁").tokens.map(\.text) == ["禁"])
    }

    @Test func traditionalFoldsToSimplifiedAndLatinIsLowerCased() {
        #expect(SearchTokenizer.queryTokens("歡迎 臺北 裡裏 為爲").tokens.map(\.text) == ["欢迎", "台北", "里里", "为为"])
        #expect(SearchTokenizer.queryTokens("Check-IN ＳＯＰ").tokens.map(\.text) == ["check", "in", "sop"])
    }

    @Test func theLastWordIsAPrefixOnlyWhileItIsBeingTyped() {
        #expect(SearchTokenizer.queryTokens("onboa").prefix)
        #expect(!SearchTokenizer.queryTokens("onboa ").prefix)
        #expect(!SearchTokenizer.queryTokens("群规").prefix)
        #expect(!SearchTokenizer.queryTokens("check-").prefix)
    }
}

@Suite struct ChineseFoldingTests {
    @Test func everyPairTheIssueNamesFoldsToSimplified() {
        for (traditional, simplified) in [("歡", "欢"), ("臺", "台"), ("裡", "里"), ("裏", "里"), ("為", "为"), ("爲", "为")] {
            #expect(ChineseScript.simplified(traditional.unicodeScalars.first!) == simplified.unicodeScalars.first!)
        }
        #expect(ChineseScript.simplified("台") == "台")
        #expect(ChineseScript.pairs.count > 2500)
    }

    @Test func theBrowserGetsThePairsOfTheCharactersTheIndexHolds() throws {
        let index = try SearchIndexTests.index(["content/a.md": "# 欢迎\n\n台北的群规。\n"])
        let meta = try #require(index.files().first { $0.path == "search/meta.js" })
        let text = String(decoding: meta.bytes, as: UTF8.self)
        for pair in ["歡欢", "臺台", "規规"] { #expect(text.contains(pair), "\(pair)") }
        // 里 is not in the index, so neither 裡 nor 裏 is shipped.
        #expect(!text.contains("裡里"))
    }
}

@Suite struct SearchIndexTests {
    static func handbook(_ files: [String: String]) throws -> Handbook {
        let raw = files.sorted { $0.key < $1.key }.map { RawFile(path: $0.key, bytes: Array($0.value.utf8)) }
        return Pipeline.parse(SiteFiles(content: raw))
    }

    static func index(_ files: [String: String]) throws -> SearchIndex {
        let handbook = try handbook(files)
        return SearchIndex(pages: parsed(handbook), config: handbook.config)
    }

    /// Every page of `handbook` with its body parsed.
    static func parsed(_ handbook: Handbook) -> [ParsedPage] {
        handbook.pages.map { PageParser().parsed($0) }
    }

    /// Every token of the index with its postings (page id, weight), decoded from the shards.
    static func decode(_ index: SearchIndex) -> [String: [(Int, Int)]] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var digit = [UInt8: Int]()
        for (i, c) in alphabet.enumerated() { digit[c] = i }
        var out: [String: [(Int, Int)]] = [:]
        for file in index.files() where file.path.hasPrefix("search/s/") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            let json = text.drop { $0 != "{" }.dropLast(3)
            let object = try! JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: String]
            for (token, encoded) in object {
                let bytes = Array(encoded.utf8)
                var i = 0
                func next() -> Int {
                    var n = 0
                    while true {
                        let v = digit[bytes[i]]!
                        i += 1
                        if v >= 32 { n = n * 32 + v - 32 } else { return n * 32 + v }
                    }
                }
                var previous = -1
                var list: [(Int, Int)] = []
                while i < bytes.count {
                    let x = next()
                    let id = previous + x / 2
                    list.append((id, x % 2 == 1 ? next() + 2 : 1))
                    previous = id
                }
                out[token] = list
            }
        }
        return out
    }

    @Test func postingsCarryTheFieldWeightsOfEachPage() throws {
        let index = try Self.index([
            "content/a.md": "---\ntitle: 禁言规则\n---\n## 惩罚\n\n**禁言**：24 小时。\n",
            "content/b.md": "---\ntitle: 其他\n---\n正文提到禁言一次。\n",
        ])
        let postings = Self.decode(index)
        let mute = try #require(postings["禁言"])
        // a.md: title 8 + label 4 (its body occurrence 1 is part of the label) → 8 + 1 + 3 = 12.
        #expect(mute.map(\.0) == [0, 1])
        #expect(mute[0].1 == SearchDocument.titleWeight + SearchDocument.headingWeight)
        #expect(mute[1].1 == SearchDocument.bodyWeight)
        #expect(postings["24"]?.map(\.0) == [0])
        #expect(postings["禁"]?.count == 2)
    }

    @Test func aWordDeepInsideALongPageIsIndexed() throws {
        let long = String(repeating: "每天早上八点发早报，晚上九点做总结。\n\n", count: 2000) + "最后一段提到 zeppelin。\n"
        let postings = Self.decode(try Self.index(["content/long.md": "# 长页\n\n" + long]))
        #expect(postings["zeppelin"]?.map(\.0) == [0])
        #expect(postings["最后"]?.map(\.0) == [0])
    }

    @Test func templateSourceFilesAreNotIndexed() throws {
        let index = try Self.index([
            "content/templates/city/index.md": "---\ntitle: 城市模板\nversion: 1.0.0\n---\n# 城市模板\n",
            "content/templates/city/files/rules.md": "# {{city}}分会群规\n\n占位符文本。\n",
        ])
        #expect(index.entries.map(\.path) == ["content/templates/city/index.md"])
        #expect(Self.decode(index)["占位"] == nil)
    }

    @Test func recordsKeepSectionsWithAnchorsAndEscapeForScripts() throws {
        let index = try Self.index([
            "content/a.md":
                "---\ntitle: A\ndescription: 说明\nowner: 林晓\ntags: [新人, 欢迎]\n---\n开头。\n\n## 第二节 Two\n\n</script><b>正文</b>\n"
        ])
        let record = try #require(index.files().first { $0.path == "search/p/0.js" })
        let text = String(decoding: record.bytes, as: UTF8.self)
        #expect(text.hasPrefix("PlaybookSearch.load(\"p/0\",[\n{"))
        #expect(text.contains("\"m\":\"说明 · 林晓 · 新人 · 欢迎\""))
        #expect(text.contains("[\"第二节-two\",\"第二节 Two\","))
        #expect(!text.contains("</script>"))
    }

    /// Issue 12: the build makes the index as it renders, page by page from trees parsed again,
    /// writing each page's record with the page; its files are the same bytes as the index made
    /// whole from the pages as parsed.
    @Test func anIndexMadeAsPagesRenderWritesTheSameFiles() throws {
        var files: [String: String] = [:]
        for i in 0..<23 {
            files["content/groups/g\(i % 4)/p\(i).md"] =
                "---\ntitle: 第\(i)页 Page \(i)\ntags: [新人]\n---\n## 规则 Rules\n\n**禁言**：\(i) 小时 mute。\n\n正文 text\(i % 3) 豈 豈。\n"
        }
        let handbook = try Self.handbook(files)
        let whole = SearchIndex(pages: Self.parsed(handbook), config: handbook.config).files()
        var builder = SearchIndex.Builder(pages: handbook.pages, config: handbook.config)
        var records: [OutputFile] = []
        for page in handbook.pages {
            let parsed = PageParser().parsed(page)
            #expect(parsed.document == PageParser().parse(page.source).document)
            if let file = builder.add(SearchDocument(parsed, vocabulary: builder.vocabulary)) { records.append(file) }
        }
        let built = builder.index()
        // 23 pages: one record a file.
        #expect(records.count == 23)
        let streamed = (built.files() + records).sorted { $0.path < $1.path }
        #expect(streamed.map(\.path) == whole.map(\.path))
        #expect(streamed == whole)
        // Only the whole index can take an edited page in place.
        #expect(built.replacing(PageParser().parsed(handbook.pages[0]))?.files == nil)
    }

    /// Issue 24: a page is indexed under the synonyms of its words (the shipped ones and the
    /// site's `search.synonyms`), under the other side of an OpenCC regional phrase pair, and
    /// under its kind's labels.
    @Test func aPageIsFoundByASynonymARegionalWordAndItsKindLabel() throws {
        var handbook = try Self.handbook([
            "content/a.md": "---\nkind: sop\ntitle: 甲\n---\n违规三次就移出，服务器上的消息要保留。值日生负责。\n"
        ])
        handbook.config.searchSynonyms = [["值日生", "轮岗员"]]
        let vocabulary = SearchVocabulary(config: handbook.config)
        let terms = SearchDocument(PageParser().parsed(handbook.pages[0]), vocabulary: vocabulary).terms
        for token in ["拉黑", "踢人", "伺服", "服器", "讯息", "轮岗", "岗员", "sop"] {
            #expect(terms[token] != nil, "\(token)")
        }
        // A synonym weighs half the word the page holds; a regional word as much.
        #expect(terms["拉黑"]! < terms["移出"]! || terms["移出"]! == 1)
        #expect(terms["讯息"] == terms["消息"])
        #expect(SearchDocument(PageParser().parsed(handbook.pages[0])).terms["拉黑"] == nil)
    }

    /// Issue 23: records are packed by the page count, and a template family's pages are listed once,
    /// in its own file, rather than in each of its pages' records.
    @Test func recordsComeAHundredToAFileAndAFamilyIsListedOnce() throws {
        var files: [String: String] = [
            "content/templates/city/index.md": "---\ntitle: 城市模板\nversion: 1.0.0\n---\n# 城市模板\n",
            "content/templates/city/files/index.md": "---\ntitle: \"{{city}}分会\"\n---\n# 档案\n",
            "content/templates/city/files/rules.md": "---\ntitle: \"{{city}}群规\"\n---\n# 群规\n",
        ]
        for i in 0..<150 {
            files["content/groups/g\(i)/index.md"] = "---\ntitle: 第\(i)分会\n---\n# 档案\n\n正文。\n"
            files["content/groups/g\(i)/rules.md"] = "---\ntitle: 第\(i)群规\n---\n# 群规\n\n不刷屏。\n"
        }
        let handbook = try Self.handbook(files)
        let index = SearchIndex(pages: Self.parsed(handbook), config: handbook.config)
        let out = index.files()
        // 301 pages: one record a file (a result loads its whole file).
        #expect(out.filter { $0.path.hasPrefix("search/p/") }.count == 301)
        let family = out.filter { $0.path.hasPrefix("search/f/") }
        #expect(family.count == 2)
        let records = out.filter { $0.path.hasPrefix("search/p/") }.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(!records.contains { $0.contains("\"f\":") })
        let listed = String(decoding: family[0].bytes, as: UTF8.self)
        #expect(listed.hasPrefix("PlaybookSearch.load(\"f/0\",[[0,"))
        // One line a page (the file ends with a line break).
        #expect(listed.components(separatedBy: "\n").count == 151)
    }

    @Test func recordsPerFileGrowWithTheHandbook() {
        #expect(SearchIndex.recordsPerFile(pageCount: 30) == 1)
        #expect(SearchIndex.recordsPerFile(pageCount: 1_000) == 4)
        #expect(SearchIndex.recordsPerFile(pageCount: 10_000) == 32)
        #expect(SearchIndex.recordsPerFile(pageCount: 1_000_000) == 32)
    }

    @Test func shardCountsDependOnThePageCountOnly() {
        #expect(SearchIndex.shardCounts(pageCount: 3) == (8, 2))
        #expect(SearchIndex.shardCounts(pageCount: 10_000) == (256, 32))
        #expect(SearchIndex.shardCounts(pageCount: 1_000_000) == (4096, 256))
    }

    @Test func replacingAPageGivesTheFilesOfAFreshIndex() throws {
        let before = [
            "content/a.md": "# 早报\n\n每天八点发早报。\n",
            "content/b.md": "# 晚间总结\n\n每天九点 summary。\n",
        ]
        var after = before
        after["content/b.md"] = "# 晚间总结\n\n每天十点 summary。\n"
        let old = try Self.index(before)
        let fresh = try Self.index(after)
        let edited = PageParser().parsed(try Self.handbook(after).pages[1])
        let (next, changed) = try #require(old.replacing(edited))
        #expect(next.files() == fresh.files())
        let oldFiles = Dictionary(uniqueKeysWithValues: old.files().map { ($0.path, $0.bytes) })
        let freshFiles = Dictionary(uniqueKeysWithValues: fresh.files().map { ($0.path, $0.bytes) })
        let differing = Set(freshFiles.keys.filter { oldFiles[$0] != freshFiles[$0] })
        #expect(Set(changed.map(\.path)) == differing)
        // Not the whole index (with 8 shards for 2 pages, most of it).
        #expect(changed.count < fresh.files().count)
    }
}

/// Issue 12: JSON literals are escaped on the UTF-8 bytes; they must come out as escaping one
/// scalar at a time does, for every character that is escaped and its neighbours.
@Suite struct JSONTextTests {
    static func byScalar(_ s: String, forScript: Bool) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where forScript: out += "\\u003c"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029
                    || VisibleText.needsEscape(scalar)
                {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func escapesAsScalarByScalarDoes() {
        var pool: [Unicode.Scalar] = (0..<0x300).compactMap(Unicode.Scalar.init)
        pool += [
            0x061B, 0x061C, 0x061D, 0x200D, 0x200E, 0x200F, 0x2010, 0x2027, 0x2028, 0x2029, 0x202A, 0x202E, 0x202F,
        ]
        .compactMap(Unicode.Scalar.init)
        pool += [0x2065, 0x2066, 0x2069, 0x206A, 0x3000, 0x4E2D, 0x9F98, 0xFEFF, 0xFFFD, 0x1F600, 0x20000]
            .compactMap(Unicode.Scalar.init)
        var generator = SeededRandom(seed: 12)
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text.append(pool.randomElement(using: &generator)!)
            }
            let s = String(text)
            for forScript in [false, true] {
                #expect(
                    JSON.quote(s, forScript: forScript) == Self.byScalar(s, forScript: forScript),
                    "\(s.debugDescription)")
            }
        }
    }

}
