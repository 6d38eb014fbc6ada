import PlaybookCheck
import PlaybookEngine
import PlaybookModel

/// What the feature requests share: the page under the cursor as the handbook holds it, the
/// script it is written in and links as written in its text.
extension LanguageServer {
    /// The page an open document is, parsed from the editor's text; nil outside the site.
    func page(_ params: JSON) throws -> (TextDocument, Page, Engine)? {
        let (document, path) = try document(params)
        guard let path, session?.reads(path) == true else { return nil }
        if dirty.contains(document.uri) {
            try session?.update(path, bytes: document.bytes)
            dirty.remove(document.uri)
            // The text is in the handbook now; its findings still go out with the next check.
            checkSoon(immediately: false)
        }
        guard let session, let page = session.page(path) else { return nil }
        return (document, page, session)
    }

    /// The language a page's offers are written in: its own script when it has Chinese,
    /// otherwise the site's language.
    func script(of page: Page, session: Engine) -> Language {
        if let script = Language.script(of: page.source.text) { return script }
        return language ?? session.handbook.config.language
    }

    /// The content path a link on `page` leads to (`groups/hangzhou/index.md`), its fragment,
    /// and nil for a link to the page itself; links that leave the handbook give nil.
    static func target(of destination: String, from page: Page) -> (path: String?, fragment: String)? {
        var path = Substring(destination)
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = Slug.decodePercent(String(path[path.index(after: hash)...]))
            path = path[..<hash]
        }
        if let question = path.firstIndex(of: "?") { path = path[..<question] }
        let decoded = Slug.decodePercent(String(path))
        if decoded.isEmpty { return (nil, fragment) }
        guard decoded.hasSuffix(".md"), !decoded.contains("://") else { return nil }
        guard let resolved = Slug.resolve(decoded, inFolder: folder(of: page)) else { return nil }
        return (resolved, fragment)
    }

    static func folder(of page: Page) -> String {
        let path = page.source.contentPath
        return path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// A relative link from a page in `folder` to the content path `target`, as authors write it.
    static func relativeLink(from folder: String, to target: String) -> String {
        let from = folder.split(separator: "/")
        let to = target.split(separator: "/")
        var shared = 0
        while shared < from.count, shared < to.count - 1, from[shared] == to[shared] { shared += 1 }
        return (Array(repeating: "..", count: from.count - shared) + to[shared...].map(String.init))
            .joined(separator: "/")
    }

    /// A Markdown link `[text](destination)` on one line of text.
    struct WrittenLink {
        /// UTF-16 columns of the destination inside the parentheses.
        var destination: Range<Int>
        var text: String
    }

    /// Inline links on a line, found in its text (the positions editors work in).
    static func links(in line: String) -> [WrittenLink] {
        let units = Array(line.utf16)
        var found: [WrittenLink] = []
        var i = 0
        while i + 1 < units.count {
            if units[i] == UInt16(UInt8(ascii: "]")), units[i + 1] == UInt16(UInt8(ascii: "(")) {
                let start = i + 2
                var end = start
                var depth = 0
                while end < units.count {
                    let u = units[end]
                    if u == UInt16(UInt8(ascii: "(")) { depth += 1 }
                    if u == UInt16(UInt8(ascii: ")")) {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    if u == UInt16(UInt8(ascii: " ")) { break }
                    end += 1
                }
                let text = String(decoding: units[start..<end], as: UTF16.self)
                found.append(WrittenLink(destination: start..<end, text: text.trimmingAngles))
                i = end
            } else {
                i += 1
            }
        }
        return found
    }

    /// The heading line of an anchor on a page, 1-based.
    static func line(ofAnchor anchor: String, in page: Page) -> Int? {
        page.headings.first { $0.anchor == anchor || $0.anchor == Slug.anchor(anchor) }?.line
    }
}

extension String {
    fileprivate var trimmingAngles: String {
        hasPrefix("<") && hasSuffix(">") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}

extension Engine {
    /// Takes one file's new text, saved or not (nil: the file is gone).
    mutating func update(_ path: String, bytes: [UInt8]?) throws {
        try apply(ChangeSet(files: [path: bytes]))
    }
}
