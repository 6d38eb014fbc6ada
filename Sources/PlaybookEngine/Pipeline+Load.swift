// LOAD: every input of a site read once, before anything is checked. The config is decoded
// here and the decoded value is handed on, so no later step decodes `playbook.yml` again.
import Foundation
import PlaybookCheck
import PlaybookModel
import PlaybookOutput
import PlaybookSource

/// What LOAD read from a site folder: its files, `playbook.yml` decoded, the rule files the
/// config includes and the baseline. The stages after it take these values and read nothing.
package struct LoadedSite: Sendable {
    package var files: SiteFiles
    /// `playbook.yml` decoded (defaults when the site has none).
    package var config: SiteConfig
    /// The config's own problems, located in it.
    package var configDiagnostics: [Diagnostic]
    /// The rule files `include:` names, by site-relative path; those outside the site are not read.
    package var ruleFiles: [String: String]
    /// The findings the baseline tolerates; nil when the site has none or none was asked for.
    package var baseline: Baseline?
    /// The engine's cache as an earlier run left it (`.playbook/cache/engine.bin`; empty: none).
    package var cache: [UInt8] = []
    /// Which Playbook this is (`ToolIdentity`): the cache is read only when it was written by
    /// the same one, and written only when this is known.
    package var identity: String?

    package init(
        files: SiteFiles, config: SiteConfig, configDiagnostics: [Diagnostic] = [], ruleFiles: [String: String] = [:],
        baseline: Baseline? = nil
    ) {
        self.files = files
        self.config = config
        self.configDiagnostics = configDiagnostics
        self.ruleFiles = ruleFiles
        self.baseline = baseline
    }
}

extension Pipeline {
    /// LOAD: the site's files, the config decoded once, the rule files it includes and the
    /// baseline named `baseline` (site-relative; nil reads none). A missing baseline is no
    /// baseline; one that does not parse is an error naming the file. `history: false` skips the
    /// pages' dates from git, which only rendering shows (`check` passes it). `cache: false`
    /// leaves the engine's cache unread (also `PLAYBOOK_CACHE=0`).
    package static func load(
        siteAt root: URL, baseline: String? = Baseline.fileName, history: Bool = true, cache: Bool = true
    ) throws -> LoadedSite {
        let files = try StageTimer.measure("load") { try SiteReader(root: root).read(history: history) }
        let (config, configDiagnostics) = decodeConfig(files)
        var site = LoadedSite(
            files: files, config: config, configDiagnostics: configDiagnostics,
            ruleFiles: try readRuleFiles(root: root, config: config),
            baseline: try baseline.flatMap { try readBaseline(root: root, file: $0) })
        site.identity = ToolIdentity.current
        if cache, site.identity != nil, ProcessInfo.processInfo.environment["PLAYBOOK_CACHE"] != "0" {
            site.cache = readCache(root: root)
        }
        return site
    }

    /// Where the engine keeps what it remembers between runs, relative to the site.
    package static let cacheFile = ".playbook/cache/engine.bin"

    /// WRITE what `engine` remembers into the site's cache for the next run, unless it is what
    /// the run started from. Quietly writes nothing where the site cannot hold it (see
    /// `SiteCache`), or with `PLAYBOOK_CACHE=0`.
    package static func remember(_ engine: Engine, siteAt root: URL) {
        guard ProcessInfo.processInfo.environment["PLAYBOOK_CACHE"] != "0", let bytes = engine.remembered() else {
            return
        }
        StageTimer.measure("cache write") { _ = SiteCache.write(bytes, root: root, relative: cacheFile) }
    }

    /// Where a build leaves its record for the next build into the same folder (`BuildRecord`).
    package static let buildRecordFile = ".playbook/cache/build.bin"

    /// The cache's bytes; empty when there is none, or it cannot be read (a cache is never
    /// needed: the engine computes what it lacks).
    static func readCache(root: URL, file: String = cacheFile) -> [UInt8] {
        let url = root.appendingPathComponent(file)
        guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        // A cache larger than this is not one Playbook wrote for a site it can build.
        guard let data = try? handle.read(upToCount: 1 << 30) else { return [] }
        return [UInt8](data)
    }

    /// LOAD, from the output a build is about to replace: the totals its health view kept
    /// (`health/totals.txt`), which the new view's trend compares against. Only a folder Playbook
    /// wrote (it holds `.playbook-output`) is read; nil for an empty or new folder, or a file
    /// that does not read. A build's output depends on these, so a build into an empty folder
    /// and a build into a folder holding the same previous build write the same bytes.
    package static func previousHealth(in output: URL) -> HealthReport.Totals? {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.appendingPathComponent(OutputWriter.marker).path),
            let data = manager.contents(atPath: output.appendingPathComponent("health/totals.txt").path)
        else { return nil }
        return HealthReport.Totals(text: String(decoding: data, as: UTF8.self))
    }

    /// `playbook.yml` decoded, with its own problems: the one place its text becomes a config.
    package static func decodeConfig(_ files: SiteFiles) -> (SiteConfig, [Diagnostic]) {
        SiteConfigLoader(extraKeys: RuleSet.configKeys).load(path: files.configPath, text: files.config)
    }

    /// The site's baseline file, if it has one; a file that does not parse is an error naming it.
    package static func readBaseline(root: URL, file: String = Baseline.fileName) throws -> Baseline? {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path) else { return nil }
        let text = String(decoding: try SiteReader(root: root).readFile(file).bytes, as: UTF8.self)
        switch Baseline.parse(text) {
        case .success(let baseline): return baseline
        case .failure(let failure): throw PlaybookError(stage: "check", path: file, message: failure.message)
        }
    }

    /// The findings `baseline` records move from `diagnostics` to `known`; pure.
    package static func tolerate(_ result: CheckResult, _ baseline: Baseline?) -> CheckResult {
        guard let baseline else { return result }
        var result = result
        let split = baseline.filter(result.diagnostics, line: LineLookup(result).line)
        result.diagnostics = split.new
        result.known = split.known
        return result
    }

    /// The text of the rule files `config` includes, by site-relative path.
    package static func readRuleFiles(root: URL, config: SiteConfig) throws -> [String: String] {
        var result: [String: String] = [:]
        let reader = SiteReader(root: root)
        // Only files inside the site are read: a rule file the check cannot find is reported at
        // its include line, which also covers a symbolic link that leads out of the site.
        for path in RuleSet.referencedFiles(in: config) where reader.isInsideSite(path) {
            try reader.refuseOversizedSettings(path)
            guard let file = try? reader.readFile(path) else { continue }
            result[path] = String(decoding: file.bytes, as: UTF8.self)
        }
        return result
    }
}
