import Foundation
import PlaybookModel

/// Where a command's output goes, with colour only where it helps: a terminal, and `NO_COLOR`
/// unset. Either one of the process's standard streams or a buffer (`PlaybookCommand.run`
/// captures a run's output in one, with no colour and no progress line).
package struct Terminal: Sendable {
    private enum Sink: Sendable {
        case handle(FileHandle)
        case buffer(OutputBuffer)
    }

    private let sink: Sink
    package let isTerminal: Bool
    package let useColor: Bool

    /// The process's stream `handle` (file descriptor `fd`).
    init(_ handle: FileHandle, fd: Int32, environment: [String: String]) {
        sink = .handle(handle)
        isTerminal = isatty(fd) == 1
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        useColor = isTerminal && !noColor
    }

    /// Output kept in `buffer`: not a terminal, so never coloured.
    init(capturingInto buffer: OutputBuffer) {
        sink = .buffer(buffer)
        isTerminal = false
        useColor = false
    }

    /// Writes `text` with its control characters escaped (`VisibleText`, newlines and tabs
    /// kept): whatever of the handbook it carries (a title, a path, a message) cannot act on the
    /// terminal. Text that holds the terminal's own sequences goes through `writeFormatted`.
    package func write(_ text: String) {
        writeFormatted(VisibleText.escaped(text, keepingNewlines: true))
    }

    /// Writes `text` as it is: for colour (`paint`), progress lines and reports whose content
    /// parts went through `VisibleText` already (`DiagnosticReport.text`).
    package func writeFormatted(_ text: String) {
        switch sink {
        case .handle(let handle): handle.write(Data(text.utf8))
        case .buffer(let buffer): buffer.append(text)
        }
    }

    package func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// The text a captured stream received, in order. Unchecked: `text` is read and written only
/// under `lock` (a command may write from the serving task and a signal handler at once).
final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var _text = ""

    func append(_ more: String) { lock.withLock { _text += more } }

    var text: String { lock.withLock { _text } }
}

/// What one run of the command line reads and writes besides its arguments: the folder relative
/// paths start from, the environment, the two output streams and whether a person can answer
/// questions on standard input. Commands take it as a parameter, so runs in one process (tests)
/// never share a stream, a folder or a language.
package struct CommandContext: Sendable {
    package var directory: URL
    package var environment: [String: String]
    package var standardOutput: Terminal
    package var standardError: Terminal
    /// Standard input is a terminal (`new --from` asks for missing answers there).
    package var interactive: Bool

    /// The process's own: its current folder, environment and standard streams.
    package static func process() -> CommandContext {
        let environment = ProcessInfo.processInfo.environment
        return CommandContext(
            directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            environment: environment,
            standardOutput: Terminal(.standardOutput, fd: 1, environment: environment),
            standardError: Terminal(.standardError, fd: 2, environment: environment),
            interactive: isatty(0) == 1)
    }

    /// `path` as the user typed it, relative to `directory`.
    func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory.path, isDirectory: true))
            .standardizedFileURL
    }

    /// `url` as it is shown: relative to `directory` when inside it, with a closing `/`.
    func display(_ url: URL) -> String {
        let cwd = directory.path + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) + "/" : url.path + "/"
    }
}

/// What a run of the command line gave: its exit status and everything it printed.
package struct CommandOutput: Sendable, Equatable {
    package var status: Int32
    package var stdout: String
    package var stderr: String
}
