// PlaybookReport: the findings and the health report as people and machines read them: the
// terminal's text with the line and a caret, `check --format json`, GitHub workflow commands and
// the step summary, SARIF 2.1.0, the health summary table, and each kind's front matter as a
// JSON Schema (`check --schema-out`). Terminal text is escaped so content cannot drive a
// terminal; JSON goes through PlaybookModel's `JSON`.
//
// Entry points: `DiagnosticReport`, `GitHubReport`, `SARIFReport`, `SummaryTable`,
// `FrontMatterSchema`, `TextWidth`.
//
// Must not: decide what a finding is or whether it counts (PlaybookCheck does, with the
// baseline); touch the disk or print: it returns text, the command line writes it.
