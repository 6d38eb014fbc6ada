import Foundation
import PlaybookModel

/// Tells which characters of a text OpenCC changes when it converts the text towards one script
/// with each of that direction's configurations (`t2s`, `tw2s`, `hk2s` towards Simplified;
/// `s2t`, `s2tw`, `s2hk` towards Traditional), reading it phrase by phrase as a whole-text
/// conversion does: 乾 in 乾坤 and 准 in 批准 stay, 發 in 頭髮 becomes 发.
///
/// The answer equals converting the whole text, at a fraction of the cost, by two facts:
/// - OpenCC's phrases are made of phrase characters (`isPhraseCharacter`): a phrase never
///   reaches across any other character (，。「」、 a space, Latin letters), and such a character
///   converts to itself. So a text converts clause by clause, a clause being a longest stretch
///   of phrase characters, and only the clauses that hold a character asked about are converted.
/// - The answer for a clause depends on the clause alone, so it is kept per distinct clause for
///   the life of the process; a handbook whose groups were cloned from one template repeats its
///   sentences on every group's pages.
///
/// A conversion whose clause comes back with another number of characters is left out of the
/// verdict for that clause (positions could not be compared); the six configurations' dictionaries
/// keep every length today. Safe to call from many threads at once.
/// Unchecked: `verdicts` and `verdictCount` are touched only under `lock`; the converters are safe to share.
package final class ScriptChangeFinder: @unchecked Sendable {
    private let toSimplified: [ScriptConverter]
    private let toTraditional: [ScriptConverter]
    private let lock = NSLock()
    /// Per clause, for each of its characters: does every configuration change it?
    private var verdicts: [WrittenScript: [String: [Bool]]] = [:]
    private var verdictCount = 0
    /// Beyond this many clauses the memo starts over, so a long `serve` or editor session stays
    /// small; a handbook of 10,000 pages holds far fewer distinct clauses with stray characters.
    private static let memoLimit = 200_000

    /// The process's finder, or nil when OpenCC's dictionaries are missing.
    package static var shared: ScriptChangeFinder? { sharedFinder }
    private static let sharedFinder: ScriptChangeFinder? = try? ScriptChangeFinder()

    /// Opens the six configurations; throws when OpenCC's dictionaries are missing.
    package init() throws {
        toSimplified = try [ScriptConfiguration.t2s, .tw2s, .hk2s].map(ScriptConverter.open)
        toTraditional = try [ScriptConfiguration.s2t, .s2tw, .s2hk].map(ScriptConverter.open)
    }

    /// The configurations that convert towards `script`, in a fixed order.
    package func configurations(into script: WrittenScript) -> [ScriptConfiguration] {
        (script == .simplified ? toSimplified : toTraditional).map(\.configuration)
    }

    /// For each text, those of its `offsets` (counted in Unicode scalars) whose character every
    /// configuration towards `script` changes when it converts the whole text. When OpenCC
    /// fails on a text, all its offsets are returned (the character-level verdict stands).
    package func changed(in texts: [String], at offsets: [[Int]], into script: WrittenScript) -> [[Int]] {
        precondition(texts.count == offsets.count, "one list of offsets per text")
        // The clauses that hold an offset, found once per text.
        var wanted: [(text: Int, start: Int, clause: String)] = []
        var scalarsOf: [[Unicode.Scalar]] = []
        scalarsOf.reserveCapacity(texts.count)
        for (t, text) in texts.enumerated() {
            let scalars = Array(text.unicodeScalars)
            scalarsOf.append(scalars)
            var lastClause = -1
            for offset in offsets[t] where offset >= 0 && offset < scalars.count {
                guard Self.isPhraseCharacter(scalars[offset]) else { continue }
                var start = offset
                while start > 0, Self.isPhraseCharacter(scalars[start - 1]) { start -= 1 }
                if start == lastClause { continue }
                var end = offset + 1
                while end < scalars.count, Self.isPhraseCharacter(scalars[end]) { end += 1 }
                var clause = String.UnicodeScalarView()
                clause.append(contentsOf: scalars[start..<end])
                wanted.append((t, start, String(clause)))
                lastClause = start
            }
        }
        let verdicts = verdicts(for: wanted.map(\.clause), into: script)
        // Per text, per scalar: 0 not judged, 1 changed by every configuration, 2 not. A scalar
        // outside every clause is no phrase character, which every configuration leaves as it is.
        var judged: [[UInt8]] = scalarsOf.map { _ in [] }
        for (k, entry) in wanted.enumerated() {
            if judged[entry.text].isEmpty {
                judged[entry.text] = [UInt8](repeating: 0, count: scalarsOf[entry.text].count)
            }
            guard let verdict = verdicts[k] else {
                for offset in offsets[entry.text] where offset >= 0 && offset < scalarsOf[entry.text].count {
                    judged[entry.text][offset] = 1
                }
                continue
            }
            for (i, changed) in verdict.enumerated() where judged[entry.text][entry.start + i] == 0 {
                judged[entry.text][entry.start + i] = changed ? 1 : 2
            }
        }
        return offsets.indices.map { t in
            offsets[t].filter { offset in
                offset >= 0 && offset < judged[t].count && judged[t][offset] == 1
            }
        }
    }

    /// True for the characters OpenCC's phrases may hold: from the Han ideographs of Extension A
    /// (U+3400) up, except the punctuation and fullwidth forms at U+FE00–U+FFFF, plus 〇 (as in
    /// 一〇一) and the fullwidth full stop ．, which a few Simplified → Traditional phrases hold.
    /// So ，。「」、：, spaces, Latin letters, digits and kana end a clause. `ScriptChangeFinderTests`
    /// reads every key of the six configurations' dictionaries and fails, naming the character,
    /// when a phrase holds any other.
    package static func isPhraseCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x3007 || value == 0xFF0E { return true }
        return value >= 0x3400 && !(0xFE00...0xFFFF).contains(value)
    }

    /// The verdict for each clause, from the memo or from OpenCC; nil for a clause OpenCC could
    /// not convert.
    private func verdicts(for clauses: [String], into script: WrittenScript) -> [[Bool]?] {
        guard !clauses.isEmpty else { return [] }
        var found: [[Bool]?] = Array(repeating: nil, count: clauses.count)
        var missing: [Int] = []
        // Looked up under the lock: a copy of the memo taken out of it would be copied whole by
        // the next thread that adds to it.
        lock.lock()
        for (k, clause) in clauses.enumerated() {
            if let known = verdicts[script]?[clause] { found[k] = known } else { missing.append(k) }
        }
        lock.unlock()
        guard !missing.isEmpty else { return found }
        // A clause asked twice in one call is converted once.
        var unique: [String] = []
        var slot: [String: Int] = [:]
        for k in missing where slot[clauses[k]] == nil {
            slot[clauses[k]] = unique.count
            unique.append(clauses[k])
        }
        let converters = script == .simplified ? toSimplified : toTraditional
        guard let versions = try? converters.map({ try $0.convert(unique) }) else { return found }
        var fresh: [String: [Bool]] = [:]
        for (u, clause) in unique.enumerated() {
            let original = Array(clause.unicodeScalars)
            let comparable = versions.map { Array($0[u].unicodeScalars) }.filter { $0.count == original.count }
            fresh[clause] = original.indices.map { i in comparable.allSatisfy { $0[i] != original[i] } }
        }
        for k in missing { found[k] = fresh[clauses[k]] }
        lock.lock()
        if verdictCount + fresh.count > Self.memoLimit {
            verdicts = [:]
            verdictCount = 0
        }
        verdicts[script, default: [:]].merge(fresh) { old, _ in old }
        verdictCount += fresh.count
        lock.unlock()
        return found
    }
}
