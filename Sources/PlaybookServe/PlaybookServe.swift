// PlaybookServe: `playbook serve`. Builds the site into an output folder, serves that folder over
// HTTP on loopback, watches the sources, rebuilds what a save changed and tells open pages to
// reload.
//
// Entry points: `PreviewSession.start(_:report:)` with `ServeOptions`, `stop()`; what happens
// is reported as `ServeReport` values.
//
// Must not: let SwiftNIO or the file watching out of this module, or print: the command line
// prints the reports.
