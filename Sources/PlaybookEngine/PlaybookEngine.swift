// PlaybookEngine: runs the stages. One engine (`Engine`) for `check`, `build`, `serve` and
// `playbook lsp`: from an empty state it parses, checks and tolerates a loaded site; fed changed
// inputs it recomputes only what they reach, with the result a whole run would give (Engine.swift
// draws how). The stages as functions (`Pipeline`) read as the ordered list of stages they run.
//
// Entry points: `Pipeline.load` (each input read once), `Pipeline.check` and `Pipeline.build`
// (the command line's), `Engine(site)`, `Engine.apply(_:)` with `ChangeSet.read` (what changed
// on disk), `Engine.render` / `render(_:after:)`; results as `LoadedSite`, `CheckResult`,
// `BuildResult`, `EngineChange`, `Rendering`.
//
// Must not: hold stage logic (rules, parsing, templates, file formats: those live in the stage
// modules), or touch the disk but in `Pipeline.load`, `ChangeSet.read` and through
// PlaybookOutput (write).
