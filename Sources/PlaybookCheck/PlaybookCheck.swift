// PlaybookCheck: stage 3, CHECK. Finds what each playbook is missing by the rules of its kind
// (built in from the domain, changed by playbook.yml), builds the health report, and tells
// known findings from new ones (`Baseline`, whose file it reads and writes). How findings are
// shown (text, JSON, GitHub, SARIF) is PlaybookReport's.
//
// Entry points: `RuleSet` (the rules, as data), `Checker` (pages in, `[Diagnostic]` out),
// `Baseline`, `RuleCatalog`.
//
// Must not: touch the disk or print: values in, values out; the command line does the I/O.
