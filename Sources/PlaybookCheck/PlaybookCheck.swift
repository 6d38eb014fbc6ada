// PlaybookCheck: stage 3, CHECK. Finds what each playbook is missing by the rules of its kind
// (built in from the domain, changed by playbook.yml), builds the health report, and formats
// findings for people and machines (text, JSON, GitHub workflow commands, SARIF).
//
// Entry points: `RuleSet` (the rules, as data), `Checker` (pages in, `[Diagnostic]` out),
// `Baseline`, `RuleCatalog`, `FrontMatterSchema`, `DiagnosticReport`, `GitHubReport`,
// `SARIFReport`, `SummaryTable`.
//
// Must not: touch the disk or print: values in, values out; the command line does the I/O.
