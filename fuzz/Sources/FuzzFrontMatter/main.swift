// Front matter splitting and YAML reading: any bytes as a content file, and as a playbook.yml.
import Foundation
import PlaybookModel
import PlaybookSource

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = FrontMatterSplitter().split(path: "content/fuzz.md", bytes: bytes)
    precondition(source.bodyOffset <= source.text.utf8.count, "body starts past the end of the file")
    _ = YAMLReader.parse(String(decoding: bytes, as: UTF8.self))
    _ = SiteConfigLoader().load(path: "playbook.yml", text: String(decoding: bytes, as: UTF8.self))
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
exit(runFuzzer(&argc, &argv, fuzzFrontMatter))
