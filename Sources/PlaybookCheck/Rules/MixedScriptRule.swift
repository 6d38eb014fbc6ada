import PlaybookModel

/// `page.mixed-script` (a warning unless raised): each block of a page is written in one script.
/// A few Traditional characters in a Simplified paragraph, or the reverse, are usually a
/// copy-paste slip, and they read oddly in every edition.
///
/// Blocks are read as the script editions read them (`ScriptReading`): a paragraph, heading or
/// table cell written in one script alone is in that script, whatever the page's, and is no
/// slip; a block that mixes both scripts follows the page's script (the one most of its prose
/// is written in), and each line holding characters of the other script is one finding, naming
/// them. Not counted: code, raw HTML, link targets, front matter, names listed under
/// `editions.keep`, text between quotation marks (「結構」, “結構”), where a page names a term in
/// the other script on purpose, a block quote in the other script (a quotation, kept as its
/// source wrote it), and link text written in one script alone (the title of the page it links
/// to, in that page's script, or the name of a source).
struct MixedScriptRule: PageRule {
    /// A text node's place, text, and the block it belongs to.
    struct Run {
        var line: Int
        var column: Int
        var text: String
        /// The paragraph, heading, table cell or link text it is part of.
        var block: Int
        /// The block quote it is inside, if any.
        var quote: Int?
        var isLinkText: Bool
    }

    func check(_ page: CheckedPage, in context: CheckContext) -> [Diagnostic] {
        var runs: [Run] = []
        var blocks = 0
        var quotes = 0
        collect(
            page.parsed.document.root, block: 0, quote: nil, link: false, blocks: &blocks, quotes: &quotes, into: &runs)
        let keep = context.handbook.config.keep.sorted { $0.count > $1.count }
        var marks: [[(offset: Int, scalar: Unicode.Scalar, script: WrittenScript)]] = []
        marks.reserveCapacity(runs.count)
        var any = (traditional: 0, simplified: 0)
        var prose = (traditional: 0, simplified: 0)
        for run in runs {
            var marked: [(offset: Int, scalar: Unicode.Scalar, script: WrittenScript)] = []
            ScriptReading.forEachProse(run.text, keep: keep) { offset, scalar in
                // Below U+3400 no character belongs to one script alone.
                guard scalar.value >= 0x3400, let script = ChineseScript.onlyScript(of: scalar) else { return }
                marked.append((offset, scalar, script))
            }
            let traditional = marked.filter { $0.script == .traditional }.count
            any.traditional += traditional
            any.simplified += marked.count - traditional
            if run.quote == nil, !run.isLinkText {
                prose.traditional += traditional
                prose.simplified += marked.count - traditional
            }
            marks.append(marked)
        }
        guard any.traditional > 0, any.simplified > 0 else { return [] }
        // The page's script is its prose's majority; on a tie the page counts as Simplified.
        let counted = prose.traditional + prose.simplified > 0 ? prose : any
        let pageScript: WrittenScript = counted.traditional > counted.simplified ? .traditional : .simplified
        let stray: WrittenScript = pageScript == .traditional ? .simplified : .traditional

        // Per block and per block quote: which scripts its characters belong to.
        var blockScripts = [Set<WrittenScript>](repeating: [], count: blocks + 1)
        var quoteScripts = [Set<WrittenScript>](repeating: [], count: quotes)
        for (index, run) in runs.enumerated() {
            for mark in marks[index] {
                blockScripts[run.block].insert(mark.script)
                if let quote = run.quote { quoteScripts[quote].insert(mark.script) }
            }
        }
        var suspects = runs.indices.map { index -> [(offset: Int, scalar: Unicode.Scalar, script: WrittenScript)] in
            let run = runs[index]
            // A quotation in the other script, kept as its source wrote it.
            if let quote = run.quote, quoteScripts[quote] == [stray] { return [] }
            // A block in one script alone is in that script.
            if blockScripts[run.block].count < 2 { return [] }
            return marks[index].filter { $0.script == stray }
        }
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

    /// The prose of `node` as runs: text nodes and link text, without code, raw HTML or targets;
    /// each paragraph, heading, table cell and link text a block of its own.
    private func collect(
        _ node: MarkdownNode, block: Int, quote: Int?, link: Bool, blocks: inout Int, quotes: inout Int,
        into runs: inout [Run]
    ) {
        var block = block
        var quote = quote
        var link = link
        switch node.kind {
        case .text(let s):
            runs.append(
                Run(
                    line: node.range.start.line, column: node.range.start.column, text: s, block: block, quote: quote,
                    isLinkText: link))
            return
        case .code, .codeBlock, .htmlBlock, .htmlInline, .footnoteReference:
            return
        case .paragraph, .heading, .tableCell:
            blocks += 1
            block = blocks
        case .link:
            blocks += 1
            block = blocks
            link = true
        case .blockQuote:
            quote = quotes
            quotes += 1
        default:
            break
        }
        for child in node.children {
            collect(child, block: block, quote: quote, link: link, blocks: &blocks, quotes: &quotes, into: &runs)
        }
    }
}
