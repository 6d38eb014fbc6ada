/// A page's CJK tokens and their summed weights: one character, or two packed in one number
/// (`first << 32 | second`). Every character of every page goes through here twice (itself and
/// the bigram it starts), so this is a flat table with open addressing and a multiplicative
/// hash instead of a `Dictionary`, whose per-process seeded hashing costs more than the count.
struct TokenCounts: Sendable, Hashable {
    /// Keys, 0 for an empty slot (no CJK scalar is 0); a power of two long.
    private var keys: [UInt64]
    private var weights: [Int]
    private(set) var count = 0

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        weights = [Int](repeating: 0, count: size)
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        let mask = keys.count - 1
        var at = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[at] != 0 && keys[at] != key { at = (at + 1) & mask }
        return at
    }

    mutating func add(_ key: UInt64, _ weight: Int) {
        let at = slot(of: key)
        if keys[at] == 0 {
            if (count + 1) * 4 > keys.count * 3 {
                grow()
                return add(key, weight)
            }
            keys[at] = key
            count += 1
        }
        weights[at] += weight
    }

    subscript(key: UInt64) -> Int? {
        let at = slot(of: key)
        return keys[at] == 0 ? nil : weights[at]
    }

    private mutating func grow() {
        var bigger = TokenCounts(capacity: keys.count)
        forEach { key, weight in bigger.add(key, weight) }
        self = bigger
    }

    /// Every token and its weight, in no particular order.
    func forEach(_ body: (UInt64, Int) throws -> Void) rethrows {
        for at in keys.indices where keys[at] != 0 { try body(keys[at], weights[at]) }
    }

    static func == (a: TokenCounts, b: TokenCounts) -> Bool {
        guard a.count == b.count else { return false }
        var same = true
        a.forEach { key, weight in if same, b[key] != weight { same = false } }
        return same
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(count)
    }
}
