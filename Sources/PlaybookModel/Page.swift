/// A content file as loaded from disk: its path, raw text and the front matter split from it.
public struct SourceFile: Hashable, Sendable {
    /// Path relative to the site root, `/`-separated (`content/groups/hangzhou/index.md`).
    package var path: String
    /// The whole file as text.
    public var text: String
    /// Decoded front matter; empty when the file has none.
    package var frontMatter: Mapping
    /// UTF-8 offset in `text` where the Markdown after the front matter starts.
    public var bodyOffset: Int
    /// Number of lines before `body` starts (the front matter block and its fences).
    package var bodyLineOffset: Int
    /// Problems found while loading (YAML errors, invalid UTF-8…). A file with an error here
    /// still becomes a page so every problem is reported, but `build` refuses it.
    package var diagnostics: [Diagnostic]

    /// A source file whose body starts `bodyOffset` UTF-8 bytes into `text`.
    package init(
        path: String, text: String, frontMatter: Mapping = Mapping(), bodyOffset: Int, bodyLineOffset: Int = 0,
        diagnostics: [Diagnostic] = []
    ) {
        self.path = path
        self.text = text
        self.frontMatter = frontMatter
        self.bodyOffset = min(max(bodyOffset, 0), text.utf8.count)
        self.bodyLineOffset = bodyLineOffset
        self.diagnostics = diagnostics
    }

    /// A source file from its parts; when `body` is not the tail of `text` (files made by hand
    /// in tests), it is appended to the text so that both stay readable.
    package init(
        path: String, text: String, frontMatter: Mapping = Mapping(), body: String, bodyLineOffset: Int = 0,
        diagnostics: [Diagnostic] = []
    ) {
        let offset = text.utf8.count - body.utf8.count
        if offset >= 0, text.utf8.dropFirst(offset).elementsEqual(body.utf8) {
            self.init(
                path: path, text: text, frontMatter: frontMatter, bodyOffset: offset, bodyLineOffset: bodyLineOffset,
                diagnostics: diagnostics)
        } else {
            self.init(
                path: path, text: text + body, frontMatter: frontMatter, bodyOffset: text.utf8.count,
                bodyLineOffset: bodyLineOffset, diagnostics: diagnostics)
        }
    }

    /// The Markdown after the front matter.
    package var body: String {
        String(text[text.utf8.index(text.utf8.startIndex, offsetBy: bodyOffset)...])
    }

    /// True when the front matter is there but could not be read (a YAML mistake): its fields
    /// are unknown, so no finding may rest on their absence.
    package var frontMatterUnreadable: Bool {
        diagnostics.contains { $0.rule == "frontmatter.yaml" }
    }

    /// The path below `content/` (`groups/hangzhou/index.md`).
    package var contentPath: String {
        path.hasPrefix("content/") ? String(path.dropFirst("content/".count)) : path
    }
}

/// A heading of a page, with the anchor it renders to.
package struct Heading: Hashable, Sendable {
    package var level: Int
    package var text: String
    package var anchor: String
    package var line: Int

    package init(level: Int, text: String, anchor: String, line: Int) {
        self.level = level
        self.text = text
        self.anchor = anchor
        self.line = line
    }
}

/// A link written in a page's body: where it points, as written, and where it starts.
package struct LinkMention: Hashable, Sendable {
    package var destination: String
    package var position: SourcePosition

    package init(destination: String, position: SourcePosition) {
        self.destination = destination
        self.position = position
    }
}

