import Foundation
import PlaybookEngine
import PlaybookModel
import PlaybookRender
import TestSupport
import Testing

/// The health view of a network of 4,044 groups (`NetworkHandbook`, over 10,000 pages): light
/// enough for a phone on every page, and leading to every group that has an error.
@Suite struct NetworkHealthTests {
    /// Built once: checking 10,000 pages is the slow part.
    static let built: (result: CheckResult, files: [OutputFile]) = {
        let groups = ProcessInfo.processInfo.environment["PLAYBOOK_NETWORK_GROUPS"].flatMap(Int.init) ?? 4_044
        let clock = ContinuousClock()
        var start = clock.now
        func lap(_ what: String) {
            if ProcessInfo.processInfo.environment["PLAYBOOK_NETWORK_TIMES"] != nil { print(what, clock.now - start) }
            start = clock.now
        }
        let site = NetworkHandbook.site(groups: groups)
        lap("generate")
        let result = Pipeline.check(site)
        lap("check")
        let renderer = SiteRenderer(theme: try! Theme())
        let prepared = SiteRenderer.Context(handbook: result.handbook, health: result.health, theme: renderer.theme)
        lap("prepare")
        let files = renderer.renderHealthPages(prepared: prepared)
        lap("health")
        // For a look in a browser: the health view's files written under this folder.
        if let folder = ProcessInfo.processInfo.environment["PLAYBOOK_NETWORK_OUT"] {
            for file in files {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(file.path)
                try? FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? Data(file.bytes).write(to: url)
            }
        }
        return (result, files)
    }()

    @Test func everyHealthPageIsLightAtTenThousandPages() async throws {
        let (result, files) = try await offThePool { Self.built }
        if ProcessInfo.processInfo.environment["PLAYBOOK_NETWORK_GROUPS"] == nil {
            #expect(result.handbook.pages.count >= 10_000)
            #expect(result.health.rows.count >= 4_000)
        }
        let pages = files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 10)
        for file in pages {
            let sent = try Self.gzipSize(file.bytes)
            let elements = Self.elementCount(file.bytes)
            #expect(sent <= 100_000, "\(file.path) sends \(sent) bytes gzip")
            #expect(elements <= 5_000, "\(file.path) holds \(elements) elements")
        }
    }

    @Test func everyGroupWithAnErrorIsLinkedFromTheHealthView() async throws {
        let (result, files) = try await offThePool { Self.built }
        var linked: Set<String> = []
        for file in files where file.path.hasSuffix(".html") {
            let folder = file.path.split(separator: "/").dropLast().map(String.init)
            for href in Self.hrefs(in: file.bytes) {
                var parts = folder
                for part in href.split(separator: "#")[0].split(separator: "/") {
                    if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) }
                }
                linked.insert(parts.joined(separator: "/"))
            }
        }
        let errors = Set(result.diagnostics.filter { $0.severity == .error }.map(\.file))
        let needing = result.health.rows.filter { row in
            let folder = String(row.path.dropLast("index.md".count))
            return errors.contains { $0 == row.path || $0.hasPrefix(folder) }
        }
        #expect(needing.count > result.health.rows.count / 10)
        let missing = needing.filter { !linked.contains($0.url + "index.html") }
        #expect(missing.isEmpty, "not linked: \(missing.prefix(5).map(\.path))")
    }

    @Test func eachFindingIsListedOnce() async throws {
        let (_, files) = try await offThePool { Self.built }
        // The network's rules pages are counted by every group that links to them: their
        // findings are listed once, under the pages groups share, not under each group.
        let text = files.filter { $0.path.hasSuffix(".html") }.map { String(decoding: $0.bytes, as: UTF8.self) }
        let shared = text.map { $0.components(separatedBy: "content/rules/network-rules-3.md:").count - 1 }
        #expect(shared.reduce(0, +) <= 1)
    }

    static func elementCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        for i in bytes.indices.dropLast() where bytes[i] == UInt8(ascii: "<") {
            let next = bytes[i + 1]
            if (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z"))
                || (next >= UInt8(ascii: "A") && next <= UInt8(ascii: "Z"))
            {
                count += 1
            }
        }
        return count
    }

    static func hrefs(in bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: " href=\"").dropFirst().compactMap {
            $0.split(separator: "\"", maxSplits: 1).first.map { Slug.decodePercent(String($0)) }
        }
    }

    /// What a web host sends for `bytes` with gzip at its highest level.
    static func gzipSize(_ bytes: [UInt8]) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-9", "-c"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data.count
    }
}
