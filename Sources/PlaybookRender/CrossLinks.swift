import PlaybookModel

/// What a reader sees across pages, worked out once per build: which pages link to a page
/// ("linked from"), the reading order of each section (previous / next), tags, a group's own
/// documents and its kit; and how to describe a page and which language it is written in.
struct CrossLinks {
    /// Page index → indices of the pages that link to it, in page order (template documents,
    /// which are not pages of the handbook, never count).
    let backlinks: [[Int]]
    /// Page index → its previous and next page in its section.
    let previous: [Int?]
    let next: [Int?]
    /// Tags in display order with their URL (`tags/新人/`) and pages; each named as the edition
    /// shows it (`SiteConfig.tagLabels`), its URL made from the tag as written.
    let tags: [Tag]
    /// Page index → its tags, as written.
    let tagsByPage: [[String]]
    /// Group charter's page index → its own documents, in kit order.
    let groupDocuments: [Int: GroupDocuments]
    /// Page index → the charter whose group bar it shows: its own, for a charter with documents,
    /// else the first charter (by path) of a folder the page is in.
    let charter: [Int?]

    struct Tag {
        var name: String
        var url: String
        var pages: [Int]
    }

    struct GroupDocuments {
        var rules: [Int] = []
        var onboarding: [Int] = []
        var sops: [Int] = []
        /// `<group url>kit/`; nil when a page of the handbook already lives there.
        var kitURL: String?

        var all: [Int] { rules + onboarding + sops }
    }

    /// Works everything out in passes over page indices, reading the paths and template flags
    /// the site map holds, so no page is copied and no pass is quadratic in the page count.
    init(map: SiteMap, tagLabels: [String: String] = [:]) {
        let pages = map.pages
        let paths = map.contentPaths
        let hidden = map.templateSources
        var backlinks = [[Int]](repeating: [], count: pages.count)
        var outgoing = [[Int]](repeating: [], count: pages.count)
        for index in pages.indices where !hidden[index] {
            let base = SiteMap.folder(of: paths[index])
            var seen: Set<Int> = []
            for link in pages[index].links {
                guard let target = Self.linkedPage(link.destination, base: base, map: map), target != index,
                    !hidden[target], seen.insert(target).inserted
                else { continue }
                outgoing[index].append(target)
                backlinks[target].append(index)
            }
        }
        self.backlinks = backlinks

        var previous = [Int?](repeating: nil, count: pages.count)
        var next = [Int?](repeating: nil, count: pages.count)
        var sections: [String: [Int]] = [:]
        for index in pages.indices where !hidden[index] {
            sections[Self.section(ofPath: paths[index], map: map), default: []].append(index)
        }
        for (folder, members) in sections {
            let keys = members.map {
                (index: $0, key: Self.readingKey(path: paths[$0], kind: pages[$0].kind, folder: folder))
            }
            let ordered = keys.sorted { $0.key < $1.key }.map(\.index)
            for (position, index) in ordered.enumerated() {
                if position > 0 { previous[index] = ordered[position - 1] }
                if position + 1 < ordered.count { next[index] = ordered[position + 1] }
            }
        }
        self.previous = previous
        self.next = next

        var tagsByPage = [[String]](repeating: [], count: pages.count)
        var tagPages: [String: (name: String, pages: [Int])] = [:]
        let pageURLs = Set(pages.map(\.url))
        for index in pages.indices where !hidden[index] {
            for name in Self.tagNames(pages[index]) {
                let slug = Slug.anchor(name)
                guard !slug.isEmpty, !pageURLs.contains("tags/\(slug)/") else { continue }
                tagsByPage[index].append(name)
                tagPages[slug, default: (name, [])].pages.append(index)
            }
        }
        self.tagsByPage = tagsByPage
        self.tags = tagPages.keys.sorted().map {
            let name = tagPages[$0]!.name
            return Tag(name: tagLabels[name] ?? name, url: "tags/\($0)/", pages: tagPages[$0]!.pages)
        }

        // A charter's folder (`groups/a` for `groups/a/index.md` and for `groups/a.md`) holds its
        // group's pages: every page at or below it, found by walking each page's folders up.
        let charters = pages.indices.filter { pages[$0].kind == .group && !hidden[$0] }
        func groupFolder(_ path: String) -> String {
            path.hasSuffix("/index.md") ? SiteMap.folder(of: path) : String(path.dropLast(3))
        }
        let groupFolders = Set(charters.map { groupFolder(paths[$0]) })
        var pagesUnder: [String: [Int]] = [:]
        for index in pages.indices where !hidden[index] {
            var folder = SiteMap.folder(of: paths[index])
            while !folder.isEmpty {
                if groupFolders.contains(folder) { pagesUnder[folder, default: []].append(index) }
                folder = SiteMap.parent(of: folder)
            }
        }
        var groups: [Int: GroupDocuments] = [:]
        for index in charters {
            var documents = GroupDocuments()
            var members = (pagesUnder[groupFolder(paths[index])] ?? []).filter { $0 != index }
            for target in outgoing[index] where !members.contains(target) { members.append(target) }
            for member in members {
                switch pages[member].kind {
                case .rules: documents.rules.append(member)
                case .onboarding: documents.onboarding.append(member)
                case .sop: documents.sops.append(member)
                default: break
                }
            }
            let kit = pages[index].url + "kit/"
            documents.kitURL = pageURLs.contains(kit) ? nil : kit
            groups[index] = documents
        }
        self.groupDocuments = groups

        var charterOfFolder: [String: Int] = [:]
        for index in groups.keys where paths[index].hasSuffix("/index.md") {
            let folder = SiteMap.folder(of: paths[index])
            charterOfFolder[folder] = min(charterOfFolder[folder] ?? index, index)
        }
        var charter = [Int?](repeating: nil, count: pages.count)
        for index in pages.indices {
            if groups[index] != nil {
                charter[index] = index
                continue
            }
            var folder = SiteMap.folder(of: paths[index])
            while !folder.isEmpty {
                if let owner = charterOfFolder[folder] { charter[index] = min(charter[index] ?? owner, owner) }
                folder = SiteMap.parent(of: folder)
            }
        }
        self.charter = charter
    }

