// PlaybookRender: stage 4, RENDER. Turns the handbook into output files through the theme's
// templates (the default theme is templates/, embedded in the binary; `ThemeTemplate` names
// them), compiled once per build by PlaybookTemplate and bound to the typed page values of
// Views/; also navigation, the search index, sitemap and feeds.
//
// Entry points: `Theme(overrides:)`, `SiteRenderer` (`render`, `renderPages` over a
// `SiteRenderer.Context`), `SearchIndex`, `InterfaceText`.
//
// Must not: touch the disk (files out are `[OutputFile]` values), or judge content: findings
// come from PlaybookCheck.
