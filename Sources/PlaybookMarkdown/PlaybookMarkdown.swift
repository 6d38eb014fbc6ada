// PlaybookMarkdown: stage 2, PARSE. The only door to libcmark-gfm (`CCmarkGFM`): turns a page's
// body into Playbook's own `MarkdownDocument`, with positions counted from the top of the file,
// and renders such a tree to HTML.
//
// Entry points: `PageParser` (a split page to a `ParsedPage`, and a summary's body parsed again),
// `MarkdownParser`, `HTMLRenderer`.
//
// Must not: let a C type out of MarkdownParser.swift, touch the disk, or know the kinds' rules.