    /// The page a Markdown link points at, if it names a `.md` file of the handbook.
    static func linkedPage(_ destination: String, base: String, map: SiteMap) -> Int? {
        guard let link = LinkDestination(destination), link.isPage,
            let target = Slug.resolve(link.path, inFolder: base)
        else { return nil }
        return map.pagesByPath[target]
    }

    /// A page's section: its folder, or for pages in a folder without an index page the nearest
    /// folder above that has one (a group's `sops/` belong to the group), stopping at the top
    /// folder. An index page opens its own folder's section.
    static func section(ofPath path: String, map: SiteMap) -> String {
        var folder = SiteMap.folder(of: path)
        while folder.contains("/"), map.pagesByPath[folder + "/index.md"] == nil {
            folder = SiteMap.parent(of: folder)
        }
        return folder
    }

    /// Reading order inside a section: its index page, then charters, rules, onboarding, SOPs,
    /// other pages, each by path.
    static func readingKey(path: String, kind: Kind, folder: String) -> ReadingKey {
        if path == (folder.isEmpty ? "index.md" : folder + "/index.md") { return ReadingKey(rank: 0, path: path) }
        let rank: Int
        switch kind {
        case .group: rank = 1
        case .rules: rank = 2
        case .onboarding: rank = 3
        case .sop: rank = 4
        default: rank = 5
        }
        return ReadingKey(rank: rank, path: path)
    }

    struct ReadingKey: Comparable {
        var rank: Int
        var path: String

        static func < (a: ReadingKey, b: ReadingKey) -> Bool { (a.rank, a.path) < (b.rank, b.path) }
    }

