import Foundation
import PlaybookModel

/// What search knows beyond a page's own words, applied when a page is indexed: groups of words
/// that stand for one another (the shipped synonyms, the site's `search.synonyms`, and OpenCC's
/// regional phrase pairs such as 服务器 / 伺服器), and the kinds' labels, so that `SOP 值班` finds
/// the SOP. A page holding every token of one word of a group is indexed under the other words
/// too: at its own weight for a regional pair (the same word), at half for a synonym.
package struct SearchVocabulary: Sendable {
    /// One word as index keys: CJK bigrams (a lone character for a word of one) and Latin words.
    struct Term: Sendable, Hashable {
        var characters: [UInt64]
        var words: [String]
    }

    struct Group: Sendable {
        var terms: [Term]
        /// True for a regional pair: the other word counts as much as the one on the page.
        var sameWord: Bool
    }

    let groups: [Group]
    private let flatGroups: Flat
    /// Kind → the words a reader may call it by (its labels in every language).
    let kindWords: [String: String]
    /// The synonym groups as folded text, for the browser to mark synonyms in snippets.
    let synonymText: [[String]]

    package static let none = SearchVocabulary(groups: [], kindWords: [:], synonymText: [])

    init(groups: [Group], kindWords: [String: String], synonymText: [[String]]) {
        self.groups = groups
        flatGroups = Flat(groups)
        self.kindWords = kindWords
        self.synonymText = synonymText
    }

    /// The vocabulary of `config`'s site: the shipped synonyms and the site's, OpenCC's regional
    /// phrases, and the labels of the site's kinds.
    package init(config: SiteConfig) {
        var groups: [Group] = []
        var text: [[String]] = []
        var synonyms = SearchSynonyms.table.split(separator: "\n").map {
            $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        synonyms += config.searchSynonyms
        for words in synonyms {
            let terms = Self.unique(words.map(Self.term))
            guard terms.count > 1 else { continue }
            groups.append(Group(terms: terms, sameWord: false))
            text.append(words.map(Self.folded))
        }
        for (mainland, regional) in RegionalPhrases.pairs {
            let terms = Self.unique([Self.term(mainland), Self.term(regional)])
            guard terms.count > 1 else { continue }
            groups.append(Group(terms: terms, sameWord: true))
        }
        var kinds: [String: String] = [:]
        for (kind, label) in config.kindLabels.byKind {
            var words = [kind.rawValue]
            for localized in [label.noun, label.title] {
                words += [localized.zhHans, localized.zhHant, localized.en]
            }
            kinds[kind.rawValue] = Array(Set(words)).sorted().joined(separator: " ")
        }
        self.init(groups: groups, kindWords: kinds, synonymText: text)
    }

    private static func unique(_ terms: [Term]) -> [Term] {
        var seen = Set<Term>()
        return terms.filter { !($0.characters.isEmpty && $0.words.isEmpty) && seen.insert($0).inserted }
    }

    static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { SearchTokenizer.fold(scalar) { out.append($0) } }
        return String(out)
    }

    static func term(_ text: String) -> Term {
        var sink = TermSink()
        SearchTokenizer.scan(text, characters: false, into: &sink)
        return Term(characters: sink.characters, words: sink.words)
    }

    /// The groups flattened for `apply`, which runs for every page against every group: each
    /// group's terms, each term's CJK keys and words, as ranges into flat arrays.
    private struct Flat: Sendable {
        var keys: [UInt64] = []
        var words: [String] = []
        /// Per term: start of its keys, end of its keys, start of its words, end of its words.
        var terms: [Int32] = []
        /// Per group: first term, end of its terms, 1 when a regional pair.
        var groups: [Int32] = []

        init(_ groups: [Group]) {
            for group in groups {
                let first = Int32(terms.count / 4)
                for term in group.terms {
                    terms += [Int32(keys.count), Int32(keys.count + term.characters.count)]
                    keys += term.characters
                    terms += [Int32(words.count), Int32(words.count + term.words.count)]
                    words += term.words
                }
                self.groups += [first, Int32(terms.count / 4), group.sameWord ? 1 : 0]
            }
        }
    }

    /// Adds to `counts` the words of every group that the page holds one word of; allocates
    /// nothing until a group matches.
    func apply(to counts: inout TokenCounts, words: inout [String: Int]) {
        let flat = self.flatGroups
        flat.keys.withUnsafeBufferPointer { keys in
            flat.terms.withUnsafeBufferPointer { terms in
                flat.groups.withUnsafeBufferPointer { groups in
                    var g = 0
                    while g < groups.count {
                        let first = Int(groups[g]), end = Int(groups[g + 1]), sameWord = groups[g + 2] == 1
                        g += 3
                        var weight = 0
                        var present: UInt64 = 0
                        for t in first..<end {
                            var least = Int.max
                            var k = Int(terms[4 * t])
                            let keyEnd = Int(terms[4 * t + 1])
                            while k < keyEnd {
                                guard let w = counts[keys[k]] else {
                                    least = 0
                                    break
                                }
                                least = min(least, w)
                                k += 1
                            }
                            if least > 0 {
                                for w in Int(terms[4 * t + 2])..<Int(terms[4 * t + 3]) {
                                    guard let found = words[flat.words[w]] else {
                                        least = 0
                                        break
                                    }
                                    least = min(least, found)
                                }
                            }
                            if least > 0 && least != Int.max {
                                present |= 1 << UInt64(min(t - first, 63))
                                weight = max(weight, least)
                            }
                        }
                        guard weight > 0 else { continue }
                        let added = sameWord ? weight : max(1, weight / 2)
                        for t in first..<end where present & (1 << UInt64(min(t - first, 63))) == 0 {
                            for k in Int(terms[4 * t])..<Int(terms[4 * t + 1]) { counts.add(keys[k], added) }
                            for w in Int(terms[4 * t + 2])..<Int(terms[4 * t + 3]) {
                                words[flat.words[w], default: 0] += added
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Collects a word's index keys as a query would make them: bigrams, a lone character, words.
private struct TermSink: TokenSink {
    var characters: [UInt64] = []
    var words: [String] = []

    mutating func character(_ scalar: Unicode.Scalar, at position: Int) {
        characters.append(UInt64(scalar.value))
    }

    mutating func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar, at position: Int) {
        characters.append(UInt64(first.value) << 32 | UInt64(second.value))
    }

    mutating func word(_ utf8: [UInt8], at position: Int) {
        words.append(String(decoding: utf8, as: UTF8.self))
    }
}
