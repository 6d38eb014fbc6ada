import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookSource

/// The protocol side of `playbook lsp`: takes decoded messages, keeps the open documents and the
/// handbook, and sends responses and notifications through `send`. Not thread-safe: the
/// transport calls it from one queue, and `schedule` must run its work on that queue too
/// (hence `@unchecked Sendable`: it is handed to that queue, never shared across threads).
package final class LanguageServer: @unchecked Sendable {
    /// JSON-RPC and LSP error codes.
    package enum ErrorCode: Int, Sendable {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        case serverNotInitialized = -32002
    }

    /// A failure a handler reports as an error response (or, for a notification, a log line).
    package struct Failure: Error, Sendable {
        package var code: ErrorCode
        package var message: String

        package init(_ code: ErrorCode, _ message: String) {
            self.code = code
            self.message = message
        }
    }

    enum State { case starting, running, shutDown }

    let send: (JSON) -> Void
    /// Runs work after a delay in seconds, on the queue that calls `handle`.
    let schedule: (Double, @escaping () -> Void) -> Void
    let now: () -> Double
    /// Seconds a change waits for more changes before it is checked, when a check ran recently.
    var debounce: Double

    var state = State.starting
    /// The exit status, once `exit` arrived: 0 after `shutdown`, 1 without.
    package private(set) var exitCode: Int32?

    var root: URL?
    var session: Engine?
    var language: Language?
    var documents: [String: TextDocument] = [:]
    /// Open documents whose text changed since the handbook last took it.
    var dirty: Set<String> = []
    var checkScheduled = false
    var lastCheck = -Double.infinity
    var watchesFiles = false
    var nextRequestID = 1
    /// Documents already told (once) why they are not checked.
    var explained: Set<String> = []

    let version: String

    /// Where the site is read and checked when a folder opens: off the protocol's queue, so
    /// `initialize` answers at once and requests are served while the handbook is indexed.
    package enum Indexing: Sendable {
        /// On a thread of its own; the engine is handed back through `schedule`.
        case background
        /// On the calling queue, before `initialize` answers (for tests that turn the clock by hand).
        case inline
    }
    let indexing: Indexing
    /// How many loads were started: a load that finishes after a newer one started is dropped.
    var loads = 0
    /// True from the start of a load until its engine is in place.
    var isIndexing = false
    /// The token of the progress the client shows while the handbook is indexed, once created.
    var progressToken: JSON?
    /// Whether the client can show server-started progress (`window.workDoneProgress`).
    var showsProgress = false

    package init(
        version: String, language: Language? = nil, debounce: Double = 0.15, indexing: Indexing = .background,
        send: @escaping (JSON) -> Void,
        schedule: @escaping (Double, @escaping () -> Void) -> Void,
        now: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.indexing = indexing
        self.version = version
        self.language = language
        self.debounce = debounce
        self.send = send
        self.schedule = schedule
        self.now = now
    }

    // MARK: - Dispatch

    /// Handles one frame from the transport.
    package func receive(_ frame: MessageFramer.Frame) {
        switch frame {
        case .malformed(let reason):
            log(.error, "skipped a malformed message: \(reason)")
        case .body(let bytes):
            let message: JSON
            do {
                message = try JSON.parse(bytes)
            } catch {
                respond(id: .null, error: Failure(.parseError, "the message is not JSON: \(error)"))
                return
            }
            handle(message)
        }
    }

    /// Handles one decoded message: a request gets exactly one response, a notification none.
    package func handle(_ message: JSON) {
        guard case .object = message else {
            respond(id: .null, error: Failure(.invalidRequest, "a message must be a JSON object"))
            return
        }
        let id = message["id"]
        guard let method = message["method"]?.string else {
            // A response to a request of ours (a registration): nothing waits on it.
            if id == nil { respond(id: .null, error: Failure(.invalidRequest, "a message without a method")) }
            return
        }
        let params = message["params"] ?? .null
        if let id {
            do {
                respond(id: id, result: try request(method, params))
            } catch let failure as Failure {
                respond(id: id, error: failure)
            } catch {
                respond(id: id, error: Failure(.internalError, "\(method) failed: \(error)"))
            }
        } else {
            do {
                try notification(method, params)
            } catch {
                log(.error, "\(method) failed: \((error as? Failure)?.message ?? "\(error)")")
            }
        }
    }

    func request(_ method: String, _ params: JSON) throws -> JSON {
        switch (state, method) {
        case (.starting, "initialize"): return try initialize(params)
        case (.starting, _): throw Failure(.serverNotInitialized, "initialize first")
        case (.shutDown, _): throw Failure(.invalidRequest, "the server is shutting down")
        case (.running, "initialize"): throw Failure(.invalidRequest, "initialize was already called")
        case (.running, "shutdown"):
            state = .shutDown
            return .null
        case (.running, "textDocument/completion"): return try completion(params)
        case (.running, "textDocument/hover"): return try hover(params)
        case (.running, "textDocument/definition"): return try definition(params)
        case (.running, "textDocument/documentSymbol"): return try documentSymbols(params)
        case (.running, "textDocument/codeAction"): return try codeActions(params)
        default: throw Failure(.methodNotFound, "unknown method \(method)")
        }
    }

    func notification(_ method: String, _ params: JSON) throws {
        if method == "exit" {
            exitCode = state == .shutDown ? 0 : 1
            return
        }
        guard state == .running else { return }
        switch method {
        case "initialized":
            registerWatchers()
            beginProgress()
        case "textDocument/didOpen": try didOpen(params)
        case "textDocument/didChange": try didChange(params)
        case "textDocument/didSave": try didSave(params)
        case "textDocument/didClose": try didClose(params)
        case "workspace/didChangeWatchedFiles": try didChangeWatchedFiles(params)
        default: break  // `$/cancelRequest`, `$/setTrace` and others the server has no use for.
        }
    }

    // MARK: - Lifecycle

    func initialize(_ params: JSON) throws -> JSON {
        let options = params["initializationOptions"]
        if let ms = options?["debounceMilliseconds"]?.int { debounce = Double(max(ms, 0)) / 1000 }
        if let lang = options?["language"]?.string {
            guard let chosen = Language(rawValue: lang) else {
                throw Failure(.invalidParams, "initializationOptions.language \(lang): use zh-Hans, zh-Hant or en")
            }
            language = chosen
        }
        watchesFiles =
            params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool ?? false
        showsProgress = params["capabilities"]?["window"]?["workDoneProgress"]?.bool ?? false
        let folders = (params["workspaceFolders"]?.array ?? []).compactMap { $0["uri"]?.string }
        let candidates = folders + [params["rootUri"]?.string].compactMap { $0 }
        var start = candidates.compactMap(Self.fileURL).first
        if start == nil, let path = params["rootPath"]?.string { start = URL(fileURLWithPath: path) }
        state = .running
        if let start { openSite(containing: start) }
        return [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "completionProvider": ["triggerCharacters": ["#", "(", "/", ":", " ", "{"]],
                "hoverProvider": true,
                "definitionProvider": true,
                "documentSymbolProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
            ],
            "serverInfo": ["name": "playbook", "version": .string(version)],
        ]
    }

    /// Loads the site whose `playbook.yml` is nearest above `url`; says so when there is none.
    func openSite(containing url: URL) {
        guard let found = SiteReader.siteRoot(containing: url) else {
            log(.warning, "no playbook.yml in \(url.path) or above it; open the folder of a Playbook site")
            return
        }
        root = found
        reloadSession()
    }

    /// Reads the whole site (again, when its config, rules or baseline changed) and checks it:
    /// in the background (`indexing`), while the protocol goes on; the documents the editor
    /// holds are given to the engine once it is in place, and their findings published.
    func reloadSession() {
        guard let root else { return }
        loads += 1
        let load = loads
        isIndexing = true
        let language = self.language
        let work: @Sendable () -> Result<Engine, any Error> = {
            Result {
                Engine(
                    try Pipeline.load(siteAt: root, history: false), settings: EngineSettings(language: language))
            }
        }
        switch indexing {
        case .inline:
            install(work(), load: load)
        case .background:
            let handOver = Handover(schedule: schedule)
            Thread.detachNewThread { [self] in
                let result = work()
                handOver.run { self.install(result, load: load) }
            }
        }
    }

    /// Puts a loaded engine in place, with the editor's texts of open documents, and publishes
    /// their findings; a load overtaken by a newer one is dropped.
    func install(_ loaded: Result<Engine, any Error>, load: Int) {
        guard load == loads, state != .shutDown, let root else { return }
        isIndexing = false
        do {
            var engine = try loaded.get()
            // Gathered once here, not on every request that reads the handbook's facts.
            engine.prepare()
            for document in documents.values {
                if let path = sitePath(document.uri), engine.reads(path) {
                    try engine.update(path, bytes: document.bytes)
                }
            }
            session = engine
            dirty = []
            log(.info, "checked \(engine.handbook.pages.count) pages in \(root.path)")
            endProgress("\(engine.handbook.pages.count) pages")
            for uri in documents.keys.sorted() { publish(uri) }
        } catch {
            session = nil
            log(.error, "cannot read the site: \(error)")
            endProgress("cannot read the site")
        }
    }

    /// Shows the client that the handbook is being indexed, when it can show server-started
    /// progress and a load is under way.
    func beginProgress() {
        guard showsProgress, isIndexing, progressToken == nil else { return }
        let token: JSON = .string("playbook-index-\(loads)")
        send([
            "jsonrpc": "2.0", "id": .int(nextRequestID), "method": "window/workDoneProgress/create",
            "params": ["token": token],
        ])
        nextRequestID += 1
        progressToken = token
        send(
            Self.notification(
                "$/progress",
                [
                    "token": token,
                    "value": [
                        "kind": "begin", "title": "Playbook", "message": "reading the handbook", "cancellable": false,
                    ],
                ]))
    }

    func endProgress(_ message: String) {
        guard let token = progressToken else { return }
        progressToken = nil
        send(Self.notification("$/progress", ["token": token, "value": ["kind": "end", "message": .string(message)]]))
    }

    func registerWatchers() {
        guard watchesFiles, root != nil else { return }
        // The site's inputs as the load stage lists them; changes to files the session does not
        // read (theme files, say) are passed over when they arrive.
        let watchers = JSON.array(SiteLayout.watchPatterns.map { ["globPattern": .string($0)] })
        send([
            "jsonrpc": "2.0", "id": .int(nextRequestID), "method": "client/registerCapability",
            "params": [
                "registrations": [
                    [
                        "id": "playbook-watch", "method": "workspace/didChangeWatchedFiles",
                        "registerOptions": ["watchers": watchers],
                    ]
                ]
            ],
        ])
        nextRequestID += 1
    }

    // MARK: - Documents

    func didOpen(_ params: JSON) throws {
        let item = try Self.require(params["textDocument"], "textDocument")
        let uri = try Self.require(item["uri"]?.string, "textDocument.uri")
        let text = try Self.require(item["text"]?.string, "textDocument.text")
        documents[uri] = TextDocument(uri: uri, version: item["version"]?.int ?? 0, text: text)
        if root == nil, let url = Self.fileURL(uri) { openSite(containing: url) }
        dirty.insert(uri)
        checkSoon(immediately: true)
    }

    func didChange(_ params: JSON) throws {
        let uri = try Self.require(params["textDocument"]?["uri"]?.string, "textDocument.uri")
        guard var document = documents[uri] else { throw Failure(.invalidParams, "\(uri) is not open") }
        for change in params["contentChanges"]?.array ?? [] {
            let text = try Self.require(change["text"]?.string, "contentChanges.text")
            if let range = change["range"] {
                document.apply((try Self.position(range["start"]), try Self.position(range["end"])), text: text)
            } else {
                document.apply(nil, text: text)
            }
        }
        document.version = params["textDocument"]?["version"]?.int ?? document.version
        documents[uri] = document
        dirty.insert(uri)
        checkSoon(immediately: false)
    }

    func didSave(_ params: JSON) throws {
        let uri = try Self.require(params["textDocument"]?["uri"]?.string, "textDocument.uri")
        if let text = params["text"]?.string, var document = documents[uri] {
            document.apply(nil, text: text)
            documents[uri] = document
            dirty.insert(uri)
        }
        if let path = sitePath(uri), path == Baseline.fileName || isRuleFile(path) {
            reloadSession()
        }
        checkSoon(immediately: true)
    }

    func didClose(_ params: JSON) throws {
        let uri = try Self.require(params["textDocument"]?["uri"]?.string, "textDocument.uri")
        documents[uri] = nil
        dirty.remove(uri)
        explained.remove(uri)
        // The handbook goes back to what is on disk for the page.
        if let root, let path = sitePath(uri), session?.reads(path) == true {
            let changes = try ChangeSet.read([path], siteAt: root, known: [path])
            for (changed, bytes) in changes.files { try session?.update(changed, bytes: bytes) }
        }
        send(Self.notification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []]))
        checkSoon(immediately: true)
    }

    func didChangeWatchedFiles(_ params: JSON) throws {
        guard let root else { return }
        // A site that could not be read (a broken playbook.yml, say) is tried again on any change.
        guard session != nil else {
            reloadSession()
            checkSoon(immediately: true)
            return
        }
        var paths: Set<String> = []
        var reload = false
        for change in params["changes"]?.array ?? [] {
            guard let uri = change["uri"]?.string, let path = sitePath(uri) else { continue }
            // What the editor holds wins over the disk for open documents.
            if documents[uri] != nil || documents.values.contains(where: { sitePath($0.uri) == path }) { continue }
            if path == Baseline.fileName || isRuleFile(path) {
                reload = true
            } else if session?.reads(path) == true {
                paths.insert(path)
            }
        }
        if reload {
            reloadSession()
        } else if !paths.isEmpty {
            let known = Set(paths.filter { session?.page($0) != nil })
            let changes = try ChangeSet.read(paths, siteAt: root, known: known)
            for (path, bytes) in changes.files { try session?.update(path, bytes: bytes) }
            for gone in paths where changes.files[gone] == nil { try session?.update(gone, bytes: nil) }
        }
        checkSoon(immediately: true)
    }

    func isRuleFile(_ path: String) -> Bool {
        guard let session else { return path == "playbook.yml" }
        return path == "playbook.yml" || RuleSet.referencedFiles(in: session.handbook.config).contains(path)
    }

    // MARK: - Checking

    /// Checks the open documents now, when no check ran in the last `debounce` seconds (or
    /// `immediately`), else once the window has passed: one check per burst of typing, and a
    /// single change checked at once.
    func checkSoon(immediately: Bool) {
        guard !checkScheduled else { return }
        let wait = immediately ? 0 : debounce - (now() - lastCheck)
        if wait <= 0 {
            checkOpenDocuments()
            return
        }
        checkScheduled = true
        schedule(wait) { [weak self] in
            guard let self else { return }
            self.checkScheduled = false
            guard self.state == .running else { return }
            self.checkOpenDocuments()
        }
    }

    /// Hands the changed texts to the handbook, then publishes every open page's findings:
    /// a change to one page can change another's (a link to a heading that was renamed).
    func checkOpenDocuments() {
        lastCheck = now()
        for uri in dirty.sorted() {
            guard let document = documents[uri], let path = sitePath(document.uri), session?.reads(path) == true
            else { continue }
            do {
                try session?.update(path, bytes: document.bytes)
            } catch {
                log(.error, "\(path): \(error)")
            }
        }
        dirty = []
        for uri in documents.keys.sorted() { publish(uri) }
        lastCheck = now()
    }

    func publish(_ uri: String) {
        guard let document = documents[uri] else { return }
        // Until the handbook is indexed there is nothing to say; the findings follow then.
        if isIndexing { return }
        guard let session, let path = sitePath(uri), session.reads(path) else {
            if explained.insert(uri).inserted {
                let place = root.map { "the site at \($0.path)" } ?? "a Playbook site"
                log(.info, "\(uri) is not a page of \(place), so it is not checked")
            }
            return
        }
        let found = session.diagnostics(for: path).new
        send(
            Self.notification(
                "textDocument/publishDiagnostics",
                [
                    "uri": .string(uri), "version": .int(document.version),
                    "diagnostics": .array(found.map { Self.diagnostic($0, in: document) }),
                ]))
    }

    /// A finding as the protocol shows it: from its column to the end of its line, the rule
    /// id as the code, the hint under the message (and both apart in `data`).
    static func diagnostic(_ d: Diagnostic, in document: TextDocument) -> JSON {
        let start = document.position(line: d.position.line, column: d.position.column)
        let end = max(start.character, document.lineLength(start.line))
        var message = d.message
        if let hint = d.hint { message += "\n" + hint }
        return [
            "range": range(start, TextDocument.Position(line: start.line, character: end)),
            "severity": d.severity == .error ? 1 : 2,
            "code": .string(d.rule),
            "source": "playbook",
            "message": .string(message),
            "data": [
                "message": .string(d.message), "hint": d.hint.map(JSON.string) ?? .null,
                "line": .int(d.position.line), "column": .int(d.position.column),
            ],
        ]
    }

    // MARK: - Helpers

    /// The site-relative path of a document, when it is inside the site.
    func sitePath(_ uri: String) -> String? {
        guard let root, let url = Self.fileURL(uri) else { return nil }
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return nil }
        return String(path.dropFirst(base.count + 1))
    }

    func uri(forSitePath path: String) -> String? {
        root.map { $0.appendingPathComponent(path).absoluteString }
    }

    static func fileURL(_ uri: String) -> URL? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url
    }

    enum LogLevel: Int { case error = 1, warning = 2, info = 3 }

    func log(_ level: LogLevel, _ message: String) {
        send(Self.notification("window/logMessage", ["type": .int(level.rawValue), "message": .string(message)]))
    }

    func respond(id: JSON, result: JSON) {
        send(["jsonrpc": "2.0", "id": id, "result": result])
    }

    func respond(id: JSON, error: Failure) {
        send([
            "jsonrpc": "2.0", "id": id,
            "error": ["code": .int(error.code.rawValue), "message": .string(error.message)],
        ])
    }

    static func notification(_ method: String, _ params: JSON) -> JSON {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }

    static func require<T>(_ value: T?, _ name: String) throws -> T {
        guard let value else { throw Failure(.invalidParams, "missing \(name)") }
        return value
    }

    static func position(_ json: JSON?) throws -> TextDocument.Position {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int else {
            throw Failure(.invalidParams, "a position needs line and character")
        }
        // Clamped, so no arithmetic on a hostile number can overflow; positions past the text
        // mean its end, as the protocol says.
        let limit = Int(Int32.max)
        return TextDocument.Position(line: min(max(line, 0), limit), character: min(max(character, 0), limit))
    }

    static func position(_ p: TextDocument.Position) -> JSON {
        ["line": .int(p.line), "character": .int(p.character)]
    }

    static func range(_ start: TextDocument.Position, _ end: TextDocument.Position) -> JSON {
        ["start": position(start), "end": position(end)]
    }

    /// The open document a request names, and its site path when it is in the site.
    func document(_ params: JSON) throws -> (TextDocument, String?) {
        let uri = try Self.require(params["textDocument"]?["uri"]?.string, "textDocument.uri")
        guard let document = documents[uri] else { throw Failure(.invalidParams, "\(uri) is not open") }
        return (document, sitePath(uri))
    }
}

/// Hands work from the indexing thread to the protocol's queue (`schedule` runs it there).
/// Safe to send across threads: it holds only the `schedule` function, which the transport
/// makes safe to call from any thread.
struct Handover: @unchecked Sendable {
    let schedule: (Double, @escaping () -> Void) -> Void

    func run(_ work: @escaping () -> Void) { schedule(0, work) }
}
