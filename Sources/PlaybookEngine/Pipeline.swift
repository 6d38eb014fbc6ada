// The stages as functions and the commands' entry points: each reads as the ordered list of
// stages it runs, through the one `Engine`; the work itself lives in the stage modules.
import Dispatch
import Foundation
import PlaybookCheck
import PlaybookMarkdown
import PlaybookModel
import PlaybookOutput
import PlaybookRender
import PlaybookReplication
import PlaybookSource

/// What `check` found: the parsed handbook, every diagnostic (load, config and content, sorted)
/// and the health report built from the same checks.
public struct CheckResult: Sendable {
    package var files: SiteFiles
    package var handbook: Handbook
    public var diagnostics: [Diagnostic]
    package var health: HealthReport
    /// The rules the handbook was checked by: the defaults, playbook.yml and its included files.
    package var rules: RuleSet = .defaults
    /// Findings the site's baseline tolerates: reported by `check` as known, never counted.
    package var known: [Diagnostic] = []

    package init(
        files: SiteFiles, handbook: Handbook, diagnostics: [Diagnostic], health: HealthReport,
        rules: RuleSet = .defaults, known: [Diagnostic] = []
    ) {
        self.files = files
        self.handbook = handbook
        self.diagnostics = diagnostics
        self.health = health
        self.rules = rules
        self.known = known
    }
}

/// What `build` did.
package struct BuildResult: Sendable {
    /// The check; when the build wrote the site, without the raw Markdown (`files.content` is
    /// empty: the pages hold their source).
    package var check: CheckResult
    /// Paths of the files written, relative to the output; empty when the build was refused.
    package var written: [String]
    /// Pages published: those of the check result that the build did not leave out.
    package var published: Int = 0
    /// Rendered outputs kept from the build before, as its record allowed, without rendering
    /// them again (0: everything was rendered).
    package var kept: Int = 0
    package var refused: Bool { check.diagnostics.hasErrors }
}

/// How `build` publishes.
package struct BuildOptions: Sendable {
    /// Which pages the site holds: drafts only with `--drafts`, internal pages unless `--public`.
    package var publication: Publication
    /// Told who holds the output's lock, once, when another build is writing it and this one waits.
    package var waiting: (@Sendable (String) -> Void)?
    /// Whether the build starts from the site's cache and leaves it for the next run
    /// (`.playbook/cache/`; also off with `PLAYBOOK_CACHE=0`).
    package var cache: Bool

    package init(
        publication: Publication = .standard, waiting: (@Sendable (String) -> Void)? = nil, cache: Bool = true
    ) {
        self.publication = publication
        self.waiting = waiting
        self.cache = cache
    }
}

/// The stages as functions, and the commands' entry points, each running the one `Engine`.
public enum Pipeline {
    /// LOAD → PARSE → CHECK. `publication` says which pages a build would publish, for links
    /// from published pages to left-out ones; every page is checked whatever it says.
    public static func check(siteAt root: URL, language: Language? = nil, publication: Publication = .standard) throws
        -> CheckResult
    {
        let engine = Engine(
            try load(siteAt: root, baseline: nil, history: false),
            settings: EngineSettings(publication: publication, language: language))
        remember(engine, siteAt: root)
        return engine.check
    }

    /// PARSE → CHECK → TOLERATE on a site already loaded (`Engine` from an empty state); pure.
    /// The findings its baseline records move to `known`. Each page is checked by the rules that
    /// read only the page as soon as it is parsed, and its tree let go; the result's
    /// `files.content` is empty (each page holds its text).
    package static func check(
        _ site: consuming LoadedSite, language: Language? = nil, publication: Publication = .standard
    ) -> CheckResult {
        Engine(site, settings: EngineSettings(publication: publication, language: language)).check
    }

    /// PARSE → CHECK on files already read; pure.
    public static func check(
        _ files: SiteFiles, ruleFiles: [String: String] = [:], language: Language? = nil,
        publication: Publication = .standard
    ) -> CheckResult {
        let (config, configDiagnostics) = decodeConfig(files)
        return check(
            LoadedSite(files: files, config: config, configDiagnostics: configDiagnostics, ruleFiles: ruleFiles),
            language: language, publication: publication)
    }

