import Foundation
import PlaybookModel

/// An OpenCC configuration with phrases read ahead of OpenCC's own: the installed configuration
/// (`s2twp.json`…), its chain kept as it is, with one text dictionary put first in its
/// segmentation and in each step of its conversion chain.
///
/// OpenCC converts in two moves. It first cuts the text into segments, matching the longest
/// phrase of the segmentation dictionary at each place; then each step of the chain converts
/// each segment, matching at each place the first dictionary of the step's group that holds a
/// phrase starting there. So a phrase is kept whole only when it is one segment and no later
/// step breaks it up: `s2twp` reads 标准作业程序 as 标准 · 作业 · 程序, and its Taiwan step turns
/// 程序 into 程式. Here the phrases are segments of their own (first in the segmentation), the
/// first step turns each form of the phrase written in the other script into the edition's
/// form (复制 → 複製, or 複製 → 复制), and each later step that reads phrases holds the
/// edition's form as it is (標準作業程序 → 標準作業程序, ahead of Taiwan's 程序 → 程式).
/// Steps made of regional variant tables alone (`TWVariants`, `HKVariants`) still run on the
/// phrases: they change characters, not words (戶 → 户 in Hong Kong).
///
/// A phrase of the group's first dictionary wins over a longer phrase of a later one that
/// starts with it, so a phrase listed here hides OpenCC's longer phrases that begin with it;
/// `PhraseDictionaryTests` reads OpenCC's dictionaries and fails on each longer phrase whose
/// conversion that would change.
struct PhraseDictionary: Hashable, Sendable {
    /// The forms a configuration reads and the form it writes.
    enum Form: Hashable, Sendable {
        case simplified, traditional, taiwan, hongKong
    }

    let configuration: ScriptConfiguration
    /// Phrase → phrase as the edition writes it, for the segmentation and the first step.
    let first: [(key: String, value: String)]
    /// The edition's forms, each kept as it is, for the later steps.
    let keeping: [String]

    static func == (a: PhraseDictionary, b: PhraseDictionary) -> Bool {
        a.configuration == b.configuration && a.first.elementsEqual(b.first, by: ==) && a.keeping == b.keeping
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(configuration)
        for entry in first {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
        hasher.combine(keeping)
    }

    /// The forms `configuration` reads, most specific first, and the form it writes.
    static func forms(of configuration: ScriptConfiguration) -> (reads: [Form], writes: Form) {
        switch configuration {
        case .s2t: return ([.simplified], .traditional)
        case .s2tw, .s2twp: return ([.simplified], .taiwan)
        case .s2hk: return ([.simplified], .hongKong)
        case .t2s: return ([.traditional, .taiwan, .hongKong], .simplified)
        case .tw2s, .tw2sp: return ([.taiwan, .traditional, .hongKong], .simplified)
        case .hk2s: return ([.hongKong, .traditional, .taiwan], .simplified)
        case .t2tw: return ([.traditional, .hongKong], .taiwan)
        case .tw2t: return ([.taiwan, .hongKong], .traditional)
        case .t2hk: return ([.traditional, .taiwan], .hongKong)
        case .hk2t: return ([.hongKong, .taiwan], .traditional)
        }
    }

    /// `phrases` for `configuration`: the first phrase that writes a form wins, so a site's own
    /// phrases, listed before Playbook's, replace them.
    init(_ configuration: ScriptConfiguration, phrases: [EditionPhrase]) {
        self.configuration = configuration
        let (reads, writes) = Self.forms(of: configuration)
        var first: [(key: String, value: String)] = []
        var seen: Set<String> = []
        var keeping: [String] = []
        var kept: Set<String> = []
        for phrase in phrases {
            let target = phrase.form(writes)
            for form in reads {
                let key = phrase.form(form)
                if seen.insert(key).inserted { first.append((key, target)) }
            }
            if kept.insert(target).inserted { keeping.append(target) }
        }
        self.first = first
        self.keeping = keeping
    }

    /// The folders OpenCC's data is installed in, on Debian, from source and by Homebrew.
    static let dataFolders = ["/usr/share/opencc", "/usr/local/share/opencc", "/opt/homebrew/share/opencc"]

    /// The installed configuration's JSON with the phrases put in, the dictionaries it names
    /// given by absolute path (it is read from another folder), and the two dictionaries' files.
    func files(dataFolder: String, firstFile: String, keepingFile: String) throws -> (
        configuration: Data, first: String, keeping: String
    ) {
        let installed = try Data(contentsOf: URL(fileURLWithPath: "\(dataFolder)/\(configuration.rawValue).json"))
        guard var root = try? JSON.parse([UInt8](installed)), var segmentation = root["segmentation"],
            let segmentationDictionary = segmentation["dict"], segmentationDictionary.object != nil,
            let chain = root["conversion_chain"]?.array
        else {
            throw ScriptConversionError.configurationUnavailable(
                configuration, reason: "\(configuration.rawValue).json is not an OpenCC configuration")
        }
        func absolute(_ dictionary: JSON) -> JSON {
            var dictionary = dictionary
            if let file = dictionary["file"]?.string, !file.hasPrefix("/") {
                dictionary["file"] = .string("\(dataFolder)/\(file)")
            }
            if let group = dictionary["dicts"]?.array { dictionary["dicts"] = .array(group.map(absolute)) }
            return dictionary
        }
        func files(_ dictionary: JSON) -> [String] {
            if let group = dictionary["dicts"]?.array { return group.flatMap(files) }
            return dictionary["file"]?.string.map { [$0] } ?? []
        }
        func ahead(_ text: String, of dictionary: JSON) -> JSON {
            let ours: JSON = ["type": "text", "file": .string(text)]
            var dictionary = absolute(dictionary)
            if dictionary["type"]?.string == "group", let group = dictionary["dicts"]?.array {
                dictionary["dicts"] = .array([ours] + group)
                return dictionary
            }
            return ["type": "group", "dicts": [ours, dictionary]]
        }
        segmentation["dict"] = ahead(firstFile, of: segmentationDictionary)
        root["segmentation"] = segmentation
        root["conversion_chain"] = .array(
            chain.enumerated().map { index, step -> JSON in
                var step = step
                guard let dictionary = step["dict"], dictionary.object != nil else { return step }
                let variantsOnly = files(dictionary).allSatisfy { $0.contains("Variants") && !$0.contains("Phrases") }
                if index == 0 {
                    step["dict"] = ahead(firstFile, of: dictionary)
                } else if variantsOnly {
                    step["dict"] = absolute(dictionary)
                } else {
                    step["dict"] = ahead(keepingFile, of: dictionary)
                }
                return step
            })
        let json = Data(root.rendered().utf8)
        return (
            json, first.map { "\($0.key)\t\($0.value)\n" }.joined(),
            keeping.map { "\($0)\t\($0)\n" }.joined()
        )
    }
}

extension EditionPhrase {
    func form(_ form: PhraseDictionary.Form) -> String {
        switch form {
        case .simplified: return simplified
        case .traditional: return traditional
        case .taiwan: return taiwan
        case .hongKong: return hongKong
        }
    }
}
