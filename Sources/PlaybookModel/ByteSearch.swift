#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Literal substring search over UTF-8 bytes. With Foundation imported, `String.contains(_:)`
/// and `range(of:)` resolve to locale-aware NSString searches that copy to UTF-16 first: on a
/// large handbook they cost seconds. The checker and renderer only ever look for literal text
/// in text they folded themselves, which a byte search finds exactly.
extension String {
    /// True when `needle`'s bytes occur in the string's bytes.
    package func containsLiteral(_ needle: String) -> Bool {
        firstByteOffset(of: needle) != nil
    }

    /// The range of the first occurrence of `needle`, found by its bytes.
    package func literalRange(of needle: String) -> Range<String.Index>? {
        guard let offset = firstByteOffset(of: needle) else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        let end = utf8.index(start, offsetBy: needle.utf8.count)
        return start..<end
    }

    private func firstByteOffset(of needle: String) -> Int? {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { hay in needle.withUTF8 { firstOffset(of: $0, in: hay) } }
    }
}

/// Where `pin`'s bytes first occur in `hay`: memchr to each candidate first byte, memcmp for the
/// rest (memmem is not exported to Swift by Glibc).
private func firstOffset(of pin: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Int? {
    if pin.isEmpty { return 0 }
    guard let hayBase = hay.baseAddress, let pinBase = pin.baseAddress, pin.count <= hay.count else { return nil }
    let first = Int32(pin[0])
    let last = hay.count - pin.count
    var offset = 0
    while offset <= last {
        guard let hit = memchr(hayBase + offset, first, last - offset + 1) else { return nil }
        let at = UnsafeRawPointer(hit) - UnsafeRawPointer(hayBase)
        if memcmp(hayBase + at, pinBase, pin.count) == 0 { return at }
        offset = at + 1
    }
    return nil
}

extension Substring {
    /// True when `needle`'s bytes occur in the text's bytes (see `String.containsLiteral`).
    package func containsLiteral(_ needle: String) -> Bool {
        var mine = self
        var needle = needle
        return mine.withUTF8 { hay in needle.withUTF8 { firstOffset(of: $0, in: hay) != nil } }
    }
}

/// A text as a dictionary or set key compared and hashed by its UTF-8 bytes. `String`'s own
/// hashing normalizes Chinese text to NFC on every hash, which on a large handbook costs more
/// than the look-up it serves; and a key that must tell `é` from `e` + U+0301 apart (texts that
/// are written out as they are) needs byte equality anyway.
package struct ExactText: Hashable, Sendable {
    package let text: String

    package init(_ text: String) {
        self.text = text
    }

    package static func == (a: ExactText, b: ExactText) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }

    package func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
