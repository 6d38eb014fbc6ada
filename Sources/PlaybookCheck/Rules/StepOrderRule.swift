import PlaybookModel

/// For steps in time order (`onboarding`):
/// - `<kind>.step-order`: no step is earlier in time than a step before it (error at that step);
/// - `<kind>.step-time`: each step starts with its time (warning by default);
/// - `<kind>.step-owner`: each step names who does it (warning by default).
struct StepOrderRule: PageRule {
    static let ownerWords = ["负责", "责任人", "执行人", "owner", "由", "who", " by "]

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
                if !Self.ownerWords.contains(where: { TermMatcher.contains(text, term: $0) }) {
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
