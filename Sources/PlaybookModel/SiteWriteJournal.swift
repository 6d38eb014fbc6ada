/// The record of one all-or-nothing change to a site's own files (`playbook new`, `update`,
/// `init`), as `SiteTransaction` (PlaybookOutput) keeps it under `.playbook/transactions/<id>/`.
///
/// The journal is written only once every new file is staged beside it; its appearance is the
/// moment the change is decided. A transaction folder without a journal was interrupted before
/// that moment and is thrown away; one with a journal is finished by the next writing command.
/// The format is plain lines so a person can read what an interrupted command was doing.
package struct SiteWriteJournal: Hashable, Sendable {
    /// Where transactions live, relative to the site root.
    package static let folder = ".playbook/transactions"
    /// The journal's file name inside a transaction folder.
    package static let fileName = "journal"
    static let header = "playbook-transaction 1"

    package enum Step: Hashable, Sendable {
        /// Put the staged file number `staged` at `path` (site-relative), replacing what is there.
        case write(path: String, staged: Int)
        /// Remove the file at `path`.
        case remove(path: String)

        package var path: String {
            switch self {
            case .write(let path, _), .remove(let path): return path
            }
        }
    }

    /// The command line that made the change, for the message about an interrupted one.
    package var command: String
    /// In the order they are applied; the lineage record comes last.
    package var steps: [Step]

    package init(command: String, steps: [Step]) {
        self.command = command
        self.steps = steps
    }

    package var text: String {
        var out = Self.header + "\ncommand\t" + Self.escape(command) + "\n"
        for step in steps {
            switch step {
            case .write(let path, let staged): out += "write\t\(staged)\t\(Self.escape(path))\n"
            case .remove(let path): out += "remove\t\(Self.escape(path))\n"
            }
        }
        return out + "end\n"
    }

    /// Reads a journal; nil when it is not one or was cut short (it never is once renamed into
    /// place, but a person may have edited it).
    package static func parse(_ text: String) -> SiteWriteJournal? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.first == Substring(header) else { return nil }
        lines = lines.dropFirst()
        var command = ""
        var steps: [Step] = []
        var ended = false
        for line in lines where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields.first {
            case "command" where fields.count == 2: command = unescape(fields[1])
            case "write" where fields.count == 3:
                guard let staged = Int(fields[1]) else { return nil }
                steps.append(.write(path: unescape(fields[2]), staged: staged))
            case "remove" where fields.count == 2: steps.append(.remove(path: unescape(fields[1])))
            case "end" where fields.count == 1: ended = true
            default: return nil
            }
        }
        return ended ? SiteWriteJournal(command: command, steps: steps) : nil
    }

    /// Tabs, newlines and `%` as `%09`, `%0A`, `%25`: a path may hold any of them.
    static func escape<S: StringProtocol>(_ s: S) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\t": out += "%09"
            case "\n": out += "%0A"
            case "\r": out += "%0D"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func unescape(_ s: Substring) -> String {
        var out = ""
        var rest = s[...]
        while let percent = rest.firstIndex(of: "%") {
            out += rest[..<percent]
            let code = rest[percent...].dropFirst().prefix(2)
            switch code {
            case "09": out += "\t"
            case "0A": out += "\n"
            case "0D": out += "\r"
            case "25": out += "%"
            default: out += "%" + code
            }
            rest = rest[percent...].dropFirst(1 + code.count)
        }
        return out + rest
    }
}
