import Dispatch
import PlaybookModel

extension EditionConverter {
    /// The handbook as `edition` shows it: each page written in the other script converted,
    /// each page already in the edition's script (or without Chinese) as it is, the site's
    /// title and description converted; the config names the edition being rendered.
    ///
    /// Pages convert on every core (one `ScriptConverter` serves all threads). The edition's
    /// `baseURL` is the site's followed by the edition's prefix, so its canonical links, sitemap,
    /// feed and 404 page point into the edition.
    public static func handbook(_ handbook: Handbook, for edition: Edition) throws -> Handbook {
        try self.edition(of: handbook, for: edition, scripts: scripts(of: handbook.pages), restoring: { $0 }).handbook
    }

    /// The script each page is written in (`script(of:)`), by path, on every core; `restoring`
    /// gives a page without its tree (`Page.treeReleased`) its tree back to be read.
    public static func scripts(of pages: [Page], restoring: @Sendable (Page) -> Page = { $0 }) -> [String:
        WrittenScript?]
    {
        var found = [WrittenScript??](repeating: nil, count: pages.count)
        found.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: pages.count) { i in
                base[i] = .some(script(of: pages[i].treeReleased ? restoring(pages[i]) : pages[i]))
            }
        }
        var byPath: [String: WrittenScript?] = [:]
        for (page, script) in zip(pages, found) { byPath[page.path] = script! }
        return byPath
    }

    /// The handbook as `edition` shows it, as above, for a handbook whose pages may be without
    /// their trees (`Page.treeReleased`): `scripts` tells the script each page is written in
    /// (`scripts(of:restoring:)`, once for every edition), and the pages stay without their
    /// trees. The returned `restoring` gives an edition's page its tree back (`restoring`) and
    /// converted, as the renderer needs it.
    public static func edition(
        of handbook: Handbook, for edition: Edition, scripts: [String: WrittenScript?],
        restoring: @escaping @Sendable (Page) -> Page
    ) throws -> (handbook: Handbook, restoring: @Sendable (Page) throws -> Page) {
        let converter = try EditionConverter(
            converter: ScriptConverter.open(named: edition.conversion), keep: handbook.config.keep)
        var result = handbook
        result.config.language = edition.interfaceLanguage
        result.config.currentEdition = edition
        result.config.title = try converter.convert(text: handbook.config.title)
        result.config.description = try converter.convert(text: handbook.config.description)
        result.config.baseURL += edition.prefix
        let pages = handbook.pages
        var converted = [Result<Page, Error>?](repeating: nil, count: pages.count)
        var changed = [Bool](repeating: false, count: pages.count)
        converted.withUnsafeMutableBufferPointer { buffer in
            changed.withUnsafeMutableBufferPointer { changes in
                let base = buffer.baseAddress!
                let changing = changes.baseAddress!
                DispatchQueue.concurrentPerform(iterations: pages.count) { i in
                    let page = pages[i]
                    let written = scripts[page.path] ?? script(of: page)
                    if written == nil || written == edition.script {
                        base[i] = .success(page)
                    } else {
                        changing[i] = true
                        base[i] = Result { try converter.convert(page) }
                    }
                }
            }
        }
        result.pages = try converted.map { try $0!.get() }
        let convertedPaths = Set(pages.indices.filter { changed[$0] }.map { pages[$0].path })
        return (
            result,
            { page in
                guard page.treeReleased else { return page }
                let restored = restoring(page)
                return convertedPaths.contains(page.path) ? try converter.convertingTree(restored) : restored
            }
        )
    }

    /// The script a page is written in: its front matter `language:` when it names a Chinese
    /// script, else the script most of its script-specific characters belong to; nil for a page
    /// without Chinese, which every edition shows as it is.
    public static func script(of page: Page) -> WrittenScript? {
        if let written = page.frontMatter["language"]?.string?.lowercased() {
            if written.hasPrefix("zh-hant") { return .traditional }
            if written.hasPrefix("zh-hans") { return .simplified }
        }
        var text = page.title
        for block in page.document.blocks {
            block.appendPlainText(to: &text)
            if text.utf8.count > 24_000 { break }
        }
        guard text.unicodeScalars.contains(where: { $0.value >= 0x3400 && $0.value <= 0x9FFF }) else { return nil }
        return ChineseScript.isMostlyTraditional(text) ? .traditional : .simplified
    }

    /// The health view's words in the edition's script: group titles, column labels, notes and
    /// the findings listed under it. Paths, URLs and rule ids stay.
    public func convert(_ health: HealthReport) throws -> HealthReport {
        var texts: [String] = []
        func each(_ report: inout HealthReport, _ change: (String) -> String) {
            for c in report.columns.indices { report.columns[c].label = change(report.columns[c].label) }
            for r in report.rows.indices {
                report.rows[r].title = change(report.rows[r].title)
                for c in report.rows[r].cells.indices {
                    if let note = report.rows[r].cells[c].note { report.rows[r].cells[c].note = change(note) }
                }
                for f in report.rows[r].findings.indices {
                    report.rows[r].findings[f].message = change(report.rows[r].findings[f].message)
                    if let hint = report.rows[r].findings[f].hint { report.rows[r].findings[f].hint = change(hint) }
                }
            }
        }
        var copy = health
        each(&copy) { text in
            texts.append(text)
            return text
        }
        let converted = try texts.map { try convert(text: $0) }
        var next = converted.makeIterator()
        var result = health
        each(&result) { next.next() ?? $0 }
        return result
    }
}
