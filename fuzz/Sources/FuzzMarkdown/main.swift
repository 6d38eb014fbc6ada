// Markdown to Playbook's tree, then to HTML, both the safe and the unsafe renderer.
import Foundation
import FuzzDriver
import PlaybookMarkdown
import PlaybookModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let document = MarkdownParser().parse(text, lineOffset: 3)
    _ = HTMLRenderer().render(document)
    _ = HTMLRenderer(unsafe: true).render(document)
    _ = document.headings.map(\.plainText)
    return 0
}

runFuzzer(fuzzMarkdown)
