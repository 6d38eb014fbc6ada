// Markdown to Playbook's tree, then to HTML, both the safe and the unsafe renderer.
import Foundation
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

// SwiftPM links this file's top-level code as the program's `main` (it renames the entry point
// of every executable), so it starts libFuzzer's driver itself; the exported
// LLVMFuzzerTestOneInput satisfies libFuzzer's own `main`, which the linker also pulls in.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzer(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ target: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzer(&argc, &argv, fuzzMarkdown))
