import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookMarkdown
import PlaybookModel
import PlaybookRender
import PlaybookSource

/// A built site held between rebuilds: the check result plus what rendering it shares.
/// Unchecked only because `theme` and `prepared` are (each says why it is safe); every other field is Sendable.
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

extension Preview {
    /// LOAD → PARSE → CHECK → RENDER into memory, keeping what later rebuilds need. Unlike
    /// `Pipeline.build`, renders even when checks fail: `serve` shows the diagnostics over the pages.
    public static func build(siteAt root: URL) throws -> (Preview, [OutputFile]) {
        let site = try Pipeline.load(siteAt: root)
        let handbook = Pipeline.parse(site)
        // The preview publishes every page, drafts included, so no link to one is dead here.
        let (checked, checking) = CheckState.check(handbook, files: site.files, ruleFiles: site.ruleFiles)
        let theme = try Theme(overrides: site.files.templates)
        return try renderAll(
            Pipeline.tolerate(checked, site.baseline), checking: checking, ruleFiles: site.ruleFiles, theme: theme,
            baseline: site.baseline)
    }

    // MARK: - Steps

    static func renderAll(
        _ result: CheckResult, checking: CheckState, ruleFiles: [String: String], theme: Theme, baseline: Baseline?
    ) throws -> (Preview, [OutputFile]) {
        let search = SearchIndex(pages: result.handbook.pages, config: result.handbook.config)
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
            let (rendered, copies) = try Pipeline.renderEditions(result, theme: theme)
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
        Dictionary(uniqueKeysWithValues: Pipeline.copiedFiles(files, skipping: []).map { ($0.path, $0) })
    }

    func pageIndex(_ path: String) -> Int? {
        check.handbook.pages.sortedIndex(of: path).found
    }
}
