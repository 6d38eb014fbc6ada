// Incremental rebuilds for `serve`. A `Preview` is a built site held in memory; given the site
// files that changed, `rebuild` re-parses only those pages, re-runs the checks and re-renders
// only the outputs the change reaches. Only `preview(siteAt:)` and `readChanges` touch the disk.
import Foundation
import PlaybookCheck
import PlaybookMarkdown
import PlaybookModel
import PlaybookRender
import PlaybookSource

/// A built site held between rebuilds: the check result plus what rendering it shares.
public struct Preview: @unchecked Sendable {
    public internal(set) var check: CheckResult
    /// Rule files the config refers to, by site-relative path.
    public internal(set) var ruleFiles: [String: String]
    /// Every path the output folder holds now.
    public internal(set) var outputPaths: Set<String>
    /// Paths produced by the renderer (pages, lists, theme assets), which win over copied files.
    var renderedPaths: Set<String>
    var theme: Theme
    var prepared: SiteRenderer.Prepared
    var search: SearchIndex
    /// The site's baseline, read when serving starts: the findings it records do not show.
    var baseline: Baseline?
    /// What a body edit needs to re-check its page alone.
    var checking: CheckState

    /// Site-relative paths of every file the preview was built from.
    public var sourcePaths: Set<String> {
        let files = check.files
        var paths = Set(files.content.map(\.path) + files.contentAssets.map(\.path))
        paths.formUnion(files.templates.keys.map { "templates/" + $0 })
        paths.formUnion(files.staticFiles.map { "static/" + $0.path })
        if files.config != nil { paths.insert(files.configPath) }
        paths.formUnion(ruleFiles.keys)
        return paths
    }
}

/// Site files that changed since the last build, as read from disk.
public struct ChangeSet: Sendable {
    /// Site-relative path → new bytes, or nil when the file is gone.
    public var files: [String: [UInt8]?]
    /// The rule files, re-read because the config changed; nil when it did not.
    public var ruleFiles: [String: String]?

    public init(files: [String: [UInt8]?] = [:], ruleFiles: [String: String]? = nil) {
        self.files = files
        self.ruleFiles = ruleFiles
    }

    public var isEmpty: Bool { files.isEmpty && ruleFiles == nil }
}

/// What a rebuild produced: the new preview, the outputs to write and the outputs to delete.
public struct Rebuild: Sendable {
    public var preview: Preview
    /// Outputs re-rendered or re-copied; some may hold the same bytes as before.
    public var files: [OutputFile]
    public var removed: [String]
    /// True when the change reached every page (config, templates, a page added, removed or retitled).
    public var wasFull: Bool
    /// True when every page was checked again; false when the edited pages were checked alone.
    public var checkedEveryPage: Bool = true
}

extension Pipeline {
    /// LOAD → PARSE → CHECK → RENDER, keeping what later rebuilds need. Unlike `build`, renders
    /// even when checks fail: `serve` shows the diagnostics over the pages instead.
    public static func preview(siteAt root: URL) throws -> (Preview, [OutputFile]) {
        let files = try SiteReader(root: root).read()
        let ruleFiles = try readRuleFiles(root: root, files: files)
        let baseline = try readBaseline(root: root)
        let handbook = parse(files)
        // The preview publishes every page, drafts included, so no link to one is dead here.
        let (checked, checking) = checkKeepingState(
            handbook, files: files, ruleFiles: ruleFiles, publication: .everything)
        let theme = try Theme(overrides: files.templates)
        return try renderAll(
            tolerate(checked, baseline), checking: checking, ruleFiles: ruleFiles, theme: theme, previousOutputs: [],
            baseline: baseline)
    }

