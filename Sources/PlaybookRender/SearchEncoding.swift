import Foundation

/// The compact text encodings of the index, decoded by `assets/search-engine.js`.
enum SearchEncoding {
    /// 64 digits, none of which needs escaping in a JSON string.
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func digit(_ value: Int) -> UInt8 { alphabet[min(max(value, 0), 63)] }

    /// The value of one digit of `alphabet`.
    static func value(of digit: UInt8) -> Int {
        switch digit {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(digit - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(digit - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(digit - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "-"): return 62
        default: return 63
        }
    }

    /// A page length as one digit: the level `l` stands for about 1.2^l tokens.
    static func lengthLevel(_ length: Int) -> Int {
        guard length > 0 else { return 0 }
        return min(63, Int((log(Double(length) + 1) / log(1.2)).rounded()))
    }

    /// Numbers as base-32 groups, most significant first; digits 32–63 mean "more follows".
    static func append(_ value: Int, to out: inout [UInt8]) {
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            out.append(alphabet[((value >> shift) & 31) + 32])
            shift -= 5
        }
        out.append(alphabet[value & 31])
    }

    /// Postings in page order: for each page, `gap * 2 + (weight > 1 ? 1 : 0)`, where the gap is
    /// the id minus the previous id (the first counted from -1), then `weight - 2` when the
    /// weight is above 1 (most body words weigh 1, so most pages cost one or two digits).
    static func postings(_ list: [UInt64]) -> String {
        var encoded = PostingList()
        for entry in list { encoded.append(id: Int(entry >> 32), weight: Int(entry & 0xFFFF_FFFF)) }
        return String(decoding: encoded.bytes, as: UTF8.self)
    }
}

/// One token's postings, kept encoded as the index files hold them (`SearchEncoding.postings`):
/// pages are added in id order, so each costs a digit or two instead of a number.
struct PostingList: Sendable, Equatable {
    private(set) var bytes: [UInt8] = []
    /// Pages in the list.
    private(set) var count = 0
    private var last = -1

    mutating func append(id: Int, weight: Int) {
        SearchEncoding.append((id - last) << 1 | (weight > 1 ? 1 : 0), to: &bytes)
        if weight > 1 { SearchEncoding.append(weight - 2, to: &bytes) }
        last = id
        count += 1
    }

    /// The postings as (page id, weight), in id order.
    func decoded() -> [(id: Int, weight: Int)] {
        var result: [(id: Int, weight: Int)] = []
        result.reserveCapacity(count)
        var at = 0
        func next() -> Int {
            var value = 0
            while true {
                let digit = SearchEncoding.value(of: bytes[at])
                at += 1
                value = value << 5 | (digit & 31)
                if digit < 32 { return value }
            }
        }
        var id = -1
        while at < bytes.count {
            let head = next()
            id += head >> 1
            result.append((id, head & 1 == 1 ? next() + 2 : 1))
        }
        return result
    }

    init() {}

    /// A list as `bytes`, `count` and `last` kept it (`SearchIndex.Saved`).
    init(bytes: [UInt8], count: Int, last: Int) {
        self.bytes = bytes
        self.count = count
        self.last = last
    }

    /// The id of the last page in the list (-1: none).
    var lastID: Int { last }

    init(_ postings: some Sequence<(id: Int, weight: Int)>) {
        for (id, weight) in postings { append(id: id, weight: weight) }
    }
}
