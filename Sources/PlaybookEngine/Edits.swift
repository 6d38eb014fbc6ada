import PlaybookCheck
import PlaybookEngine
import PlaybookMarkdown
import PlaybookModel
import PlaybookRender
import PlaybookSource

/// What every incremental step shares: one page or the config parsed again, and how an edit is told apart.
enum Edits {
    /// `handbook` under its new config (`decoded`, else decoded from the text in `files`):
    /// pages, assets and last-changed dates stay as they are.
    static func reconfigured(
        _ handbook: Handbook, files: SiteFiles, decoded: (SiteConfig, [Diagnostic])? = nil
    ) -> Handbook {
        var handbook = handbook
        (handbook.config, handbook.configDiagnostics) = decoded ?? Pipeline.decodeConfig(files)
        return handbook
    }

    /// One page parsed again; its front matter mistakes are told in `language`.
    static func parsePage(path: String, bytes: [UInt8], language: Language = .zhHans) -> ParsedPage {
        PageParser().parse(FrontMatterSplitter(language: language).split(path: path, bytes: bytes))
    }

    /// Whether other pages show this page the same way: navigation, section lists and list pages
    /// draw on its title, kind, URL and front matter; "linked from" on the links in its body.
    static func sameSummary(_ a: Page, _ b: Page) -> Bool {
        a.title == b.title && a.kind == b.kind && a.url == b.url && a.frontMatter == b.frontMatter
            && SiteRenderer.showsTheSameElsewhere(a, b)
    }

    static func isPage(_ path: String) -> Bool {
        path.hasPrefix(SiteLayout.content + "/") && path.hasSuffix(".md")
    }

    static func configText(_ bytes: [UInt8]) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PlaybookError(
                stage: "load", path: "playbook.yml", message: "the config is not valid UTF-8; save it as UTF-8")
        }
        return text
    }

    static func templateText(_ bytes: [UInt8], path: String) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PlaybookError(stage: "load", path: path, message: "the template is not valid UTF-8")
        }
        return text
    }
}

/// Sorted-by-path arrays (pages, raw files): find, insert, replace and remove by path.
protocol PathKeyed { var path: String { get } }
extension Page: PathKeyed {}
extension RawFile: PathKeyed {}

extension Array where Element: PathKeyed {
    func sortedIndex(of path: String) -> (index: Int, found: Int?) {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].path < path { low = mid + 1 } else { high = mid }
        }
        return (low, low < count && self[low].path == path ? low : nil)
    }

    /// Replaces, inserts (keeping the order) or, for nil, removes the element at `path`.
    mutating func upsert(_ element: Element?, at path: String) {
        let (index, found) = sortedIndex(of: path)
        switch (element, found) {
        case (let element?, _?): self[index] = element
        case (let element?, nil): insert(element, at: index)
        case (nil, _?): remove(at: index)
        case (nil, nil): break
        }
    }
}

extension Array where Element == Diagnostic {
    /// Replaces the diagnostics of `file` in a list sorted by file with `replacement` (already
    /// in report order), keeping the list sorted.
    mutating func replaceDiagnostics(of file: String, with replacement: [Diagnostic]) {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].file < file { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < count && self[end].file == file { end += 1 }
        replaceSubrange(low..<end, with: replacement)
    }
}
