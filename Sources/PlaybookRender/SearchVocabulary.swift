import Foundation
import PlaybookModel

/// What search knows beyond a page's own words, applied when a page is indexed: groups of words
/// that stand for one another (the shipped synonyms, the site's `search.synonyms`, and OpenCC's
/// regional phrase pairs such as 服务器 / 伺服器), and the kinds' labels, so that `SOP 值班` finds
/// the SOP. A page holding every token of one word of a group is indexed under the other words
/// too: at its own weight for a regional pair (the same word), at half for a synonym.
public struct SearchVocabulary: Sendable {
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
    /// Kind → the words a reader may call it by (its labels in every language).
    let kindWords: [String: String]
    /// The synonym groups as folded text, for the browser to mark synonyms in snippets.
    let synonymText: [[String]]

    public static let none = SearchVocabulary(groups: [], kindWords: [:], synonymText: [])

    init(groups: [Group], kindWords: [String: String], synonymText: [[String]]) {
        self.groups = groups
        self.kindWords = kindWords
        self.synonymText = synonymText
    }

    /// The vocabulary of `config`'s site: the shipped synonyms and the site's, OpenCC's regional
    /// phrases, and the labels of the site's kinds.
    public init(config: SiteConfig) {
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

    /// Adds to `counts` the words of every group that the page holds one word of.
    func apply(to counts: inout TokenCounts, words: inout [String: Int]) {
        for group in groups {
            var weight = 0
            var present = [Bool](repeating: false, count: group.terms.count)
            for (i, term) in group.terms.enumerated() {
                var least = Int.max
                for key in term.characters {
                    guard let w = counts[key] else {
                        least = 0
                        break
                    }
                    least = min(least, w)
                }
                if least > 0 {
                    for word in term.words {
                        guard let w = words[word] else {
                            least = 0
                            break
                        }
                        least = min(least, w)
                    }
                }
                if least > 0 && least != Int.max {
                    present[i] = true
                    weight = max(weight, least)
                }
            }
            guard weight > 0 else { continue }
            let added = group.sameWord ? weight : max(1, weight / 2)
            for (i, term) in group.terms.enumerated() where !present[i] {
                for key in term.characters { counts.add(key, added) }
                for word in term.words { words[word, default: 0] += added }
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
