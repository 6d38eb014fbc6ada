import PlaybookModel

/// Finds the paragraphs that cmark-gfm 0.29 would take quadratic time on, before it sees them.
///
/// When cmark makes a link, it walks back over the bracket openers still open in the paragraph
/// to deactivate the earlier `[`; it stops at a `[` it deactivated before, but image openers
/// `![` are never deactivated, so every `![` left unclosed is walked over again by every later
/// link. `![[]()` repeated is that shape: 480 KB of it kept the parser busy for over a minute
/// (`CmarkConformanceTests` times it). Nothing else about brackets is slow: nested
/// `[[[…a…]]]` and unclosed `[` are linear. So the guard counts, per paragraph, the `![` each
/// possible link (a `]` closing a `[`, followed by `(` or `[`) would walk over, and past
/// `maxWork` reads that paragraph's `[` as spaces: the bytes keep their positions, the parse
/// stays linear, and the page is refused at the paragraph.
///
/// Brackets in code are not brackets: code spans are skipped here, and when a paragraph is over
/// the limit, `MarkdownParser` asks cmark where the code blocks are before refusing it.
struct BracketGuard {
    /// About a sixth of a second of cmark's walking: cmark-gfm 0.29.0.gfm.6 reads 3,163 ×
    /// `![[]()` (this much work) in 0.16 s, 20,000 × in 5.5 s; real pages stay below 1% of it.
    static let maxWork = 5_000_000

    /// The paragraphs over the limit, by the range of their bytes and the most openers they held.
    /// Lines in `skippedLines` (0-based, code blocks by cmark's reading) count as blank.
    static func overLimit(_ bytes: [UInt8], skippedLines: Set<Int> = []) -> [(range: Range<Int>, openers: Int)] {
        var found: [(range: Range<Int>, openers: Int)] = []
        var chunkStart = 0
        // Per open opener: how many `![` end the stack at it (0 for a `[`).
        var imageRuns: [Int] = []
        var mostOpen = 0
        var work = 0
        var lineHasText = false
        var line = 0
        let spans = CodeSpans(bytes)
        var i = 0
        func endChunk(at end: Int) {
            if work > maxWork { found.append((chunkStart..<end, mostOpen)) }
            imageRuns.removeAll(keepingCapacity: true)
            mostOpen = 0
            work = 0
            chunkStart = end
        }
        while i < bytes.count {
            if !skippedLines.isEmpty, skippedLines.contains(line), bytes[i] != UInt8(ascii: "\n") {
                i += 1
                continue
            }
            switch bytes[i] {
            case UInt8(ascii: "\n"):
                // A blank line ends every paragraph; without one, brackets may still pair up.
                if !lineHasText { endChunk(at: i + 1) }
                lineHasText = false
                line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            case UInt8(ascii: "\\"):
                lineHasText = true
                if i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "`"):
                lineHasText = true
                // A code span holds no brackets; it cannot hold a blank line either.
                if let end = spans.end(ofRunAt: i), !hasBlankLine(bytes[i..<end]) {
                    line += bytes[i..<end].lazy.filter { $0 == UInt8(ascii: "\n") }.count
                    i = end
                    continue
                }
                i = spans.runEnd(at: i)
                continue
            case UInt8(ascii: "!") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "["):
                lineHasText = true
                imageRuns.append((imageRuns.last ?? 0) + 1)
                mostOpen = max(mostOpen, imageRuns.count)
                i += 1
            case UInt8(ascii: "["):
                lineHasText = true
                imageRuns.append(0)
                mostOpen = max(mostOpen, imageRuns.count)
            case UInt8(ascii: "]"):
                lineHasText = true
                if let run = imageRuns.popLast(), run == 0, i + 1 < bytes.count,
                    bytes[i + 1] == UInt8(ascii: "(") || bytes[i + 1] == UInt8(ascii: "[")
                {
                    work += (imageRuns.last ?? 0) + 1
                }
            default:
                lineHasText = true
            }
            i += 1
        }
        endChunk(at: bytes.count)
        return found
    }

    private static func hasBlankLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        var lineHasText = true
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if !lineHasText { return true }
                lineHasText = false
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                lineHasText = true
            }
        }
        return false
    }

    /// Backtick runs and which later run of the same length closes each, found in one pass
    /// from the end, so matching stays linear however many runs a paragraph holds.
    struct CodeSpans {
        private var runEnds: [Int: Int] = [:]
        private var closers: [Int: Int] = [:]
        init(_ bytes: [UInt8]) {
            var runs: [(start: Int, length: Int)] = []
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "`") {
                    var end = i
                    while end < bytes.count, bytes[end] == UInt8(ascii: "`") { end += 1 }
                    runs.append((i, end - i))
                    runEnds[i] = end
                    i = end
                } else {
                    i += 1
                }
            }
            var nextOfLength: [Int: Int] = [:]
            for run in runs.reversed() {
                if let next = nextOfLength[run.length] { closers[run.start] = next }
                nextOfLength[run.length] = run.start
            }
        }

        func runEnd(at start: Int) -> Int { runEnds[start] ?? start + 1 }

        /// Where the code span opened by the run at `start` ends, if a run of its length follows.
        func end(ofRunAt start: Int) -> Int? {
            guard let closer = closers[start] else { return nil }
            return runEnds[closer]
        }
    }
}
