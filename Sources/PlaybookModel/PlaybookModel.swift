// PlaybookModel: the value types every stage shares: the site's files as read (`SiteFiles`,
// `RawFile`), the parsed handbook (`Handbook`, `Page`, `MarkdownDocument`), the configuration
// (`SiteConfig`, `Kind`, `KindLabel`), findings (`Diagnostic`, `HealthReport`), what a build
// writes (`OutputFile`), and the small pure helpers they need (`Slug`, `VisibleText`,
// `ChineseScript`, `ExitStatus`), and the one JSON value Playbook reads and writes (`JSON`).
//
// Must not: read or write files, run processes, or depend on any other module; everything here
// is a value that can cross threads.
