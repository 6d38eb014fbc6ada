import PlaybookModel

/// Finds the paragraphs that cmark-gfm 0.29 would take quadratic time on, before it sees them.
///
/// When cmark closes a link, it walks back over every bracket opener still open in the
/// paragraph to deactivate the earlier `[`; image openers `![` are never deactivated, so each
/// one left unclosed is walked over again by every later link. `![[]()` repeated is that shape:
/// 480 KB of it kept the parser busy for over a minute, while any real paragraph keeps at most a
/// handful of brackets open. The guard counts, per paragraph, the openers a closing `]` could
/// walk over (an upper bound of cmark's work, counting reference links too) and, past
/// `maxWork`, reads that paragraph's `[` as spaces: the bytes keep their positions, the parse
/// stays linear, and the page is refused at the paragraph.
struct BracketGuard {
    /// About a tenth of a second of cmark's walking; real pages stay below 1% of it.
    static let maxWork = 10_000_000

    /// The paragraphs over the limit, by the range of their bytes and the most openers they held.
    static func overLimit(_ bytes: [UInt8]) -> [(range: Range<Int>, openers: Int)] {
        var found: [(range: Range<Int>, openers: Int)] = []
        var chunkStart = 0
        var openers: [Bool] = []  // true for an image opener `![`
        var mostOpen = 0
        var work = 0
        var lineHasText = false
        var i = 0
        func endChunk(at end: Int) {
            if work > maxWork { found.append((chunkStart..<end, mostOpen)) }
            openers.removeAll(keepingCapacity: true)
            mostOpen = 0
            work = 0
            chunkStart = end
        }
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\n"):
                // A blank line ends every paragraph; without one, brackets may still pair up.
                if !lineHasText { endChunk(at: i + 1) }
                lineHasText = false
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            case UInt8(ascii: "\\"):
                lineHasText = true
                if i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "!") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "["):
                lineHasText = true
                openers.append(true)
                mostOpen = max(mostOpen, openers.count)
                i += 1
            case UInt8(ascii: "["):
                lineHasText = true
                openers.append(false)
                mostOpen = max(mostOpen, openers.count)
            case UInt8(ascii: "]"):
                lineHasText = true
                if let isImage = openers.popLast(), !isImage { work += openers.count }
            default:
                lineHasText = true
            }
            i += 1
        }
        endChunk(at: bytes.count)
        return found
    }
}
