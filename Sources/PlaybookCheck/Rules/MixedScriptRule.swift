import PlaybookModel

/// `page.mixed-script` (a warning unless raised): a page's prose is written in one script. A
/// few Traditional characters in a Simplified page, or the reverse, are usually a copy-paste
/// slip, and they survive into every edition (OpenCC converts a page by its script, so the
/// stray characters read oddly in both).
///
/// The page's script is the one most of its script-specific characters belong to (see
/// `ChineseScript.onlyScript(of:)`); each line holding characters of the other script is one
/// finding, naming them. Not counted: code, raw HTML, link targets, front matter, names listed
/// under `editions.keep`, and text between quotation marks (「結構」, “結構”), where a page
/// names a term in the other script on purpose.
struct MixedScriptRule: PageRule {
    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        var runs: [(line: Int, column: Int, text: String)] = []
        collect(page.page.document.root, into: &runs)
        let keep = context.handbook.config.keep.sorted { $0.count > $1.count }
        var traditional = 0
        var simplified = 0
        var marks: [[(offset: Int, scalar: Unicode.Scalar, script: WrittenScript)]] = []
        marks.reserveCapacity(runs.count)
        for run in runs {
            var marked: [(offset: Int, scalar: Unicode.Scalar, script: WrittenScript)] = []
            Self.forEachProse(run.text, keep: keep) { offset, scalar in
                // Below U+3400 no character belongs to one script alone.
                guard scalar.value >= 0x3400, let script = ChineseScript.onlyScript(of: scalar) else { return }
                if script == .traditional { traditional += 1 } else { simplified += 1 }
                marked.append((offset, scalar, script))
            }
            marks.append(marked)
        }
        guard traditional > 0, simplified > 0 else { return [] }
        // The minority is the slip; on a tie the page counts as Simplified.
        let stray: WrittenScript = traditional > simplified ? .simplified : .traditional
        var suspects = marks.map { $0.filter { $0.script == stray } }
        confirm(&suspects, in: runs.map(\.text), stray: stray, context: context)