    /// LOAD for a rebuild: reads the given site-relative paths (files or folders, present or gone)
    /// and, when the config is among them, the rule files it refers to. Paths outside the watched
    /// parts of the site and hidden files are left out, as `SiteReader.read` leaves them out.
    public static func readChanges(_ paths: Set<String>, siteAt root: URL, known: Set<String>) throws -> ChangeSet {
        let reader = SiteReader(root: root)
        let fm = FileManager.default
        var changes = ChangeSet()
        for path in paths where isWatched(path, known: known) {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            let inside = known.filter { $0.hasPrefix(path + "/") }
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                let present = try reader.listFiles(under: path)
                for file in present { changes.files[file] = try? reader.readFile(file).bytes }
                for gone in inside.subtracting(present) { changes.files[gone] = .some(nil) }
            } else if fm.fileExists(atPath: url.path) {
                // A file that vanished between the event and the read counts as removed.
                changes.files[path] = .some(try? reader.readFile(path).bytes)
            } else {
                if known.contains(path) { changes.files[path] = .some(nil) }
                for gone in inside { changes.files[gone] = .some(nil) }
            }
        }
        if let config = changes.files["playbook.yml"] {
            var files = SiteFiles()
            files.config = config.map { String(decoding: $0, as: UTF8.self) }
            changes.ruleFiles = try readRuleFiles(root: root, files: files)
        }
        return changes
    }

    /// The changed pages alone, rendered against the previous navigation and health: what a body
    /// edit needs on disk first. Pages whose title or front matter changed, and new or deleted
    /// pages, are left to `rebuild`, because they reach other pages.
    public static func quickRender(_ previous: Preview, applying changes: ChangeSet) -> [OutputFile] {
        // With editions a page's text differs by edition; `rebuild` renders every edition.
        guard previous.check.handbook.config.editions.isEmpty else { return [] }
        let renderer = SiteRenderer(theme: previous.theme)
        var output: [OutputFile] = []
        for (path, bytes) in changes.files where isPage(path) {
            guard let bytes, let index = previous.pageIndex(path) else { continue }
            let page = parsePage(path: path, bytes: bytes)
            guard sameSummary(page, previous.check.handbook.pages[index]) else { continue }
            output.append(renderer.renderPage(page, prepared: previous.prepared))
        }
        return output
    }

    /// PARSE the changed pages → CHECK what the change reaches (the edited pages alone after a
    /// body edit, else everything) → RENDER what the change reaches. Pure.
    public static func rebuild(_ previous: Preview, applying changes: ChangeSet) throws -> Rebuild {
        var files = previous.check.files
        var handbook = previous.check.handbook
        var full = false
        var themeChanged = false
        var themeAssets: [String] = []
        var ruleFiles = changes.ruleFiles ?? previous.ruleFiles
        var edited: [String] = []
        var copied: Set<String> = []
        for (path, bytes) in changes.files.sorted(by: { $0.key < $1.key }) {
            if path == files.configPath {
                files.config = try bytes.map(configText)
                full = true
            } else if isPage(path) {
                let old = previous.pageIndex(path).map { handbook.pages[$0] }
                files.content.upsert(bytes.map { RawFile(path: path, bytes: $0) }, at: path)
                let page = bytes.map { parsePage(path: path, bytes: $0) }
                handbook.pages.upsert(page, at: path)
                if let page, let old, sameSummary(page, old) { edited.append(path) } else { full = true }
            } else if path.hasPrefix("content/") {
                files.contentAssets.upsert(bytes.map { RawFile(path: path, bytes: $0) }, at: path)
                copied.insert(String(path.dropFirst("content/".count)))
            } else if path.hasPrefix("templates/") {
                let name = String(path.dropFirst("templates/".count))
                files.templates[name] = try bytes.map { try templateText($0, path: path) }
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
        if full {
            handbook = parseConfig(files, pages: handbook.pages)
        }
        handbook.assets = files.contentAssets.map(\.path)
        // Only page bodies changed: their findings alone can change, unless `recheck` says otherwise.
        let onlyBodies =
            !full && edited.count == changes.files.count && changes.ruleFiles == nil
            && edited.allSatisfy { previous.ruleFiles[$0] == nil }
        let editedPages = edited.compactMap { handbook.pages.sortedIndex(of: $0).found.map { handbook.pages[$0] } }
        let rechecked =
            onlyBodies ? recheck(previous.checking, edited: editedPages, handbook: handbook, files: files) : nil
        let (checked, checking) =
            rechecked ?? checkKeepingState(handbook, files: files, ruleFiles: ruleFiles, publication: .everything)
        let result = tolerate(checked, previous.baseline)
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
            let (preview, outputs) = try renderAll(
                result, checking: checking, ruleFiles: ruleFiles, theme: theme, previousOutputs: previous.outputPaths,
                baseline: previous.baseline)
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
        preview.prepared = SiteRenderer.Prepared(handbook: result.handbook, health: result.health, theme: theme)
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
        let copies = copiedFiles(files)
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

    // MARK: - Steps

    static func renderAll(
        _ result: CheckResult, checking: CheckState, ruleFiles: [String: String], theme: Theme,
        previousOutputs: Set<String>,
        baseline: Baseline? = nil
    ) throws -> (Preview, [OutputFile]) {
        let search = SearchIndex(pages: result.handbook.pages, language: result.handbook.config.language)
        var outputs: [OutputFile]
        let renderedPaths: Set<String>
        if result.handbook.config.editions.isEmpty {
            let rendered = SiteRenderer(theme: theme).render(result.handbook, health: result.health, search: search)
            outputs = rendered
            renderedPaths = Set(rendered.map(\.path))
            // Same precedence as `render`: rendered files first, then content assets, then static files.
            for (path, file) in copiedFiles(result.files) where !renderedPaths.contains(path) {
                outputs.append(OutputFile(path: path, bytes: file.bytes))
            }
        } else {
            let (rendered, copies) = try renderEditions(result, theme: theme)
            outputs = rendered + copies
            renderedPaths = Set(rendered.map(\.path))
        }
        outputs.sort { $0.path < $1.path }
        let preview = Preview(
            check: result, ruleFiles: ruleFiles, outputPaths: Set(outputs.map(\.path)), renderedPaths: renderedPaths,
            theme: theme,
            prepared: SiteRenderer.Prepared(handbook: result.handbook, health: result.health, theme: theme),
            search: search, baseline: baseline, checking: checking)
        return (preview, outputs)
    }

    /// Content assets and static files by output path; a content asset wins over a static file.
    static func copiedFiles(_ files: SiteFiles) -> [String: OutputFile] {
        Dictionary(uniqueKeysWithValues: copiedFiles(files, skipping: []).map { ($0.path, $0) })
    }

    /// The handbook around already parsed pages: the config decoded again, pages as given.
    static func parseConfig(_ files: SiteFiles, pages: [Page]) -> Handbook {
        let (config, configDiagnostics) = SiteConfigLoader(extraKeys: RuleSet.configKeys)
            .load(path: files.configPath, text: files.config)
        return Handbook(config: config, pages: pages, configDiagnostics: configDiagnostics)
    }

    static func parsePage(path: String, bytes: [UInt8]) -> Page {
        PageParser().parse(FrontMatterSplitter().split(path: path, bytes: bytes))
    }

    /// Whether other pages show this page the same way: navigation, section lists and list pages
    /// draw on its title, kind, URL and front matter; "linked from" on the links in its body.
    static func sameSummary(_ a: Page, _ b: Page) -> Bool {
        a.title == b.title && a.kind == b.kind && a.url == b.url && a.frontMatter == b.frontMatter
            && SiteRenderer.showsTheSameElsewhere(a, b)
    }

    static func isPage(_ path: String) -> Bool {
        path.hasPrefix("content/") && path.hasSuffix(".md")
    }

    static func isWatched(_ path: String, known: Set<String>) -> Bool {
        SiteLayout.isInput(path, extra: known)
    }

    static func configText(_ bytes: [UInt8]) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PlaybookError(
                stage: "load", path: "playbook.yml", message: "the config is not valid UTF-8; save it as UTF-8")
        }
        return text
    }

    static func templateText(_ bytes: [UInt8], path: String) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PlaybookError(stage: "load", path: path, message: "the template is not valid UTF-8")
        }
        return text
    }
}

extension Preview {
    func pageIndex(_ path: String) -> Int? {
        check.handbook.pages.sortedIndex(of: path).found
    }
}

/// Sorted-by-path arrays (pages, raw files): find, insert, replace and remove by path.
protocol PathKeyed { var path: String { get } }
extension Page: PathKeyed {}
extension RawFile: PathKeyed {}

extension Array where Element: PathKeyed {
    func sortedIndex(of path: String) -> (index: Int, found: Int?) {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].path < path { low = mid + 1 } else { high = mid }
        }
        return (low, low < count && self[low].path == path ? low : nil)
    }

    /// Replaces, inserts (keeping the order) or, for nil, removes the element at `path`.
    mutating func upsert(_ element: Element?, at path: String) {
        let (index, found) = sortedIndex(of: path)
        switch (element, found) {
        case (let element?, _?): self[index] = element
        case (let element?, nil): insert(element, at: index)
        case (nil, _?): remove(at: index)
        case (nil, nil): break
        }
    }
}
