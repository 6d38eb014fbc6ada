import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookRender
import PlaybookSource

extension Preview {
    /// The changed pages alone, rendered against the previous navigation and health: what a body
    /// edit needs on disk first. Pages whose title or front matter changed, and new or deleted
    /// pages, are left to `rebuild`, because they reach other pages.
    public func quickRender(applying changes: ChangeSet) -> [OutputFile] {
        let previous = self
        // With editions a page's text differs by edition; `rebuild` renders every edition.
        guard previous.check.handbook.config.editions.isEmpty else { return [] }
        let renderer = SiteRenderer(theme: previous.theme)
        var output: [OutputFile] = []
        for (path, bytes) in changes.files where Edits.isPage(path) {
            guard let bytes, let index = previous.pageIndex(path) else { continue }
            let page = Edits.parsePage(
                path: path, bytes: bytes, language: previous.check.handbook.config.language)
            guard Edits.sameSummary(page, previous.check.handbook.pages[index]) else { continue }
            output.append(renderer.renderPage(page, prepared: previous.prepared))
        }
        return output
    }

    /// PARSE the changed pages → CHECK what the change reaches (the edited pages alone after a
    /// body edit, else everything) → RENDER what the change reaches. Pure.
    public func rebuild(applying changes: ChangeSet) throws -> Rebuild {
        let previous = self
        var files = previous.check.files
        var handbook = previous.check.handbook
        var full = false
        var configChanged = false
        var themeChanged = false
        var themeAssets: [String] = []
        var ruleFiles = changes.ruleFiles ?? previous.ruleFiles
        var edited: [String] = []
        var copied: Set<String> = []
        for (path, bytes) in changes.files.sorted(by: { $0.key < $1.key }) {
            if path == files.configPath {
                files.config = try bytes.map(Edits.configText)
                configChanged = true
                full = true
            } else if Edits.isPage(path) {
                let old = previous.pageIndex(path).map { handbook.pages[$0] }
                files.content.upsert(bytes.map { RawFile(path: path, bytes: $0) }, at: path)
                let page = bytes.map {
                    Edits.parsePage(path: path, bytes: $0, language: previous.check.handbook.config.language)
                }
                handbook.pages.upsert(page, at: path)
                if let page, let old, Edits.sameSummary(page, old) { edited.append(path) } else { full = true }
            } else if path.hasPrefix("content/") {
                files.contentAssets.upsert(bytes.map { RawFile(path: path, bytes: $0) }, at: path)
                copied.insert(String(path.dropFirst("content/".count)))
            } else if path.hasPrefix("templates/") {
                let name = String(path.dropFirst("templates/".count))
                files.templates[name] = try bytes.map { try Edits.templateText($0, path: path) }
                themeChanged = true
                if name.hasSuffix(".mustache") { full = true } else { themeAssets.append(name) }
            } else if path.hasPrefix("static/") {
                let relative = String(path.dropFirst("static/".count))
                files.staticFiles.upsert(bytes.map { RawFile(path: relative, bytes: $0) }, at: relative)
                copied.insert(relative)
            }
            if ruleFiles[path] != nil || (changes.ruleFiles == nil && previous.ruleFiles[path] != nil) {
                ruleFiles[path] = bytes.map { String(decoding: $0, as: UTF8.self) }
            }
        }
        if configChanged {
            handbook = Edits.reconfigured(handbook, files: files, decoded: changes.config)
        }
        handbook.assets = files.contentAssets.map(\.path)
        // Only page bodies changed: their findings alone can change, unless `recheck` says otherwise.
        let onlyBodies =
            !full && edited.count == changes.files.count && changes.ruleFiles == nil
            && edited.allSatisfy { previous.ruleFiles[$0] == nil }
        let editedPages = edited.compactMap { handbook.pages.sortedIndex(of: $0).found.map { handbook.pages[$0] } }
        let rechecked =
            onlyBodies
            ? previous.checking.recheck(
                edited: editedPages, handbook: handbook, files: files, health: previous.check.health) : nil
        let (checked, checking) =
            rechecked ?? CheckState.check(handbook, files: files, ruleFiles: ruleFiles)
        let result = Pipeline.tolerate(checked, previous.baseline)
        let theme = themeChanged ? try Theme(overrides: files.templates) : previous.theme

        let old = previous.check.health
        let healthChanged = old != result.health
        // A body edit rewrites only the search files its tokens reach (the same bytes a full
        // build writes); an edit the index cannot take in place re-renders the site.
        var search: SearchIndex? = previous.search
        var searchFiles: [String: OutputFile] = [:]
        for path in edited {
            guard let index = handbook.pages.sortedIndex(of: path).found else { continue }
            let page = handbook.pages[index]
            if !SearchDocument.isIndexed(page) { continue }
            guard let (next, files) = search?.replacing(page) else {
                search = nil
                break
            }
            search = next
            for file in files { searchFiles[file.path] = file }
        }
        // The health view, list pages and folder titles are rendered only by the whole-site
        // renderer, so any change that reaches them re-renders the site; the writer then skips
        // every file whose bytes did not change.
        // Every edition of a saved page is rendered again, from the whole site: an edition's
        // pages are converted from the handbook, which the incremental path does not keep.
        if !result.handbook.config.editions.isEmpty { full = true }
        if full || healthChanged || search == nil {
            let (preview, outputs) = try Preview.renderAll(
                result, checking: checking, ruleFiles: ruleFiles, theme: theme, baseline: previous.baseline)
            return Rebuild(
                preview: preview, files: outputs,
                removed: previous.outputPaths.subtracting(preview.outputPaths).sorted(), wasFull: true,
                checkedEveryPage: rechecked == nil)
        }

        var preview = previous
        preview.check = result
        preview.checking = checking
        preview.theme = theme
        preview.ruleFiles = ruleFiles
        // A body edit keeps what every page shares (navigation, cross links, kits): only the
        // edited pages are put in place.
        let editedNow = edited.compactMap { path in
            result.handbook.pages.sortedIndex(of: path).found.map { result.handbook.pages[$0] }
        }
        preview.prepared =
            (themeChanged ? nil : previous.prepared.replacing(editedNow, in: result.handbook))
            ?? SiteRenderer.Prepared(handbook: result.handbook, health: result.health, theme: theme)
        preview.search = search!
        let renderer = SiteRenderer(theme: theme)
        var outputs = edited.compactMap { path in
            preview.pageIndex(path).map { renderer.renderPage(result.handbook.pages[$0], prepared: preview.prepared) }
        }
        outputs += searchFiles.values.sorted { $0.path < $1.path }
        // A group's kit shows the bodies of its documents.
        for path in edited { outputs += renderer.outputsShowingBody(of: path, prepared: preview.prepared) }
        var removed: [String] = []
        // A theme asset (CSS, script) changes no page: pages name it by a fixed path. The 404
        // page is the exception: it carries the styles inline.
        if !themeAssets.isEmpty { outputs.append(renderer.renderNotFound(prepared: preview.prepared)) }
        for name in themeAssets {
            if let bytes = theme.assets[name] {
                outputs.append(OutputFile(path: name, bytes: bytes))
                preview.renderedPaths.insert(name)
                preview.outputPaths.insert(name)
            } else {
                preview.renderedPaths.remove(name)
                copied.insert(name)
            }
        }
        let copies = Preview.copiedFiles(files)
        for path in copied.sorted() where !preview.renderedPaths.contains(path) {
            if let file = copies[path] {
                outputs.append(file)
                preview.outputPaths.insert(path)
            } else {
                removed.append(path)
                preview.outputPaths.remove(path)
            }
        }
        return Rebuild(
            preview: preview, files: outputs, removed: removed, wasFull: false, checkedEveryPage: rechecked == nil)
    }
}
