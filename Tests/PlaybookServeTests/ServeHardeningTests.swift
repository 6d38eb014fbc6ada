import Foundation
import PlaybookServe
import TestSupport
import Testing

@testable import PlaybookServe

// Read with Foundation's JSONSerialization on purpose: a reader Playbook did not write judges what
// Playbook's `JSON` wrote, so an escaping mistake shared by our writer and reader cannot pass.

/// `serve` answers only for its own names, and outlives any broken save. (Issue 11.)
@Suite("serve: hosts and broken saves", .timeLimit(.minutes(3)))
struct ServeHardeningTests {
    @Test func answersOnlyForTheNamesItListensOn() async throws {
        try await withServedSite { served in
            let port = served.session.port
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)"] {
                #expect(try await served.client.get("/", host: host).status == 200, "\(host)")
            }
            // A rebinding page's own name, a wrong port, a missing port (80) and no Host at all.
            for host in ["evil.example:\(port)", "127.0.0.1.evil.example:\(port)", "127.0.0.1:1", "127.0.0.1", nil] {
                let response = try await served.client.get("/", host: .some(host))
                #expect(response.status == 421, "\(host ?? "no Host")")
                #expect(response.text.contains("answers only for"))
                #expect(!response.text.contains("读书会"))
            }
            #expect(try await served.client.get("/__playbook/events", host: "evil.example:\(port)").status == 421)
        }
    }

    @Test func theHostFilterReadsPortsAndWildcards() {
        let loopback = HostFilter(host: "127.0.0.1")
        loopback.listen(on: 8000)
        #expect(loopback.allows("localhost:8000") && loopback.allows("localhost.:8000"))
        #expect(!loopback.allows("192.168.1.5:8000") && !loopback.allows("localhost:8000x"))
        #expect(!loopback.allows("[::1]x:8000") && !loopback.allows(""))
        let everywhere = HostFilter(host: "0.0.0.0")
        everywhere.listen(on: 80)
        #expect(everywhere.allows("192.168.1.5") && everywhere.allows("[fe80::1]:80"))
        #expect(!everywhere.allows("handbook.example") && !everywhere.allows("192.168.1.5:8080"))
        let lan = HostFilter(host: "10.0.0.7")
        lan.listen(on: 9000)
        #expect(lan.allows("10.0.0.7:9000") && !lan.allows("10.0.0.8:9000"))
    }

    @Test func keepsServingThroughSavesThatBreakThePage() async throws {
        try await withServedSite { served in
            let events = try TestEventStream(port: served.session.port)
            _ = try #require(try await events.next())
            let breakages: [(path: String, bytes: [UInt8], rule: String)] = [
                ("content/groups/hangzhou/rules.md", Array("---\ntitle: [群规\n---\n".utf8), "frontmatter.yaml"),
                (
                    "content/groups/hangzhou/rules.md",
                    [0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A], ""
                ),
                ("playbook.yml", Array("title: [坏\n".utf8), ""),
                ("templates/page.mustache", Array("{{#page}}unclosed".utf8), ""),
            ]
            for breakage in breakages {
                try served.site.write(breakage.path, bytes: breakage.bytes)
                let status = try #require(try await events.next(named: "diagnostics"), "\(breakage.path)")
                let payload = try JSONSerialization.jsonObject(with: Data(status.data.utf8)) as? [String: Any]
                let diagnostics = try #require(payload?["diagnostics"] as? [[String: Any]])
                #expect(!diagnostics.isEmpty, "\(breakage.path)")
                if !breakage.rule.isEmpty {
                    #expect(diagnostics.contains { $0["rule"] as? String == breakage.rule })
                }
                let page = try await served.client.get("/groups/hangzhou/")
                #expect(page.status == 200, "\(breakage.path)")
                #expect(page.text.contains("playbook-overlay"), "\(breakage.path)")
                // Put it back before the next breakage, so each is judged alone.
                let original = ServedSite.files[breakage.path]
                if let original {
                    try served.site.write(breakage.path, original)
                } else {
                    try FileManager.default.removeItem(at: served.site.root.appendingPathComponent(breakage.path))
                }
                _ = try #require(try await events.next(named: "reload"), "after fixing \(breakage.path)")
            }
            #expect(try await served.client.get("/groups/hangzhou/rules/").text.contains("不刷屏"))
        }
    }
}
