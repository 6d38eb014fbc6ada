import PlaybookModel
import Testing

@testable import PlaybookLSP

@Suite struct FramingTests {
    func body(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func framesArrivingInPiecesComeOutWhole() {
        var framer = MessageFramer()
        let bytes = MessageFramer.frame(body(#"{"id":1}"#)) + MessageFramer.frame(body(#"{"id":"二"}"#))
        var frames: [MessageFramer.Frame] = []
        for byte in bytes {
            framer.append([byte])
            while let frame = framer.next() { frames.append(frame) }
        }
        #expect(frames == [.body(body(#"{"id":1}"#)), .body(body(#"{"id":"二"}"#))])
    }

    @Test func contentLengthCountsBytesNotCharacters() {
        let frame = MessageFramer.frame(body(#"{"t":"结构😀"}"#))
        #expect(String(decoding: frame.prefix(22), as: UTF8.self).hasPrefix("Content-Length: 18\r\n\r\n"))
    }

    @Test func aHeaderWithoutLengthIsSkippedAndTheNextMessageStillArrives() {
        var framer = MessageFramer()
        framer.append(body("Content-Type: x\r\n\r\n"))
        framer.append(MessageFramer.frame(body("{}")))
        guard case .malformed(let reason)? = framer.next() else {
            Issue.record("expected a malformed frame")
            return
        }
        #expect(reason.contains("Content-Length"))
        #expect(framer.next() == .body(body("{}")))
        #expect(framer.next() == nil)
    }

    @Test func otherHeadersAndCaseAreAccepted() {
        var framer = MessageFramer()
        framer.append(body("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"))
        #expect(framer.next() == .body(body("{}")))
    }

    @Test func anIncompleteBodyWaitsForTheRest() {
        var framer = MessageFramer()
        framer.append(body("Content-Length: 10\r\n\r\n{\"a\":"))
        #expect(framer.next() == nil)
        framer.append(body("true}"))
        #expect(framer.next() == .body(body(#"{"a":true}"#)))
    }

    @Test func garbageWithoutAHeaderEndIsDropped() {
        var framer = MessageFramer()
        framer.append([UInt8](repeating: UInt8(ascii: "x"), count: MessageFramer.maxHeaderBytes + 10))
        guard case .malformed? = framer.next() else {
            Issue.record("expected a malformed frame")
            return
        }
        framer.append(MessageFramer.frame(body("[]")))
        #expect(framer.next() == .body(body("[]")))
    }
}

@Suite struct JSONTests {
    @Test func readsEscapesAndSurrogatePairs() throws {
        let value = try JSON.parse(#"{"a":"\u7ed3\u6784 \ud83d\ude00\n","b":[1,2.5,true,null],"c":-3}"#)
        #expect(value["a"]?.string == "结构 😀\n")
        #expect(value["b"] == [1, .double(2.5), true, nil])
        #expect(value["c"]?.int == -3)
    }

    @Test func writesWhatItReads() throws {
        let value: JSON = ["uri": "file:///站点/群规.md", "n": 3, "list": [true, nil], "t": "a\"b\\\n"]
        #expect(try JSON.parse(value.rendered()) == value)
        #expect(value.rendered() == #"{"uri":"file:///站点/群规.md","n":3,"list":[true,null],"t":"a\"b\\\n"}"#)
    }

    @Test(arguments: [#"{"a":}"#, "[1,", #""\ud83d""#, "{} x", "nul", #"{"a" 1}"#])
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(throws: JSON.SyntaxError.self) { try JSON.parse(text) }
    }

    @Test func refusesNestingDeepEnoughToExhaustTheStack() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSON.SyntaxError.self) { try JSON.parse(text) }
    }
}
