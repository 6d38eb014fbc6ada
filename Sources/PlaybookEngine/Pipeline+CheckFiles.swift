import PlaybookCheck
import PlaybookModel
import PlaybookReport

/// The files `check` writes when asked: a baseline and the front matter schemas. Each is a
/// value, path and bytes; the command writes it where the user said and reports it.
extension Pipeline {
    /// What `check --write-baseline` records: every finding of `result`, as the file `file`
    /// of the site (site-relative), and how many entries it holds.
    package static func baseline(recording result: CheckResult, file: String = Baseline.fileName) -> (
        file: OutputFile, entries: Int
    ) {
        let recorded = Baseline(recording: result.diagnostics, line: LineLookup(result).line)
        return (OutputFile(path: file, bytes: Array(recorded.rendered().utf8)), recorded.entries.count)
    }

    /// What `check --schema-out DIR` writes: one JSON Schema per kind of `rules`, named
    /// `<kind>.schema.json` relative to DIR, sorted by name.
    package static func schemas(for rules: RuleSet, language: Language) -> [OutputFile] {
        FrontMatterSchema.files(for: rules, language: language).sorted { $0.key < $1.key }.map {
            OutputFile(path: $0.key, bytes: Array($0.value.utf8))
        }
    }
}
