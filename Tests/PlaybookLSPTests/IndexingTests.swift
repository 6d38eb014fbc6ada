import Foundation
import PlaybookLSP
import PlaybookModel
import TestSupport
import Testing

/// Issue 23: `initialize` answers before the handbook is read; the handbook is indexed on a
/// thread of its own, with progress the editor shows, and the open pages get their findings
/// once it is in place.
@Suite struct IndexingTests {
    /// A server on a serial queue of its own, as `playbook lsp` runs it, recording what it sends.
    final class Harness: @unchecked Sendable {
        // `sent` is guarded by `lock`; the server is touched only on `queue`.
        let queue = DispatchQueue(label: "indexing-test")
        let lock = NSLock()
        var sent: [JSON] = []
        var server: LanguageServer!

        init() {
            let queue = self.queue
            server = LanguageServer(
                version: "test", indexing: .background,
                send: { [unowned self] message in lock.withLock { sent.append(message) } },
                schedule: { delay, work in
                    let job = Job(work)
                    queue.asyncAfter(deadline: .now() + delay) { job.run() }
                })
        }

        func handle(_ message: JSON) { queue.sync { server.handle(message) } }

        func messages() -> [JSON] { lock.withLock { sent } }

        /// Waits until a sent message satisfies `test`, for at most `seconds`.
        func wait(seconds: Double, for test: (JSON) -> Bool) -> JSON? {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                if let found = messages().first(where: test) { return found }
                usleep(10_000)
            }
            return nil
        }
    }

    /// Work for the harness's queue; only ever run there.
    final class Job: @unchecked Sendable {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
        func run() { work() }
    }

    @Test func initializeAnswersBeforeTheHandbookIsIndexedAndProgressEndsWithIt() async throws {
        let site = try TemporarySite([
            "playbook.yml": "title: 手册\nlanguage: zh-Hans\n",
            "content/sops/morning.md": "---\ntitle: 早安帖\nkind: sop\n---\n# 早安帖\n\n八点发。\n",
        ])
        defer { site.remove() }
        try await offThePool {
            let harness = Harness()
            harness.handle([
                "jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": [
                    "rootUri": .string(site.root.absoluteString),
                    "capabilities": ["window": ["workDoneProgress": true]],
                ],
            ])
            // The answer is the first thing sent: nothing was read before it.
            #expect(harness.messages().first?["id"] == .int(1))
            harness.handle(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
            let page = site.root.appendingPathComponent("content/sops/morning.md")
            harness.handle([
                "jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": [
                    "textDocument": [
                        "uri": .string(page.absoluteString), "languageId": "markdown", "version": 1,
                        "text": "---\ntitle: 早安帖\nkind: sop\n---\n# 早安帖\n\n八点发。\n",
                    ]
                ],
            ])
            let published = harness.wait(seconds: 60) { $0["method"]?.string == "textDocument/publishDiagnostics" }
            #expect(published?["params"]?["uri"]?.string == page.absoluteString)
            // An SOP without an owner or steps has findings, and they reached the editor.
            #expect(published?["params"]?["diagnostics"]?.array?.isEmpty == false)
            let progress = harness.messages().filter { $0["method"]?.string == "$/progress" }
            let kinds = progress.compactMap { $0["params"]?["value"]?["kind"]?.string }
            // The index may finish before `initialized`; then there is no progress to show.
            #expect(kinds.isEmpty || kinds == ["begin", "end"], "\(kinds)")
        }
    }
}
