// The engine's memory between runs, kept in `.playbook/cache/engine.bin`: for each page, what
// parsing it and checking it alone gave (its summary and its own findings), keyed by the page's
// bytes. A later run of any command takes a page whose bytes are the same from here instead of
// parsing and checking it again; every other step runs as it always does, so what the engine
// computes is what a run without the cache computes (`CacheTests` compares them after every kind
// of edit).
//
// Never trusted blindly. The file holds:
// - the identity of the Playbook that wrote it (format, and the executable's size and time);
// - a fingerprint of everything a page's own findings depend on besides the page: the config,
//   the rule files, the content assets' paths and the language;
// - a checksum of the rest.
// A file from another Playbook, for another fingerprint, truncated or damaged is ignored whole;
// an entry whose path, size or two independent 64-bit hashes differ from the page's is not used.
// Safe to delete. Pure: the bytes are read by `Pipeline.load` and written by `Pipeline.remember`.
import PlaybookCheck
import PlaybookModel

/// The size and two independent 64-bit hashes of a file's bytes: what the cache keys a page by.
struct ContentDigest: Hashable, Sendable {
    var size: Int
    var first: UInt64
    var second: UInt64

    init(size: Int, first: UInt64, second: UInt64) {
        self.size = size
        self.first = first
        self.second = second
    }

    init(_ bytes: [UInt8]) {
        size = bytes.count
        (first, second) = bytes.withUnsafeBytes { ByteHash.pair($0) }
    }
}

/// What the engine remembers of one page: its summary as parsing gave it and its own findings.
struct RememberedPage: Sendable {
    var digest: ContentDigest
    var kind: Kind
    var url: String
    var title: String
    var headings: [Heading]
    var links: [LinkMention]
    var own: Checker.OwnFindings
    /// The page's front matter as split from its bytes; nil when its text is not its bytes as
    /// they are (a byte-order mark, bytes that are not UTF-8): such a page is split again.
    var split: Split?
    /// For a group charter, where its required sections run (`Checker.charterSections`), which
    /// the health view reads: a charter taken from the cache is not parsed again for them.
    var sections: Checker.CharterSections?

    struct Split: Sendable {
        var frontMatter: Mapping
        var bodyOffset: Int
        var bodyLineOffset: Int
        var diagnostics: [Diagnostic]

        init(frontMatter: Mapping, bodyOffset: Int, bodyLineOffset: Int, diagnostics: [Diagnostic]) {
            self.frontMatter = frontMatter
            self.bodyOffset = bodyOffset
            self.bodyLineOffset = bodyLineOffset
            self.diagnostics = diagnostics
        }

        /// What to remember of `source`, split from bytes of `digest`: nil unless its text is
        /// those bytes.
        init?(_ source: SourceFile, digest: ContentDigest) {
            // The text's own bytes, hashed in place (no copy), and only when the size matches.
            var text = source.text
            guard text.utf8.count == digest.size,
                text.withUTF8({ ByteHash.pair(UnsafeRawBufferPointer($0)) }) == (digest.first, digest.second)
            else { return nil }
            self.init(
                frontMatter: source.frontMatter, bodyOffset: source.bodyOffset,
                bodyLineOffset: source.bodyLineOffset, diagnostics: source.diagnostics)
        }
    }

    /// The page's source from its bytes (which its digest matched), without splitting them
    /// again; nil when they must be.
    func source(_ file: RawFile) -> SourceFile? {
        guard let split, let text = String(validating: file.bytes, as: UTF8.self) else { return nil }
        return SourceFile(
            path: file.path, text: text, frontMatter: split.frontMatter, bodyOffset: split.bodyOffset,
            bodyLineOffset: split.bodyLineOffset, diagnostics: split.diagnostics)
    }

    /// The page's summary around its source.
    func page(_ source: SourceFile) -> Page {
        Page(source: source, kind: kind, url: url, title: title, headings: headings, links: links)
    }
}

/// What the engine remembers of the site besides each page: the rules' findings (the second
/// pass's, which read other pages), and what was published when they were found (one rule
/// reads it).
struct RememberedSite: Sendable, Equatable {
    var publication: Publication
    var findings: [Diagnostic]
}

/// The cache as the engine reads and writes it.
enum EngineCache {
    /// Changes whenever what is stored, or how, changes: an older file is then ignored.
    static let format: UInt32 = 5
    static let magic: [UInt8] = Array("PBKCACHE".utf8)

