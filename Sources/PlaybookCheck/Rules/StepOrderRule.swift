import PlaybookModel

/// For steps in time order (`onboarding`):
/// - `<kind>.step-order`: no step is earlier in time than a step before it (error at that step);
/// - `<kind>.step-time`: each step starts with its time (warning by default);
/// - `<kind>.step-owner`: each step names who does it (warning by default).
struct StepOrderRule: PageRule {
    static let ownerWords = ["负责", "责任人", "执行人", "owner", "由", "who", " by "]

    /// Endings of Chinese role nouns (配速员, 团长, 群主, 新人官, 领读人, 领队, 值班妈妈, 摄影志工): a step whose
    /// sentence starts with such a noun names its doer (「群主在入群当天…」). Folded.
    static let roleEndings = [
        "员", "长", "主", "官", "师", "者", "手", "理", "人", "队", "妈妈", "爸爸", "志工", "团队", "小组", "管", "委", "客服",
        "机器人",
    ]
    /// Subjects that are the newcomer, who is the one a step happens to, not its owner.
    static let newcomers = ["新人", "新成员", "新团员", "新会员", "新朋友", "newcomer", "new member", "they ", "you "]

    /// Whether the sentence of a step starts with a role as its subject: `群主在…`, `團長發…`,
    /// `The host posts…`. `lead` is the time label the step starts with, which is skipped.
    static func subjectIsDoer(_ text: String, lead: String) -> Bool {
        var rest = Substring(TermMatcher.fold(text))
        let label = TermMatcher.fold(lead)
        if !label.isEmpty, rest.hasPrefix(label) { rest = rest.dropFirst(label.count) }
        rest = rest.drop { $0 == " " || $0 == ":" || $0 == "：" || $0 == "，" || $0 == "," || $0 == "-" || $0 == "—" }
        if newcomers.contains(where: { rest.hasPrefix($0) || rest.hasPrefix("the " + $0) }) { return false }
        if let first = rest.unicodeScalars.first, TermMatcher.isCJK(first) {
            // The subject is the Chinese run before the verb: its first few characters.
            let run = rest.prefix { $0.unicodeScalars.first.map(TermMatcher.isCJK) ?? false }
            for length in 2...min(max(run.count, 2), 6) where length <= run.count {
                let noun = run.prefix(length)
                if roleEndings.contains(where: { noun.hasSuffix($0) }) && !noun.hasPrefix("在") { return true }
            }
            return false
        }
        // `the host posts…`, `an organiser sends…`, `our bot…`: a noun phrase, then the verb.
        for article in ["the ", "an ", "a ", "our ", "each ", "one "] where rest.hasPrefix(article) {
            let words = rest.dropFirst(article.count).split(separator: " ", maxSplits: 3)
            return words.count >= 2
        }
        return false
    }

    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        guard let schema = page.schema else { return [] }
        let l = context.language
        var found: [Diagnostic] = []
        for spec in schema.sections {
            guard spec.list?.timeOrder == true, let section = page.filledSection(spec),
                let list = StepListRule.stepList(in: section, outline: page.outline)
            else { continue }
            var latest: (marker: TimeMarker, number: Int)?
            for (index, item) in list.children.enumerated() {
                let number = index + 1
                let position = item.range.start
                if let marker = TimeMarker.find(in: Self.lead(of: item)) {
                    if let previous = latest, marker.upper < previous.marker.lower {
                        found.append(
                            page.diagnostic(
                                line: position.line, column: position.column, rule: "\(page.kind).step-order",
                                message: l.pick(
                                    "第 \(number) 步（\(marker.text)）比第 \(previous.number) 步（\(previous.marker.text)）还早",
                                    "第 \(number) 步（\(marker.text)）比第 \(previous.number) 步（\(previous.marker.text)）還早",
                                    "step \(number) (\(marker.text)) comes before step \(previous.number) (\(previous.marker.text)) in time"
                                ),
                                hint: l.pick(
                                    "按时间先后重排步骤，或改正时间；新人按列表顺序经历这些步骤，顺序错了就会漏掉或重复。",
                                    "按時間先後重排步驟，或改正時間；新人按列表順序經歷這些步驟，順序錯了就會漏掉或重複。",
                                    "Reorder the steps by time, or correct the time; newcomers go through the list in order, and a step out of order gets skipped or repeated."
                                )))
                    }
                    if latest == nil || marker.lower > latest!.marker.lower { latest = (marker, number) }
                } else {
                    found.append(
                        page.diagnostic(
                            line: position.line, column: position.column, severity: .warning,
                            rule: "\(page.kind).step-time",
                            message: l.pick(
                                "第 \(number) 步没有写时间", "第 \(number) 步沒有寫時間", "step \(number) does not say when"),
                            hint: l.pick(
                                "以时间开头，例如 `**第1天**`、`**第7天**`、`**入群 2 小时内**`；每一步都要有时间。",
                                "以時間開頭，例如 `**第1天**`、`**第7天**`、`**入群 2 小時內**`；每一步都要有時間。",
                                "Start with the time, such as `**Day 1**`, `**Day 7**` or `**within 2 hours**`; every step needs one."
                            )))
                }
                let text = TermMatcher.fold(item.plainText)
                if !Self.ownerWords.contains(where: { TermMatcher.contains(text, term: $0) }),
                    !Self.subjectIsDoer(item.children.first?.plainText ?? "", lead: Self.lead(of: item))
                {
                    found.append(
                        page.diagnostic(
                            line: position.line, column: position.column, severity: .warning,
                            rule: "\(page.kind).step-owner",
                            message: l.pick(
                                "第 \(number) 步没有写负责人", "第 \(number) 步沒有寫負責人", "step \(number) names no owner"),
                            hint: l.pick(
                                "写明谁来做，例如 `负责人：新人官`；没有负责人的步骤最后没人做。",
                                "寫明誰來做，例如 `負責人：新人官`；沒有負責人的步驟最後沒人做。",
                                "Say who does it, such as `owner: welcome lead`; a step nobody owns is not done.")))
                }
            }
        }
        return found
    }

    /// Where a step's time is written: its leading bold label, else the start of its first line.
    static func lead(of item: MarkdownNode) -> String {
        guard let first = item.children.first else { return "" }
        if let strong = first.children.first, case .strong = strong.kind { return strong.plainText }
        let line = first.plainText.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return String(line.prefix(24))
    }
}
