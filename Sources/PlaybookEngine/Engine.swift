// The one engine that `check`, `build`, `serve` and `playbook lsp` run.
//
// Inputs are the site's files as read (and, in the editor, its unsaved buffers); everything
// else is derived from them by the stages' pure functions and kept only as long as it is
// needed:
//
//   files ─PARSE+first pass→ pages (summaries) + each page's own findings
//         ─second pass→ cross-page findings ─merge→ diagnostics + health ─baseline→ CheckResult
//         ─LEAVE OUT→ published handbook ─CONVERT(edition)→ RENDER→ output files ─WRITE (caller)
//
// `Engine(site)` computes all of it from an empty state (what `check` and `build` run);
// `apply(_:)` takes changed inputs and recomputes only what they reach: a page whose text did
// not change is not parsed again, a body edit that leaves what other pages read of the page as
// it was (title, kind, URL, front matter, links, anchors) is re-checked alone, and anything
// else re-runs the second pass over every page from the kept first-pass findings, never
// re-parsing the pages it did not touch. `serve` and `playbook lsp` keep one engine alive and
// feed it their edits. Pure: only `Pipeline.load` and `ChangeSet.read` read the disk.
import Dispatch
import Foundation
import PlaybookCheck
import PlaybookMarkdown
import PlaybookModel
import PlaybookRender
import PlaybookSource

/// How an engine judges a site.
package struct EngineSettings: Sendable, Equatable {
    /// Which pages the site publishes: links from published pages to the rest are findings, and
    /// a render leaves the rest out.
    package var publication: Publication
    /// The language findings are told in; nil: the site's.
    package var language: Language?
    /// The health view's totals in the output a build replaces (`Pipeline.previousHealth`), for
    /// the trend it shows; nil shows none (a first build, `serve`, `check`).
    package var previousHealth: HealthReport.Totals?

    package init(
        publication: Publication = .standard, language: Language? = nil,
        previousHealth: HealthReport.Totals? = nil
    ) {
        self.publication = publication
        self.language = language
        self.previousHealth = previousHealth
    }

    /// What `serve` shows: every page, drafts included, so no link to one is dead there.
    package static let preview = EngineSettings(publication: .everything)
}

/// What an `apply` changed, for the caller to decide what to render, write and tell.
package struct EngineChange: Sendable, Equatable {
    /// Pages whose text changed but not what other pages read of them: only their own outputs,
    /// their search records and the kits showing them change (unless `wholeSite`).
    package var bodies: [String] = []
    /// Pages added, removed, or changed in what other pages read of them (title, kind, URL,
    /// front matter, links, anchors): navigation and list pages change.
    package var summaries: [String] = []
    /// The config, a rule file or a page template changed: every output may change.
    package var wholeSite = false
    /// Theme files that changed (templates and assets, by their name under `templates/`).
    package var theme: [String] = []
    /// Output paths of content assets and static files added, changed or removed.
    package var copied: Set<String> = []
    /// Whether every page was checked again (false: the edited pages alone).
    package var checkedEveryPage = false
    /// Whether the health view changed.
    package var healthChanged = false
    /// Whether the findings changed.
    package var findingsChanged = false

    package var isEmpty: Bool {
        bodies.isEmpty && summaries.isEmpty && !wholeSite && theme.isEmpty && copied.isEmpty && !findingsChanged
    }
}

