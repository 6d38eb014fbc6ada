import Foundation
import PlaybookModel

/// Matches headings, labels and text against aliases in Simplified, Traditional and English.
///
/// A heading is reduced to its words: leading numbering (`1、` `一、` `1.` `(一)` `（一）`
/// `第一部分` `Part 2:`), emoji and punctuation are dropped, letters are lower-cased, full-width
/// forms narrowed and Traditional folded to Simplified. An alias matches when one of the
/// heading's segments (a run of Chinese, or a run of other words) starts with it, so
/// `## 一、同好 Shared interest` matches both `同好` and `shared interest`.
enum TermMatcher {
    /// Lower-cased, width-narrowed, Traditional folded to Simplified.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            let value = scalar.value
            if value >= 0xFF01 && value <= 0xFF5E, let narrow = Unicode.Scalar(value - 0xFEE0) {
                out.append(contentsOf: String(narrow).lowercased().unicodeScalars)
            } else if value == 0x3000 {
                out.append(" ")
            } else {
                out.append(ChineseScript.simplified(scalar))
            }
        }
        return String(out)
    }

    /// The words of a heading or label, numbering and symbols dropped, in segments.
    static func segments(_ text: String) -> [String] {
        let words = words(of: stripNumbering(fold(text)))
        var segments: [String] = []
        var latin: [String] = []
        for word in words {
            // A word is split further where Chinese meets other letters (`同好Shared`).
            for run in scriptRuns(word) {
                if run.cjk {
                    if !latin.isEmpty { segments.append(latin.joined(separator: " ")) }
                    latin = []
                    segments.append(run.text)
                } else {
                    latin.append(run.text)
                }
            }
        }
        if !latin.isEmpty { segments.append(latin.joined(separator: " ")) }
        return segments
    }

    /// The heading reduced to one line of words, for messages and schema outlines.
    static func normalized(_ text: String) -> String {
        segments(text).joined(separator: " ")
    }

    /// True when any segment of `text` starts with any alias (whole words for non-Chinese).
    static func matches(_ text: String, aliases: [String]) -> Bool {
        matches(segments: segments(text), aliases: aliases)
    }

    static func matches(segments: [String], aliases: [String]) -> Bool {
        for alias in aliases {
            let key = aliasKeys.value(for: alias) { normalized($0) }
            guard !key.isEmpty else { continue }
            let cjk = key.unicodeScalars.first.map(isCJK) ?? false
            for segment in segments where segment.hasPrefix(key) {
                if cjk || segment.utf8.count == key.utf8.count { return true }
                let next = segment.utf8[segment.utf8.index(segment.utf8.startIndex, offsetBy: key.utf8.count)]
                if next == UInt8(ascii: " ") { return true }
            }
        }
        return false
    }

    /// True when the folded text contains the folded term; used for words inside prose
    /// (`仪式感`, `welcome`), where Chinese has no word breaks to respect.
    static func contains(_ foldedText: String, term: String) -> Bool {
        let key = foldedTerms.value(for: term) { fold($0) }
        return !key.isEmpty && foldedText.containsLiteral(key)
    }

    /// Aliases and terms come from a handful of schemas but are matched against every heading
    /// of every page: each is normalised once per run, not once per comparison.
    private static let aliasKeys = Memo()
    private static let foldedTerms = Memo()

    final class Memo: @unchecked Sendable {
        private var values: [String: String] = [:]
        private let lock = NSLock()

        func value(for key: String, _ make: (String) -> String) -> String {
            lock.lock()
            if let known = values[key] {
                lock.unlock()
                return known
            }
            lock.unlock()
            let made = make(key)
            lock.lock()
            values[key] = made
            lock.unlock()
            return made
        }
    }

    // MARK: - Pieces

    private static let numerals = Set("0123456789一二三四五六七八九十百千零〇两")
    private static let separators = Set(".、,:;)-_·/|").union(["．", "，", "：", "；", "）", "】", "]", "—"])
    private static let numberingUnits = ["部分", "章", "节", "条", "步", "篇", "部", "点", "课", "讲", "阶段", "项"]
    private static let orderWords = ["part", "section", "chapter", "step", "phase", "stage"]

    /// Drops leading numbering and symbols, repeatedly (`1.2 `, `第一部分：`, `(一)`).
    static func stripNumbering(_ text: String) -> String {
        var s = Substring(text)
        while true {
            let before = s.count
            s = s.drop { !isWordScalar($0) }
            if s.first == "第" {
                let rest = s.dropFirst()
                let digits = rest.prefix { numerals.contains($0) }
                var tail = rest.dropFirst(digits.count)
                if !digits.isEmpty {
                    // `第一部分`, `第2章` are numbering; `第1天`, `第2周` are times and stay.
                    if let unit = numberingUnits.first(where: { tail.hasPrefix($0) }) {
                        s = tail.dropFirst(unit.count)
                    } else if let next = tail.first, separators.contains(next) || next == " " {
                        tail = tail.dropFirst()
                        s = tail
                    }
                }
            } else if let digit = s.first, numerals.contains(digit) {
                var rest = s.drop { numerals.contains($0) || $0 == "." || $0 == "．" }
                let isArabic = digit.isASCII
                if let next = rest.first, separators.contains(next) || next == " " {
                    rest = rest.dropFirst()
                    s = rest
                } else if isArabic, rest.first.map({ !$0.isASCII || $0 == " " }) ?? true, rest.count < s.count,
                    s.prefix(while: { $0.isASCII && $0.isNumber }).count <= 2, !startsWithUnit(rest)
                {
                    // `1同好` (numbering run into the word); not `24小时` or `3 个月`.
                    s = rest
                }
            } else if let open = s.first, open == "(" || open == "（" || open == "【" || open == "[" {
                let inner = s.dropFirst().prefix { numerals.contains($0) || ($0.isASCII && $0.isLetter) }
                let after = s.dropFirst(1 + inner.count)
                if !inner.isEmpty, inner.count <= 3, let close = after.first,
                    close == ")" || close == "）" || close == "】" || close == "]"
                {
                    s = after.dropFirst()
                }
            } else {
                for word in orderWords where s.hasPrefix(word + " ") {
                    let rest = s.dropFirst(word.count + 1)
                    let number = rest.prefix { numerals.contains($0) || $0.isLetter && $0.isASCII && rest.count > 1 }
                    if !number.isEmpty, number.count <= 3 {
                        s = rest.dropFirst(number.count)
                        break
                    }
                }
                if let letter = s.first, letter.isASCII, letter.isLetter, s.count > 2 {
                    let next = s[s.index(after: s.startIndex)]
                    let third = s[s.index(s.startIndex, offsetBy: 2)]
                    if (next == "." || next == ")") && third == " " { s = s.dropFirst(3) }
                }
            }
            if s.count == before { break }
        }
        return String(s)
    }

    private static func startsWithUnit(_ s: Substring) -> Bool {
        let units = ["小时", "分钟", "天", "日", "周", "个", "月", "年", "人", "次", "号", "点", "元", "本", "条"]
        let trimmed = s.drop { $0 == " " }
        return units.contains { trimmed.hasPrefix($0) }
    }

    /// Words: letters and digits of any script; everything else is a break.
    private static func words(of text: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(Character(scalar)) {
                current.append(scalar)
            } else if !current.isEmpty {
                out.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    private static func scriptRuns(_ word: String) -> [(text: String, cjk: Bool)] {
        var runs: [(text: String, cjk: Bool)] = []
        for scalar in word.unicodeScalars {
            let cjk = isCJK(scalar)
            if let last = runs.last, last.cjk == cjk {
                runs[runs.count - 1].text.unicodeScalars.append(scalar)
            } else {
                runs.append((String(scalar), cjk))
            }
        }
        return runs
    }

    static func isWordScalar(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        let p = scalar.properties
        if p.isEmojiPresentation || (p.isEmoji && !c.isASCII && !p.isAlphabetic) { return false }
        return p.isAlphabetic || p.numericType != nil
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
