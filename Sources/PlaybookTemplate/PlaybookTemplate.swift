// PlaybookTemplate: the theme's template engine, a Mustache subset. Parses a template file into
// nodes with the line and column of each tag (`TemplateParser`), and binds parsed templates,
// once, to typed values that say which names they answer (`TemplateContext`,
// `TemplateBinding`), so rendering a page calls readers and appends bytes without a look-up by
// name (`TemplateCompiler`, `TemplateOutput`). Partials, parents and blocks are inlined when
// bound; an unknown name, an unclosed section or a partial that includes itself is an error at
// its tag.
//
// Entry points: `TemplateParser.parse`, `ParsedTemplate`, `TemplateCompiler.compile`,
// `TemplateScope.root`, `TemplateContext`, `TemplateOutput`.
//
// Must not: know what a page, a site or a kind is, or import any other module of the package;
// the values it renders and the names they answer come from PlaybookRender. No I/O: the caller
// reads the theme's files.
