// Checking as pages are edited, for `playbook lsp`. A `CheckSession` is a parsed handbook held
// in memory; a page's new text re-parses that page alone, and a page is checked on its own
// against the rest of the handbook, with exactly the findings `check` reports for its file.
// Only `init(siteAt:)` touches the disk.
import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookSource

/// A parsed handbook held between edits, ready to check one page at a time.
public struct CheckSession: Sendable {
    public private(set) var checker: Checker
    public private(set) var prepared: Checker.Prepared
    /// The config's and the rule files' own findings, by the file they are in.
    public private(set) var siteDiagnostics: [Diagnostic]
    /// The site's baseline: the findings it records are reported as known, never as new.
    public private(set) var baseline: Baseline?
    /// The config text and the other site files the rules draw on (page bytes are let go once parsed).
    var files: SiteFiles
    var ruleFiles: [String: String]
    var language: Language?

    init(handbook: Handbook, files: SiteFiles, ruleFiles: [String: String], baseline: Baseline?, language: Language?) {
        let (rules, siteDiagnostics) = Pipeline.ruleSet(handbook, ruleFiles: ruleFiles)
        // Judged as a plain `build` would publish, like `check`.
        checker = Checker(
            rules: rules, language: language ?? handbook.config.language, conversions: OpenCCConversions(),
            publication: .standard)
        prepared = checker.prepare(handbook)
        self.siteDiagnostics = siteDiagnostics
        self.baseline = baseline
        self.files = files
        self.files.content = []
        self.ruleFiles = ruleFiles
        self.language = language
    }

    public var handbook: Handbook { prepared.handbook }
    public var rules: RuleSet { checker.rules }

    /// The page at a site-relative path, if the handbook has one.
    public func page(_ path: String) -> Page? {
        prepared.index(of: path).map { prepared.handbook.pages[$0] }
    }

    /// Whether `path` names a file the session reads: the config or a page.
    public func reads(_ path: String) -> Bool {
        path == files.configPath || Edits.isPage(path)
    }

    /// Takes a file's new text (nil: the file is gone). A page is parsed again on its own; the
    /// config gives new rules for every page.
    public mutating func update(_ path: String, bytes: [UInt8]?) throws {
        if path == files.configPath {
            files.config = try bytes.map(Edits.configText)
            let handbook = Edits.reconfigured(prepared.handbook, files: files)
            self = CheckSession(
                handbook: handbook, files: files, ruleFiles: ruleFiles, baseline: baseline, language: language)
        } else if Edits.isPage(path) {
            if let bytes {
                prepared.replace(Edits.parsePage(path: path, bytes: bytes, language: checker.language))
            } else {
                prepared.remove(path)
            }
        }
    }

    /// What `check` reports for the file at `path`, in its order: the findings the baseline does
    /// not know, and those it does.
    public func diagnostics(for path: String) -> (new: [Diagnostic], known: [Diagnostic]) {
        var found = siteDiagnostics.filter { $0.file == path }
        var text: String?
        if let index = prepared.index(of: path) {
            let page = prepared.handbook.pages[index]
            found += page.source.diagnostics
            found += checker.check(pageAt: path, in: prepared)
            text = page.source.text
        } else if path == files.configPath {
            text = files.config
        } else {
            text = ruleFiles[path]
        }
        found.sort { ($0.file, $0.position) < ($1.file, $1.position) }
        guard let baseline else { return (found, []) }
        return baseline.filter(found, line: LineLookup(texts: text.map { [path: $0] } ?? [:]).line)
    }
}

extension CheckSession {
    /// LOAD → PARSE, kept for checking page by page: the site's files, rule files and baseline.
    public init(siteAt root: URL, language: Language? = nil) throws {
        let site = try Pipeline.load(siteAt: root)
        self.init(
            handbook: Pipeline.parse(site, language: language), files: site.files, ruleFiles: site.ruleFiles,
            baseline: site.baseline,
            language: language)
    }

    /// PARSE on files already read; pure.
    public init(
        _ files: SiteFiles, ruleFiles: [String: String] = [:], baseline: Baseline? = nil, language: Language? = nil
    ) {
        self.init(
            handbook: Pipeline.parse(files, language: language), files: files, ruleFiles: ruleFiles, baseline: baseline,
            language: language)
    }
}
