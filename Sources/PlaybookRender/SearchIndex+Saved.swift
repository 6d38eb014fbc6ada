// The search index between builds: what a build keeps of it in its record (`BuildRecord`),
// and the index made again from that and the documents of the pages that changed.
import PlaybookModel

extension SearchIndex {
    /// What an index keeps for the next build (`BuildRecord` stores it): each page's entry and
    /// each token's postings. With the pages, the config and the documents of the pages that
    /// changed, it gives the index again (`restored`) without a document of any other page.
    package struct Saved: Sendable, Equatable {
        package struct Postings: Sendable, Equatable {
            package var token: String
            package var bytes: [UInt8]
            package var count: Int
            package var last: Int

            package init(token: String, bytes: [UInt8], count: Int, last: Int) {
                self.token = token
                self.bytes = bytes
                self.count = count
                self.last = last
            }
        }

        package var entries: [Entry]
        /// By token.
        package var postings: [Postings]

        package init(entries: [Entry], postings: [Postings]) {
            self.entries = entries
            self.postings = postings
        }

        /// Whether these are the entries of `pages`' indexed pages, in their order.
        package func isIndex(of pages: [Page]) -> Bool {
            var at = 0
            for page in pages where SearchDocument.isIndexed(page) {
                guard at < entries.count, entries[at].path.utf8.elementsEqual(page.path.utf8) else { return false }
                at += 1
            }
            return at == entries.count
        }
    }

    /// What this index keeps for the next build.
    package var saved: Saved {
        Saved(
            entries: entries,
            postings: postings.keys.sorted().map { token in
                let list = postings[token]!
                return Saved.Postings(token: token, bytes: list.bytes, count: list.count, last: list.lastID)
            })
    }

    /// The index of `pages` (whose indexed pages `saved` must list: `Saved.isIndex(of:)`) from
    /// what a build before kept, with `changed` (page id → its document now) in place of those
    /// pages' documents then. Holds no documents or records: its `files()` are all but the
    /// records files, which the caller makes for the pages whose records changed.
    package static func restored(
        _ saved: Saved, pages: [Page], config: SiteConfig, changed: [Int: SearchDocument]
    ) -> SearchIndex {
        var postings: [String: PostingList] = [:]
        postings.reserveCapacity(saved.postings.count)
        for list in saved.postings {
            postings[list.token] = PostingList(bytes: list.bytes, count: list.count, last: list.last)
        }
        var entries = saved.entries
        if !changed.isEmpty {
            // Every list that held a changed page, without it; then each changed page's tokens.
            var lists: [String: [(id: Int, weight: Int)]] = [:]
            for (token, list) in postings {
                let decoded = list.decoded()
                if decoded.contains(where: { changed[$0.id] != nil }) {
                    lists[token] = decoded.filter { changed[$0.id] == nil }
                }
            }
            for (id, document) in changed {
                entries[id] = Entry(path: document.path, kind: document.kind, length: document.length)
                for (token, weight) in document.terms {
                    if lists[token] == nil { lists[token] = postings[token]?.decoded() ?? [] }
                    lists[token]!.append((id, weight))
                }
            }
            for (token, list) in lists {
                postings[token] = list.isEmpty ? nil : PostingList(list.sorted { $0.id < $1.id })
            }
        }
        let indexed = pages.filter(SearchDocument.isIndexed)
        return SearchIndex(
            indexed: indexed, entries: entries, documents: nil, postings: postings, config: config,
            vocabulary: SearchVocabulary(config: config), families: families(of: indexed, among: pages))
    }

    /// `p/<n>.js` for the pages from `n × recordsPerFile`, given their records in order.
    package func recordsFile(_ n: Int, records: [String]) -> OutputFile {
        Self.recordsFile(n, records)
    }
}
