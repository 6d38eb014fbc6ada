// RENDER as the engine runs it: the whole published site in batches (what `build` writes and
// `serve` starts from), and, after an edit, only the outputs the edit reaches (what `serve`
// writes on a save).
import PlaybookMarkdown
import PlaybookModel
import PlaybookRender
import PlaybookSource

/// What a render of the site leaves for the next one: the theme, the preparation pages are
/// rendered against and the search index, so that a body edit re-renders its page, its search
/// records and the kits showing it, and nothing else.
package struct Rendering: Sendable {
    package internal(set) var theme: Theme
    /// The published handbook prepared for rendering; nil for a site with editions, whose pages
    /// are rendered from each edition's conversion.
    var prepared: SiteRenderer.Context?
    /// The search index of the published handbook (nil with editions, as above).
    var search: SearchIndex?
    /// Every output path the render made.
    package internal(set) var outputPaths: Set<String>
    /// The paths the renderer made (pages, lists, theme assets), which win over copied files.
    var renderedPaths: Set<String>
}

extension Engine {
    /// LEAVE OUT: the check result as the site publishes it (drafts and, in a public build,
    /// internal pages taken out, and the health view drawn from the pages that stay).
    package var published: CheckResult {
        Pipeline.leaveOut(
            check, publication: settings.publication, language: settings.language, sections: charterSections)
    }

    /// RENDER every output of the published site, every edition in its folder, handed to `emit`
    /// in batches as they are made (pages a few hundred at a time, each page's body parsed again
    /// only while its batch renders), then the content assets and static files each edition
    /// copies. `progress` is told (pages rendered, pages in all). Renders whatever the findings
    /// are: `build` refuses before calling it, `serve` shows them over the pages. Without
    /// `forEdits` (a one-shot `build`), the preparation later edits render against is not made.
    /// With `reuse`, only what it names is rendered, and `kept`, the paths the build before
    /// rendered that stay as they are, count as rendered (`Pipeline.build` from its record).
    package func render(
        theme: Theme? = nil, emit: ([OutputFile]) throws -> Void, progress: ((Int, Int) -> Void)? = nil,
        forEdits: Bool = true, reusing reuse: SiteRenderer.Reuse? = nil, kept: Set<String> = []
    ) throws -> Rendering {
        let theme = try theme ?? Theme(overrides: files.templates)
        var result = published
        result.health.previous = settings.previousHealth
        let (rendered, copied, search) = try Pipeline.render(
            result, theme: theme, progress: progress, reusing: reuse, kept: kept, emit: emit)
        return Rendering(
            theme: theme,
            prepared: forEdits && result.handbook.config.editions.isEmpty
                ? SiteRenderer.Context(handbook: result.handbook, health: result.health, theme: theme) : nil,
            search: search, outputPaths: rendered.union(copied).union(kept), renderedPaths: rendered.union(kept))
    }

    /// Every output, sorted by path: `render` gathered in memory.
    package func renderAll() throws -> (Rendering, [OutputFile]) {
        var outputs: [OutputFile] = []
        let rendering = try render { outputs += $0 }
        return (rendering, outputs.sorted { $0.path < $1.path })
    }

    /// The saved pages alone, parsed and rendered against `previous` before anything is
    /// checked again: what a save needs on disk first. A page whose title or links changed shows
    /// them already; the pages that show it follow with `render(_:after:)`. New and deleted
    /// pages, and sites with editions, wait for that too.
    package func quickRender(_ changes: ChangeSet, after previous: Rendering) -> [OutputFile] {
        guard let prepared = previous.prepared else { return [] }
        let renderer = SiteRenderer(theme: previous.theme)
        let splitter = FrontMatterSplitter(language: checker.language)
        return changes.files.keys.sorted().compactMap { path in
            guard Edits.isPage(path), let bytes = changes.files[path] ?? nil,
                let index = prepared.handbook.pages.sortedIndex(of: path).found
            else { return nil }
            let page = PageParser().parse(splitter.split(path: path, bytes: bytes))
            guard page.url == prepared.handbook.pages[index].url, settings.publication.publishes(page.page) else {
                return nil
            }
            return renderer.renderPage(page, prepared: prepared)
        }
    }

