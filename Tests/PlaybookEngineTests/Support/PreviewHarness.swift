import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel

/// The engine as `serve` runs it, in memory: one engine kept between saves with what its last
/// render left, so the tests can compare each save's outputs with an engine started afresh.
struct Preview {
    var engine: Engine
    var rendering: Rendering

    var check: CheckResult { engine.check }
    var sourcePaths: Set<String> { engine.sourcePaths }
    var outputPaths: Set<String> { rendering.outputPaths }

    /// LOAD → the engine from an empty state, judged as serve shows the site → every output.
    static func build(siteAt root: URL) throws -> (Preview, [OutputFile]) {
        let engine = Engine(try Pipeline.load(siteAt: root), settings: .preview)
        let (rendering, files) = try engine.renderAll()
        return (Preview(engine: engine, rendering: rendering), files)
    }

    func quickRender(applying changes: ChangeSet) -> [OutputFile] {
        engine.quickRender(changes, after: rendering)
    }

    /// What serve does on a save after its quick render: apply, then render what it reaches.
    func rebuild(applying changes: ChangeSet) throws -> Rebuild {
        var engine = self.engine
        let change = try engine.apply(changes)
        let (rendering, files, removed) = try engine.render(change, after: self.rendering)
        return Rebuild(
            preview: Preview(engine: engine, rendering: rendering), files: files, removed: removed,
            wasFull: change.wholeSite || !change.summaries.isEmpty || change.healthChanged,
            checkedEveryPage: change.checkedEveryPage)
    }
}

struct Rebuild {
    var preview: Preview
    var files: [OutputFile]
    var removed: [String]
    /// True when the change reached every page's output.
    var wasFull: Bool
    var checkedEveryPage: Bool
}

/// The engine as `playbook lsp` runs it: every page checked as `check` would, one file updated
/// at a time.
typealias CheckSession = Engine

extension Engine {
    init(_ files: SiteFiles, ruleFiles: [String: String] = [:], baseline: Baseline? = nil, language: Language? = nil) {
        let (config, configDiagnostics) = Pipeline.decodeConfig(files)
        self.init(
            LoadedSite(
                files: files, config: config, configDiagnostics: configDiagnostics, ruleFiles: ruleFiles,
                baseline: baseline), settings: EngineSettings(language: language))
    }

    mutating func update(_ path: String, bytes: [UInt8]?) throws {
        try apply(ChangeSet(files: [path: bytes]))
    }
}
