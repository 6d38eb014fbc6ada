// LOAD: every input of a site read once, before anything is checked. The config is decoded
// here and the decoded value is handed on, so no later step decodes `playbook.yml` again.
import Foundation
import PlaybookCheck
import PlaybookModel
import PlaybookOutput
import PlaybookSource

/// What LOAD read from a site folder: its files, `playbook.yml` decoded, the rule files the
/// config includes and the baseline. The stages after it take these values and read nothing.
public struct LoadedSite: Sendable {
    public var files: SiteFiles
    /// `playbook.yml` decoded (defaults when the site has none).
    public var config: SiteConfig
    /// The config's own problems, located in it.
    public var configDiagnostics: [Diagnostic]
    /// The rule files `include:` names, by site-relative path; those outside the site are not read.
    public var ruleFiles: [String: String]
    /// The findings the baseline tolerates; nil when the site has none or none was asked for.
    public var baseline: Baseline?

    public init(
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
    /// pages' dates from git, which only rendering shows (`check` passes it).
    public static func load(
        siteAt root: URL, baseline: String? = Baseline.fileName, history: Bool = true
    ) throws -> LoadedSite {
        let files = try StageTimer.measure("load") { try SiteReader(root: root).read(history: history) }
        let (config, configDiagnostics) = decodeConfig(files)
        return LoadedSite(
            files: files, config: config, configDiagnostics: configDiagnostics,
            ruleFiles: try readRuleFiles(root: root, config: config),
            baseline: try baseline.flatMap { try readBaseline(root: root, file: $0) })
    }

    /// LOAD, from the output a build is about to replace: the totals its health view kept
    /// (`health/totals.txt`), which the new view's trend compares against. Only a folder Playbook
    /// wrote (it holds `.playbook-output`) is read; nil for an empty or new folder, or a file
    /// that does not read. A build's output depends on these, so a build into an empty folder
    /// and a build into a folder holding the same previous build write the same bytes.
    public static func previousHealth(in output: URL) -> HealthReport.Totals? {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.appendingPathComponent(OutputWriter.marker).path),
            let data = manager.contents(atPath: output.appendingPathComponent("health/totals.txt").path)
        else { return nil }
        return HealthReport.Totals(text: String(decoding: data, as: UTF8.self))
    }

    /// `playbook.yml` decoded, with its own problems: the one place its text becomes a config.
    public static func decodeConfig(_ files: SiteFiles) -> (SiteConfig, [Diagnostic]) {
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
