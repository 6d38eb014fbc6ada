import ArgumentParser
import Dispatch
import Foundation
import PlaybookEngine
import PlaybookModel
import PlaybookServe

struct ServeCommand: PlaybookSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the handbook, serve it locally and rebuild on every save.",
        discussion: """
            Open pages reload by themselves after each save, keeping their scroll position. \
            While any check fails, pages show the diagnostics over the content instead. The site \
            is written to --output (default: a temporary folder, removed on exit) exactly as \
            `playbook build` writes it; the reload script is added only when serving. Ctrl-C stops.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(
        help: ArgumentHelp(
            "The address to listen on; anything but loopback shares the handbook with the network.", valueName: "ip"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port: UInt16 = 8000

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Where to write the site (default: a temporary folder).", valueName: "dir"))
    var output: String?

    func run(in context: CommandContext) throws {
        let early = Messages(language: site.language(site: nil, context))
        if !PreviewSession.isLoopback(host) {
            context.standardError.writeFormatted(
                "\(context.standardError.paint("warning", "1;33")): \(VisibleText.escaped(early.sharedOnNetwork(host)))\n"
            )
        }
        let options = ServeOptions(
            source: site.root(context), host: host, port: port, output: output.map(context.url))
        let quiet = site.quiet
        let explicit = site.lang.explicit
        let finished = DispatchSemaphore(value: 0)
        let state = ServeState()
        // A queue of their own, so a signal is handled even while the shared pool is busy.
        let signalQueue = DispatchQueue(label: "playbook.serve.signals")
        let signals = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: signalQueue)
            source.setEventHandler {
                // Before the server is up there is nothing to release: stop at once, taking the
                // temporary output with it (a later `serve` sweeps what a write adds after this).
                guard let session = state.session else {
                    if options.output == nil { PreviewSession.removeOwnTemporaryOutput() }
                    Foundation.exit(130)
                }
                // A stop waits for a rebuild in progress, which on a large handbook takes seconds:
                // after one second (or at a second Ctrl-C) the process ends anyway, taking its
                // temporary output with it; files it was replacing in an --output have temporary
                // names that the next build never keeps.
                if state.stopping {
                    if options.output == nil { PreviewSession.removeOwnTemporaryOutput() }
                    Foundation.exit(130)
                }
                state.stopping = true
                // A thread of its own: the shared pools may all be waiting on the rebuild.
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: 1)
                    if options.output == nil { PreviewSession.removeOwnTemporaryOutput() }
                    Foundation.exit(130)
                }
                Task {
                    await session.stop()
                    finished.signal()
                }
            }
            source.resume()
            return source
        }
        // Not set to ignored: libdispatch installs its own handler for a signal source, and
        // ignoring the signal either before that (a Ctrl-C in between was lost) or after it (the
        // handler is replaced, and every Ctrl-C is lost) let a serve run on. Until the handler is
        // in place, a Ctrl-C ends the process at once; nothing is written yet then.
        Task {
            do {
                let session = try await PreviewSession.start(options) {
                    Self.print($0, quiet: quiet, explicit: explicit, context)
                }
                state.session = session
                Self.printStart(
                    session, quiet: quiet, showOutput: options.output != nil, explicit: explicit, context)
            } catch {
                state.error = error
                finished.signal()
            }
        }
        finished.wait()
        signals.forEach { $0.cancel() }
        if let error = state.error {
            if let serve = error as? ServeError {
                context.standardError.write("error: \(serve.description)\n")
                // Not done, nothing changed: the address cannot be used (the exit table's 2).
                throw ExitCode(ExitStatus.refused.rawValue)
            }
            throw error
        }
        if !quiet { context.standardOutput.write(early.stopped() + "\n") }
    }

    static func printStart(
        _ session: PreviewSession, quiet: Bool, showOutput: Bool, explicit: Language?, _ context: CommandContext
    ) {
        let messages = Messages(language: explicit ?? session.initialCheck.handbook.config.language)
        // Errors are listed, a screenful at most; warnings are counted: the pages show both,
        // and `playbook check` lists them all.
        let report = Report(check: session.initialCheck, quiet: true, messages: messages)
        report.printDiagnostics(context, limit: 20)
        if !session.initialCheck.diagnostics.isEmpty, !quiet || session.initialCheck.diagnostics.hasErrors {
            context.standardError.write(messages.pagesShowFindings(report.counts) + "\n")
        }
        let title = session.initialCheck.handbook.config.title
        context.standardOutput.write(messages.serving(title, at: session.url) + "\n")
        if !quiet, showOutput {
            context.standardOutput.write(messages.writingSite(to: context.display(session.output)) + "\n")
        }
    }

    static func print(_ event: ServeReport, quiet: Bool, explicit: Language?, _ context: CommandContext) {
        switch event {
        case .rebuilt(let rebuilt):
            let check = rebuilt.check
            let messages = Messages(language: explicit ?? check.handbook.config.language)
            if check.diagnostics.hasErrors {
                Report(check: check, quiet: true, messages: messages).printDiagnostics(context, limit: 20)
                context.standardError.write(
                    messages.pagesShowFindings(Report(check: check, quiet: quiet, messages: messages).counts) + "\n")
            }
            guard !quiet else { return }
            let ms = Int(
                rebuilt.elapsed.components.seconds * 1000 + rebuilt.elapsed.components.attoseconds
                    / 1_000_000_000_000_000)
            context.standardOutput.write(
                messages.rebuilt(files: rebuilt.files, milliseconds: ms, wholeSite: rebuilt.wholeSite) + "\n")
        case .failed(let error):
            context.standardError.write("error: \(VisibleText.escaped(error.description))\n")
        }
    }
}

/// The running session or the start-up failure, shared by the serving task, the signal
/// handlers and the waiting command. Unchecked: safe because every field is read and written
/// under `lock`.
private final class ServeState: @unchecked Sendable {
    private let lock = NSLock()
    private var _session: PreviewSession?
    private var _error: Error?
    private var _stopping = false

    var stopping: Bool {
        get { lock.withLock { _stopping } }
        set { lock.withLock { _stopping = newValue } }
    }

    var session: PreviewSession? {
        get { lock.withLock { _session } }
        set { lock.withLock { _session = newValue } }
    }

    var error: Error? {
        get { lock.withLock { _error } }
        set { lock.withLock { _error = newValue } }
    }
}