    /// Everything besides a page that its own findings and summary depend on.
    static func fingerprint(
        config: String?, configPath: String, ruleFiles: [String: String], assets: [String], language: Language
    ) -> ContentDigest {
        var writer = ByteWriter()
        writer.string(configPath)
        writer.flag(config != nil)
        writer.string(config ?? "")
        writer.count(ruleFiles.count)
        for (path, text) in ruleFiles.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.string(text)
        }
        writer.count(assets.count)
        for asset in assets { writer.string(asset) }
        writer.string(language.rawValue)
        // What a build publishes is not in it: the one rule that reads it (links from published
        // pages to left-out ones) reads other pages, so it runs after the cache's part, every
        // time. `check`, `build --public` and `serve` share one cache.
        return ContentDigest(writer.bytes)
    }

    /// The pages remembered in `bytes`, by path bytes; empty when the file is not one this
    /// Playbook wrote for this fingerprint, or is damaged.
    static func read(_ bytes: [UInt8], identity: String, fingerprint: ContentDigest) -> [[UInt8]: RememberedPage] {
        readAll(bytes, identity: identity, fingerprint: fingerprint).pages
    }

    /// The pages and the site remembered in `bytes`; nothing when the file is not one this
    /// Playbook wrote for this fingerprint, or is damaged.
    static func readAll(_ bytes: [UInt8], identity: String, fingerprint: ContentDigest) -> (
        pages: [[UInt8]: RememberedPage], site: RememberedSite?
    ) {
        var reader = ByteReader(bytes)
        guard reader.take(magic.count) == magic[...], reader.uint32() == format, reader.string() == identity,
            reader.digest() == fingerprint,
            let sum = reader.digest(), sum == reader.restDigest,
            let strings = reader.strings()
        else { return ([:], nil) }
        reader.table = strings
        guard let count = reader.varint() else { return ([:], nil) }
        var pages: [[UInt8]: RememberedPage] = [:]
        pages.reserveCapacity(min(count, 1 << 20))
        for _ in 0..<count {
            guard let path = reader.shared(), let page = reader.page() else { return ([:], nil) }
            pages[Array(path.utf8)] = page
        }
        guard let hasSite = reader.flag() else { return ([:], nil) }
        var site: RememberedSite?
        if hasSite {
            guard let drafts = reader.flag(), let internalPages = reader.flag(), let findings = reader.diagnostics()
            else { return ([:], nil) }
            site = RememberedSite(
                publication: Publication(drafts: drafts, internalPages: internalPages), findings: findings)
        }
        guard reader.atEnd else { return ([:], nil) }
        return (pages, site)
    }

    /// The file that `read` reads back: `pages` in path order, then `site`.
    static func write(
        _ pages: [(path: String, page: RememberedPage)], site: RememberedSite? = nil, identity: String,
        fingerprint: ContentDigest
    ) -> [UInt8] {
        var body = ByteWriter(sharing: true)
        body.count(pages.count)
        for (path, page) in pages {
            body.shared(path)
            body.page(page)
        }
        body.flag(site != nil)
        if let site {
            body.flag(site.publication.drafts)
            body.flag(site.publication.internalPages)
            body.diagnostics(site.findings)
        }
        var head = ByteWriter()
        head.raw(magic)
        head.uint32(format)
        head.string(identity)
        head.digest(fingerprint)
        var rest = ByteWriter()
        rest.strings(body.table)
        rest.raw(body.bytes)
        // A checksum of all that follows: a damaged file is refused whole.
        head.digest(ContentDigest(rest.bytes))
        return head.bytes + rest.bytes
    }
}

// MARK: - The byte format

