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

    /// The words of a heading or label, numbering and symbols dropped, in segments. Handbooks
    /// repeat their headings page after page, so each distinct text is cut once.
    static func segments(_ text: String) -> [String] {
        headingSegments.value(for: text, cutSegments)
    }

    private static func cutSegments(_ text: String) -> [String] {
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

    /// The segments a heading or label is matched by: its segments, and the pieces of each
    /// joined by a conjunction (`奖励与处罚`, `会员结构和分工`, `rewards and penalties`), so that a
    /// label naming two things is found by either. Pieces shorter than two characters are no
    /// words (`参与感` is not 参 and 感).
    static func matchingSegments(_ text: String) -> [String] {
        matchSegmentsMemo.value(for: text) { text in
            let whole = segments(text)
            var out = whole
            for segment in whole {
                // `群组昵称`, `本群守则`: the group named before the word is not part of it.
                if let qualifier = qualifiers.first(where: { segment.hasPrefix($0) }),
                    segment.count > qualifier.count + 1
                {
                    out.append(String(segment.dropFirst(qualifier.count)))
                }
                let pieces: [Substring]
                if segment.unicodeScalars.first.map(isCJK) ?? false {
                    pieces = segment.split(whereSeparator: { conjunctions.contains($0) })
                } else {
                    pieces = segment.components(separatedBy: " and ").map { Substring($0) }
                }
                guard pieces.count > 1 else { continue }
                out += pieces.filter { $0.count >= 2 }.map(String.init)
            }
            return out
        }
    }

    private static let conjunctions: Set<Character> = ["和", "与", "及", "跟", "兼"]
    private static let qualifiers = ["群组", "本群", "群内", "本团", "团内"]

    /// The length in UTF-8 bytes of the longest key `segment` starts with as a word, or 0.
    static func longestMatch(_ segment: String, keys: [String]) -> Int {
        var best = 0
        for key in keys where key.utf8.count > best && matches(segments: [segment], keys: [key]) {
            best = key.utf8.count
        }
        return best
    }

    /// The heading reduced to one line of words, for messages and schema outlines.
    static func normalized(_ text: String) -> String {
        segments(text).joined(separator: " ")
    }

    /// True when any segment of `text` starts with any alias (whole words for non-Chinese).
    static func matches(_ text: String, aliases: [String]) -> Bool {
        matches(segments: matchingSegments(text), aliases: aliases)
    }

    static func matches(segments: [String], aliases: [String]) -> Bool {
        matches(segments: segments, keys: keys(of: aliases))
    }

    /// The aliases normalised, for matching many headings against them with
    /// `matches(segments:keys:)`.
    static func keys(of aliases: [String]) -> [String] {
        aliases.map { alias in aliasKeys.value(for: alias) { normalized($0) } }
    }

    static func matches(segments: [String], keys: [String]) -> Bool {
        for key in keys {
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
    private static let aliasKeys = Memo<String>()
    private static let foldedTerms = Memo<String>()
    private static let headingSegments = Memo<[String]>()
    private static let matchSegmentsMemo = Memo<[String]>()

    /// Values made from texts, kept for the process; shared by every thread. A long-running
    /// editor server sees new texts as it types, so past `limit` entries it starts afresh.
    /// Unchecked: `values` is read and written only under `lock` (`make` runs outside it).
    final class Memo<Value: Sendable>: @unchecked Sendable {
        private var values: [ExactText: Value] = [:]
        private let lock = NSLock()
        private let limit = 100_000

        func value(for key: String, _ make: (String) -> Value) -> Value {
            lock.lock()
            if let known = values[ExactText(key)] {
                lock.unlock()
                return known
            }
            lock.unlock()
            let made = make(key)
            lock.lock()
            if values.count >= limit { values.removeAll(keepingCapacity: true) }
            values[ExactText(key)] = made
            lock.unlock()
            return made
        }
    }

    // MARK: - Pieces

    private static let numerals = Set("0123456789一二三四五六七八九十百千零〇两")
    private static let separators = Set(".、,:;)-_·/|").union(["．", "，", "：", "；", "）", "】", "]", "—"])
    private static let numberingUnits = ["部分", "章", "节", "条", "步", "篇", "部", "点", "课", "讲", "阶段", "项"]
    private static let orderWords = ["part", "section", "chapter", "step", "phase", "stage"]

    /// Drops leading numbering and symbols, repeatedly (`1.2 `, `第一部分：`, `(一)`, `II.`):
    /// each form of numbering in `numberingForms` is tried in turn until none applies.
    static func stripNumbering(_ text: String) -> String {
        var s = Substring(text)
        while let form = numberingForms.first(where: { $0.strip(s) != nil }) {
            s = form.strip(s)!
        }
        return String(s)
    }

    /// One way headings are numbered: `strip` returns the heading after the numbering, or nil
    /// when the heading does not start with this form. Every form removes at least one
    /// character, so stripping ends. Headings arrive folded (lower case, full-width to ASCII,
    /// Traditional to Simplified).
    struct NumberingForm: Sendable {
        var name: String
        var strip: @Sendable (Substring) -> Substring?
    }

    static let numberingForms: [NumberingForm] = [
        // `(一)`, `（2）`, `【三】`, `[a]`: before symbols, which would take the bracket alone.
        NumberingForm(name: "bracketed") { s in
            guard let open = s.first, "(（【[".contains(open) else { return nil }
            let inner = s.dropFirst().prefix { numerals.contains($0) || ($0.isASCII && $0.isLetter) || isRoman($0) }
            let after = s.dropFirst(1 + inner.count)
            guard !inner.isEmpty, inner.count <= 4, let close = after.first, ")）】]".contains(close) else { return nil }
            return after.dropFirst()
        },
        // `## ★ `, `- `, `> `: symbols and spaces before the words.
        NumberingForm(name: "symbols") { s in
            let rest = s.drop { !isWordScalar($0) }
            return rest.count < s.count ? rest : nil
        },
        // `第一部分`, `第2章`, `第三条：` are numbering; `第1天`, `第2周` are times and stay.
        NumberingForm(name: "第…章") { s in
            guard s.first == "第" else { return nil }
            let rest = s.dropFirst()
            let digits = rest.prefix { numerals.contains($0) }
            guard !digits.isEmpty else { return nil }
            let tail = rest.dropFirst(digits.count)
            if let unit = numberingUnits.first(where: { tail.hasPrefix($0) }) { return tail.dropFirst(unit.count) }
            if let next = tail.first, separators.contains(next) || next == " " { return tail.dropFirst() }
            return nil
        },
        // `一、`, `1.`, `1.2 `, `2)`, `三：`.
        NumberingForm(name: "number and separator") { s in
            guard let first = s.first, numerals.contains(first) else { return nil }
            let rest = s.drop { numerals.contains($0) || $0 == "." || $0 == "．" }
            guard let next = rest.first, separators.contains(next) || next == " " else { return nil }
            return rest.dropFirst()
        },
        // `1同好`: a short Arabic number run into a word; not `24小时` or `3 个月`.
        NumberingForm(name: "number run into a word") { s in
            guard let first = s.first, first.isASCII, first.isNumber else { return nil }
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            let rest = s.drop { numerals.contains($0) || $0 == "." || $0 == "．" }
            guard digits.count <= 2, rest.count < s.count, rest.first.map({ !$0.isASCII }) ?? false,
                !startsWithUnit(rest)
            else { return nil }
            return rest
        },
        // `Ⅱ、`, `ⅳ. `, `①`: numbers written as one character.
        NumberingForm(name: "number sign") { s in
            guard let first = s.first, isRoman(first) || isCircled(first) else { return nil }
            let rest = s.dropFirst()
            if let next = rest.first, separators.contains(next) { return rest.dropFirst() }
            return rest
        },
        // `II. `, `iv) `, `XII、`: Roman numerals in letters, always with a separator, so
        // words such as `mix` or `civic` stay.
        NumberingForm(name: "Roman numerals") { s in
            let letters = s.prefix { "ivxlc".contains($0) }
            guard !letters.isEmpty, letters.count <= 7 else { return nil }
            let rest = s.dropFirst(letters.count)
            guard let next = rest.first, separators.contains(next) else { return nil }
            return rest.dropFirst()
        },
        // `step 2: `, `part ii — `, `chapter 3 - `.
        NumberingForm(name: "order word") { s in
            for word in orderWords where s.hasPrefix(word + " ") {
                let rest = s.dropFirst(word.count + 1)
                let number = rest.prefix { numerals.contains($0) || ($0.isASCII && $0.isLetter) }
                guard !number.isEmpty, number.count <= 4,
                    number.allSatisfy({ numerals.contains($0) || "ivxlc".contains($0) })
                        || number.count == 1
                else { continue }
                return rest.dropFirst(number.count)
            }
            return nil
        },
        // `a. `, `b) `.
        NumberingForm(name: "letter") { s in
            guard s.count > 2, let letter = s.first, letter.isASCII, letter.isLetter else { return nil }
            let next = s[s.index(after: s.startIndex)]
            let third = s[s.index(s.startIndex, offsetBy: 2)]
            return (next == "." || next == ")") && third == " " ? s.dropFirst(3) : nil
        },
    ]

    /// Ⅰ–ↈ and their lower-case forms (U+2160–U+2188).
    static func isRoman(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { (0x2160...0x2188).contains($0.value) } ?? false
    }

    /// ①–⑳, ⑴–⒇, ⒈–⒛ and the dingbat circled numbers.
    static func isCircled(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { (0x2460...0x249B).contains($0.value) || (0x2776...0x2793).contains($0.value) }
            ?? false
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
