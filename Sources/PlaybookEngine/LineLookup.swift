import PlaybookModel

/// The text of any line of any checked file, for caret displays and baselines. Each file is
/// split into lines once, the first time one of its lines is asked for, so reporting stays
/// linear however many findings a long file has.
package final class LineLookup {
    private var sources: [String: String] = [:]
    private var lines: [String: [Substring.UTF8View]] = [:]

    package init(_ result: CheckResult) {
        for page in result.handbook.pages { sources[page.path] = page.source.text }
        if let config = result.files.config { sources[result.files.configPath] = config }
    }

    /// Any texts by path.
    package init(texts: [String: String]) {
        sources = texts
    }

    package func line(_ file: String, _ number: Int) -> String? {
        if lines[file] == nil, let text = sources[file] { lines[file] = Self.split(text) }
        guard let split = lines[file], number >= 1, number <= split.count else { return nil }
        return Self.text(split[number - 1])
    }

    // Split on bytes: in a String, "\r\n" is one Character and would not split on "\n".
    private static func split(_ text: String) -> [Substring.UTF8View] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    private static func text(_ line: Substring.UTF8View) -> String {
        String(Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line))
    }
}
