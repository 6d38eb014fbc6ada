// The placeholder scanner: matches lie inside the line, in order, and name valid variables.
import Foundation
import FuzzDriver
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

runFuzzer(fuzzPlaceholders)