/// Writes numbers as LEB128 varints and strings as their UTF-8 length and bytes; with `sharing`,
/// strings that repeat (file paths, rule names, the same message on a hundred pages) are written
/// once in a table and referred to by number.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []
    private var ids: [String: Int] = [:]
    private(set) var table: [String] = []
    let sharing: Bool

    init(sharing: Bool = false) { self.sharing = sharing }

    mutating func raw(_ values: [UInt8]) { bytes += values }

    mutating func count(_ value: Int) { varint(UInt64(max(0, value))) }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func uint64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func digest(_ value: ContentDigest) {
        count(value.size)
        uint64(value.first)
        uint64(value.second)
    }

    mutating func string(_ value: String) {
        count(value.utf8.count)
        bytes += value.utf8
    }

    /// A string by its number in the table.
    mutating func shared(_ value: String) {
        precondition(sharing, "a writer that shares strings")
        if let id = ids[value] { return count(id) }
        ids[value] = table.count
        count(table.count)
        table.append(value)
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    mutating func position(_ value: SourcePosition) {
        count(value.line)
        count(value.column)
    }

    mutating func diagnostics(_ values: [Diagnostic]) {
        count(values.count)
        for value in values {
            shared(value.file)
            position(value.position)
            count(Severity.allCases.firstIndex(of: value.severity) ?? 0)
            shared(value.rule)
            shared(value.message)
            flag(value.hint != nil)
            if let hint = value.hint { shared(hint) }
        }
    }

    mutating func page(_ page: RememberedPage) {
        digest(page.digest)
        shared(page.kind.rawValue)
        string(page.url)
        string(page.title)
        count(page.headings.count)
        for heading in page.headings {
            count(heading.level)
            string(heading.text)
            string(heading.anchor)
            count(heading.line)
        }
        count(page.links.count)
        for link in page.links {
            string(link.destination)
            position(link.position)
        }
        diagnostics(page.own.before)
        diagnostics(page.own.after)
        flag(page.split != nil)
        if let split = page.split {
            mapping(split.frontMatter)
            count(split.bodyOffset)
            count(split.bodyLineOffset)
            diagnostics(split.diagnostics)
        }
        flag(page.sections != nil)
        if let sections = page.sections {
            count(sections.spans.count)
            for span in sections.spans {
                flag(span != nil)
                count(span?.line ?? 0)
                count(span?.end ?? 0)
            }
        }
    }

    mutating func mapping(_ mapping: Mapping) {
        count(mapping.entries.count)
        for entry in mapping.entries {
            shared(entry.key)
            count(entry.line)
            count(entry.column)
            value(entry.value)
        }
    }

    mutating func value(_ value: Value) {
        switch value {
        case .null: bytes.append(0)
        case .bool(let b): bytes.append(b ? 2 : 1)
        case .int(let i):
            bytes.append(3)
            uint64(UInt64(bitPattern: Int64(i)))
        case .double(let d):
            bytes.append(4)
            uint64(d.bitPattern)
        case .string(let s):
            bytes.append(5)
            shared(s)
        case .array(let values):
            bytes.append(6)
            count(values.count)
            for item in values { self.value(item) }
        case .mapping(let mapping):
            bytes.append(7)
            self.mapping(mapping)
        }
    }
}

/// Reads what `ByteWriter` wrote; every read gives nil past the end or on a malformed value, so
/// a damaged file is refused, never trusted.
struct ByteReader {
    private let bytes: [UInt8]
    private var at = 0
    var table: [String] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { at == bytes.count }

    mutating func take(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 0, n <= bytes.count - at else { return nil }
        defer { at += n }
        return bytes[at..<at + n]
    }

