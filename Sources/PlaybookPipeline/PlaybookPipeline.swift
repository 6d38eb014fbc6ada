// PlaybookPipeline: orchestration only. Each function reads as the ordered list of stages it
// runs; the work itself lives in the stage modules.
//
// Entry points: `Pipeline.load` (each input read once), `Pipeline.check` (load → parse →
// check), `Pipeline.build` (check, refuse on error, render → write), `Pipeline.render`,
// `Pipeline.baseline`, `Pipeline.schemas`; results as `LoadedSite`, `CheckResult`,
// `BuildResult`.
//
// Must not: hold stage logic (rules, parsing, templates, file formats), or touch the disk but
// through PlaybookSource (load) and PlaybookOutput (write).
