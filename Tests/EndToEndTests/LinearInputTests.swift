import Foundation
import PlaybookModel
import PlaybookPipeline
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Inputs that were quadratic, or held whole in memory, now cost in proportion to their size
/// (issue 26). Speed is never asserted as a time: each case is built at two sizes and the larger
/// must not cost more than a loose multiple of the size ratio (a quadratic path costs the
/// square of it). The figures are printed for the record.
@Suite(.serialized) struct LinearInputTests {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Builds a site whose only page is `page` and returns how long it took.
    static func buildTime(page: String) async throws -> Double {
        try await offThePool { try buildTimeBlocking(page: page) }
    }

    static func buildTimeBlocking(page: String) throws -> Double {
        let site = try TemporarySite(["playbook.yml": "title: 长页\n", "content/index.md": page])
        defer { site.remove() }
        let clock = ContinuousClock()
        let start = clock.now
        let result = try Pipeline.build(siteAt: site.root, into: site.root.appendingPathComponent("public"))
        let elapsed = seconds(clock.now - start)
        guard !result.refused else { throw PlaybookError(stage: "test", message: "the build was refused") }
        return elapsed
    }

    /// One section of `megabytes` MB of paragraphs (the search record once copied the section's
    /// text for every paragraph).
    static func longSection(megabytes: Int) -> String {
        let paragraph = String(repeating: "群主每天早上发早报，晚上做总结，新人入群先读群规。", count: 8) + "\n\n"
        let count = megabytes * (1 << 20) / paragraph.utf8.count
        return "---\ntitle: 长页\n---\n# 长页\n\n## 一节\n\n" + String(repeating: paragraph, count: count)
    }

    /// One line of `*a* ` repeated (the column mapping once restarted from the line's start for
    /// every node).
    static func emphasisLine(count: Int) -> String {
        "---\ntitle: 强调\n---\n" + String(repeating: "*a* ", count: count) + "\n"
    }

    @Test func aLongPageInOneSectionBuildsInProportionToItsSize() async throws {
        let small = try await Self.buildTime(page: Self.longSection(megabytes: 1))
        let large = try await Self.buildTime(page: Self.longSection(megabytes: 8))
        print("one section: 1 MB built in \(small) s, 8 MB in \(large) s (ratio \(large / small) for 8× the size)")
        #expect(large < small * 24, "8× the size cost \(large / small)× the time")
    }

    @Test func aLongLineOfNestedEmphasisBuildsInProportionToItsSize() async throws {
        let small = try await Self.buildTime(page: Self.emphasisLine(count: 31_250))
        let large = try await Self.buildTime(page: Self.emphasisLine(count: 125_000))
        print(
            "emphasis line: 125 KB built in \(small) s, 500 KB in \(large) s (ratio \(large / small) for 4× the size)")
        #expect(large < small * 12, "4× the size cost \(large / small)× the time")
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
