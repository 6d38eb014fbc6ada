// The whole check of a one-page site: split, parse and every rule. The first byte picks the
// page's folder, so the kinds' own rules (group, rules, onboarding, sop, template) run too.
import Foundation
import FuzzDriver
import PlaybookEngine
import PlaybookModel

let folders = ["", "groups/x/", "rules/", "onboarding/", "sops/", "templates/t/", "templates/t/files/"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let folder = folders[Int(data[0]) % folders.count]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let files = SiteFiles(content: [RawFile(path: "content/\(folder)index.md", bytes: bytes)])
    let result = Pipeline.check(files)
    for diagnostic in result.diagnostics {
        precondition(diagnostic.position.line >= 1, "a finding before the first line")
    }
    return 0
}

runFuzzer(fuzzCheck)