    /// RENDER what `change` reaches, against the render before it: after a body edit, the
    /// edited pages, their search records and the kits showing them; after anything that reaches
    /// other pages, the whole site. Gives the new rendering, the outputs to write (some may hold
    /// the bytes they had: the writer skips those) and the output paths to delete. With `emit`,
    /// a render of the whole site hands it its outputs a batch at a time as they are made (and
    /// gives none back), so the site is never held in memory whole.
    package func render(
        _ change: EngineChange, after previous: Rendering, emit: (([OutputFile]) throws -> Void)? = nil
    ) throws -> (
        rendering: Rendering, files: [OutputFile], removed: [String]
    ) {
        let templateChanged = change.theme.contains { $0.hasSuffix(".mustache") }
        let theme = change.theme.isEmpty ? previous.theme : try Theme(overrides: files.templates)
        let result = published
        var search = previous.search
        var searchFiles: [String: OutputFile] = [:]
        let edited = change.bodies.compactMap { path in
            result.handbook.pages.sortedIndex(of: path).found.map { result.handbook.pages[$0] }
        }
        // A body edit rewrites only the search files its words reach (the bytes a whole render
        // writes); an edit the index cannot take in place renders the site again.
        for kept in edited where SearchDocument.isIndexed(kept) {
            let parser = PageParser()
            let was = previous.prepared.flatMap { before in
                before.handbook.pages.sortedIndex(of: kept.path).found.map {
                    parser.parsed(before.handbook.pages[$0])
                }
            }
            guard let was, let (next, files) = search?.replacing(parser.parsed(kept), was: was) else {
                search = nil
                break
            }
            search = next
            for file in files { searchFiles[file.path] = file }
        }
        guard !change.wholeSite, !templateChanged, change.summaries.isEmpty, !change.healthChanged,
            let search, let before = previous.prepared,
            let prepared = before.replacing(edited, in: result.handbook)
        else {
            var outputs: [OutputFile] = []
            let rendering = try render(theme: theme) { batch in
                if let emit { try emit(batch) } else { outputs += batch }
            }
            return (rendering, outputs, previous.outputPaths.subtracting(rendering.outputPaths).sorted())
        }
        var rendering = previous
        rendering.theme = theme
        rendering.prepared = prepared
        rendering.search = search
        let renderer = SiteRenderer(theme: theme)
        let parser = PageParser()
        var outputs = edited.map { renderer.renderPage(parser.parsed($0), prepared: prepared) }
        outputs += searchFiles.values.sorted { $0.path < $1.path }
        // A group's kit shows the bodies of its documents.
        for page in edited {
            outputs += try renderer.outputsShowingBody(of: page.path, prepared: prepared) { parser.parsed($0) }
        }
        var removed: [String] = []
        var copied = change.copied
        // A theme asset (CSS, script) changes no page: pages name it by a fixed path. The 404
        // page is the exception: it carries the styles inline.
        if !change.theme.isEmpty { outputs.append(renderer.renderNotFound(prepared: prepared)) }
        for name in change.theme {
            if let bytes = theme.assets[name] {
                outputs.append(OutputFile(path: name, bytes: bytes))
                rendering.renderedPaths.insert(name)
                rendering.outputPaths.insert(name)
            } else {
                rendering.renderedPaths.remove(name)
                copied.insert(name)
            }
        }
        let copies = Dictionary(
            uniqueKeysWithValues: Pipeline.copiedFiles(result.files, skipping: []).map { ($0.path, $0) })
        for path in copied.sorted() where !rendering.renderedPaths.contains(path) {
            if let file = copies[path] {
                outputs.append(file)
                rendering.outputPaths.insert(path)
            } else {
                removed.append(path)
                rendering.outputPaths.remove(path)
            }
        }
        return (rendering, outputs, removed)
    }
}