package struct Engine: Sendable {
    package let settings: EngineSettings
    /// The site's files as last read. A page's raw bytes are let go once it is parsed (the page
    /// keeps its text), but for the pages of replication templates, whose bytes the lineage's
    /// hashes are taken of: `files.content` holds those alone.
    package private(set) var files: SiteFiles
    /// Rule files the config includes, by site-relative path.
    package private(set) var ruleFiles: [String: String]
    /// The site's baseline: the findings it records are reported as known, never as new.
    package private(set) var baseline: Baseline?
    /// The checker of the site's rules, in the settings' language (else the site's).
    package private(set) var checker: Checker
    /// The config's and rule files' own findings.
    private(set) var siteDiagnostics: [Diagnostic]
    /// The handbook: each page's summary (no trees: a step that reads a body parses it again),
    /// sorted by path.
    package private(set) var handbook: Handbook
    /// The facts the rules gather from the handbook (pages by path, anchors, templates), for
    /// re-checking one page: gathered on the first edit (`prepare()`), never for a one-shot
    /// `check` or `build`, and kept in step with `handbook` from then on.
    private(set) var facts: Checker.SiteFacts?
    /// The first pass's findings of each page, by path: what re-checking a page after another
    /// page changed starts from, so no page is parsed again for it.
    /// Keyed by the path's bytes: Swift's `String` equality takes `café.md` written in NFC and in
    /// NFD for one name, and a site may hold both (`page.colliding-url` reports them).
    private(set) var own: [[UInt8]: Checker.OwnFindings]
    /// Each group charter's sections as found when it was parsed (`Checker.charterSections`), by
    /// path bytes: all the health view reads of a charter's tree.
    private(set) var charters: [[UInt8]: Checker.CharterSections]
    /// The rules' findings in report order (the health view is drawn from these).
    private(set) var findings: [Diagnostic]
    /// Every finding before the baseline, in report order.
    private(set) var diagnostics: [Diagnostic]
    /// What `check` reports: the handbook, the findings the baseline does not know (and, in
    /// `known`, those it does), the health view.
    package private(set) var check: CheckResult

    /// Each page's bytes as last read (size and hashes), by path bytes: what the cache keys it by.
    private(set) var digests: [[UInt8]: ContentDigest]
    /// Which Playbook this is, from the load (nil: nothing is read from or written to the cache).
    package let identity: String?
    /// How many pages were taken from the cache instead of parsed and checked alone.
    package private(set) var pagesRemembered = 0
    /// Whether the rules' findings were taken from the cache (the pages that changed checked
    /// again alone) instead of a second pass over every page.
    package private(set) var findingsRemembered = false
    /// The digest of the cache the engine was started from: `remembered()` of the same state
    /// need not be written again.
    let cacheRead: ContentDigest?

    /// The handbook prepared for checking one page at a time (`facts`, else gathered now).
    package var prepared: Checker.SiteFacts { facts ?? checker.prepare(handbook) }

    /// Gathers the facts re-checking one page needs, once: what a session that takes edits (the
    /// language server, serve) calls before answering requests.
    package mutating func prepare() {
        if facts == nil { facts = checker.prepare(handbook) }
    }
    package var rules: RuleSet { checker.rules }
    package var language: Language { checker.language }

    /// PARSE → CHECK → TOLERATE of a loaded site, from an empty state. Each page is checked by
    /// the rules that read only the page as soon as it is parsed, and its tree let go: the
    /// engine keeps its summary (`Page`). Pure.
    package init(_ site: consuming LoadedSite, settings: EngineSettings = EngineSettings()) {
        self.settings = settings
        let (checker, siteDiagnostics) = Self.checker(
            config: site.config, configDiagnostics: site.configDiagnostics, ruleFiles: site.ruleFiles,
            settings: settings)
        let assets = site.files.contentAssets.map(\.path)
        let templatePages = site.files.content.filter { Self.keepsBytes($0.path) }
        let (remembered, rememberedSite) = StageTimer.measure("cache") {
            () -> ([[UInt8]: RememberedPage], RememberedSite?) in
            guard let identity = site.identity, !site.cache.isEmpty else { return ([:], nil) }
            let fingerprint = Self.fingerprint(
                files: site.files, ruleFiles: site.ruleFiles, language: checker.language, settings: settings)
            return EngineCache.readAll(site.cache, identity: identity, fingerprint: fingerprint)
        }
        self.cacheRead = site.cache.isEmpty ? nil : ContentDigest(site.cache)
        site.cache = []
        typealias Made = (
            own: Checker.OwnFindings, digest: ContentDigest, remembered: Bool, sections: Checker.CharterSections?
        )
        let (handbook, made) = StageTimer.measure("parse+page rules") { () -> (Handbook, [Made]) in
            let pass = checker.firstPass(config: site.config, assets: assets)
            let parser = PageParser()
            return Pipeline.parse(
                &site.files, config: (site.config, site.configDiagnostics), language: checker.language,
                lettingBytesGo: true
            ) { file, splitter in
                let digest = ContentDigest(file.bytes)
                // The same bytes at the same path: the page as it was parsed and checked alone then,
                // with a charter's sections (a cache without them has the charter parsed again).
                if let kept = remembered[Self.key(file.path)], kept.digest == digest {
                    let source = kept.source(file) ?? splitter.split(path: file.path, bytes: file.bytes)
                    let page = kept.page(source)
                    let sections =
                        checker.drawsHealthRow(page)
                        ? kept.sections ?? checker.charterSections(parser.parsed(page)) : nil
                    return (page, (kept.own, digest, true, sections))
                }
                let parsed = parser.parse(splitter.split(path: file.path, bytes: file.bytes))
                let sections = checker.drawsHealthRow(parsed.page) ? checker.charterSections(parsed) : nil
                return (parsed.page, (pass.findings(parsed), digest, false, sections))
            }
        }
        let own = made.map(\.own)
        var labelled = handbook
        labelled.config.kindLabels = checker.rules.kindLabels
        self.checker = checker
        self.siteDiagnostics = siteDiagnostics
        self.files = site.files
        self.files.content = templatePages
        self.ruleFiles = site.ruleFiles
        self.baseline = site.baseline
        self.handbook = labelled
        self.facts = nil
        self.own = Dictionary(
            zip(handbook.pages.map { Self.key($0.path) }, own), uniquingKeysWith: { first, _ in first })
        self.digests = Dictionary(
            zip(handbook.pages.map { Self.key($0.path) }, made.map(\.digest)), uniquingKeysWith: { first, _ in first })
        self.charters = Dictionary(
            zip(handbook.pages, made).compactMap { page, made in made.sections.map { (Self.key(page.path), $0) } },
            uniquingKeysWith: { first, _ in first })
        self.identity = site.identity
        self.pagesRemembered = made.lazy.filter(\.remembered).count
        self.findings = []
        self.diagnostics = []
        self.check = CheckResult(
            files: SiteFiles(), handbook: labelled, diagnostics: [], health: HealthReport(rows: []))
        StageTimer.measure("check") {
            if let rememberedSite, restore(rememberedSite, pages: remembered, taken: made.map(\.remembered)) { return }
            checkEveryPage()
        }
    }

    /// A path as the engine keys what it keeps by page: its bytes.
    static func key(_ path: String) -> [UInt8] { Array(path.utf8) }

    /// Whether the engine keeps a page's raw bytes: a replication template's pages.
    static func keepsBytes(_ path: String) -> Bool {
        path.hasPrefix(SiteLayout.content + "/templates/")
    }

    /// The checker of a site's rules and the config's and rule files' own findings.
    static func checker(
        config: SiteConfig, configDiagnostics: [Diagnostic], ruleFiles: [String: String], settings: EngineSettings
    ) -> (Checker, [Diagnostic]) {
        let handbook = Handbook(config: config, pages: [], configDiagnostics: configDiagnostics)
        let (rules, siteDiagnostics) = Pipeline.ruleSet(handbook, ruleFiles: ruleFiles)
        let checker = Checker(
            rules: rules, language: settings.language ?? config.language, conversions: OpenCCConversions(),
            publication: settings.publication)
        return (checker, siteDiagnostics)
    }

    // MARK: - Checking

    /// The second pass over every page, from the kept first-pass findings, and the merge.
    private mutating func checkEveryPage() {
        let pages = handbook.pages
        findings = checker.check(
            handbook, firstPass: pages.map { own[Self.key($0.path)] ?? Checker.OwnFindings() })
        merge()
        finishCheck(health: drawHealth())
    }

    /// The rules' findings the run before left (`remembered`), for a site whose pages are the
    /// pages that run checked, each the same or changed only in what no other page reads of it
    /// (`othersReadTheSame`): those are checked again alone against the rest, as a save in
    /// `serve` is, and the second pass over every page is not run. False, changing nothing,
    /// for any other site.
    private mutating func restore(_ site: RememberedSite, pages remembered: [[UInt8]: RememberedPage], taken: [Bool])
        -> Bool
    {
        guard site.publication == settings.publication, remembered.count == handbook.pages.count else { return false }
        var edited: [String] = []
        for (page, wasTaken) in zip(handbook.pages, taken) where !wasTaken {
            // The page as the run before read it: its summary and front matter, without its text.
            guard let old = remembered[Self.key(page.path)], let split = old.split else { return false }
            let before = old.page(
                SourceFile(path: page.path, text: "", frontMatter: split.frontMatter, bodyOffset: 0))
            guard Self.othersReadTheSame(before, page) else { return false }
            edited.append(page.path)
        }
        findings = site.findings
        findingsRemembered = true
        merge()
        if edited.isEmpty {
            finishCheck(health: drawHealth())
        } else {
            prepare()
            checkAlone(edited, healthReads: true)
        }
        return true
    }

    /// `diagnostics` from `findings`: every finding, the load's and the config's with the rules'.
    private mutating func merge() {
        let pages = handbook.pages
        var load = files.problems + siteDiagnostics
        for page in pages { load += page.source.diagnostics }
        for asset in files.contentAssets {
            load += ConflictMarkerRule.check(file: asset.path, bytes: asset.bytes, language: checker.language)
        }
        diagnostics = Self.merge(load: load, rules: findings)
    }

    /// The pages at `paths` checked again alone, against the rest as it is: for body edits that
    /// leave what other pages read of them as it was. The same merge as `checkEveryPage`, for
    /// each file.
    private mutating func checkAlone(_ paths: [String], healthReads: Bool) {
        for path in paths {
            guard let facts, let index = facts.index(of: path) else { continue }
            let page = handbook.pages[index]
            let found = checker.check(pageAt: path, in: facts, own: own[Self.key(path)] ?? Checker.OwnFindings())
            let load = files.problems.filter { $0.file == path } + page.source.diagnostics
            let all = Self.merge(load: load, rules: found)
            findings.replaceDiagnostics(of: path, with: found)
            diagnostics.replaceDiagnostics(of: path, with: all)
        }
        finishCheck(health: healthReads ? drawHealth() : check.health)
    }

    /// The one merge of what loading found (files, the config, front matter, Markdown limits)
    /// with the rules' findings (sorted already), for the whole site or one file: stable, by
    /// place; at one spot, load findings come first, then the rules' in outline order.
    static func merge(load: [Diagnostic], rules: [Diagnostic]) -> [Diagnostic] {
        guard !load.isEmpty else { return rules }
        var all = load + rules
        all.sort { ($0.file, $0.position) < ($1.file, $1.position) }
        return all
    }

    private func drawHealth() -> HealthReport {
        Pipeline.annotateLineage(checker.health(handbook, findings: findings, sections: charterSections), files: files)
    }

    /// A charter's sections as found when it was parsed, for the health view.
    var charterSections: (Page) -> Checker.CharterSections {
        let charters = self.charters
        let checker = self.checker
        // Every charter's are kept (the view asks for charters' only); one missing would be parsed.
        return { charters[Self.key($0.path)] ?? checker.charterSections(PageParser().parsed($0)) }
    }

    private mutating func finishCheck(health: HealthReport) {
        let result = CheckResult(
            files: files, handbook: handbook, diagnostics: diagnostics, health: health, rules: checker.rules)
        check = Pipeline.tolerate(result, baseline)
    }

    /// What `check` reports for the file at `path`, in its order: the findings the baseline does
    /// not know, and those it does.
    package func diagnostics(for path: String) -> (new: [Diagnostic], known: [Diagnostic]) {
        let found = diagnostics.filter { $0.file == path }
        guard let baseline else { return (found, []) }
        let text =
            pageIndex(path).map { handbook.pages[$0].source.text }
            ?? (path == files.configPath ? files.config : ruleFiles[path])
        return baseline.filter(found, line: LineLookup(texts: text.map { [path: $0] } ?? [:]).line)
    }

    /// The page at a site-relative path, by its summary.
    package func page(_ path: String) -> Page? {
        pageIndex(path).map { handbook.pages[$0] }
    }

    /// `page` with its body parsed again, for a request that reads it (the sections it lacks).
    package static func parsed(_ page: Page) -> ParsedPage {
        PageParser().parsed(page)
    }

    /// The index of the page at a site-relative path.
    func pageIndex(_ path: String) -> Int? {
        handbook.pages.sortedIndex(of: path).found
    }

    /// Whether `path` names a file the checks read: the config, a rule file or a page.
    package func reads(_ path: String) -> Bool {
        path == files.configPath || ruleFiles[path] != nil || Edits.isPage(path)
    }

    // MARK: - Edits

    /// Takes changed inputs (pages, the config, rule files, theme files, content assets and
    /// static files; the editor's unsaved text as well as saved files) and recomputes what they
    /// reach. Throws, changing nothing, on a config or template that is not UTF-8.
    @discardableResult
    package mutating func apply(_ changes: ChangeSet) throws -> EngineChange {
        var change = EngineChange()
        var digests = self.digests
        var reconfigure = changes.ruleFiles != nil
        var assetsMoved = false
        var edited: [ParsedPage] = []
        var files = self.files
        var ruleFiles = changes.ruleFiles ?? self.ruleFiles
        let splitter = FrontMatterSplitter(language: checker.language)
        for (path, bytes) in changes.files.sorted(by: { $0.key < $1.key }) {
            if path == files.configPath {
                files.config = try bytes.map(Edits.configText)
                reconfigure = true
            } else if Edits.isPage(path) {
                let old = pageIndex(path).map { handbook.pages[$0] }
                if Self.keepsBytes(path) {
                    files.content.upsert(bytes.map { RawFile(path: path, bytes: $0) }, at: path)
                }
                digests[Self.key(path)] = bytes.map(ContentDigest.init)
                guard let bytes else {
                    if old != nil { change.summaries.append(path) }
                    continue
                }
                let source = splitter.split(path: path, bytes: bytes)
                // Saved again as it was (an editor's save, a checkout): nothing to do.
                if let old, old.source == source { continue }
                let page = PageParser().parse(source)
                edited.append(page)
                if let old, Self.othersReadTheSame(old, page.page) {
                    change.bodies.append(path)
                } else {
                    change.summaries.append(path)
                }
            } else if path.hasPrefix(SiteLayout.content + "/") {
                let existed = files.contentAssets.sortedIndex(of: path).found != nil
                files.contentAssets.upsert(bytes.map { RawFile(path: path, bytes: $0) }, at: path)
                if existed != (bytes != nil) { assetsMoved = true }
                change.copied.insert(String(path.dropFirst(SiteLayout.content.count + 1)))
            } else if path.hasPrefix("templates/") {
                let name = String(path.dropFirst("templates/".count))
                files.templates[name] = try bytes.map { try Edits.templateText($0, path: path) }
                change.theme.append(name)
                if name.hasSuffix(".mustache") { change.wholeSite = true }
            } else if path.hasPrefix("static/") {
                let relative = String(path.dropFirst("static/".count))
                files.staticFiles.upsert(bytes.map { RawFile(path: relative, bytes: $0) }, at: relative)
                change.copied.insert(relative)
            }
            if changes.ruleFiles == nil, self.ruleFiles[path] != nil {
                ruleFiles[path] = bytes.map { String(decoding: $0, as: UTF8.self) }
                reconfigure = true
            }
        }
        let before = (diagnostics: check.diagnostics, known: check.known, health: check.health)
        if reconfigure {
            // New rules judge every page: each is checked from its text again.
            let decoded = changes.config ?? Pipeline.decodeConfig(files)
            var site = LoadedSite(
                files: files, config: decoded.0, configDiagnostics: decoded.1, ruleFiles: ruleFiles, baseline: baseline)
            var pages = handbook.pages
            for page in edited { pages.upsert(page.page, at: page.path) }
            for path in change.summaries where !edited.contains(where: { $0.path.utf8.elementsEqual(path.utf8) }) {
                pages.upsert(nil, at: path)
            }
            let kept = Dictionary(uniqueKeysWithValues: files.content.map { ($0.path, $0.bytes) })
            site.files.content = pages.map {
                RawFile(path: $0.path, bytes: kept[$0.path] ?? Array($0.source.text.utf8))
            }
            site.files.lastChanged = files.lastChanged
            site.identity = identity
            let prepared = facts != nil
            let digests = self.digests
            self = Engine(site, settings: settings)
            // The bytes the engine was given, not the pages' text made again above.
            self.digests = digests
            // A session that takes edits keeps its facts gathered.
            if prepared { prepare() }
            change.wholeSite = true
            change.checkedEveryPage = true
        } else {
            self.files = files
            self.ruleFiles = ruleFiles
            self.digests = digests
            prepare()
            let pass = checker.firstPass(config: handbook.config, assets: files.contentAssets.map(\.path))
            for path in change.summaries where !edited.contains(where: { $0.path.utf8.elementsEqual(path.utf8) }) {
                facts!.remove(path)
                own[Self.key(path)] = nil
                charters[Self.key(path)] = nil
            }
            for page in edited {
                own[Self.key(page.path)] = pass.findings(page)
                charters[Self.key(page.path)] = checker.drawsHealthRow(page.page) ? checker.charterSections(page) : nil
                facts!.replace(page.page)
            }
            if assetsMoved {
                var moved = facts!.handbook
                moved.assets = files.contentAssets.map(\.path)
                facts = checker.prepare(moved)
            }
            handbook = facts!.handbook
            if !change.summaries.isEmpty || assetsMoved || !change.copied.isEmpty {
                checkEveryPage()
                change.checkedEveryPage = true
            } else if !edited.isEmpty {
                checkAlone(change.bodies, healthReads: edited.contains { checker.healthReads($0.page) })
            } else {
                finishCheck(health: check.health)
            }
        }
        change.healthChanged = check.health != before.health
        change.findingsChanged = check.diagnostics != before.diagnostics || check.known != before.known
        return change
    }

    /// Whether other pages read the same of `b` as of `a`: navigation, list pages, cross links
    /// and the rules that read other pages see a page's title, kind, URL, front matter, links
    /// and anchors; a template page's variables reach its template's other pages.
    static func othersReadTheSame(_ a: Page, _ b: Page) -> Bool {
        Edits.sameSummary(a, b) && a.templateName == nil && b.templateName == nil
            && a.headings.map(\.anchor) == b.headings.map(\.anchor)
    }
}

