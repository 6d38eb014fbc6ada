import Dispatch
import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookEditions

/// OpenCC behind `ScriptConverter`: phrase-level conversion, one handle on many threads, and
/// errors that say what to install (issue 14).
@Suite struct ScriptConverterTests {
    @Test func convertsPhrasesForTaiwan() throws {
        let s2twp = try ScriptConverter.open(.s2twp)
        #expect(try s2twp.convert("头发") == "頭髮")
        #expect(try s2twp.convert("软件") == "軟體")
        #expect(try s2twp.convert("打印机") == "印表機")
        #expect(
            try s2twp.convert("新成员入群以后先做自我介绍，再用打卡软件记录每天的学习；活动海报请用打印机打出来。")
                == "新成員入群以後先做自我介紹，再用打卡軟體記錄每天的學習；活動海報請用印表機打出來。")
        // From the sample's network rules.
        #expect(
            try s2twp.convert("以下情况不经警告直接移出，并加入全网络黑名单：发广告二维码、传播违禁信息、人身攻击或骚扰")
                == "以下情況不經警告直接移出，並加入全網路黑名單：發廣告二維碼、傳播違禁資訊、人身攻擊或騷擾")
    }

    @Test func convertsTaiwanPhrasesBack() throws {
        let tw2sp = try ScriptConverter.open(.tw2sp)
        #expect(try tw2sp.convert("頭髮") == "头发")
        #expect(try tw2sp.convert("軟體") == "软件")
        #expect(try tw2sp.convert("印表機") == "打印机")
        #expect(
            try tw2sp.convert("新成員入群以後先做自我介紹，再用打卡軟體記錄每天的學習；活動海報請用印表機打出來。")
                == "新成员入群以后先做自我介绍，再用打卡软件记录每天的学习；活动海报请用打印机打出来。")
    }

    @Test func hongKongKeepsItsOwnVocabulary() throws {
        // s2hk converts the script, not the words: 软件 stays 軟件, unlike Taiwan's 軟體.
        #expect(try ScriptConverter.open(.s2hk).convert("软件和头发") == "軟件和頭髮")
        #expect(try ScriptConverter.open(.hk2s).convert("軟件和頭髮") == "软件和头发")
    }

    @Test func oneConverterPerConfiguration() throws {
        #expect(try ScriptConverter.open(.s2twp) === ScriptConverter.open(.s2twp))
        // With phrases, one per configuration and list of the site's phrases.
        let phrases = [EditionPhrase(simplified: "拾页", traditional: "拾頁")]
        #expect(
            try ScriptConverter.open(.s2twp, phrases: phrases)
                === ScriptConverter.open(named: "s2twp", phrases: phrases))
        #expect(try ScriptConverter.open(.s2twp, phrases: phrases) !== ScriptConverter.open(.s2twp, phrases: []))
        #expect(try ScriptConverter.open(.s2twp, phrases: []) !== ScriptConverter.open(.s2twp))
    }

    @Test func batchConvertsLikeOneByOne() throws {
        let s2twp = try ScriptConverter.open(.s2twp)
        let texts = ["打印", "机器", "", "头发\n软件", "abc", "打印机"]
        #expect(try s2twp.convert(texts) == texts.map { try! s2twp.convert($0) })
    }

    /// Every core converts through one handle at once; the result equals a one-thread run.
    @Test func sharedHandleIsSafeOnAllCores() throws {
        let s2twp = try ScriptConverter.open(.s2twp)
        let sentences = (0..<2_000).map { "第\($0)天：群主用打印机打印软件说明，新成员发头发照片打卡。" }
        let serial = try sentences.map { try s2twp.convert($0) }
        for _ in 0..<3 {
            var parallel = [String](repeating: "", count: sentences.count)
            parallel.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: sentences.count) { i in
                    base[i] = (try? s2twp.convert(sentences[i])) ?? "failed"
                }
            }
            #expect(parallel == serial)
        }
    }

    @Test func missingDictionaryNamesTheConfigurationAndThePackage() throws {
        let error = #expect(throws: ScriptConversionError.self) {
            try ScriptConverter.load(.s2twp, file: "/nonexistent/opencc/s2twp.json")
        }
        guard case .configurationUnavailable(let configuration, _)? = error else {
            Issue.record("expected configurationUnavailable, got \(String(describing: error))")
            return
        }
        #expect(configuration == .s2twp)
        #expect(error?.description.contains("`s2twp`") == true)
        #expect(error?.description.contains("apt-get install libopencc-data") == true)
    }

    @Test func unknownConfigurationListsTheKnownOnes() {
        #expect(throws: ScriptConversionError.unknownConfiguration("s2x")) {
            try ScriptConverter.open(named: "s2x", phrases: [])
        }
        #expect(ScriptConversionError.unknownConfiguration("s2x").description.contains("s2twp, tw2sp"))
    }
}
