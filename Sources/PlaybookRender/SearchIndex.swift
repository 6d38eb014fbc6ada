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
/// - `p/<id>.js`: one page record each (title, URL, kind, text by section) for results and
///   snippets.
/// Every file calls `PlaybookSearch.load(name, data)`. The shard counts depend on the page count
/// only, so an edit that keeps the set of pages changes just the files its tokens reach, and
/// `replacing` writes exactly those, equal to what a full build writes.
public struct SearchIndex: Sendable {
    public static let version = 1

    /// Pages in index order (by path); a page's id is its place here.
    public private(set) var documents: [SearchDocument]
    /// Token → postings, by page id: `(id << 32) | weight`.
    private var postings: [String: [UInt64]]
    public let shardCount: Int
    public let wordBucketCount: Int
    let kindLabels: [String: String]
    /// The interface words the browser shows around results, in the site's language.
    let words: [String: String]

    /// The index of `pages`, with the interface words and kind labels of `config`'s site.
    public init(pages: [Page], config: SiteConfig) {
        let language = config.language
        let indexed = pages.filter(SearchDocument.isIndexed)
        var documents = [SearchDocument?](repeating: nil, count: indexed.count)
        documents.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: indexed.count) { i in
                (base + i).initialize(to: SearchDocument(indexed[i]))
            }
        }
        self.documents = documents.map { $0! }
        var postings: [String: [UInt64]] = [:]
        for (id, document) in self.documents.enumerated() {
            for (token, weight) in document.terms {
                postings[token, default: []].append(UInt64(id) << 32 | UInt64(weight))
            }
        }
        self.postings = postings
        (shardCount, wordBucketCount) = Self.shardCounts(pageCount: indexed.count)
        var labels: [String: String] = [:]
        for page in indexed where labels[page.kind.rawValue] == nil {
            labels[page.kind.rawValue] = config.kindLabels.title(page.kind, in: language)
        }
        kindLabels = labels
        let all = InterfaceText.words(for: language)
        words = all.filter { $0.key.hasPrefix("search") }
    }

    /// About 4 pages' postings per shard and 32 pages' words per word bucket: a few kilobytes
    /// each, whatever the handbook's size; powers of two between fixed bounds.
    public static func shardCounts(pageCount: Int) -> (shards: Int, wordBuckets: Int) {
        func power(_ n: Int, _ low: Int, _ high: Int) -> Int {
            var p = low
            while p < n && p < high { p *= 2 }
            return p
        }
        return (power(pageCount / 4, 16, 8192), power(pageCount / 32, 4, 1024))
    }

    // MARK: - Files

    /// Every file of the index, sorted by path.
    public func files() -> [OutputFile] {
        var out = [metaFile()]
        var shards = [[String]](repeating: [], count: shardCount)
        var buckets = [[String]](repeating: [], count: wordBucketCount)
        for token in postings.keys {
            shards[shard(of: token)].append(token)
            if let prefix = Self.wordPrefix(token) { buckets[bucket(of: prefix)].append(token) }
        }
        for (n, tokens) in shards.enumerated() { out.append(shardFile(n, tokens: tokens)) }
        for (n, words) in buckets.enumerated() { out.append(wordFile(n, words: words)) }
        for id in documents.indices { out.append(recordFile(id)) }
        return out.sorted { $0.path < $1.path }
    }

    /// The index with `page` in place of the page at the same path, and the files that changed.
    /// Nil when the page is not in the index or its kind changed (the caller re-renders the site
    /// then, as it does when pages are added or removed).
    public func replacing(_ page: Page) -> (index: SearchIndex, files: [OutputFile])? {
        guard SearchDocument.isIndexed(page),
            let id = documents.firstIndex(where: { $0.path == page.path }), documents[id].kind == page.kind.rawValue
        else { return nil }
        var next = self
        let old = documents[id]
        let new = SearchDocument(page)
        next.documents[id] = new
        var changed: [String] = []
        for token in Set(old.terms.keys).union(new.terms.keys) where old.terms[token] != new.terms[token] {
            changed.append(token)
            var list = next.postings[token] ?? []
            var at = 0
            var high = list.count
            while at < high {
                let mid = (at + high) / 2
                if list[mid] >> 32 < UInt64(id) { at = mid + 1 } else { high = mid }
            }
            if at < list.count, list[at] >> 32 == UInt64(id) { list.remove(at: at) }
            if let weight = new.terms[token] { list.insert(UInt64(id) << 32 | UInt64(weight), at: at) }
            next.postings[token] = list.isEmpty ? nil : list
        }
        var files: [OutputFile] = []
        let meta = next.metaFile()
        if meta != metaFile() { files.append(meta) }
        if old.record != new.record { files.append(next.recordFile(id)) }
        let shards = Set(changed.map(shard(of:)))
        let buckets = Set(
            changed.filter { (old.terms[$0] == nil) != (new.terms[$0] == nil) }.compactMap(Self.wordPrefix).map(
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
        docs.reserveCapacity(documents.count * 2)
        for document in documents {
            docs.append(SearchEncoding.digit(kindIndex[document.kind] ?? 0))
            docs.append(SearchEncoding.digit(SearchEncoding.lengthLevel(document.length)))
        }
        var characters = Set<Unicode.Scalar>()
        for token in postings.keys {
            let scalars = token.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, SearchTokenizer.isCJK(scalar) {
                characters.insert(scalar)
            }
        }
        var fold = String.UnicodeScalarView()
        for (traditional, simplified) in ChineseScript.pairs.sorted(by: { $0.key.value < $1.key.value })
        where characters.contains(simplified) {
            fold.append(traditional)
            fold.append(simplified)
        }
        var out = "{\"v\":\(Self.version),\"n\":\(documents.count),\"shards\":\(shardCount),"
        out += "\"words\":\(wordBucketCount),\"kinds\":["
        out += kinds.map {
            "[" + JSONText.quote($0, forScript: true) + "," + JSONText.quote(kindLabels[$0]!, forScript: true) + "]"
        }
        .joined(separator: ",")
        out += "],\"docs\":\"" + String(decoding: docs, as: UTF8.self) + "\",\"fold\":"
        out += JSONText.quote(String(fold), forScript: true) + ",\"t\":{"
        out += words.keys.sorted().map { JSONText.quote($0) + ":" + JSONText.quote(words[$0]!, forScript: true) }
            .joined(separator: ",")
        out += "}}"
        return script("meta", out)
    }

    func shardFile(_ n: Int, tokens: [String]) -> OutputFile {
        var out = "{"
        for (i, token) in tokens.sorted().enumerated() {
            if i > 0 { out += ",\n" }
            out += JSONText.quote(token, forScript: true) + ":\""
            out += SearchEncoding.postings(postings[token]!) + "\""
        }
        return script("s/\(n)", out + "}")
    }

    func wordFile(_ n: Int, words: [String]) -> OutputFile {
        var out = "["
        for (i, word) in words.sorted().enumerated() {
            if i > 0 { out += "," }
            out += "[" + JSONText.quote(word, forScript: true) + ",\(postings[word]!.count)]"
        }
        return script("w/\(n)", out + "]")
    }

    func recordFile(_ id: Int) -> OutputFile {
        script("p/\(id)", documents[id].record)
    }

    private func script(_ name: String, _ json: String) -> OutputFile {
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

/// The compact text encodings of the index, decoded by `assets/search-engine.js`.
enum SearchEncoding {
    /// 64 digits, none of which needs escaping in a JSON string.
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func digit(_ value: Int) -> UInt8 { alphabet[min(max(value, 0), 63)] }

    /// A page length as one digit: the level `l` stands for about 1.2^l tokens.
    static func lengthLevel(_ length: Int) -> Int {
        guard length > 0 else { return 0 }
        return min(63, Int((log(Double(length) + 1) / log(1.2)).rounded()))
    }

    /// Numbers as base-32 groups, most significant first; digits 32–63 mean "more follows".
    static func append(_ value: Int, to out: inout [UInt8]) {
        var groups: [Int] = [value & 31]
        var rest = value >> 5
        while rest > 0 {
            groups.append(rest & 31)
            rest >>= 5
        }
        for (i, group) in groups.reversed().enumerated() {
            out.append(alphabet[i == groups.count - 1 ? group : group + 32])
        }
    }

    /// Postings in page order: for each page, `gap * 2 + (weight > 1 ? 1 : 0)`, where the gap is
    /// the id minus the previous id (the first counted from -1), then `weight - 2` when the
    /// weight is above 1 (most body words weigh 1, so most pages cost one or two digits).
    static func postings(_ list: [UInt64]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(list.count * 2)
        var previous = -1
        for entry in list {
            let id = Int(entry >> 32)
            let weight = Int(entry & 0xFFFF_FFFF)
            append((id - previous) << 1 | (weight > 1 ? 1 : 0), to: &out)
            if weight > 1 { append(weight - 2, to: &out) }
            previous = id
        }
        return String(decoding: out, as: UTF8.self)
    }
}
