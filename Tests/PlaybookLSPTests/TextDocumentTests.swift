import Testing

@testable import PlaybookLSP

@Suite struct TextDocumentTests {
    typealias Position = TextDocument.Position

    // 结 and 构 are one UTF-16 unit each; 😀 and 𠀋 lie beyond the Basic Multilingual Plane and
    // take two.
    let document = TextDocument(uri: "file:///a.md", version: 1, text: "---\ntitle: 群规\n---\n## 结构😀 x𠀋y\r\nend")

    @Test func checkerColumnsBecomeUTF16Columns() {
        #expect(document.position(line: 4, column: 1) == Position(line: 3, character: 0))
        #expect(document.position(line: 4, column: 4) == Position(line: 3, character: 3))  // 结
        #expect(document.position(line: 4, column: 6) == Position(line: 3, character: 5))  // 😀
        #expect(document.position(line: 4, column: 7) == Position(line: 3, character: 7))  // the space after it
        #expect(document.position(line: 4, column: 9) == Position(line: 3, character: 9))  // 𠀋
        #expect(document.position(line: 4, column: 10) == Position(line: 3, character: 11))  // y
    }

    @Test func columnsPastTheLineAndLinesPastTheTextAreClamped() {
        #expect(document.position(line: 4, column: 99) == Position(line: 3, character: 12))
        #expect(document.position(line: 9, column: 1) == Position(line: 4, character: 0))
    }

    @Test func UTF16PositionsBecomeCheckerPositions() {
        #expect(document.checkerPosition(Position(line: 3, character: 7)) == (4, 7))
        #expect(document.checkerPosition(Position(line: 3, character: 11)) == (4, 10))
        // Inside a surrogate pair means the start of its character.
        #expect(document.checkerPosition(Position(line: 3, character: 6)) == (4, 6))
    }

    @Test func theCarriageReturnIsNotPartOfTheLine() {
        #expect(document.lineText(3) == "## 结构😀 x𠀋y")
        #expect(document.lineLength(3) == 12)
    }

    @Test func incrementalChangesApplyInUTF16() {
        var edited = document
        edited.apply((Position(line: 3, character: 3), Position(line: 3, character: 5)), text: "結構")
        #expect(edited.lineText(3) == "## 結構😀 x𠀋y")
        edited.apply((Position(line: 3, character: 7), Position(line: 3, character: 7)), text: "\n### 成员\n")
        #expect(edited.lineText(3) == "## 結構😀")
        #expect(edited.lineText(4) == "### 成员")
        #expect(edited.lineText(5) == " x𠀋y")
        #expect(edited.lineText(6) == "end")
        edited.apply((Position(line: 4, character: 0), Position(line: 6, character: 0)), text: "")
        #expect(edited.text == "---\ntitle: 群规\n---\n## 結構😀\nend")
        #expect(edited.lineCount == 5)
    }

    @Test func aWholeTextChangeReplacesEverything() {
        var edited = document
        edited.apply(nil, text: "一\n二")
        #expect(edited.lineCount == 2)
        #expect(edited.position(ofOffset: edited.bytes.count) == Position(line: 1, character: 1))
    }
}
