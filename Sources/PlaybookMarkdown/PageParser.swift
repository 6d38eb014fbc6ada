import PlaybookModel

/// Turns a loaded `SourceFile` into a `ParsedPage`: parses the body, decides the kind and the
/// URL, finds the title and gives every heading its anchor. A page known by its summary alone
/// (`Page`) has its body parsed again by `parsed(_:)` when a step reads it.
package struct PageParser: Sendable {
    private let markdown = MarkdownParser()

    package init() {}

    package func parse(_ source: SourceFile) -> ParsedPage {
        let document = markdown.parse(source.body, lineOffset: source.bodyLineOffset)
        var generator = Slug.AnchorGenerator(reserved: Self.reservedAnchors + Self.footnoteIDs(in: document))
        let headings = document.headings.map { node -> Heading in
            let text = node.plainText
            return Heading(
                level: node.headingLevel ?? 1, text: text, anchor: generator.next(for: text),
                line: node.range.start.line)
        }
        let kind = Self.kind(of: source)
        let title: String
        if case .string(let t)? = source.frontMatter["title"], !t.allSatisfy(\.isWhitespace) {
            title = t
        } else if let first = headings.first(where: { $0.level == 1 }) ?? headings.first {
            title = first.text
        } else {
            title = ""
        }
        var source = source
        source.diagnostics += document.limits.map { Self.diagnostic(for: $0, in: source.path) }
        return ParsedPage(
            source: source, kind: kind, url: Slug.url(forContentPath: source.contentPath), title: title,
            document: document, headings: headings)
    }

    /// Ids the default theme gives elements of a page (`templates/`: the layout's `<main>`,
    /// navigation and search box, a page's findings and "linked from", the catalog's use box, a
    /// kit document's `d1-doc` with its headings' `d1-` prefix). Headings never take them.
    package static let reservedAnchors = [
        "main", "site-nav", "search-input", "search-results", "findings", "linked-from", "use-template", "doc",
    ]

    /// The ids `HTMLRenderer` gives a page's footnotes and their references (`fn-label`,
    /// `fnref-label`, `fnref-label-2`, …), which headings must not take either.
    static func footnoteIDs(in document: MarkdownDocument) -> [String] {
        var labels: [String] = []
        for block in document.blocks {
            if case .footnoteDefinition(let label) = block.kind { labels.append(label) }
        }
        guard !labels.isEmpty else { return [] }
        var counts = [Int](repeating: 0, count: labels.count)
        document.root.walk {
            if case .footnoteReference(let literal) = $0.kind, let n = Int(literal), n >= 1, n <= counts.count {
                counts[n - 1] += 1
            }
        }
        var ids: [String] = []
        for (label, count) in zip(labels, counts) {
            ids += ["fn-" + label, "fnref-" + label]
            if count > 1 { ids += (2...count).map { "fnref-\(label)-\($0)" } }
        }
        return ids
    }

    /// `page` with its body parsed again from its source, as `parse` parsed it: for a step that
    /// reads the body of a page the build keeps by its summary. The summary stays as it is (an
    /// edition's page keeps its converted title and headings).
    package func parsed(_ page: Page) -> ParsedPage {
        ParsedPage(page: page, document: markdown.parse(page.source.body, lineOffset: page.source.bodyLineOffset))
    }

    /// The error that refuses a page the parser would not follow (see `MarkdownLimit`). Like the
    /// other load and parse findings it is always an error: the page's tree is incomplete.
    static func diagnostic(for limit: MarkdownLimit, in path: String) -> Diagnostic {
        switch limit.reason {
        case .nesting(let depth):
            return Diagnostic(
                file: path, position: limit.position, rule: "markdown.nesting",
                message: "lists, block quotes and emphasis nest more than \(depth) levels deep here",
                hint:
                    "flatten the nesting: no reader can follow it, and Playbook leaves out what lies deeper, so the page is not published"
            )
        case .brackets(let openers):
            return Diagnostic(
                file: path, position: limit.position, rule: "markdown.brackets",
                message:
                    "this paragraph holds up to \(openers) open `[` or `![` at once, which the Markdown parser would take minutes to read",
                hint:
                    "close each `![` with `](address)` or write it as `\\![` and `\\[`, or split the paragraph with blank lines"
            )
        }
    }

    /// The kind named in front matter, else the one implied by the top-level folder, else `page`.
    package static func kind(of source: SourceFile) -> Kind {
        if case .string(let name)? = source.frontMatter["kind"] {
            return Kind(name.trimmingWhitespace.lowercased())
        }
        let path = source.contentPath
        if let slash = path.firstIndex(of: "/"), let kind = Kind.folders[String(path[..<slash])] {
            return kind
        }
        return .page
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
