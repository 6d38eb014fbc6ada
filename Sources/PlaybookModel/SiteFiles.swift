/// A file read from the site folder, path relative to the site root with `/` separators.
public struct RawFile: Hashable, Sendable {
    package var path: String
    /// The file's bytes; empty for a large file copied as it is (`origin`).
    package var bytes: [UInt8]
    /// Where a large asset or static file is on disk: it is copied from there by the writer,
    /// a piece at a time, instead of being held in memory.
    package var origin: FileOrigin?

    public init(path: String, bytes: [UInt8], origin: FileOrigin? = nil) {
        self.path = path
        self.bytes = bytes
        self.origin = origin
    }
}

/// A file on disk that is copied into the site without being read whole (a video in
/// `static/`); its size and change time tell a copy that is out of date.
public struct FileOrigin: Hashable, Sendable {
    /// Files larger than this are copied from disk rather than read (8 MB).
    package static let threshold = 8 << 20

    package var path: String
    package var size: Int
    /// Last change, in nanoseconds since 1970.
    package var modified: Int

    package init(path: String, size: Int, modified: Int) {
        self.path = path
        self.size = size
        self.modified = modified
    }
}

/// Everything the build needs from a site folder, read in one pass by the load stage
/// (`SiteReader` in PlaybookSource). The rest of the pipeline, and replication, work on this
/// value and never open a file.
public struct SiteFiles: Sendable {
    /// `playbook.yml` text, or nil when the site has none.
    package var config: String?
    package var configPath: String
    /// Markdown files under `content/`, sorted by path.
    package var content: [RawFile]
    /// Other files under `content/` (images, lineage records), sorted by path; copied as is.
    package var contentAssets: [RawFile]
    /// The site's own `templates/` files, by name relative to `templates/` (`page.mustache`).
    package var templates: [String: String]
    /// Files under `static/`, by path relative to `static/`.
    package var staticFiles: [RawFile]
    /// What could not be read as it stands (links out of the site or in a loop, unreadable files),
    /// located at the path; reported with the other load findings.
    package var problems: [Diagnostic] = []
    /// When each content file last changed (site-relative path → ISO 8601), from git; empty when
    /// the site is not a git repository.
    package var lastChanged: [String: String] = [:]

    public init(
        config: String? = nil, configPath: String = "playbook.yml", content: [RawFile] = [],
        contentAssets: [RawFile] = [], templates: [String: String] = [:], staticFiles: [RawFile] = []
    ) {
        self.config = config
        self.configPath = configPath
        self.content = content
        self.contentAssets = contentAssets
        self.templates = templates
        self.staticFiles = staticFiles
    }
}
