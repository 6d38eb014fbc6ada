/// A step's time relative to joining, as a range of hours, read from markers such as
/// `第1天`, `第7天`, `Day 3`, `Week 2`, `第2周` / `第2週`, `第1个月`, `24小时`, `48 hours`,
/// `30 分钟`. Day N spans its 24 hours (day 0 is before joining); week N its 7 days.
struct TimeMarker: Hashable {
    var lower: Double
    var upper: Double
    /// The marker as written, for messages.
    var text: String

    private static let hour = 1.0, day = 24.0, week = 168.0, month = 720.0

    /// The first time marker in `text`, if any.
    static func find(in text: String) -> TimeMarker? {
        let chars = Array(TermMatcher.fold(text))
        var i = 0
        while i < chars.count {
            if let found = marker(at: i, chars) { return found }
            i += 1
        }
        let folded = String(chars)
        if folded.containsLiteral("入群前") || folded.containsLiteral("before joining") {
            return TimeMarker(lower: -day, upper: 0, text: "入群前")
        }
        // Times relative to joining written as words; the earliest written one is the step's.
        var first: (at: String.Index, marker: TimeMarker)?
        for (word, lower, upper) in relative {
            guard let found = folded.range(of: word), first.map({ found.lowerBound < $0.at }) ?? true else { continue }
            first = (found.lowerBound, TimeMarker(lower: lower, upper: upper, text: word))
        }
        return first?.marker
    }

    /// Words for a time relative to joining, folded (Traditional is matched as Simplified), as
    /// ranges of hours: the moment of joining is 0, the day of joining 0–24.
    private static let relative: [(String, Double, Double)] = [
        ("入群时", 0, 0), ("进群时", 0, 0), ("入群后", 0, 0), ("进群后", 0, 0), ("加入后", 0, 0), ("入群即", 0, 0),
        ("立即", 0, 0), ("马上", 0, 0), ("第一时间", 0, 0), ("即时", 0, 0), ("通过后", 0, 0), ("审核通过", 0, 0),
        ("当天", 0, day), ("当日", 0, day), ("当晚", 0, day), ("当天晚上", 0, day), ("次日", day, 2 * day),
        ("隔天", day, 2 * day), ("翌日", day, 2 * day), ("首周", 0, week), ("第一周", 0, week), ("当周", 0, week),
        ("满月", 4 * week, month), ("upon joining", 0, 0), ("on joining", 0, 0), ("when they join", 0, 0),
        ("after joining", 0, 0), ("immediately", 0, 0), ("right away", 0, 0), ("same day", 0, day),
        ("that evening", 0, day), ("that night", 0, day), ("next day", day, 2 * day), ("first week", 0, week),
    ]

    private static func marker(at start: Int, _ c: [Character]) -> TimeMarker? {
        // `第N天`, `第N周`, `第N个月`
        if c[start] == "第" {
            guard let (n, afterNumber) = number(at: skipSpaces(start + 1, c), c) else { return nil }
            let at = skipSpaces(afterNumber, c)
            for (unit, size) in [("天", day), ("日", day), ("周", week), ("星期", week), ("个月", month), ("月", month)]
            where matches(unit, at: at, c) {
                return ordinal(n, size, text: String(c[start..<(at + unit.count)]))
            }
            return nil
        }
        // `D1`, `D7`, `D30`: operators' shorthand for Day N.
        if c[start] == "d", start == 0 || !c[start - 1].isLetter, start + 1 < c.count, c[start + 1].isASCII,
            c[start + 1].isNumber, let (n, end) = number(at: start + 1, c), end == c.count || !c[end].isLetter
        {
            return ordinal(n, day, text: String(c[start..<end]).uppercased())
        }
        // `Day N`, `Week N`, `Month N`
        if c[start].isLetter, start == 0 || !c[start - 1].isLetter {
            for (word, size) in [("day", day), ("week", week), ("month", month)] where matches(word, at: start, c) {
                let at = skipSpaces(start + word.count, c)
                guard at > start + word.count || at < c.count && c[at].isNumber,
                    let (n, end) = number(at: at, c)
                else { continue }
                return ordinal(n, size, text: String(c[start..<end]))
            }
            return nil
        }
        // `24小时`, `48 hours`, `30 分钟`, `3 天后`, `2 weeks`
        guard c[start].isNumber, start == 0 || !c[start - 1].isNumber, let (n, afterNumber) = number(at: start, c)
        else {
            return nil
        }
        let at = skipSpaces(afterNumber, c)
        let units: [(String, Double, Bool)] = [
            ("个小时", hour, false), ("小时", hour, false), ("hours", hour, false), ("hour", hour, false),
            ("hrs", hour, false), ("分钟", hour / 60, false), ("minutes", hour / 60, false), ("mins", hour / 60, false),
            ("天", day, true), ("days", day, true), ("day", day, true), ("周", week, true), ("weeks", week, true),
            ("week", week, true), ("个月", month, true), ("months", month, true), ("month", month, true),
        ]
        for (unit, size, isSpan) in units where matches(unit, at: at, c) {
            let end = at + unit.count
            if unit.first!.isASCII, end < c.count, c[end].isLetter { continue }
            let text = String(c[start..<end])
            // "3 天后" means on day 3; "48 小时" means at hour 48.
            return isSpan ? ordinal(n, size, text: text) : TimeMarker(lower: n * size, upper: n * size, text: text)
        }
        return nil
    }

    private static func ordinal(_ n: Double, _ size: Double, text: String) -> TimeMarker {
        n == 0
            ? TimeMarker(lower: -size, upper: 0, text: text)
            : TimeMarker(lower: (n - 1) * size, upper: n * size, text: text)
    }

    private static func matches(_ word: String, at i: Int, _ c: [Character]) -> Bool {
        let w = Array(word)
        guard i + w.count <= c.count else { return false }
        return Array(c[i..<(i + w.count)]) == w
    }

    private static func skipSpaces(_ i: Int, _ c: [Character]) -> Int {
        var i = i
        while i < c.count, c[i] == " " { i += 1 }
        return i
    }

    private static let chinese: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// An Arabic or Chinese number (`12`, `十二`, `三十`) at `i`, and the index after it.
    private static func number(at i: Int, _ c: [Character]) -> (Double, Int)? {
        var j = i
        if j < c.count, c[j].isASCII, c[j].isNumber {
            var value = 0
            while j < c.count, c[j].isASCII, let d = c[j].wholeNumberValue, value < 100_000 {
                value = value * 10 + d
                j += 1
            }
            return (Double(value), j)
        }
        var total = 0
        var current = 0
        var seen = false
        while j < c.count {
            if let d = chinese[c[j]] {
                current = d
            } else if c[j] == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else if c[j] == "百" {
                total += (current == 0 ? 1 : current) * 100
                current = 0
            } else {
                break
            }
            seen = true
            j += 1
        }
        return seen ? (Double(total + current), j) : nil
    }
}