/// A page as every step after its own checks knows it: its source, kind, URL and title, and
/// what other pages and the site read of its body (headings and their anchors, links), found
/// when it was parsed. It holds no Markdown tree: a step that reads the body takes a
/// `ParsedPage`, which the parser makes, so no step can read a tree that is not there. A
/// build keeps the handbook as these summaries and parses a page's body only while a step needs it.
///
/// A page is a value whose fields live in one shared box, copied only when a copy is changed:
/// the handbook's page array is copied whenever serve or the editor server replaces one page,
/// and copying a page is then one reference instead of a dozen.
package struct Page: Hashable, Sendable {
    /// Unchecked: changed only through `Page.unique()`, when the page changing it is its only owner.
    private final class Storage: @unchecked Sendable {
        // Mutated only through `Page.unique()`, when this page is its only owner.
        var source: SourceFile
        var kind: Kind
        var url: String
        var title: String
        var headings: [Heading]
        var links: [LinkMention]

        init(source: SourceFile, kind: Kind, url: String, title: String, headings: [Heading], links: [LinkMention]) {
            self.source = source
            self.kind = kind
            self.url = url
            self.title = title
            self.headings = headings
            self.links = links
        }

        func copy() -> Storage {
            Storage(source: source, kind: kind, url: url, title: title, headings: headings, links: links)
        }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    package var source: SourceFile {
        get { storage.source }
        _modify { yield &unique().source }
    }
    package var kind: Kind {
        get { storage.kind }
        _modify { yield &unique().kind }
    }
    /// Site-relative URL path with pretty form: `groups/hangzhou/` (empty for the home page).
    package var url: String {
        get { storage.url }
        _modify { yield &unique().url }
    }
    package var title: String {
        get { storage.title }
        _modify { yield &unique().title }
    }
    package var headings: [Heading] {
        get { storage.headings }
        _modify { yield &unique().headings }
    }
    /// Every link of the body in document order.
    package var links: [LinkMention] { storage.links }

    /// A page's summary: as the parser finds it (`PageParser.parse`), or as the engine's cache
    /// remembers it.
    package init(
        source: SourceFile, kind: Kind, url: String, title: String, headings: [Heading], links: [LinkMention]
    ) {
        storage = Storage(source: source, kind: kind, url: url, title: title, headings: headings, links: links)
    }

    package var path: String { storage.source.path }
    package var frontMatter: Mapping { storage.source.frontMatter }

    package static func == (a: Page, b: Page) -> Bool {
        if a.storage === b.storage { return true }
        let x = a.storage
        let y = b.storage
        return x.source == y.source && x.kind == y.kind && x.url == y.url && x.title == y.title
            && x.headings == y.headings && x.links == y.links
    }

    package func hash(into hasher: inout Hasher) {
        let x = storage
        hasher.combine(x.source)
        hasher.combine(x.kind)
        hasher.combine(x.url)
        hasher.combine(x.title)
        hasher.combine(x.headings)
        hasher.combine(x.links)
    }
}

/// A page with its Markdown tree: what the parser gives (`PageParser.parse`, or `parsed(_:)` for
/// a page known by its summary) and what the steps that read a body take: the page's own
/// rules, its HTML, its search document, the kits showing it, an edition's conversion of it.
/// Made for the time such a step runs, then let go; the summary (`page`) is what stays.
///
/// The summary's fields read through it (`parsed.title`, `parsed.headings`).
@dynamicMemberLookup
package struct ParsedPage: Hashable, Sendable {
    /// The summary: everything a later step knows of the page.
    package var page: Page
    /// The body's tree, positions counted from the top of the file.
    package var document: MarkdownDocument

    /// `page` with the tree its body parses to (its links were found in that tree: `links(in:)`).
    package init(page: Page, document: MarkdownDocument) {
        self.page = page
        self.document = document
    }

    /// A page and its tree from their parts, its summary's links found in the tree.
    package init(
        source: SourceFile, kind: Kind, url: String, title: String, document: MarkdownDocument, headings: [Heading]
    ) {
        let page = Page(
            source: source, kind: kind, url: url, title: title, headings: headings, links: Self.links(in: document))
        self.init(page: page, document: document)
    }

    package subscript<Value>(dynamicMember field: KeyPath<Page, Value>) -> Value {
        page[keyPath: field]
    }

    /// Every link of `document` in document order, for the summary.
    package static func links(in document: MarkdownDocument) -> [LinkMention] {
        var links: [LinkMention] = []
        document.root.walk { node in
            if case .link(let destination, _) = node.kind {
                links.append(LinkMention(destination: destination, position: node.range.start))
            }
        }
        return links
    }
}

/// The whole handbook after parsing: configuration plus every page, sorted by path.
package struct Handbook: Sendable {
    package var config: SiteConfig
    package var pages: [Page]
    /// Diagnostics from loading the config itself.
    package var configDiagnostics: [Diagnostic]
    /// Other files under `content/` that are not pages (lineage records, images), by path.
    package var assets: [String]
    /// When each page last changed (site-relative path → ISO 8601 date-time), from the site's git
    /// history; a page without an entry shows no date.
    package var lastChanged: [String: String]

    package init(
        config: SiteConfig, pages: [Page], configDiagnostics: [Diagnostic] = [], assets: [String] = [],
        lastChanged: [String: String] = [:]
    ) {
        self.config = config
        self.pages = pages
        self.configDiagnostics = configDiagnostics
        self.assets = assets
        self.lastChanged = lastChanged
    }
}

/// A file the render stage produced, relative to the output root.
package struct OutputFile: Hashable, Sendable {
    package var path: String
    package var bytes: [UInt8]
    /// For a large file copied as it is: where to copy it from (`bytes` is then empty).
    package var origin: FileOrigin?

    package init(path: String, bytes: [UInt8], origin: FileOrigin? = nil) {
        self.path = path
        self.bytes = bytes
        self.origin = origin
    }

    package init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }
}

extension Page {
    /// For a file inside `content/templates/<name>/`, the template's name. Such pages are the
    /// documents of a replication template, not groups of their own.
    package var templateName: String? {
        let parts = source.contentPath.split(separator: "/")
        guard parts.count >= 3, parts[0] == "templates" else { return nil }
        return String(parts[1])
    }

    /// The page's file name without `.md`, for titles of pages that have none.
    package var fileStem: String {
        var name = source.contentPath.split(separator: "/").last.map(String.init) ?? source.contentPath
        if name.hasSuffix(".md") { name.removeLast(3) }
        return name
    }
}
