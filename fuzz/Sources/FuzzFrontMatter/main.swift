// Front matter splitting and YAML reading: any bytes as a content file, and as a playbook.yml.
import Foundation
import FuzzDriver
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

runFuzzer(fuzzFrontMatter)