        // One finding per line, at its first stray character.
        var byLine: [Int: (column: Int, scalars: [Unicode.Scalar])] = [:]
        var order: [Int] = []
        for (index, run) in runs.enumerated() where !suspects[index].isEmpty {
            let column = run.column + suspects[index][0].offset
            if var known = byLine[run.line] {
                known.column = min(known.column, column)
                known.scalars += suspects[index].map(\.scalar)
                byLine[run.line] = known
            } else {
                byLine[run.line] = (column, suspects[index].map(\.scalar))
                order.append(run.line)
            }
        }
        return order.map { line in
            let finding = byLine[line]!
            return diagnostic(
                page, line: line, column: finding.column, scalars: finding.scalars, stray: stray, context.language)
        }
    }

    /// Keeps only the suspects that OpenCC, reading the whole run as phrases, would change with
    /// every configuration towards the page's script: 准 in 批准 and 乾 in 乾坤 are written so in
    /// both scripts. Without OpenCC (unit tests), the per-character verdict stands.
    private func confirm(
        _ suspects: inout [[(offset: Int, scalar: Unicode.Scalar, script: WrittenScript)]], in texts: [String],
        stray: WrittenScript, context: CheckContext
    ) {
        guard let conversions = context.conversions else { return }
        let indices = suspects.indices.filter { !suspects[$0].isEmpty }
        guard !indices.isEmpty else { return }
        let target: WrittenScript = stray == .traditional ? .simplified : .traditional
        let changed = conversions.changed(
            in: indices.map { texts[$0] }, at: indices.map { suspects[$0].map(\.offset) }, into: target)
        for (k, index) in indices.enumerated() where k < changed.count {
            let kept = Set(changed[k])
            suspects[index] = suspects[index].filter { kept.contains($0.offset) }
        }
    }

    private func diagnostic(
        _ page: CheckedPage, line: Int, column: Int, scalars: [Unicode.Scalar], stray: WrittenScript, _ l: Language
    ) -> Diagnostic {
        var unique: [Unicode.Scalar] = []
        for scalar in scalars where !unique.contains(scalar) { unique.append(scalar) }
        let chars = l.list(unique.map { String($0) })
        let message: String
        let hint: String
        if stray == .traditional {
            let pairs = unique.prefix(5).map { "\($0) → \(ChineseScript.simplified($0))" }.joined(
                separator: l == .en ? ", " : "，")
            message = l.pick(
                "简体页面里有繁体字：\(chars)", "簡體頁面裡有繁體字：\(chars)", "Traditional characters in a Simplified page: \(chars)")
            hint = l.pick(
                "改成简体（\(pairs)）；人名、品牌或地名加到 playbook.yml 的 `editions.keep`；有意引用另一种字体的词时放进引号「」。",
                "改成簡體（\(pairs)）；人名、品牌或地名加到 playbook.yml 的 `editions.keep`；有意引用另一種字體的詞時放進引號「」。",
                "Write them in Simplified (\(pairs)); add names of people, brands or places to `editions.keep` in playbook.yml; put a term quoted from the other script in quotation marks."
            )
        } else {
            message = l.pick(
                "繁体页面里有简体字：\(chars)", "繁體頁面裡有簡體字：\(chars)", "Simplified characters in a Traditional page: \(chars)")
            hint = l.pick(
                "改成繁体；人名、品牌或地名加到 playbook.yml 的 `editions.keep`；有意引用另一种字体的词时放进引号「」。",
                "改成繁體；人名、品牌或地名加到 playbook.yml 的 `editions.keep`；有意引用另一種字體的詞時放進引號「」。",
                "Write them in Traditional; add names of people, brands or places to `editions.keep` in playbook.yml; put a term quoted from the other script in quotation marks."
            )
        }
        return page.diagnostic(
            line: line, column: column, severity: .warning, rule: "page.mixed-script", message: message, hint: hint)
    }

    /// The prose of `node` as (line, column, text) runs: text nodes and link text, without
    /// code, raw HTML or targets.
    private func collect(_ node: MarkdownNode, into runs: inout [(line: Int, column: Int, text: String)]) {
        switch node.kind {
        case .text(let s):
            runs.append((node.range.start.line, node.range.start.column, s))
        case .code, .codeBlock, .htmlBlock, .htmlInline, .footnoteReference:
            return
        default:
            for child in node.children { collect(child, into: &runs) }
        }
    }

    /// The closing mark of a quotation mark that opens a span: 「」『』“”‘’《》〈〉 and "".
    private static func closingQuote(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "「": return "」"
        case "『": return "』"
        case "“": return "”"
        case "‘": return "’"
        case "《": return "》"
        case "〈": return "〉"
        case "\"": return "\""
        default: return nil
        }
    }

    /// Calls `body` with each scalar of `text` that counts as prose, and its offset, in order:
    /// quoted spans and kept names are skipped.
    static func forEachProse(_ text: String, keep: [String], _ body: (Int, Unicode.Scalar) -> Void) {
        let scalars = Array(text.unicodeScalars)
        var skip: [Bool] = []
        for name in keep {
            let needle = Array(name.unicodeScalars)
            guard let head = needle.first, needle.count <= scalars.count else { continue }
            var i = 0
            while i + needle.count <= scalars.count {
                if scalars[i] == head, scalars[i..<(i + needle.count)].elementsEqual(needle) {
                    if skip.isEmpty { skip = [Bool](repeating: false, count: scalars.count) }
                    for k in i..<(i + needle.count) { skip[k] = true }
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        // A quotation mark opens a span only when its closing mark comes later in the text.
        var lastIndex: [Unicode.Scalar: Int] = [:]
        var closing: Unicode.Scalar?
        for (i, scalar) in scalars.enumerated() {
            if let close = closing {
                if scalar == close { closing = nil }
                continue
            }
            if let close = Self.closingQuote(scalar) {
                let last: Int
                if let known = lastIndex[close] {
                    last = known
                } else {
                    last = scalars.lastIndex(of: close) ?? -1
                    lastIndex[close] = last
                }
                if last > i {
                    closing = close
                    continue
                }
            }
            if skip.isEmpty || !skip[i] { body(i, scalar) }
        }
    }
}
