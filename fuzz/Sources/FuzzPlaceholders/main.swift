// The placeholder scanner: matches lie inside the line, in order, and name valid variables.
import Foundation
import PlaybookModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlaceholders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    var previousEnd = 0
    for match in PlaceholderSyntax.scan(scalars) {
        precondition(match.start >= previousEnd && match.start < match.end && match.end <= scalars.count)
        precondition(PlaceholderSyntax.isName(match.name))
        previousEnd = match.end
    }
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
exit(runFuzzer(&argc, &argv, fuzzPlaceholders))