    /// `tags: [新人, onboarding]` or `tags: 新人`; blank and repeated names dropped.
    static func tagNames(_ page: Page) -> [String] {
        let value = page.frontMatter["tags"]
        let names = value?.array?.compactMap(\.string) ?? value?.string.map { [$0] } ?? []
        var seen: Set<String> = []
        return names.map { $0.trimmingSpaces }.filter { !$0.isEmpty && seen.insert(Slug.anchor($0)).inserted }
    }

    /// Front matter `description`, else the first paragraph's text, shortened to about 120
    /// characters at a word or sentence boundary.
    static func description(_ page: ParsedPage) -> String {
        if let written = page.frontMatter["description"]?.string, !written.trimmingSpaces.isEmpty {
            return written.trimmingSpaces
        }
        guard
            let paragraph = page.document.blocks.first(where: { if case .paragraph = $0.kind { true } else { false } })
        else { return "" }
        let text = paragraph.plainText.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard text.count > 120 else { return text }
        var cut = String(text.prefix(120))
        if let stop = cut.lastIndex(where: { "。！？；，、.!?;, ".contains($0) }),
            cut.distance(from: cut.startIndex, to: stop) > 60
        {
            cut = String(cut[..<stop])
        }
        return cut + "…"
    }

    /// What a card or a kit says of a page: its description, else its first paragraph read from
    /// its Markdown text (a card is drawn from the page's summary, which holds no tree), marks
    /// dropped, shortened as `description` shortens it.
    static func summary(_ page: Page) -> String {
        if let written = page.frontMatter["description"]?.string, !written.trimmingSpaces.isEmpty {
            return written.trimmingSpaces
        }
        var lines: [Substring] = []
        var fenced = false
        // Line by line from the top, only as far as the first paragraph goes.
        var rest = Substring(page.source.body)
        var more = true
        while more {
            let line: Substring
            if let newline = rest.utf8.firstIndex(of: 10) {
                let before = rest[..<newline]
                line = before.utf8.last == 13 ? before.dropLast() : before
                rest = rest[rest.utf8.index(after: newline)...]
            } else {
                line = rest
                more = false
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fenced.toggle()
                if !lines.isEmpty { break }
                continue
            }
            if fenced { continue }
            if trimmed.isEmpty {
                if lines.isEmpty { continue } else { break }
            }
            let block =
                ["#", "|", "<", ">", "-", "*", "+", "!["].contains { trimmed.hasPrefix($0) }
                || trimmed.first?.isNumber == true && trimmed.containsLiteral(". ")
            if block {
                if lines.isEmpty { continue } else { break }
            }
            lines.append(trimmed)
        }
        var text = ""
        var skipping = 0
        let joined = lines.joined(separator: " ")
        var index = joined.startIndex
        while index < joined.endIndex {
            let character = joined[index]
            if skipping > 0 {
                if character == ")" { skipping -= 1 }
                index = joined.index(after: index)
                continue
            }
            if character == "]", joined.index(after: index) < joined.endIndex, joined[joined.index(after: index)] == "("
            {
                skipping = 1
                index = joined.index(index, offsetBy: 2)
                continue
            }
            if !"*_`[".contains(character) { text.append(character) }
            index = joined.index(after: index)
        }
        text = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard text.count > 120 else { return text }
        var cut = String(text.prefix(120))
        if let stop = cut.lastIndex(where: { "。！？；，、.!?;, ".contains($0) }),
            cut.distance(from: cut.startIndex, to: stop) > 60
        {
            cut = String(cut[..<stop])
        }
        return cut + "…"
    }

    /// Front matter `language:` (zh-Hans, zh-Hant, en), else the script of the page's Chinese
    /// text as the editor's offers read it (`Language.script(of:)`): a page written in
    /// Traditional characters is `zh-Hant` on a Simplified site and the other way round; a page
    /// with no Chinese follows the site.
    static func language(of page: ParsedPage, site: Language) -> Language {
        if let written = page.frontMatter["language"]?.string, let language = Language(rawValue: written) {
            return language
        }
        var text = page.title
        for block in page.document.blocks {
            block.appendPlainText(to: &text)
            if text.utf8.count > 24_000 { break }
        }
        return Language.script(of: text) ?? site
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }
}
