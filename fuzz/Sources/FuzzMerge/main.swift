// The three-way merge and the unified diff. The input is base, ours and theirs separated by NUL
// bytes. A merge with one side unchanged must give the other side; without conflicts the result
// carries no conflict marker unless an input already had one.
import Foundation
import FuzzDriver
import PlaybookReplication

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMerge(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    let base = parts.first ?? ""
    let ours = parts.count > 1 ? parts[1] : ""
    let theirs = parts.count > 2 ? parts[2] : ""
    let merged = LineDiff.merge(base: base, ours: ours, theirs: theirs, oursLabel: "group", theirsLabel: "template")
    precondition(
        LineDiff.merge(base: base, ours: base, theirs: theirs, oursLabel: "a", theirsLabel: "b").text == theirs)
    precondition(LineDiff.merge(base: base, ours: ours, theirs: base, oursLabel: "a", theirsLabel: "b").text == ours)
    if merged.conflicts == 0, ![base, ours, theirs].contains(where: LineDiff.hasConflict) {
        precondition(!LineDiff.hasConflict(merged.text), "a conflict marker without a conflict")
    }
    _ = LineDiff.unified(base, theirs, oldName: "a", newName: "b")
    return 0
}

runFuzzer(fuzzMerge)
