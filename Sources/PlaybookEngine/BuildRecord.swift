// What a build leaves for the next one (`.playbook/cache/build.bin`): which output folder it
// wrote, the manifest it left there, a key of everything its outputs were rendered from besides
// the pages and the health view, a key of the health view, and for each published page the
// digest of its bytes and of what other pages show of it.
//
// The next build into the same folder compares. When only pages' bodies changed, in ways no
// other page shows (not the title, front matter, links, anchors or the first paragraph a card
// shows), and the health view is the same, every output but those pages, the kits showing them,
// the health view and the search index's files holds the bytes it held: those are kept from the
// folder (hard links, after the writer checked each is as the manifest says), and only the rest
// is rendered. Anything else, and any doubt (another Playbook, another folder, a manifest that
// changed, a damaged record), renders the whole site as a build from nothing does.
// `DifferentialTests` and `WarmBuildTests` compare the two byte for byte.
import PlaybookModel
import PlaybookRender

struct BuildRecord: Sendable, Equatable {
    static let format: UInt32 = 1
    static let magic: [UInt8] = Array("PBKBUILD".utf8)

    struct Page: Sendable, Equatable {
        var path: String
        /// The page's bytes.
        var digest: ContentDigest
        /// What other pages show of it (`BuildRecord.elsewhere`).
        var elsewhere: ContentDigest
    }

    /// The output folder, as the build resolved it.
    var output: String
    /// The bytes of the manifest the build left in the folder.
    var manifest: ContentDigest
    /// Everything the outputs were rendered from but the pages and the health view.
    var render: ContentDigest
    /// The health view, without its trend.
    var health: ContentDigest
    /// The published pages, in the handbook's order.
    var pages: [Page]
    /// Every output path the build rendered (not copied), sorted.
    var rendered: [String]
    /// What the build's search index keeps for the next build (nil: none was made).
    var search: SearchIndex.Saved?

    /// The record in `bytes`; nil when it is not one this Playbook wrote, or is damaged.
    static func read(_ bytes: [UInt8], identity: String) -> BuildRecord? {
        var reader = ByteReader(bytes)
        guard reader.take(magic.count) == magic[...], reader.uint32() == format, reader.string() == identity,
            let sum = reader.digest(), sum == reader.restDigest,
            let output = reader.string(), let manifest = reader.digest(), let render = reader.digest(),
            let health = reader.digest(), let count = reader.varint()
        else { return nil }
        var pages: [Page] = []
        pages.reserveCapacity(min(count, 1 << 20))
        for _ in 0..<count {
            guard let path = reader.string(), let digest = reader.digest(), let elsewhere = reader.digest() else {
                return nil
            }
            pages.append(Page(path: path, digest: digest, elsewhere: elsewhere))
        }
        guard let rendered = reader.strings(), let hasSearch = reader.flag() else { return nil }
        var search: SearchIndex.Saved?
        if hasSearch {
            guard let saved = reader.search() else { return nil }
            search = saved
        }
        guard reader.atEnd else { return nil }
        return BuildRecord(
            output: output, manifest: manifest, render: render, health: health, pages: pages, rendered: rendered,
            search: search)
    }

    /// The bytes `read` reads back.
    func bytes(identity: String) -> [UInt8] {
        var rest = ByteWriter()
        rest.string(output)
        rest.digest(manifest)
        rest.digest(render)
        rest.digest(health)
        rest.count(pages.count)
        for page in pages {
            rest.string(page.path)
            rest.digest(page.digest)
            rest.digest(page.elsewhere)
        }
        rest.strings(rendered)
        rest.flag(search != nil)
        if let search { rest.search(search) }
        var head = ByteWriter()
        head.raw(Self.magic)
        head.uint32(Self.format)
        head.string(identity)
        // A checksum of all that follows: a damaged record is refused whole.
        head.digest(ContentDigest(rest.bytes))
        return head.bytes + rest.bytes
    }

    /// What other pages show of `page`: its title, kind, URL, front matter, anchors, the
    /// template it belongs to, and what `SiteRenderer.shownElsewhere` says (its links). Two
    /// versions of a page with the same digest here are the same to every output but their
    /// own, the search index's and those that show its body (`Engine.othersReadTheSame`).
    static func elsewhere(_ page: PlaybookModel.Page) -> ContentDigest {
        var writer = ByteWriter(sharing: true)
        writer.string(page.title)
        writer.string(page.kind.rawValue)
        writer.string(page.url)
        writer.mapping(page.frontMatter)
        writer.strings(page.headings.map(\.anchor))
        writer.flag(page.templateName != nil)
        writer.string(page.templateName ?? "")
        writer.strings(SiteRenderer.shownElsewhere(page))
        var all = ByteWriter()
        all.strings(writer.table)
        all.raw(writer.bytes)
        return ContentDigest(all.bytes)
    }

    /// The health view as its pages and the pages' chips show it, without the trend against the
    /// build before (the health view is rendered again every build for that).
    static func health(_ report: HealthReport) -> ContentDigest {
        var writer = ByteWriter(sharing: true)
        writer.count(report.columns.count)
        for column in report.columns {
            writer.string(column.id)
            writer.string(column.label)
        }
        func optional(_ value: String?) {
            writer.flag(value != nil)
            writer.string(value ?? "")
        }
        writer.count(report.rows.count)
        for row in report.rows {
            writer.string(row.path)
            writer.string(row.title)
            writer.string(row.url)
            writer.count(row.cells.count)
            for cell in row.cells {
                writer.string(cell.status.rawValue)
                optional(cell.note)
                optional(cell.path)
                writer.flag(cell.line != nil)
                writer.count(cell.line ?? 0)
                optional(cell.hint)
            }
            optional(row.lineage)
            writer.flag(row.behindTemplate)
            optional(row.template)
            writer.diagnostics(row.findings)
        }
        var all = ByteWriter()
        all.strings(writer.table)
        all.raw(writer.bytes)
        return ContentDigest(all.bytes)
    }
}

extension ByteWriter {
    mutating func search(_ saved: SearchIndex.Saved) {
        count(saved.entries.count)
        for entry in saved.entries {
            string(entry.path)
            string(entry.kind)
            count(entry.length)
        }
        count(saved.postings.count)
        for list in saved.postings {
            string(list.token)
            count(list.bytes.count)
            raw(list.bytes)
            count(list.count)
            count(list.last)
        }
    }
}

extension ByteReader {
    mutating func search() -> SearchIndex.Saved? {
        guard let entryCount = varint() else { return nil }
        var entries: [SearchIndex.Entry] = []
        entries.reserveCapacity(min(entryCount, 1 << 20))
        for _ in 0..<entryCount {
            guard let path = string(), let kind = string(), let length = varint() else { return nil }
            entries.append(SearchIndex.Entry(path: path, kind: kind, length: length))
        }
        guard let listCount = varint() else { return nil }
        var postings: [SearchIndex.Saved.Postings] = []
        postings.reserveCapacity(min(listCount, 1 << 22))
        for _ in 0..<listCount {
            guard let token = string(), let size = varint(), let bytes = take(size), let count = varint(),
                let last = varint()
            else { return nil }
            postings.append(SearchIndex.Saved.Postings(token: token, bytes: Array(bytes), count: count, last: last))
        }
        return SearchIndex.Saved(entries: entries, postings: postings)
    }
}
