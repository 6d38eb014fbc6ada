// PlaybookMarkdown: stage 2, PARSE. The only door to libcmark-gfm (`CCmarkGFM`): turns a page's
// body into Playbook's own `MarkdownDocument`, with positions counted from the top of the file,
// and renders such a tree to HTML.
//
// Entry points: `PageParser` (a split page to a `Page`, and its tree restored later),
// `MarkdownParser`, `HTMLRenderer`.
//
// Must not: let a C type out of MarkdownParser.swift, touch the disk, or know the kinds' rules.
