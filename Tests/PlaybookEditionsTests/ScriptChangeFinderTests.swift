import Dispatch
import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookEditions

/// `ScriptChangeFinder` answers as converting the whole text would (issue 12: `page.mixed-script`
/// converts only the clauses that hold a stray character, and each distinct clause once).
@Suite struct ScriptChangeFinderTests {
    /// What `page.mixed-script` did before: convert each whole text with every configuration
    /// of the direction and keep the offsets that all of them change.
    static func wholeText(_ texts: [String], at offsets: [[Int]], into script: WrittenScript) throws -> [[Int]] {
        let configurations: [ScriptConfiguration] =
            script == .simplified ? [.t2s, .tw2s, .hk2s] : [.s2t, .s2tw, .s2hk]
        let converted = try configurations.map { try ScriptConverter.open($0).convert(texts) }
        return texts.indices.map { t in
            let original = Array(texts[t].unicodeScalars)
            let versions = converted.map { Array($0[t].unicodeScalars) }.filter { $0.count == original.count }
            return offsets[t].filter { o in versions.allSatisfy { $0[o] != original[o] } }
        }
    }

    static let phrases = [
        "头发", "頭髮", "发展", "發展", "干扰", "干擾", "乾燥", "幹部", "能干", "若干", "乾坤", "扭转乾坤", "批准", "准备",
        "準備", "理发", "理髮", "一〇一", "３．５", "面条", "麵條", "后来", "後來", "皇后", "里面", "裡面", "裏面", "台风",
        "颱風", "钟表", "鐘錶", "只有", "隻身", "系统", "係統", "繫鞋帶", "出发", "出發", "复杂", "複雜", "重复", "覆蓋",
        "新成员入群后先改昵称", "新成員入群後先改暱稱", "讀書會", "读书会", "打印机", "印表機", "软件", "軟體",
    ]
    static let joints = ["", "", "，", "。", "、", " ", "「", "」", "abc", "\n", "：", "（", "）", "·", "—"]

    /// Texts mixing both scripts, phrases that convert as a whole (头发 → 頭髮, 乾坤 stays),
    /// punctuation, Latin letters, 〇 and ．, from a fixed seed.
    static func mixedTexts(count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                text += phrases.randomElement(using: &random)!
                text += joints.randomElement(using: &random)!
            }
            return text
        }
    }

    @Test(arguments: [WrittenScript.simplified, .traditional])
    func answersAsConvertingTheWholeText(into script: WrittenScript) throws {
        let finder = try ScriptChangeFinder()
        let texts =
            [
                "头发", "頭髮", "理发店的头发", "他的頭髮很長", "干", "乾", "幹", "干扰乾坤幹部", "批准", "乾坤", "若干規則",
                "群主批准新管理員，處理升級事件，若干規則。", "扭转乾坤的办法：先把规则写清楚。", "新成員入群後先改暱稱，再做自我介绍。",
                "一〇一号", "３．５公里", "", "abc", "成员與分工、交流平臺與門檻，成员。",
            ] + Self.mixedTexts(count: 400, seed: 12)
        // Every offset is asked about, not only the stray ones, so any difference shows.
        let offsets = texts.map { Array(0..<$0.unicodeScalars.count) }
        let expected = try Self.wholeText(texts, at: offsets, into: script)
        #expect(finder.changed(in: texts, at: offsets, into: script) == expected)
        // The second time the answers come from the memo, and are the same.
        #expect(finder.changed(in: texts, at: offsets, into: script) == expected)
        // Each offset asked alone, so no other offset's clause answers for it (a fresh finder:
        // the memo must not answer either).
        var single: [(text: String, offset: Int)] = []
        for text in texts.prefix(150) {
            for offset in 0..<text.unicodeScalars.count { single.append((text, offset)) }
        }
        let alone = try ScriptChangeFinder()
        #expect(
            alone.changed(in: single.map(\.text), at: single.map { [$0.offset] }, into: script)
                == (try Self.wholeText(single.map(\.text), at: single.map { [$0.offset] }, into: script)))
    }

    @Test func phraseLevelConversionDecides() throws {
        let finder = try ScriptChangeFinder()
        // 发 in 头发 becomes 髮, elsewhere 發: changed either way.
        #expect(finder.changed(in: ["头发"], at: [[0, 1]], into: .traditional) == [[0, 1]])
        // 乾 in 乾坤 is written so in both scripts; alone it becomes 干.
        #expect(finder.changed(in: ["乾坤", "乾", "乾，坤"], at: [[0], [0], [0]], into: .simplified) == [[], [0], [0]])
        // 准 in 批准 stays in Traditional; alone it becomes 準.
        #expect(finder.changed(in: ["批准", "准"], at: [[1], [0]], into: .traditional) == [[], [0]])
    }

    /// The finder's shortcut rests on this: every character of every phrase in the six
    /// configurations' dictionaries is a phrase character. Reads the dictionaries with OpenCC's
    /// own `opencc_dict` (package `opencc`, installed by `scripts/install-deps.sh --test`).
    @Test func openCCPhrasesHoldOnlyPhraseCharacters() throws {
        let tool = ["/usr/bin/opencc_dict", "/usr/local/bin/opencc_dict", "/opt/homebrew/bin/opencc_dict"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        try #require(tool != nil, "opencc_dict is missing: run scripts/install-deps.sh --test (package opencc)")
        let data = try #require(
            ["/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc"].first {
                FileManager.default.fileExists(atPath: $0 + "/t2s.json")
            }, "OpenCC's data folder is missing: install libopencc-data")
        var dictionaries: Set<String> = []
        for configuration in ["t2s", "tw2s", "hk2s", "s2t", "s2tw", "s2hk"] {
            let json = try String(contentsOfFile: "\(data)/\(configuration).json", encoding: .utf8)
            for match in json.matches(of: #/"file"\s*:\s*"([^"]+)"/#) { dictionaries.insert(String(match.1)) }
        }
        #expect(dictionaries.contains("STPhrases.ocd2") && dictionaries.contains("TSPhrases.ocd2"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opencc-dicts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var keys = 0
        for dictionary in dictionaries.sorted() {
            let text = folder.appendingPathComponent(dictionary + ".txt")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool!)
            process.arguments = ["-i", "\(data)/\(dictionary)", "-o", text.path, "-f", "ocd2", "-t", "text"]
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "opencc_dict could not read \(dictionary)")
            for line in try String(contentsOf: text, encoding: .utf8).split(separator: "\n") {
                guard let key = line.split(separator: "\t").first else { continue }
                keys += 1
                for scalar in key.unicodeScalars where !ScriptChangeFinder.isPhraseCharacter(scalar) {
                    Issue.record(
                        "\(dictionary): the phrase \(key) holds \(scalar) (U+\(String(scalar.value, radix: 16)))")
                }
            }
        }
        #expect(keys > 50_000)
    }

    /// Many threads at once share one memo; the answers equal a one-thread run.
    @Test func isSafeOnAllCores() throws {
        let finder = try ScriptChangeFinder()
        let texts = Self.mixedTexts(count: 800, seed: 7)
        let offsets = texts.map { Array(0..<$0.unicodeScalars.count) }
        let expected = try Self.wholeText(texts, at: offsets, into: .traditional)
        var results = [[Int]](repeating: [], count: texts.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: texts.count) { t in
                base[t] = finder.changed(in: [texts[t]], at: [offsets[t]], into: .traditional)[0]
            }
        }
        #expect(results == expected)
    }
}
