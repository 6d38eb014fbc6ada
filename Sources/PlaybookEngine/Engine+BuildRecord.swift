// The engine's side of the build record (`BuildRecord`): what this build's outputs are rendered
// from, and, against the record of the build before, which pages must be rendered again.
import PlaybookModel
import PlaybookRender

extension Engine {
    /// Everything the outputs are rendered from but the pages and the health view: the config,
    /// the rule files (the kinds' labels), the theme's files, the language, what is published,
    /// the content assets' and static files' paths and the pages' dates.
    func renderKey() -> ContentDigest {
        var writer = ByteWriter()
        writer.string(files.configPath)
        writer.flag(files.config != nil)
        writer.string(files.config ?? "")
        writer.count(ruleFiles.count)
        for (path, text) in ruleFiles.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.string(text)
        }
        writer.count(files.templates.count)
        for (name, text) in files.templates.sorted(by: { $0.key < $1.key }) {
            writer.string(name)
            writer.string(text)
        }
        writer.string(language.rawValue)
        writer.flag(settings.publication.drafts)
        writer.flag(settings.publication.internalPages)
        writer.strings(files.contentAssets.map(\.path))
        writer.strings(files.staticFiles.map(\.path))
        writer.count(files.lastChanged.count)
        for (path, date) in files.lastChanged.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.string(date)
        }
        return ContentDigest(writer.bytes)
    }

    /// The record this build leaves, for its outputs in `output` under the manifest `manifest`
    /// (that file's bytes), rendered at `rendered`; `before` is the record it started from,
    /// whose digests of what other pages show are taken for the pages whose bytes are the same.
    /// Nil for a site with editions (each edition's pages are converted from the site's: a
    /// record of the site's bytes would not tell what an edition shows).
    func buildRecord(
        of published: CheckResult, output: String, manifest: [UInt8], rendered: Set<String>,
        search: SearchIndex.Saved?, before: BuildRecord?
    ) -> BuildRecord? {
        guard published.handbook.config.editions.isEmpty else { return nil }
        let key = renderKey()
        // What a page shows elsewhere also depends on the config (its URL, its kind): the
        // record before is taken only when the site renders from the same.
        var known: [String: BuildRecord.Page] = [:]
        if let before, before.render == key {
            for page in before.pages { known[page.path] = page }
        }
        var pages: [BuildRecord.Page] = []
        pages.reserveCapacity(published.handbook.pages.count)
        for page in published.handbook.pages {
            guard let digest = digests[Self.key(page.path)] else { return nil }
            if let was = known[page.path], was.digest == digest, was.path.utf8.elementsEqual(page.path.utf8) {
                pages.append(was)
            } else {
                pages.append(
                    BuildRecord.Page(path: page.path, digest: digest, elsewhere: BuildRecord.elsewhere(page)))
            }
        }
        return BuildRecord(
            output: output, manifest: ContentDigest(manifest), render: key,
            health: BuildRecord.health(published.health), pages: pages, rendered: rendered.sorted(), search: search)
    }

    /// Against the record of the build before into the same folder, which pages this build
    /// renders again: nil (render everything) unless the site renders from what it rendered
    /// from then, the health view is the same and every page whose bytes changed shows other
    /// pages what it showed them.
    func reuse(_ record: BuildRecord, published: CheckResult, output: String, manifest: [UInt8])
        -> SiteRenderer.Reuse?
    {
        let pages = published.handbook.pages
        guard record.output == output, record.manifest == ContentDigest(manifest),
            published.handbook.config.editions.isEmpty, record.pages.count == pages.count,
            record.render == renderKey(), record.health == BuildRecord.health(published.health)
        else { return nil }
        var changed: Set<Int> = []
        for (index, (page, was)) in zip(pages, record.pages).enumerated() {
            guard page.path.utf8.elementsEqual(was.path.utf8), let digest = digests[Self.key(page.path)] else {
                return nil
            }
            if digest == was.digest { continue }
            // A template's page reaches its other pages (its variables): everything again.
            guard page.templateName == nil, BuildRecord.elsewhere(page) == was.elsewhere else { return nil }
            changed.insert(index)
        }
        return SiteRenderer.Reuse(pages: changed, search: record.search)
    }
}