    mutating func varint() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count, shift < 63 {
            let byte = bytes[at]
            at += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value <= UInt64(Int.max) ? Int(value) : nil }
            shift += 7
        }
        return nil
    }

    mutating func uint32() -> UInt32? {
        guard let slice = take(4) else { return nil }
        return slice.enumerated().reduce(0) { $0 | UInt32($1.element) << UInt32($1.offset * 8) }
    }

    mutating func uint64() -> UInt64? {
        guard let slice = take(8) else { return nil }
        return slice.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64($1.offset * 8) }
    }

    mutating func digest() -> ContentDigest? {
        guard let size = varint(), let first = uint64(), let second = uint64() else { return nil }
        return ContentDigest(size: size, first: first, second: second)
    }

    /// The digest of every byte not read yet.
    var restDigest: ContentDigest {
        ContentDigest(Array(bytes[at...]))
    }

    mutating func flag() -> Bool? {
        guard let slice = take(1), let byte = slice.first, byte <= 1 else { return nil }
        return byte == 1
    }

    mutating func string() -> String? {
        guard let n = varint(), let slice = take(n) else { return nil }
        return String(validating: slice, as: UTF8.self)
    }

    mutating func shared() -> String? {
        guard let id = varint(), id < table.count else { return nil }
        return table[id]
    }

    mutating func strings() -> [String]? {
        guard let n = varint(), n <= bytes.count - at else { return nil }
        var values: [String] = []
        values.reserveCapacity(n)
        for _ in 0..<n {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func position() -> SourcePosition? {
        guard let line = varint(), let column = varint() else { return nil }
        return SourcePosition(line: line, column: column)
    }

    mutating func diagnostics() -> [Diagnostic]? {
        guard let n = varint(), n <= bytes.count - at else { return nil }
        var values: [Diagnostic] = []
        values.reserveCapacity(n)
        for _ in 0..<n {
            guard let file = shared(), let position = position(), let severity = varint(),
                severity < Severity.allCases.count, let rule = shared(), let message = shared(),
                let hasHint = flag()
            else { return nil }
            var hint: String?
            if hasHint {
                guard let text = shared() else { return nil }
                hint = text
            }
            values.append(
                Diagnostic(
                    file: file, position: position, severity: Severity.allCases[severity], rule: rule,
                    message: message, hint: hint))
        }
        return values
    }

    mutating func page() -> RememberedPage? {
        guard let digest = digest(), let kind = shared(),
            let url = string(), let title = string(),
            let headingCount = varint(), headingCount <= bytes.count - at
        else { return nil }
        var headings: [Heading] = []
        headings.reserveCapacity(headingCount)
        for _ in 0..<headingCount {
            guard let level = varint(), let text = string(), let anchor = string(), let line = varint() else {
                return nil
            }
            headings.append(Heading(level: level, text: text, anchor: anchor, line: line))
        }
        guard let linkCount = varint(), linkCount <= bytes.count - at else { return nil }
        var links: [LinkMention] = []
        links.reserveCapacity(linkCount)
        for _ in 0..<linkCount {
            guard let destination = string(), let position = position() else { return nil }
            links.append(LinkMention(destination: destination, position: position))
        }
        guard let before = diagnostics(), let after = diagnostics(), let hasSplit = flag() else { return nil }
        var split: RememberedPage.Split?
        if hasSplit {
            guard let frontMatter = mapping(depth: 0), let bodyOffset = varint(), let bodyLineOffset = varint(),
                let diagnostics = diagnostics()
            else { return nil }
            split = RememberedPage.Split(
                frontMatter: frontMatter, bodyOffset: bodyOffset, bodyLineOffset: bodyLineOffset,
                diagnostics: diagnostics)
        }
        guard let hasSections = flag() else { return nil }
        var sections: Checker.CharterSections?
        if hasSections {
            guard let count = varint(), count <= 1 << 16 else { return nil }
            var spans: [Checker.CharterSections.Span?] = []
            for _ in 0..<count {
                guard let present = flag(), let line = varint(), let end = varint() else { return nil }
                spans.append(present ? Checker.CharterSections.Span(line: line, end: end) : nil)
            }
            sections = Checker.CharterSections(spans: spans)
        }
        return RememberedPage(
            digest: digest, kind: Kind(kind), url: url, title: title, headings: headings, links: links,
            own: Checker.OwnFindings(before: before, after: after), split: split, sections: sections)
    }

    /// Values nest no deeper than front matter may (the YAML reader's own limit is lower).
    static let deepest = 200

    mutating func mapping(depth: Int) -> Mapping? {
        guard depth < Self.deepest, let n = varint(), n <= bytes.count - at else { return nil }
        var entries: [Mapping.Entry] = []
        entries.reserveCapacity(n)
        for _ in 0..<n {
            guard let key = shared(), let line = varint(), let column = varint(), let value = value(depth: depth + 1)
            else { return nil }
            entries.append(Mapping.Entry(key: key, value: value, line: line, column: column))
        }
        return Mapping(entries)
    }

    mutating func value(depth: Int) -> Value? {
        guard depth < Self.deepest, let tag = take(1)?.first else { return nil }
        switch tag {
        case 0: return .null
        case 1: return .bool(false)
        case 2: return .bool(true)
        case 3: return uint64().map { .int(Int(Int64(bitPattern: $0))) }
        case 4: return uint64().map { .double(Double(bitPattern: $0)) }
        case 5: return shared().map { .string($0) }
        case 6:
            guard let n = varint(), n <= bytes.count - at else { return nil }
            var values: [Value] = []
            values.reserveCapacity(n)
            for _ in 0..<n {
                guard let value = value(depth: depth + 1) else { return nil }
                values.append(value)
            }
            return .array(values)
        case 7: return mapping(depth: depth + 1).map { .mapping($0) }
        default: return nil
        }
    }
}
