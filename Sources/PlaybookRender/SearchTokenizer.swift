import PlaybookModel

/// The one tokenizer of search: the index is built with it, and `assets/search-engine.js` repeats it
/// for queries and snippets (a golden file of inputs and tokens holds both to the same output).
///
/// Text is folded first, one scalar at a time: full-width ASCII narrowed, the ideographic space
/// made a space, letters lower-cased, Traditional folded to Simplified (`ChineseScript`). Then:
/// - CJK (Han, kana, Hangul) runs become overlapping bigrams (`社群运营` → 社群 群运 运营); the
///   index also keeps every single character, so a one-character query finds its pages;
/// - letters and digits of other scripts make words (`Check-in` → check, in), at most
///   `maxWordLength` scalars each;
/// - everything else (spaces, punctuation, symbols, emoji) only separates.
/// Positions count units: one per CJK character, one per word; a bigram sits at its first
/// character. Separators take no position, so `daily, check` is a phrase like `daily check`.
package enum SearchTokenizer {
    package static let maxWordLength = 40

    package enum Kind: String, Sendable {
        /// One CJK character (index only, and a query of one character).
        case character
        /// Two adjacent CJK characters.
        case bigram
        /// A word of letters and digits.
        case word
    }

    package struct Token: Hashable, Sendable {
        package var text: String
        package var kind: Kind
        package var position: Int
    }

    /// The tokens a page's text contributes to the index: characters, bigrams and words.
    package static func indexTokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        scan(text, characters: true) { tokens.append($0) }
        return tokens
    }

    /// The tokens of a query: bigrams for CJK runs (the character itself for a run of one) and
    /// words. `prefix` is true when the last token is a word still being typed: nothing follows
    /// it, so it also matches longer words that start with it.
    package static func queryTokens(_ text: String) -> (tokens: [Token], prefix: Bool) {
        var tokens: [Token] = []
        scan(text, characters: false) { tokens.append($0) }
        var prefix = false
        if let last = tokens.last, last.kind == .word, let end = text.unicodeScalars.last {
            prefix = fold(end).allSatisfy { classify($0) == .word }
        }
        return (tokens, prefix)
    }

    /// Feeds the tokens of `text` to `emit` in order. With `characters`, every CJK character is
    /// emitted as well as the bigrams (index); without, only runs of one are (query).
    package static func scan(_ text: String, characters: Bool, emit: (Token) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            var sink = TokenList(emit: emit)
            scan(text, characters: characters, into: &sink)
        }
    }

    /// The tokenizer, handing each token's parts to `sink` without making a `String` of a CJK
    /// token (the index counts those by their scalars, which is several times faster); a word
    /// comes as its UTF-8 bytes. `sink` is a struct rather than closures, so that counting a
    /// page's tokens touches no captured state.
    @inline(__always)
    static func scan<Sink: TokenSink>(_ text: String, characters: Bool, into sink: inout Sink) {
        var position = 0
        var run: [Unicode.Scalar] = []
        run.reserveCapacity(64)
        var word: [UInt8] = []
        word.reserveCapacity(4 * maxWordLength)
        var wordLength = 0

        func flushRun(_ sink: inout Sink) {
            guard !run.isEmpty else { return }
            for i in run.indices {
                if characters || run.count == 1 { sink.character(run[i], at: position + i) }
                if i + 1 < run.count { sink.bigram(run[i], run[i + 1], at: position + i) }
            }
            position += run.count
            run.removeAll(keepingCapacity: true)
        }
        func flushWord(_ sink: inout Sink) {
            guard wordLength > 0 else { return }
            sink.word(word, at: position)
            position += 1
            word.removeAll(keepingCapacity: true)
            wordLength = 0
        }
        func take(_ scalar: Unicode.Scalar, _ kind: Class, _ sink: inout Sink) {
            switch kind {
            case .cjk:
                flushWord(&sink)
                run.append(scalar)
            case .word:
                flushRun(&sink)
                if wordLength < maxWordLength {
                    if scalar.isASCII {
                        word.append(UInt8(scalar.value))
                    } else {
                        word.append(contentsOf: UTF8.encode(scalar)!)
                    }
                }
                wordLength += 1
            case .separator:
                flushRun(&sink)
                flushWord(&sink)
            }
        }

        let plane = Plane.shared
        for original in text.unicodeScalars {
            let value = original.value
            if value < 0x10000, let kind = plane.kind(value) {
                take(Unicode.Scalar(plane.folded[Int(value)])!, kind, &sink)
            } else {
                fold(original) { take($0, classify($0), &sink) }
            }
        }
        flushRun(&sink)
        flushWord(&sink)
    }

    /// Each scalar of the Basic Multilingual Plane folded and classified once, for the scalars
    /// that fold to a single scalar of the plane (all but a handful): the tokenizer looks them up
    /// instead of asking for Unicode properties at every character of every page.
    private struct Plane: Sendable {
        let folded: [UInt16]
        /// `Class` as 0, 1, 2; 3 for a scalar `fold` and `classify` must handle.
        let classes: [UInt8]

        static let shared: Plane = {
            var folded = [UInt16](repeating: 0, count: 0x10000)
            var classes = [UInt8](repeating: 3, count: 0x10000)
            for value in 0..<UInt32(0x10000) {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let out = SearchTokenizer.fold(scalar)
                guard out.count == 1, out[0].value < 0x10000 else { continue }
                folded[Int(value)] = UInt16(out[0].value)
                switch classify(out[0]) {
                case .cjk: classes[Int(value)] = 0
                case .word: classes[Int(value)] = 1
                case .separator: classes[Int(value)] = 2
                }
            }
            return Plane(folded: folded, classes: classes)
        }()

        @inline(__always)
        func kind(_ value: UInt32) -> Class? {
            switch classes[Int(value)] {
            case 0: return .cjk
            case 1: return .word
            case 2: return .separator
            default: return nil
            }
        }
    }

    enum Class { case cjk, word, separator }

    /// The folded form of one scalar; lower-casing may give more than one (`İ` → `i̇`).
    package static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        fold(scalar) { out.append($0) }
        return out
    }

    /// Feeds the folded form of one scalar to `emit`; the common cases (ASCII, CJK) allocate nothing.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, _ emit: (Unicode.Scalar) -> Void) {
        let value = scalar.value
        if value < 0x80 {
            emit(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        } else if value >= 0xFF01 && value <= 0xFF5E {
            fold(Unicode.Scalar(UInt8(value - 0xFEE0)), emit)
        } else if value == 0x3000 {
            emit(" ")
        } else if isCJK(scalar) {
            emit(ChineseScript.simplified(scalar))
        } else if !scalar.properties.changesWhenLowercased {
            // Most non-ASCII text (CJK punctuation, symbols) has no case: a cheap property test
            // spares building its lower-case mapping.
            emit(scalar)
        } else {
            // Compared as JavaScript's toLowerCase() is, one scalar at a time.
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            if lower.count == 1, lower.first == scalar {
                emit(scalar)
            } else {
                for each in lower { emit(ChineseScript.simplified(each)) }
            }
        }
    }

    static func classify(_ scalar: Unicode.Scalar) -> Class {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A, 0x41...0x5A: return .word
            default: return .separator
            }
        }
        if isCJK(scalar) { return .cjk }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return .word
        default:
            return .separator
        }
    }

    /// Han (with extensions and compatibility ideographs), kana and Hangul syllables: scripts
    /// written without spaces between words. `assets/search-engine.js` uses the same ranges.
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }
}

/// What the tokenizer hands its tokens to, in order; see `SearchTokenizer.scan(_:characters:into:)`.
protocol TokenSink {
    mutating func character(_ scalar: Unicode.Scalar, at position: Int)
    mutating func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar, at position: Int)
    /// A word, as its UTF-8 bytes.
    mutating func word(_ utf8: [UInt8], at position: Int)
}

/// Tokens as `Token` values, for queries, snippets and tests.
private struct TokenList: TokenSink {
    let emit: (SearchTokenizer.Token) -> Void

    func character(_ scalar: Unicode.Scalar, at position: Int) {
        emit(SearchTokenizer.Token(text: String(scalar), kind: .character, position: position))
    }

    func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar, at position: Int) {
        var pair = String.UnicodeScalarView()
        pair.append(first)
        pair.append(second)
        emit(SearchTokenizer.Token(text: String(pair), kind: .bigram, position: position))
    }

    func word(_ utf8: [UInt8], at position: Int) {
        emit(SearchTokenizer.Token(text: String(decoding: utf8, as: UTF8.self), kind: .word, position: position))
    }
}
