// PlaybookIncremental: a site held in memory between edits, for `serve` and `playbook lsp`.
// Given the files that changed, it re-parses only those pages, re-checks what the change
// reaches and re-renders only the outputs it reaches, with the result a whole build would give.
//
// Entry points: `Preview.build(siteAt:)` then `Preview.rebuild(applying:)` (serve),
// `CheckSession(siteAt:)` (the language server), `ChangeSet.read` (what changed on disk).
//
// Must not: hold stage logic of its own (it runs PlaybookPipeline's stages piece by piece), or
// touch the disk but in `Preview.build(siteAt:)`, `ChangeSet.read` and `CheckSession(siteAt:)`.
