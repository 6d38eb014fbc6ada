import Foundation
import PlaybookLSP
import PlaybookModel

/// Drives a `LanguageServer` in-process as an editor would, with a hand-turned clock and the
/// debounced work kept until `runScheduled()`.
final class Client {
    var sent: [JSON] = []
    var scheduled: [() -> Void] = []
    var clock = 100.0
    var nextID = 1
    private(set) var server: LanguageServer!

    init() {
        server = LanguageServer(
            version: "test", indexing: .inline, send: { [unowned self] in self.sent.append($0) },
            schedule: { [unowned self] _, work in self.scheduled.append(work) }, now: { [unowned self] in self.clock })
    }

    /// Sends a request and returns its response.
    @discardableResult
    func request(_ method: String, _ params: JSON = [:]) -> JSON {
        let id = nextID
        nextID += 1
        server.handle(["jsonrpc": "2.0", "id": .int(id), "method": .string(method), "params": params])
        return sent.last { $0["id"] == .int(id) } ?? .null
    }

    func notify(_ method: String, _ params: JSON = [:]) {
        server.handle(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }

    func runScheduled() {
        let work = scheduled
        scheduled = []
        for job in work { job() }
    }

    func initialize(root: URL) {
        request("initialize", ["rootUri": .string(root.absoluteString), "capabilities": [:]])
        notify("initialized")
    }

    func open(_ url: URL, _ text: String, version: Int = 1) {
        notify(
            "textDocument/didOpen",
            [
                "textDocument": [
                    "uri": .string(url.absoluteString), "languageId": "markdown", "version": .int(version),
                    "text": .string(text),
                ]
            ])
    }

    func replaceAll(_ url: URL, _ text: String, version: Int) {
        notify(
            "textDocument/didChange",
            [
                "textDocument": ["uri": .string(url.absoluteString), "version": .int(version)],
                "contentChanges": [["text": .string(text)]],
            ])
    }

    /// The last diagnostics published for a document.
    func diagnostics(_ url: URL) -> [JSON]? {
        sent.last {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == url.absoluteString
        }?["params"]?["diagnostics"]?.array
    }

    var logs: [String] {
        sent.filter { $0["method"] == "window/logMessage" }.compactMap { $0["params"]?["message"]?.string }
    }
}
