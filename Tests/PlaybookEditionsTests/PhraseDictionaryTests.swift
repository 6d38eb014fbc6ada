import Foundation
import PlaybookModel
import Testing

@testable import PlaybookEditions

// Read with Foundation's JSONSerialization on purpose: a reader Playbook did not write judges what
// Playbook's `JSON` wrote, so an escaping mistake shared by our writer and reader cannot pass.

// Issue 21: the domain phrase dictionary, read inside OpenCC's own chain ahead of its general
// phrases, and the site's own phrases ahead of it.
@Suite struct PhraseDictionaryTests {
    func convert(_ text: String, _ configuration: ScriptConfiguration, _ phrases: [EditionPhrase] = []) throws
        -> String
    {
        try ScriptConverter.open(configuration, phrases: phrases).convert(text)
    }

    @Test func theIssuesExamplesKeepTheHandbooksWords() throws {
        // Taiwan's page read in Simplified.
        #expect(try convert("五、複製", .tw2sp) == "五、复制")
        #expect(try convert("社群檔案", .tw2sp) == "社群档案")
        #expect(try convert("分會執行台北分會群規", .tw2sp) == "分会执行台北分会群规")
        #expect(try convert("核心特徵；建立以下四感", .tw2sp) == "核心特征；建立以下四感")
        // Simplified pages read in Taiwan's Traditional.
        #expect(try convert("标准作业程序", .s2twp) == "標準作業程序")
        #expect(try convert("审核通过并入群", .s2twp) == "審核通過並入群")
        #expect(try convert("审核员", .s2twp) == "審核員")
        // What OpenCC's general phrases make of them.
        #expect(try ScriptConverter.open(.tw2sp).convert("五、複製") == "五、拷贝")
        #expect(try ScriptConverter.open(.s2twp).convert("审核通过并入群") == "稽核透過併入群")
    }

    @Test func eachRegionWritesItsOwnForm() throws {
        #expect(try convert("用户的账号", .s2t) == "用戶的賬號")
        #expect(try convert("用户的账号", .s2twp) == "用戶的帳號")
        #expect(try convert("用户的账号", .s2hk) == "用户的賬號")
        #expect(try convert("用戶的帳號", .tw2sp) == "用户的账号")
        #expect(try convert("用戶的賬號", .t2s) == "用户的账号")
    }

    @Test func aSitesPhrasesComeFirstInBothDirections() throws {
        let phrases = [EditionPhrase(simplified: "群文件", traditional: "群文件", taiwan: "群組檔案")]
        #expect(try convert("上传到群文件", .s2twp) == "上傳到群檔案")
        #expect(try convert("上传到群文件", .s2twp, phrases) == "上傳到群組檔案")
        #expect(try convert("上傳到群組檔案", .tw2sp, phrases) == "上传到群文件")
        #expect(try convert("上传到群文件", .s2t, phrases) == "上傳到群文件")
    }

    @Test func theDomainWritesEachPhraseOnceAndReadsEachFormOneWay() {
        var simplified: [String: Int] = [:]
        var traditional: [String: String] = [:]
        for phrase in EditionPhrase.domain {
            simplified[phrase.simplified, default: 0] += 1
            for form in [phrase.traditional, phrase.taiwan] {
                if let known = traditional[form], known != phrase.simplified {
                    Issue.record("\(form) reads back as both \(known) and \(phrase.simplified)")
                }
                traditional[form] = phrase.simplified
            }
        }
        #expect(simplified.filter { $0.value > 1 }.keys.sorted() == [])
        #expect(EditionPhrase.domain.count > 150)
        for phrase in EditionPhrase.domain {
            for form in [phrase.simplified, phrase.traditional, phrase.taiwan] {
                #expect(!form.isEmpty && !form.contains(" ") && !form.contains("\t"), "\(form)")
            }
        }
    }

