import Dispatch
import Foundation
import PlaybookModel

/// The search index, split so that a query loads only what it needs, as script files (a site
/// opened from disk cannot `fetch`, but it can load scripts). Under `search/`:
/// - `meta.js`: page count, shard counts, the kinds, each page's kind and length (two characters
///   a page), and the Traditional → Simplified pairs for the characters the index holds;
/// - `s/<n>.js`: posting shards; a token lives in shard `hash(token) % shardCount`;
/// - `w/<n>.js`: the words (Latin, digits) by their first two letters, with their page counts,
///   so the word being typed can be expanded to the words it starts; bucket `hash(prefix) % n`;
/// - `p/<n>.js`: the records (title, URL, kind, text by section) of pages `kn` to `kn + k - 1`,
///   in a list, for results and snippets (`k` from the page count: 1 up to 1,000 pages, up to 32);
/// - `f/<n>.js`: the pages of one family of template clones, for the result that stands for them.
/// Every file calls `PlaybookSearch.load(name, data)`. The shard counts depend on the page count
/// only, so an edit that keeps the set of pages changes just the files its tokens reach, and
/// `replacing` writes exactly those, equal to what a full build writes. Files are sized by bytes
/// rather than one a page: at 10,000 pages the index is a few hundred files, not thousands
/// (every file costs an inode and a write, whatever its size).
package struct SearchIndex: Sendable {
    package static let version = 2
    /// Page records per `p/<n>.js` file: one for a small handbook, up to 32 for a large one (a
    /// result loads its whole file, so a file of records costs every reader its bytes: about
    /// 3.5 KB a record, 110 KB a file at most).
    package let recordsPerFile: Int

    package static func recordsPerFile(pageCount: Int) -> Int {
        var p = 1
        while p < pageCount / 256 && p < 32 { p *= 2 }
        return p
    }

    /// What the index keeps of a page for as long as it lives.
    package struct Entry: Sendable, Equatable {
        package var path: String
        package var kind: String
        /// Tokens in the page, for BM25's length normalisation.
        package var length: Int

        package init(path: String, kind: String, length: Int) {
            self.path = path
            self.kind = kind
            self.length = length
        }
    }

    /// Pages in index order (by path); a page's id is its place here.
    package private(set) var entries: [Entry]
    /// Every page's document (terms and record), kept by an index that takes edited pages in
    /// place (`replacing`); nil in an index whose page records were handed out as they were made.
    private var documents: Chunked<SearchDocument>?
    /// The records of an index made as its pages were rendered (no documents), kept when records
    /// share files, so that `replacing` can write an edited page's whole records file.
    private var records: Chunked<String>?
    /// Token → postings, encoded as the shard files hold them.
    fileprivate(set) var postings: [String: PostingList]
    package let shardCount: Int
    package let wordBucketCount: Int
    let kindLabels: [String: String]
    /// The interface words the browser shows around results, in the site's language.
    let words: [String: String]
    /// Synonyms, kind labels and regional phrases, applied to every page as it is indexed.
    package let vocabulary: SearchVocabulary
    /// Pages cloned from the same document of a replication template (each chapter's copy of
    /// `rules.md`), by page id; only families of two pages or more. The browser shows a family as
    /// one result with the others under it.
    let families: [[Int]]
    /// A page of a family as its `f/<n>.js` lists it.
    struct Member: Sendable, Equatable {
        var id: Int
        var url: String
        var title: String
    }

    /// Family → its pages, what its `f/<n>.js` lists.
    private(set) var members: [[Member]]

    /// The index of `pages`, with the interface words and kind labels of `config`'s site,
    /// holding every page's document, so that `replacing` can take an edited page in place and
    /// `files()` gives every file of the index.
    package init(pages: [ParsedPage], config: SiteConfig) {
        let indexed = pages.filter { SearchDocument.isIndexed($0.page) }
        let vocabulary = SearchVocabulary(config: config)
        let documents = Self.documents(indexed[...], vocabulary: vocabulary)
        var postings = Postings()
        for (id, document) in documents.enumerated() { postings.add(document, id: id) }
        self.init(
            indexed: indexed.map(\.page),
            entries: documents.map { Entry(path: $0.path, kind: $0.kind, length: $0.length) },
            documents: Chunked(documents), postings: postings, config: config, vocabulary: vocabulary,
            families: Self.families(of: indexed.map(\.page), among: pages.map(\.page)))
    }

    /// An index made as its pages are rendered: the renderer gives each indexed page's
    /// document in page order (`add`), as it renders the page from its tree, and writes the
    /// page record `add` returns with the page; `index()` then holds only the postings and
    /// entries (the records were written), so `replacing` is not available on it.
    package struct Builder: Sendable {
        private let indexed: [Page]
        private let config: SiteConfig
        private let families: [[Int]]
        private var postings = Postings()
        private var entries: [Entry] = []
        /// What each page's document is made with (`SearchDocument(page, vocabulary:)`).
        package let vocabulary: SearchVocabulary

        /// A builder for the index of `pages`, whose documents are made from their trees as they render.
        package init(pages: [Page], config: SiteConfig) {
            indexed = pages.filter(SearchDocument.isIndexed)
            self.config = config
            vocabulary = SearchVocabulary(config: config)
            families = SearchIndex.families(of: indexed, among: pages)
            entries.reserveCapacity(indexed.count)
        }

        /// The records of the file being filled (`p/<n>.js`).
        private var pack: [String] = []
        /// Every record, when records share files (see `SearchIndex.records`).
        private var records: [String] = []

        /// Takes the next indexed page's document; gives the records file its record completes
        /// (every `recordsPerFile` pages, and the last), nil while that file is still being filled.
        package mutating func add(_ document: SearchDocument) -> OutputFile? {
            let id = entries.count
            precondition(id < indexed.count && indexed[id].path == document.path, "pages are added in index order")
            postings.add(document, id: id)
            entries.append(Entry(path: document.path, kind: document.kind, length: document.length))
            pack.append(document.record)
            let per = SearchIndex.recordsPerFile(pageCount: indexed.count)
            if per > 1 { records.append(document.record) }
            guard pack.count == per || id == indexed.count - 1 else { return nil }
            defer { pack.removeAll(keepingCapacity: true) }
            return SearchIndex.recordsFile(id / per, pack)
        }

        /// The index, once every indexed page was added.
        package func index() -> SearchIndex {
            precondition(entries.count == indexed.count, "every indexed page is added")
            var index = SearchIndex(
                indexed: indexed, entries: entries, documents: nil, postings: postings, config: config,
                vocabulary: vocabulary, families: families)
            if !records.isEmpty { index.records = Chunked(records) }
            return index
        }
    }

    private init(
        indexed: [Page], entries: [Entry], documents: Chunked<SearchDocument>?, postings: Postings, config: SiteConfig,
        vocabulary: SearchVocabulary, families: [[Int]]
    ) {
        self.init(
            indexed: indexed, entries: entries, documents: documents, postings: postings.byToken(), config: config,
            vocabulary: vocabulary, families: families)
    }

    init(
        indexed: [Page], entries: [Entry], documents: Chunked<SearchDocument>?, postings: [String: PostingList],
        config: SiteConfig, vocabulary: SearchVocabulary, families: [[Int]]
    ) {
        let language = config.language
        self.vocabulary = vocabulary
        self.families = families
        members = Self.members(families, indexed)
        self.entries = entries
        self.documents = documents
        self.postings = postings
        (shardCount, wordBucketCount) = Self.shardCounts(pageCount: indexed.count)
        recordsPerFile = Self.recordsPerFile(pageCount: indexed.count)
        var labels: [String: String] = [:]
        for page in indexed where labels[page.kind.rawValue] == nil {
            labels[page.kind.rawValue] = config.kindLabels.title(page.kind, in: language)
        }
        kindLabels = labels
        let all = InterfaceText.words(for: language)
        words = all.filter { $0.key.hasPrefix("search") }
    }

    /// The documents of `pages`, made on every core.
    private static func documents(_ pages: ArraySlice<ParsedPage>, vocabulary: SearchVocabulary) -> [SearchDocument] {
        var documents = [SearchDocument?](repeating: nil, count: pages.count)
        documents.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            DispatchQueue.concurrentPerform(iterations: pages.count) { i in
                (base + i).initialize(to: SearchDocument(pages[pages.startIndex + i], vocabulary: vocabulary))
            }
        }
        return documents.map { $0! }
    }

    /// Postings as they are gathered, page by page in id order: CJK tokens by their scalars,
    /// made into strings once each at the end.
    private struct Postings {
        var characters: [UInt64: PostingList] = [:]
        var words: [String: PostingList] = [:]

        mutating func add(_ document: SearchDocument, id: Int) {
            document.characters.forEach { key, weight in
                characters[key, default: PostingList()].append(id: id, weight: weight)
            }
            for (word, weight) in document.words {
                words[word, default: PostingList()].append(id: id, weight: weight)
            }
        }

        func byToken() -> [String: PostingList] {
            var all = words
            all.reserveCapacity(words.count + characters.count)
            for (key, list) in characters {
                let token = SearchDocument.token(key)
                if let other = all[token] {
                    // Two keys whose strings are equal (a compatibility ideograph and the one it
                    // stands for): one token, its weights summed.
                    var merged: [Int: Int] = [:]
                    for (id, weight) in other.decoded() + list.decoded() { merged[id, default: 0] += weight }
                    all[token] = PostingList(merged.sorted { $0.key < $1.key }.map { (id: $0.key, weight: $0.value) })
                } else {
                    all[token] = list
                }
            }
            return all
        }
    }

    /// Sized by bytes: a page of a handbook adds about 1.5 KB of postings and 40 bytes of words
    /// (measured on the generated handbooks of `bench/`), so about 40 pages' postings make a shard
    /// of 60 KB and 512 pages' words a word bucket of 20 KB, whatever the handbook's size: as
    /// much as one request moves quickly, few enough files that writing them costs little.
    /// Powers of two between fixed bounds, from the page count only (so an edit that keeps the
    /// set of pages keeps every token in its shard).
    package static func shardCounts(pageCount: Int) -> (shards: Int, wordBuckets: Int) {
        func power(_ n: Int, _ low: Int, _ high: Int) -> Int {
            var p = low
            while p < n && p < high { p *= 2 }
            return p
        }
        return (power(pageCount / 40, 8, 4096), power(pageCount / 512, 2, 256))
    }

    /// Families of pages cloned from one document of a replication template: a folder is a clone
    /// of a template when it holds at least two of the template's documents at the same paths
    /// (`groups/chengdu/rules.md` for `templates/city-chapter/files/rules.md`), and its copies of
    /// one document make a family with every other clone's. Ids are places in `indexed`.
    static func families(of indexed: [Page], among pages: [Page]) -> [[Int]] {
        var documents: [String: Set<String>] = [:]
        for page in pages {
            let parts = page.source.contentPath.split(separator: "/", maxSplits: 3)
            guard parts.count == 4, parts[0] == "templates", parts[2] == "files" else { continue }
            documents[String(parts[1]), default: []].insert(String(parts[3]))
        }
        guard !documents.isEmpty else { return [] }
        // folder → (template, its documents found there)
        var found: [String: [String: [(rel: String, id: Int)]]] = [:]
        for (id, page) in indexed.enumerated() where page.templateName == nil {
            let path = page.source.contentPath
            var cut = path.startIndex
            while let slash = path[cut...].firstIndex(of: "/") {
                let folder = String(path[..<slash])
                let rel = String(path[path.index(after: slash)...])
                for (template, files) in documents where files.contains(rel) {
                    found[folder, default: [:]][template, default: []].append((rel, id))
                }
                cut = path.index(after: slash)
            }
        }
        var families: [String: [Int]] = [:]
        for (_, byTemplate) in found {
            for (template, copies) in byTemplate where copies.count >= 2 {
                for copy in copies { families[template + "/" + copy.rel, default: []].append(copy.id) }
            }
        }
        // By their pages, all of them: two families can start with the same page (a folder that
        // clones two templates with a document of the same name), and the order the dictionary
        // gave them in changes from run to run.
        return families.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    // MARK: - Files

    /// Every file of the index, sorted by path; without the page records when they were handed
    /// out while the index was made.
    package func files() -> [OutputFile] {
        var out = [metaFile(), soundFile()]
        var shards = [[String]](repeating: [], count: shardCount)
        var buckets = [[String]](repeating: [], count: wordBucketCount)
        for token in postings.keys {
            shards[shard(of: token)].append(token)
            if let prefix = Self.wordPrefix(token) { buckets[bucket(of: prefix)].append(token) }
        }
        for (n, tokens) in shards.enumerated() { out.append(shardFile(n, tokens: tokens)) }
        for (n, words) in buckets.enumerated() { out.append(wordFile(n, words: words)) }
        for n in members.indices { out.append(familyFile(n)) }
        if let documents {
            for n in 0..<(documents.count + recordsPerFile - 1) / recordsPerFile {
                out.append(recordsFile(n, documents: documents))
            }
        }
        return out.sorted { $0.path < $1.path }
    }

    /// The index with `page` in place of the page at the same path, and the files that changed.
    /// Nil when the page is not in the index or its kind changed (the caller re-renders the site
    /// then, as it does when pages are added or removed).
    package func replacing(_ page: ParsedPage) -> (index: SearchIndex, files: [OutputFile])? {
        replacing(page, was: nil)
    }

    /// `replacing(_:)` on any index, also one made as its pages were rendered (`Builder`), which
    /// keeps no documents: `previous` is the page as the index has it (with its tree), whose
    /// document is made again to tell which words changed.
    package func replacing(_ page: ParsedPage, was previous: ParsedPage?)
        -> (index: SearchIndex, files: [OutputFile])?
    {
        guard SearchDocument.isIndexed(page.page),
            let id = entries.firstIndex(where: { $0.path == page.path }), entries[id].kind == page.kind.rawValue,
            let old = documents?[id] ?? previous.map({ SearchDocument($0, vocabulary: vocabulary) })
        else { return nil }
        var next = self
        let new = SearchDocument(page, vocabulary: vocabulary)
        if next.documents != nil { next.documents![id] = new }
        if next.records != nil { next.records![id] = new.record }
        next.entries[id] = Entry(path: new.path, kind: new.kind, length: new.length)
        let oldTerms = old.terms
        let newTerms = new.terms
        var changed: [String] = []
        for token in Set(oldTerms.keys).union(newTerms.keys) where oldTerms[token] != newTerms[token] {
            changed.append(token)
            var list = next.postings[token]?.decoded() ?? []
            var at = 0
            var high = list.count
            while at < high {
                let mid = (at + high) / 2
                if list[mid].id < id { at = mid + 1 } else { high = mid }
            }
            if at < list.count, list[at].id == id { list.remove(at: at) }
            if let weight = newTerms[token] { list.insert((id, weight), at: at) }
            next.postings[token] = list.isEmpty ? nil : PostingList(list)
        }
        var files: [OutputFile] = []
        let meta = next.metaFile()
        if meta != metaFile() { files.append(meta) }
        let sounds = next.soundFile()
        if sounds != soundFile() { files.append(sounds) }
        if old.record != new.record {
            let n = id / recordsPerFile
            if let documents = next.documents {
                files.append(next.recordsFile(n, documents: documents))
            } else if let records = next.records {
                let ids = n * recordsPerFile..<min((n + 1) * recordsPerFile, records.count)
                files.append(Self.recordsFile(n, ids.map { records[$0] }))
            } else {
                files.append(Self.recordsFile(n, [new.record]))
            }
        }
        if let f = families.firstIndex(where: { $0.contains(id) }),
            let k = members[f].firstIndex(where: { $0.id == id })
        {
            next.members[f][k] = Member(id: id, url: page.url, title: page.title.isEmpty ? page.fileStem : page.title)
            if next.members[f][k] != members[f][k] { files.append(next.familyFile(f)) }
        }
        let shards = Set(changed.map(shard(of:)))
        let buckets = Set(
            changed.filter { (oldTerms[$0] == nil) != (newTerms[$0] == nil) }.compactMap(Self.wordPrefix).map(
                bucket(of:)))
        if !shards.isEmpty || !buckets.isEmpty {
            var shardTokens: [Int: [String]] = [:]
            var bucketWords: [Int: [String]] = [:]
            for token in next.postings.keys {
                let s = shard(of: token)
                if shards.contains(s) { shardTokens[s, default: []].append(token) }
                if let prefix = Self.wordPrefix(token) {
                    let b = bucket(of: prefix)
                    if buckets.contains(b) { bucketWords[b, default: []].append(token) }
                }
            }
            for s in shards { files.append(next.shardFile(s, tokens: shardTokens[s] ?? [])) }
            for b in buckets { files.append(next.wordFile(b, words: bucketWords[b] ?? [])) }
        }
        return (next, files.sorted { $0.path < $1.path })
    }

    func shard(of token: String) -> Int { Int(Self.hash(token) % UInt32(shardCount)) }
    func bucket(of prefix: String) -> Int { Int(Self.hash(prefix) % UInt32(wordBucketCount)) }

    /// A word's first two scalars, the key its word bucket is found by; nil for CJK tokens and
    /// one-letter words (a one-letter query is matched exactly).
    static func wordPrefix(_ token: String) -> String? {
        let scalars = token.unicodeScalars
        guard let first = scalars.first, !SearchTokenizer.isCJK(first) else { return nil }
        let second = scalars.index(after: scalars.startIndex)
        guard second != scalars.endIndex else { return nil }
        return String(scalars[...second])
    }

    func metaFile() -> OutputFile {
        let kinds = kindLabels.keys.sorted()
        let kindIndex = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })
        var docs = [UInt8]()
        docs.reserveCapacity(entries.count * 2)
        for entry in entries {
            docs.append(SearchEncoding.digit(kindIndex[entry.kind] ?? 0))
            docs.append(SearchEncoding.digit(SearchEncoding.lengthLevel(entry.length)))
        }
        // Every character of the index's tokens: a regional phrase or a synonym adds bigrams whose
        // characters the page itself may not hold.
        var characters = Set<Unicode.Scalar>()
        for token in postings.keys {
            for scalar in token.unicodeScalars where SearchTokenizer.isCJK(scalar) { characters.insert(scalar) }
        }
        var fold = String.UnicodeScalarView()
        for (traditional, simplified) in ChineseScript.pairs.sorted(by: { $0.key.value < $1.key.value })
        where characters.contains(simplified) {
            fold.append(traditional)
            fold.append(simplified)
        }
        var out = "{\"v\":\(Self.version),\"n\":\(entries.count),\"shards\":\(shardCount),"
        out += "\"words\":\(wordBucketCount),\"rec\":\(recordsPerFile),\"kinds\":["
        out += kinds.map {
            "[" + JSON.quote($0, forScript: true) + "," + JSON.quote(kindLabels[$0]!, forScript: true) + "]"
        }
        .joined(separator: ",")
        out += "],\"docs\":\"" + String(decoding: docs, as: UTF8.self) + "\",\"fold\":"
        out += JSON.quote(String(fold), forScript: true)
        out +=
            ",\"syn\":["
            + vocabulary.synonymText.map { group in
                "[" + group.map { JSON.quote($0, forScript: true) }.joined(separator: ",") + "]"
            }.joined(separator: ",") + "]"
        out +=
            ",\"lin\":["
            + families.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }
            .joined(separator: ",") + "]"
        out += ",\"t\":{"
        out += words.keys.sorted().map { JSON.quote($0) + ":" + JSON.quote(words[$0]!, forScript: true) }
            .joined(separator: ",")
        out += "}}"
        return Self.script("meta", out)
    }

    /// `y.js`: the index's characters by their sound (Mandarin syllable without its tone, from
    /// ICU's Han-Latin transform), `{"yan": "严言研", …}`. The browser loads it only when a query
    /// holds a pair of characters the index lacks, to try the pairs that sound the same
    /// (禁严 → 禁言, 群归 → 群规).
    func soundFile() -> OutputFile {
        var characters = Set<Unicode.Scalar>()
        for token in postings.keys {
            for scalar in token.unicodeScalars where (0x3400...0x9FFF).contains(scalar.value) {
                characters.insert(scalar)
            }
        }
        var bySound: [String: String] = [:]
        for scalar in characters.sorted(by: { $0.value < $1.value }) {
            guard let sound = Self.sound(of: scalar) else { continue }
            bySound[sound, default: ""].unicodeScalars.append(scalar)
        }
        let body = bySound.keys.sorted().map {
            JSON.quote($0, forScript: true) + ":" + JSON.quote(bySound[$0]!, forScript: true)
        }
        return Self.script("y", "{" + body.joined(separator: ",") + "}")
    }

    /// A Han character's Mandarin syllable without tone (`言` → `yan`); nil when ICU has none.
    static func sound(of scalar: Unicode.Scalar) -> String? {
        guard let latin = String(scalar).applyingTransform(.mandarinToLatin, reverse: false),
            let plain = latin.applyingTransform(.stripDiacritics, reverse: false)
        else { return nil }
        let sound = plain.lowercased()
        return sound.unicodeScalars.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }) && !sound.isEmpty ? sound : nil
    }

    func shardFile(_ n: Int, tokens: [String]) -> OutputFile {
        var out = "{"
        for (i, token) in tokens.sorted().enumerated() {
            if i > 0 { out += ",\n" }
            out += JSON.quote(token, forScript: true) + ":\""
            out += String(decoding: postings[token]!.bytes, as: UTF8.self) + "\""
        }
        return Self.script("s/\(n)", out + "}")
    }

    func wordFile(_ n: Int, words: [String]) -> OutputFile {
        var out = "["
        for (i, word) in words.sorted().enumerated() {
            if i > 0 { out += "," }
            out += "[" + JSON.quote(word, forScript: true) + ",\(postings[word]!.count)]"
        }
        return Self.script("w/\(n)", out + "]")
    }

    /// `p/<n>.js`: the records of `records.count` pages from `n × recordsPerFile`, one a line.
    static func recordsFile(_ n: Int, _ records: [String]) -> OutputFile {
        script("p/\(n)", "[\n" + records.joined(separator: ",\n") + "]")
    }

    private func recordsFile(_ n: Int, documents: Chunked<SearchDocument>) -> OutputFile {
        let ids = n * recordsPerFile..<min((n + 1) * recordsPerFile, documents.count)
        return Self.recordsFile(n, ids.map { documents[$0].record })
    }

    /// Each family's pages as `f/<n>.js` lists them, `[[id, URL, title], …]`, so that a result
    /// shows the copies that match too without loading their records. One file a family, rather
    /// than the other pages listed in every record: a template cloned by 3,000 groups made that
    /// 9 million entries.
    static func members(_ families: [[Int]], _ indexed: [Page]) -> [[Member]] {
        families.map { family in
            family.map { id in
                let page = indexed[id]
                return Member(id: id, url: page.url, title: page.title.isEmpty ? page.fileStem : page.title)
            }
        }
    }

    func familyFile(_ n: Int) -> OutputFile {
        let list = members[n].map {
            "[\($0.id)," + JSON.quote($0.url, forScript: true) + "," + JSON.quote($0.title, forScript: true)
                + "]"
        }
        return Self.script("f/\(n)", "[" + list.joined(separator: ",\n") + "]")
    }

    private static func script(_ name: String, _ json: String) -> OutputFile {
        OutputFile(path: "search/\(name).js", text: "PlaybookSearch.load(\"\(name)\",\(json));\n")
    }

    /// FNV-1a over the UTF-8 bytes; `assets/search-engine.js` computes the same.
    static func hash(_ s: String) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for byte in s.utf8 {
            h ^= UInt32(byte)
            h = h &* 0x0100_0193
        }
        return h
    }
}

/// An array kept in chunks: setting one element of a copy copies only its chunk, so the index
/// a preview keeps while it makes the next one shares all but one chunk with it.
struct Chunked<Element: Sendable>: Sendable {
    static var size: Int { 64 }
    private var chunks: [[Element]]
    let count: Int

    init(_ elements: [Element]) {
        count = elements.count
        chunks = stride(from: 0, to: elements.count, by: Self.size).map {
            Array(elements[$0..<min($0 + Self.size, elements.count)])
        }
    }

    subscript(index: Int) -> Element {
        get { chunks[index / Self.size][index % Self.size] }
        set { chunks[index / Self.size][index % Self.size] = newValue }
    }
}