extension Engine {
    /// Everything besides a page that the cache's entries depend on.
    static func fingerprint(files: SiteFiles, ruleFiles: [String: String], language: Language, settings: EngineSettings)
        -> ContentDigest
    {
        EngineCache.fingerprint(
            config: files.config, configPath: files.configPath, ruleFiles: ruleFiles,
            assets: files.contentAssets.map(\.path), language: language)
    }

    /// What the engine remembers for a later run (`.playbook/cache/engine.bin`): each page's
    /// summary and own findings, keyed by its bytes. Nil when the engine does not know which
    /// Playbook it is. Pure.
    package func remembered() -> [UInt8]? {
        guard let identity else { return nil }
        // Every page and every finding taken from the cache: it holds this state already.
        if findingsRemembered, pagesRemembered == handbook.pages.count, own.count == handbook.pages.count {
            return nil
        }
        let bytes = rememberedBytes(identity: identity)
        return ContentDigest(bytes) == cacheRead ? nil : bytes
    }

    func rememberedBytes(identity: String) -> [UInt8] {
        var pages: [(path: String, page: RememberedPage)] = []
        pages.reserveCapacity(handbook.pages.count)
        for page in handbook.pages {
            let key = Self.key(page.path)
            guard let digest = digests[key], let own = own[key] else { continue }
            pages.append(
                (
                    page.path,
                    RememberedPage(
                        digest: digest, kind: page.kind, url: page.url, title: page.title,
                        headings: page.headings, links: page.links, own: own,
                        split: RememberedPage.Split(page.source, digest: digest), sections: charters[key])
                ))
        }
        return EngineCache.write(
            pages, site: RememberedSite(publication: settings.publication, findings: findings), identity: identity,
            fingerprint: Self.fingerprint(files: files, ruleFiles: ruleFiles, language: language, settings: settings))
    }
}

extension Engine {
    /// Site-relative paths of every file the engine was given: what a watcher reports changes of.
    package var sourcePaths: Set<String> {
        var paths = Set(handbook.pages.map(\.path) + files.contentAssets.map(\.path))
        paths.formUnion(files.templates.keys.map { "templates/" + $0 })
        paths.formUnion(files.staticFiles.map { "static/" + $0.path })
        if files.config != nil { paths.insert(files.configPath) }
        paths.formUnion(ruleFiles.keys)
        return paths
    }
}