    @Test func theConfigurationKeepsOpenCCsChainWithThePhrasesAhead() throws {
        let dictionary = PhraseDictionary(.s2twp, phrases: [EditionPhrase(simplified: "复制", traditional: "複製")])
        let data = try #require(PhraseDictionary.dataFolders.first { FileManager.default.fileExists(atPath: $0) })
        let written = try dictionary.files(dataFolder: data, firstFile: "/x/first.txt", keepingFile: "/x/keeping.txt")
        let root = try #require(try JSONSerialization.jsonObject(with: written.configuration) as? [String: Any])
        func files(_ dictionary: Any?) -> [String] {
            guard let dictionary = dictionary as? [String: Any] else { return [] }
            return (dictionary["dicts"] as? [Any])?.flatMap(files) ?? (dictionary["file"] as? String).map { [$0] } ?? []
        }
        // Segmentation and the first step read the phrases first, the Taiwan phrases step keeps
        // them, the variants step runs as it did; OpenCC's own dictionaries by absolute path.
        let chain = try #require(root["conversion_chain"] as? [[String: Any]]).map { files($0["dict"]) }
        #expect(files((root["segmentation"] as? [String: Any])?["dict"]) == ["/x/first.txt", "\(data)/STPhrases.ocd2"])
        #expect(
            chain == [
                ["/x/first.txt", "\(data)/STPhrases.ocd2", "\(data)/STCharacters.ocd2"],
                ["/x/keeping.txt", "\(data)/TWPhrases.ocd2"], ["\(data)/TWVariants.ocd2"],
            ])
        #expect(written.first == "复制\t複製\n")
        #expect(written.keeping == "複製\t複製\n")
    }

    @Test func keptNamesStillWinOverThePhrases() throws {
        let converter = EditionConverter(converter: try ScriptConverter.open(.s2twp, phrases: []), keep: ["复盘君"])
        #expect(try converter.convert(text: "复盘君主持复盘") == "复盘君主持復盤")
    }

    /// A phrase put first hides OpenCC's longer phrases that start with it. Reads OpenCC's
    /// dictionaries with `opencc_dict` (package `opencc`, `scripts/install-deps.sh --test`) and
    /// converts each hidden phrase with and without the domain phrases: the characters after
    /// the domain's phrase must come out the same, except for the phrases listed here, which no
    /// handbook is about.
    @Test func theDomainHidesNoLongerPhraseItDoesNotMean() throws {
        let accepted: Set<String> = [
            "s2t 台湾台", "s2t 台湾敎育学院", "s2hk 台湾敎育学院",  // OpenCC writes 臺 beside 台灣
            "s2t 群辟", "s2t 群谋咸同", "s2hk 群辟", "s2hk 群谋咸同", "s2twp 群辟", "s2twp 群谋咸同",  // classical
            "tw2sp 程序導向", "tw2sp 程序式程式設計",  // programming paradigms
            "tw2sp 資料來源", "tw2sp 資料倉儲", "tw2sp 資料包", "tw2sp 資料探勘",  // 资料 for 資料, as written
            "s2twp 台湾台", "s2twp 台湾敎育学院",  // Taiwan writes 台灣 (the domain's) beside OpenCC's 臺
            "s2twp 用户数据", "s2twp 用户界面",  // 用戶 (the domain's) for 使用者
            "s2t 潜水表", "s2t 潜水钟", "s2hk 潜水表", "s2hk 潜水钟", "s2twp 潜水表", "s2twp 潜水钟",  // diving gear
        ]
        let tool = ["/usr/bin/opencc_dict", "/usr/local/bin/opencc_dict", "/opt/homebrew/bin/opencc_dict"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        try #require(tool != nil, "opencc_dict is missing: run scripts/install-deps.sh --test (package opencc)")
        let data = try #require(
            PhraseDictionary.dataFolders.first { FileManager.default.fileExists(atPath: $0 + "/s2t.json") },
            "OpenCC's data folder is missing: install libopencc-data")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opencc-hidden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var keysOf: [String: [String]] = [:]
        func keys(_ dictionary: String) throws -> [String] {
            if let known = keysOf[dictionary] { return known }
            let text = folder.appendingPathComponent(dictionary + ".txt")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool!)
            process.arguments = ["-i", "\(data)/\(dictionary)", "-o", text.path, "-f", "ocd2", "-t", "text"]
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "opencc_dict could not read \(dictionary)")
            let found = try String(contentsOf: text, encoding: .utf8).split(separator: "\n").compactMap {
                $0.split(separator: "\t").first.map(String.init)
            }
            keysOf[dictionary] = found
            return found
        }
        var found: Set<String> = []
        var checked = 0
        for configuration in [ScriptConfiguration.s2t, .s2twp, .s2hk, .t2s, .tw2sp] {
            // The dictionaries of the segmentation and the first step: those the phrases go ahead of.
            let json = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(data)/\(configuration.rawValue).json")))
            let root = try #require(json as? [String: Any])
            func files(_ dictionary: Any?) -> [String] {
                guard let dictionary = dictionary as? [String: Any] else { return [] }
                return (dictionary["dicts"] as? [Any])?.flatMap(files) ?? (dictionary["file"] as? String).map { [$0] }
                    ?? []
            }
            let segmentation = (root["segmentation"] as? [String: Any])?["dict"]
            let first = ((root["conversion_chain"] as? [[String: Any]])?.first)?["dict"]
            let names = Set(files(segmentation) + files(first))
            // Longest first, so a phrase is hidden by the longest of ours it starts with.
            let ours = PhraseDictionary(configuration, phrases: EditionPhrase.domain).first.map(\.key)
                .sorted { $0.count > $1.count }
            let ourKeys = Set(ours)
            var hidden: [(phrase: String, by: String)] = []
            for name in names.sorted() {
                for key in try keys(name) where !ourKeys.contains(key) {
                    if let by = ours.first(where: { key.count > $0.count && key.hasPrefix($0) }) {
                        hidden.append((key, by))
                    }
                }
            }
            checked += hidden.count
            let plain = try ScriptConverter.open(configuration).convert(hidden.map(\.phrase))
            let domain = try ScriptConverter.open(configuration, phrases: []).convert(hidden.map(\.phrase))
            for (k, entry) in hidden.enumerated() {
                let a = Array(plain[k]).dropFirst(entry.by.count)
                let b = Array(domain[k]).dropFirst(entry.by.count)
                if a != b { found.insert("\(configuration.rawValue) \(entry.phrase)") }
            }
        }
        #expect(checked > 100)
        #expect(found.subtracting(accepted).sorted() == [])
    }
}
