import Foundation
import PlaybookModel

/// Output streams with colour only where it helps: a terminal, and `NO_COLOR` unset.
public struct Terminal: Sendable {
    let handle: FileHandle
    public let isTerminal: Bool
    public let useColor: Bool

    init(_ handle: FileHandle, fd: Int32) {
        self.handle = handle
        self.isTerminal = isatty(fd) == 1
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        self.useColor = isTerminal && !noColor
    }

    public static let standardOutput = Terminal(.standardOutput, fd: 1)
    public static let standardError = Terminal(.standardError, fd: 2)

    /// Writes `text` with its control characters escaped (`VisibleText`, newlines and tabs
    /// kept): whatever of the handbook it carries (a title, a path, a message) cannot act on the
    /// terminal. Text that holds the terminal's own sequences goes through `writeFormatted`.
    public func write(_ text: String) {
        handle.write(Data(VisibleText.escaped(text, keepingNewlines: true).utf8))
    }

    /// Writes `text` as it is: for colour (`paint`), progress lines and reports whose content
    /// parts went through `VisibleText` already (`DiagnosticReport.text`).
    public func writeFormatted(_ text: String) {
        handle.write(Data(text.utf8))
    }

    public func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
