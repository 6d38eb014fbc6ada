// PlaybookRender: stage 4, RENDER. Turns the handbook into output files through the theme's
// Mustache templates (the default theme is templates/, embedded in the binary), compiled once
// per build by its own template compiler and bound to typed page values; also navigation,
// the search index, sitemap and feeds.
//
// Entry points: `Theme(overrides:)`, `SiteRenderer` (`render`, `renderPages` over a
// `SiteRenderer.Prepared`), `SearchIndex`, `InterfaceText`.
//
// Must not: touch the disk (files out are `[OutputFile]` values), or judge content: findings
// come from PlaybookCheck.
