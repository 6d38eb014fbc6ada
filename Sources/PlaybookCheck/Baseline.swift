import Foundation
import PlaybookModel

/// Known findings to tolerate while a handbook adopts the checker: `check --write-baseline`
/// records today's findings, later runs fail only on new ones.
///
/// A finding is known by its file, rule and the text of the line it points at, not by line
/// number or message: edits elsewhere in the file shift lines, and messages change with the
/// language, but neither makes an old finding new. Each entry tolerates one finding.
package struct Baseline: Hashable, Sendable {
    package struct Entry: Hashable, Sendable {
        package var file: String
        package var rule: String
        /// The trimmed text of the line the finding points at.
        package var context: String
        /// For people reading the file; not used for matching.
        package var message: String

        package init(file: String, rule: String, context: String, message: String) {
            self.file = file
            self.rule = rule
            self.context = context
            self.message = message
        }

        var key: String { file + "\u{0}" + rule + "\u{0}" + context }
    }

    package var entries: [Entry]

    package init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// The default file name, in the site root.
    package static let fileName = SiteLayout.baseline

    /// A baseline of `diagnostics`; `line` gives a file's line text.
    package init(recording diagnostics: [Diagnostic], line: (String, Int) -> String?) {
        entries = diagnostics.map {
            Entry(file: $0.file, rule: $0.rule, context: Self.context($0, line), message: $0.message)
        }
    }

    /// Splits `diagnostics` into the ones the baseline does not know (which count) and the known.
    package func filter(_ diagnostics: [Diagnostic], line: (String, Int) -> String?) -> (
        new: [Diagnostic], known: [Diagnostic]
    ) {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[entry.key, default: 0] += 1 }
        var new: [Diagnostic] = []
        var known: [Diagnostic] = []
        for d in diagnostics {
            let key = Entry(file: d.file, rule: d.rule, context: Self.context(d, line), message: "").key
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
                known.append(d)
            } else {
                new.append(d)
            }
        }
        return (new, known)
    }

    /// The baseline file's text: `{"version":1,"findings":[{"file","rule","context","message"}]}`.
    package func rendered() -> String {
        JSON.object([
            ("version", .int(1)),
            (
                "findings",
                .array(
                    entries.map {
                        .object([
                            ("file", .string($0.file)), ("rule", .string($0.rule)), ("context", .string($0.context)),
                            ("message", .string($0.message)),
                        ])
                    })
            ),
        ]).rendered(indented: true)
    }

    package struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        package var message: String
        package var description: String { message }
    }

    /// Reads a baseline file's text.
    package static func parse(_ text: String) -> Result<Baseline, Failure> {
        let document: JSON
        do {
            document = try JSON.parse(text)
        } catch {
            return .failure(Failure(message: "the baseline is not valid: \(error)"))
        }
        guard let version = document["version"]?.int else {
            return .failure(Failure(message: "the baseline is not valid: it has no `version` number"))
        }
        guard version == 1 else {
            return .failure(Failure(message: "baseline version \(version) is not supported (expected 1)"))
        }
        guard let findings = document["findings"]?.array else {
            return .failure(Failure(message: "the baseline is not valid: it has no `findings` list"))
        }
        var entries: [Entry] = []
        for (i, finding) in findings.enumerated() {
            guard let file = finding["file"]?.string, let rule = finding["rule"]?.string,
                let context = finding["context"]?.string, let message = finding["message"]?.string
            else {
                return .failure(
                    Failure(
                        message:
                            "the baseline is not valid: finding \(i + 1) needs the texts `file`, `rule`, `context` and `message`"
                    ))
            }
            entries.append(Entry(file: file, rule: rule, context: context, message: message))
        }
        return .success(Baseline(entries: entries))
    }

    private static func context(_ d: Diagnostic, _ line: (String, Int) -> String?) -> String {
        (line(d.file, d.position.line) ?? "").trimmingCharacters(in: .whitespaces)
    }
}
