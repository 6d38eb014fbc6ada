import Foundation
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A large file in `static/` is copied a piece at a time, never held in memory (issue 26; the
/// quadratic paths are timed at their stage in PlaybookRenderTests and PlaybookMarkdownTests).
@Suite(.serialized) struct LargeStaticFileTests {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    @Test func aOneGigabyteStaticFileIsCopiedWithoutBeingHeldInMemory() async throws {
        let site = try TemporarySite(["playbook.yml": "title: 大文件\n", "content/index.md": "# 首页\n"])
        defer { site.remove() }
        let video = site.root.appendingPathComponent("static/video.bin")
        try FileManager.default.createDirectory(
            at: video.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written for real (a sparse file would copy as zeros too, but a page cache of a real
        // file is what a build meets): 1 GB in 1 MB blocks, each block marked with its number.
        let handle = try FileHandle(
            forWritingTo: { () -> URL in
                FileManager.default.createFile(atPath: video.path, contents: nil)
                return video
            }())
        var block = [UInt8](repeating: 0x5A, count: 1 << 20)
        for i in 0..<1024 {
            block[0] = UInt8(i & 0xFF)
            block[1] = UInt8(i >> 8)
            handle.write(Data(block))
        }
        try handle.close()
        // The build prints its peak memory after each stage with PLAYBOOK_TIMINGS=1.
        let root = site.root
        let run = try await offThePool {
            try CommandRun.run(
                Repository.binary, ["build", "--quiet"], in: root, environment: ["PLAYBOOK_TIMINGS": "1"])
        }
        #expect(run.status == 0, "\(run.stderr)")
        let peaks = run.stderr.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "peak ") else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
        let peak = peaks.max() ?? Int.max
        print("1 GB static file: the build's peak memory \(peak) MB\n\(run.stderr)")
        #expect(peak < 400, "the build held \(peak) MB for a 1 GB file")
        let copied = site.root.appendingPathComponent("public/video.bin")
        let size = (try FileManager.default.attributesOfItem(atPath: copied.path)[.size] as? Int) ?? 0
        #expect(size == 1 << 30)
        let out = try FileHandle(forReadingFrom: copied)
        defer { try? out.close() }
        try out.seek(toOffset: UInt64(777) << 20)
        let marker = try out.read(upToCount: 2) ?? Data()
        #expect(Array(marker) == [UInt8(777 & 0xFF), UInt8(777 >> 8)])
    }
}
