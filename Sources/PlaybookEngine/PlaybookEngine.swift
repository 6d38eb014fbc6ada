// PlaybookEngine: runs the stages. For `check` and `build`, once over the whole site: each
// function of `Pipeline` reads as the ordered list of stages it runs. For `serve` and
// `playbook lsp`, a site held in memory between edits: given the files that changed, it
// re-parses only those pages, re-checks what the change reaches and re-renders only the outputs
// it reaches, with the result a whole build would give.
//
// Entry points: `Pipeline.load` (each input read once), `Pipeline.check` (load → parse →
// check), `Pipeline.build` (check, refuse on error, render → write), `Pipeline.render`,
// `Pipeline.baseline`, `Pipeline.schemas`, with results as `LoadedSite`, `CheckResult`,
// `BuildResult`; `Preview.build(siteAt:)` then `Preview.rebuild(applying:)` (serve),
// `CheckSession(siteAt:)` (the language server), `ChangeSet.read` (what changed on disk).
//
// Must not: hold stage logic (rules, parsing, templates, file formats: those live in the stage
// modules), or touch the disk but through PlaybookSource (load), PlaybookOutput (write),
// `Preview.build(siteAt:)`, `ChangeSet.read` and `CheckSession(siteAt:)`.
