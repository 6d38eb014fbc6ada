/// An open document's text as the editor holds it, with conversions between the protocol's
/// positions (0-based lines, columns in UTF-16 code units) and the checker's (1-based lines,
/// columns in Unicode scalars) and byte offsets.
package struct TextDocument: Sendable {
    package var uri: String
    package var version: Int
    package private(set) var bytes: [UInt8]
    /// UTF-8 offset where each line starts; a line ends at `\n` (a `\r` before it is not part
    /// of the line's text).
    private var lineStarts: [Int]

    package init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.bytes = Array(text.utf8)
        self.lineStarts = Self.lineStarts(bytes)
    }

    package var text: String { String(decoding: bytes, as: UTF8.self) }
    package var lineCount: Int { lineStarts.count }

    /// A protocol position: 0-based line, UTF-16 column.
    package struct Position: Hashable, Sendable {
        package var line: Int
        package var character: Int

        package init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }
    }

    /// The bytes of a line without its line break.
    package func line(_ index: Int) -> ArraySlice<UInt8> {
        guard index >= 0, index < lineStarts.count else { return [] }
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > lineStarts[index], bytes[end - 1] == 13 { end -= 1 }
        return bytes[lineStarts[index]..<max(end, lineStarts[index])]
    }

    package func lineText(_ index: Int) -> String {
        String(decoding: line(index), as: UTF8.self)
    }

    /// The protocol position of the checker's 1-based line and scalar column, clamped to the text.
    package func position(line: Int, column: Int) -> Position {
        let index = min(max(line - 1, 0), max(lineStarts.count - 1, 0))
        var utf16 = 0
        var scalars = 0
        for scalar in lineText(index).unicodeScalars {
            if scalars >= column - 1 { break }
            utf16 += scalar.utf16.count
            scalars += 1
        }
        return Position(line: index, character: utf16)
    }

    /// The UTF-16 length of a line.
    package func lineLength(_ index: Int) -> Int {
        lineText(index).utf16.count
    }

    /// The UTF-8 offset of a protocol position. A column past the line's end means its end; one
    /// inside a surrogate pair means the start of that character; a line past the end, the end.
    package func offset(of position: Position) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let start = lineStarts[position.line]
        var utf16 = 0
        var offset = start
        for scalar in lineText(position.line).unicodeScalars {
            let width = scalar.utf16.count
            if utf16 + width > position.character { break }
            utf16 += width
            offset += scalar.utf8.count
        }
        return offset
    }

    /// The protocol position of a UTF-8 offset.
    package func position(ofOffset offset: Int) -> Position {
        let offset = min(max(offset, 0), bytes.count)
        let low = lineIndex(ofOffset: offset)
        let prefix = String(decoding: bytes[lineStarts[low]..<offset], as: UTF8.self)
        return Position(line: low, character: prefix.utf16.count)
    }

    /// The 1-based line and scalar column of a protocol position, as the checker counts them.
    package func checkerPosition(_ position: Position) -> (line: Int, column: Int) {
        let offset = offset(of: position)
        let line = self.position(ofOffset: offset).line
        let prefix = String(decoding: bytes[lineStarts[line]..<offset], as: UTF8.self)
        return (line + 1, prefix.unicodeScalars.count + 1)
    }

    /// Replaces the text between two positions (the whole text when `range` is nil), as a
    /// `didChange` content change asks.
    package mutating func apply(_ range: (start: Position, end: Position)?, text: String) {
        guard let range else {
            bytes = Array(text.utf8)
            lineStarts = Self.lineStarts(bytes)
            return
        }
        let start = offset(of: range.start)
        let end = max(start, offset(of: range.end))
        bytes.replaceSubrange(start..<end, with: text.utf8)
        // Lines before the edit keep their starts; the rest are found again from there.
        let firstLine = lineIndex(ofOffset: start)
        lineStarts.removeSubrange((firstLine + 1)...)
        var i = lineStarts[firstLine]
        while i < bytes.count {
            if bytes[i] == 10 { lineStarts.append(i + 1) }
            i += 1
        }
    }

    /// The line holding a UTF-8 offset.
    private func lineIndex(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                if buffer[i] == 10 { starts.append(i + 1) }
                i += 1
            }
        }
        return starts
    }
}
