import Dispatch
import PlaybookModel

/// The script a page is written in, and whether every word of it is: read once per build for
/// every edition (`EditionConverter.scripts(of:parsing:)`).
package struct PageScript: Hashable, Sendable {
    /// `EditionConverter.script(of:)`; nil for a page without Chinese.
    package var written: WrittenScript?
    /// True when nothing the page shows holds a character only the other script writes: an
    /// edition in the page's script shows the page as it is, without reading its blocks.
    package var uniform: Bool
}

extension EditionConverter {
    /// The script each page is written in (`PageScript`), by path, on every core; `parsing`
    /// gives each page's body, read for the time its script is told.
    package static func scripts(of pages: [Page], parsing: @Sendable (Page) -> ParsedPage) -> [String: PageScript] {
        var found = [PageScript?](repeating: nil, count: pages.count)
        found.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: pages.count) { i in
                base[i] = pageScript(of: parsing(pages[i]))
            }
        }
        var byPath: [String: PageScript] = [:]
        for (page, script) in zip(pages, found) { byPath[page.path] = script! }
        return byPath
    }

    /// The converter `edition` converts with: its configuration, the site's phrases and names.
    package static func converter(for edition: Edition, config: SiteConfig) throws -> EditionConverter {
        try EditionConverter(
            converter: ScriptConverter.open(
                named: edition.conversion, phrases: config.phrases, domain: config.domainPhrases),
            keep: config.keep)
    }

    /// The handbook as `edition` shows it: each page in the edition's script, block by block
    /// (see `EditionConverter`), the site's title and description converted; the config names the
    /// edition being rendered. `scripts` tells the script each page is written in
    /// (`scripts(of:parsing:)`, once for every edition); the handbook holds the pages' converted
    /// summaries, and the returned `parsing` gives an edition's page with its body parsed
    /// (`parsing`) and converted, as the renderer needs it.
    ///
    /// Pages convert on every core (one `ScriptConverter` serves all threads). The edition's
    /// `baseURL` is the site's followed by the edition's prefix, so its canonical links, sitemap,
    /// feed and 404 page point into the edition.
    package static func edition(
        of handbook: Handbook, for edition: Edition, scripts: [String: PageScript],
        parsing: @escaping @Sendable (Page) -> ParsedPage
    ) throws -> (handbook: Handbook, parsing: @Sendable (Page) throws -> ParsedPage) {
        let converter = try converter(for: edition, config: handbook.config)
        var result = handbook
        result.config.language = edition.interfaceLanguage
        result.config.currentEdition = edition
        result.config.title = try converter.convert(text: handbook.config.title)
        result.config.description = try converter.convert(text: handbook.config.description)
        result.config.baseURL += edition.prefix
        result.config.tagLabels = try converter.tagLabels(handbook.pages, scripts: scripts)
        let pages = handbook.pages
        var converted = [Result<Page, Error>?](repeating: nil, count: pages.count)
        var changed = [Bool](repeating: false, count: pages.count)
        var written = [WrittenScript?](repeating: nil, count: pages.count)
        converted.withUnsafeMutableBufferPointer { buffer in
            changed.withUnsafeMutableBufferPointer { changes in
                written.withUnsafeMutableBufferPointer { writtenIn in
                    guard let base = buffer.baseAddress else { return }
                    guard let changing = changes.baseAddress else { return }
                    guard let scriptOf = writtenIn.baseAddress else { return }
                    DispatchQueue.concurrentPerform(iterations: pages.count) { i in
                        let page = pages[i]
                        let script = scripts[page.path] ?? pageScript(of: parsing(page))
                        scriptOf[i] = script.written
                        if script.written == nil || (script.written == edition.script && script.uniform) {
                            base[i] = .success(page)
                        } else {
                            changing[i] = true
                            base[i] = Result { try converter.convert(page, writtenIn: script.written) }
                        }
                    }
                }
            }
        }
        result.pages = try converted.map { try $0!.get() }
        var paths: [String: WrittenScript?] = [:]
        for i in pages.indices where changed[i] { paths[pages[i].path] = written[i] }
        let convertedPaths = paths
        return (
            result,
            { page in
                let parsed = parsing(page)
                guard let written = convertedPaths[page.path] else { return parsed }
                return try converter.convertingTree(parsed, writtenIn: written)
            }
        )
    }

    /// The script a page is written in: its front matter `language:` when it names a Chinese
    /// script, else the script most of its prose is written in (block quotes and text between
    /// quotation marks do not count); nil for a page without Chinese, which every edition
    /// shows as it is.
    package static func script(of page: ParsedPage) -> WrittenScript? {
        pageScript(of: page).written
    }

    static func pageScript(of page: ParsedPage) -> PageScript {
        var prose = page.title
        var all = page.title
        for block in page.document.blocks {
            if case .blockQuote = block.kind {
                block.appendPlainText(to: &all)
            } else if prose.utf8.count <= 24_000 {
                block.appendPlainText(to: &prose)
            } else {
                block.appendPlainText(to: &all)
            }
        }
        for entry in page.frontMatter.entries where shownFields.contains(entry.key) {
            if let text = entry.value.string { all += "\n" + text }
            for item in entry.value.array ?? [] { all += "\n" + (item.string ?? "") }
        }
        all += "\n" + prose
        let hasChinese = all.unicodeScalars.contains { $0.value >= 0x3400 && $0.value <= 0x9FFF }
        guard hasChinese else { return PageScript(written: nil, uniform: true) }
        var written: WrittenScript?
        if let language = page.frontMatter["language"]?.string?.lowercased() {
            if language.hasPrefix("zh-hant") { written = .traditional }
            if language.hasPrefix("zh-hans") { written = .simplified }
        }
        if written == nil {
            let (traditional, simplified) = ScriptReading.counts(prose)
            written = traditional > simplified ? .traditional : .simplified
        }
        // Every character, quoted or not: a quotation in the other script is kept, but a
        // Simplified edition of a Traditional page must still read it to know.
        var uniform = true
        for scalar in all.unicodeScalars where scalar.value >= 0x3400 {
            if let only = ChineseScript.onlyScript(of: scalar), only != written {
                uniform = false
                break
            }
        }
        return PageScript(written: written, uniform: uniform)
    }

    /// The health view's words in the edition's script: group titles, column labels, notes and
    /// the findings listed under it. Paths, URLs and rule ids stay.
    package func convert(_ health: HealthReport) throws -> HealthReport {
        var texts: [String] = []
        func each(_ report: inout HealthReport, _ change: (String) -> String) {
            for c in report.columns.indices { report.columns[c].label = change(report.columns[c].label) }
            for r in report.rows.indices {
                report.rows[r].title = change(report.rows[r].title)
                for c in report.rows[r].cells.indices {
                    if let note = report.rows[r].cells[c].note { report.rows[r].cells[c].note = change(note) }
                    if let hint = report.rows[r].cells[c].hint { report.rows[r].cells[c].hint = change(hint) }
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
