// PlaybookSource: stage 1, LOAD. Reads the site folder (playbook.yml, content/, templates/,
// static/) into `SiteFiles`, splits front matter from each page, decodes YAML (Yams, which no
// other module sees) and playbook.yml, and asks git when each page last changed.
//
// Entry points: `SiteReader(root:).read()`, `FrontMatterSplitter`, `SiteConfigLoader`,
// `YAMLReader`, `GitHistory`.
//
// Must not: write anything (writing is PlaybookOutput's), parse Markdown or judge content; it
// reports what it cannot read as diagnostics and leaves the rules to PlaybookCheck.