    /// LOAD → PARSE → CHECK → (refuse on error) LEAVE OUT → RENDER → WRITE.
    /// `progress` is called with (pages rendered, pages in all) as batches are written.
    package static func build(
        siteAt root: URL, into output: URL, language: Language? = nil, options: BuildOptions = BuildOptions(),
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> BuildResult {
        // Where the output may go is known before anything is read: refuse early.
        try OutputPlacement.check(output, site: root)
        let waiting = options.waiting
        let writer = OutputWriter(
            destination: output, waiting: waiting.map { tell in { @Sendable holder in tell(holder.description) } })
        try writer.checkDestination()
        // Every input, the baseline included, is read before the check: a baseline that does not
        // parse stops the build before any work.
        let engine = Engine(
            try load(siteAt: root, baseline: Baseline.fileName, cache: options.cache),
            settings: EngineSettings(
                publication: options.publication, language: language, previousHealth: previousHealth(in: output)))
        if options.cache { remember(engine, siteAt: root) }
        guard !engine.check.diagnostics.hasErrors else { return BuildResult(check: engine.check, written: []) }
        let caching = options.cache && ProcessInfo.processInfo.environment["PLAYBOOK_CACHE"] != "0"
        let identity = caching ? engine.identity : nil
        let before = identity.flatMap { BuildRecord.read(readCache(root: root, file: buildRecordFile), identity: $0) }
        var record: BuildRecord?
        var kept = 0
        // Render and write overlap: batches of pages go to the staging folder as they are
        // rendered, so memory does not grow with the size of the site.
        let rendering = try StageTimer.measure("render+write") { () throws -> Rendering in
            let staging = try writer.begin()
            do {
                let published = engine.published
                let destination = writer.destination.path
                // From the record of the build before into this folder: what to render again,
                // and the files it rendered that are kept as they are (each checked first).
                let plan = StageTimer.measure("plan") { () -> (SiteRenderer.Reuse, Set<String>)? in
                    guard let before, let manifest = staging.previousManifest,
                        let reuse = engine.reuse(before, published: published, output: destination, manifest: manifest),
                        staging.canKeep(before.rendered)
                    else { return nil }
                    return (reuse, Set(before.rendered))
                }
                var made: Set<String> = []
                let rendering = try engine.render(
                    emit: { batch in
                        if plan != nil { made.formUnion(batch.lazy.map(\.path)) }
                        try staging.add(batch)
                    }, progress: progress, forEdits: false, reusing: plan?.0, kept: plan?.1 ?? [])
                if let plan {
                    let unchanged = plan.1.subtracting(made).sorted()
                    try staging.keep(unchanged)
                    kept = unchanged.count
                }
                try staging.commit()
                if identity != nil, let manifest = staging.manifest {
                    record = engine.buildRecord(
                        of: published, output: destination, manifest: manifest, rendered: rendering.renderedPaths,
                        search: rendering.search?.saved, before: before)
                }
                return rendering
            } catch {
                staging.discard()
                throw error
            }
        }
        // The record is left only for a build that was written whole; a build without one
        // (editions, no cache) removes the one before, which names outputs no longer there.
        if let identity, record != nil || before != nil {
            let bytes = record?.bytes(identity: identity) ?? []
            StageTimer.measure("record write") { _ = SiteCache.write(bytes, root: root, relative: buildRecordFile) }
        }
        // The result reports the whole check, drafts included, as `check` would.
        return BuildResult(
            check: engine.check, written: rendering.outputPaths.sorted(),
            published: engine.published.handbook.pages.count, kept: kept)
    }

    /// The checker of `handbook`'s rules (`ruleSet`), in `language` or the site's, and the
    /// config's and rule files' own diagnostics.
    static func checker(
        for handbook: Handbook, ruleFiles: [String: String], language: Language?, publication: Publication
    ) -> (Checker, [Diagnostic]) {
        let (rules, siteDiagnostics) = ruleSet(handbook, ruleFiles: ruleFiles)
        let checker = Checker(
            rules: rules, language: language ?? handbook.config.language, conversions: OpenCCConversions(),
            publication: publication)
        return (checker, siteDiagnostics)
    }

    /// The rules `handbook` is checked by, and the config's and rule files' own diagnostics.
    package static func ruleSet(_ handbook: Handbook, ruleFiles: [String: String]) -> (RuleSet, [Diagnostic]) {
        // Rule files named by `include:` are YAML like playbook.yml: the config loader reads them,
        // so their own problems are located in their own files.
        let includes = RuleSet.referencedFiles(in: handbook.config).compactMap { path in
            ruleFiles[path].map { SiteConfigLoader().loadRuleFile(path: path, text: $0) }
        }
        let (rules, ruleDiagnostics) = RuleSet.load(config: handbook.config, includes: includes.map(\.0))
        return (rules, handbook.configDiagnostics + ruleDiagnostics + includes.flatMap(\.1))
    }

    /// PARSE: config and every content file, split and parsed on all cores; pages sorted by path.
    /// Front matter mistakes are told in `language`, else the site's.
    package static func parse(_ files: SiteFiles, language: Language? = nil) -> Handbook {
        parse(files, config: decodeConfig(files), language: language)
    }

    /// PARSE every content file of a loaded site, around its config as loaded (decoded once).
    package static func parse(_ site: LoadedSite, language: Language? = nil) -> Handbook {
        parse(site.files, config: (site.config, site.configDiagnostics), language: language)
    }

    static func parse(_ files: SiteFiles, config decoded: (SiteConfig, [Diagnostic]), language: Language?) -> Handbook {
        var files = files
        return parse(&files, config: decoded, language: language, lettingBytesGo: false) { ($0.page, ()) }.handbook
    }

    /// PARSE, with `then` run on each page on the parsing thread as soon as it is parsed: it
    /// gives the page's summary to keep and what it made of the page (its tree at hand). With
    /// `lettingBytesGo`, each file's raw bytes are let go once split, and `files.content` is
    /// left empty.
    static func parse<Made: Sendable>(
        _ files: inout SiteFiles, config decoded: (SiteConfig, [Diagnostic]), language: Language?,
        lettingBytesGo: Bool, then: @Sendable (ParsedPage) -> (Page, Made)
    ) -> (handbook: Handbook, made: [Made]) {
        let parser = PageParser()
        return parse(&files, config: decoded, language: language, lettingBytesGo: lettingBytesGo) { file, splitter in
            then(parser.parse(splitter.split(path: file.path, bytes: file.bytes)))
        }
    }

    /// PARSE, with `make` given each file and the splitter of its front matter on a parsing
    /// thread: it gives the page (parsed, or taken from what an earlier run kept) and what it
    /// made of it.
    static func parse<Made: Sendable>(
        _ files: inout SiteFiles, config decoded: (SiteConfig, [Diagnostic]), language: Language?,
        lettingBytesGo: Bool, make: @Sendable (RawFile, FrontMatterSplitter) -> (Page, Made)
    ) -> (handbook: Handbook, made: [Made]) {
        let (config, configDiagnostics) = decoded
        let splitter = FrontMatterSplitter(language: language ?? config.language)
        var raw = files.content
        if lettingBytesGo { files.content = [] }
        var pages = [(Page, Made)?](repeating: nil, count: raw.count)
        pages.withUnsafeMutableBufferPointer { buffer in
            raw.withUnsafeMutableBufferPointer { raw in
                guard let base = buffer.baseAddress else { return }
                guard let files = raw.baseAddress else { return }
                DispatchQueue.concurrentPerform(iterations: raw.count) { i in
                    let file = files[i]
                    if lettingBytesGo { files[i].bytes = [] }
                    (base + i).initialize(to: make(file, splitter))
                }
            }
        }
        let handbook = Handbook(
            config: config, pages: pages.map { $0!.0 }, configDiagnostics: configDiagnostics,
            assets: files.contentAssets.map(\.path), lastChanged: files.lastChanged)
        return (handbook, pages.map { $0!.1 })
    }

    /// RENDER: pages through the theme, plus static files and content assets copied as they are;
    /// every edition of the site, each in its folder. Sorted by path.
    package static func render(_ result: CheckResult) throws -> [OutputFile] {
        var outputs: [OutputFile] = []
        _ = try render(result, theme: try Theme(overrides: result.files.templates)) { outputs += $0 }
        return outputs.sorted { $0.path < $1.path }
    }

    /// RENDER every output of `result`'s handbook, every edition in its folder, handed to `emit`
    /// in batches as they are made (pages a few hundred at a time, each page's body parsed again
    /// only while its batch renders), then the content assets and static files each edition
    /// copies. `progress` is told (pages rendered, pages in all). Gives the paths rendered, the
    /// paths copied and, for a site without editions, its search index.
    /// With `reuse` (a site without editions), only what it names is rendered (see
    /// `SiteRenderer.Reuse`); `kept` are the paths the build before rendered that stay as they
    /// are, which win over copies as rendered paths do.
    static func render(
        _ result: CheckResult, theme: Theme, progress: ((Int, Int) -> Void)? = nil,
        reusing reuse: SiteRenderer.Reuse? = nil, kept: Set<String> = [],
        emit: ([OutputFile]) throws -> Void
    ) throws -> (rendered: Set<String>, copied: Set<String>, search: SearchIndex?) {
        let editions = result.handbook.config.editions
        var rendered: Set<String> = []
        var copied: Set<String> = []
        var search: SearchIndex?
        let total = result.handbook.pages.count * max(1, editions.count)
        var done = 0
        try forEachEdition(result.handbook, health: result.health) { prefix, handbook, health, parsing in
            var here = kept
            let index = try SiteRenderer(theme: theme).render(
                handbook, health: health, parsing: parsing, reusing: editions.isEmpty ? reuse : nil
            ) { batch in
                try emit(prefixed(batch, prefix))
                for file in batch {
                    here.insert(file.path)
                    rendered.insert(prefix + file.path)
                }
                done = min(done + batch.lazy.filter { $0.path.hasSuffix(".html") }.count, total)
                progress?(done, total)
            }
            if editions.isEmpty { search = index }
            let copies = prefixed(copiedFiles(result.files, skipping: here), prefix)
            try emit(copies)
            copied.formUnion(copies.map(\.path))
        }
        return (rendered, copied, search)
    }

    /// Content assets and `static/` files, copied as they are. A rendered file wins over a
    /// copy of the same path, and a content asset over a static file.
    package static func copiedFiles(_ files: SiteFiles, skipping rendered: Set<String>) -> [OutputFile] {
        var taken = rendered
        var output: [OutputFile] = []
        // A group's lineage record is bookkeeping for `playbook update`, not part of the site.
        for asset in files.contentAssets where !asset.path.hasSuffix("/" + Lineage.fileName) {
            let path = String(asset.path.dropFirst("content/".count))
            if taken.insert(path).inserted {
                output.append(OutputFile(path: path, bytes: asset.bytes, origin: asset.origin))
            }
        }
        for file in files.staticFiles where taken.insert(file.path).inserted {
            output.append(OutputFile(path: file.path, bytes: file.bytes, origin: file.origin))
        }
        return output
    }
}

/// Prints how long each stage took to standard error when `PLAYBOOK_TIMINGS=1`, for profiling
/// and the benchmark; silent otherwise.
enum StageTimer {
    static let enabled = ProcessInfo.processInfo.environment["PLAYBOOK_TIMINGS"] == "1"

    static func measure<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
        guard enabled else { return try work() }
        let clock = ContinuousClock()
        let start = clock.now
        let result = try work()
        let elapsed = clock.now - start
        let ms = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        var usage = rusage()
        // The peak so far, in MB. On Linux from the process's own memory map (`VmHWM`): the
        // rusage peak also counts what a parent held when it forked this process.
        #if os(Linux)
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
            var peak = Int(line.split(separator: " ").dropFirst().first ?? "").map { $0 / 1024 } ?? 0
            if peak == 0 {
                getrusage(RUSAGE_SELF.rawValue, &usage)
                peak = usage.ru_maxrss / 1024
            }
        #else
            getrusage(RUSAGE_SELF, &usage)
            let peak = usage.ru_maxrss / (1024 * 1024)
        #endif
        FileHandle.standardError.write(Data("\(stage): \(Int(ms)) ms, peak \(peak) MB\n".utf8))
        return result
    }
}
