import Foundation

/// Sections of a check case that plain text cannot hold (see Cases/README.md):
///
/// - `-- generated: PATH --` (PATH may be a quoted string with the escapes below): the file's
///   bytes built by one directive per line,
///   `text "…"` (appended once) or `repeat N "…"` (appended N times). Strings take `\n`, `\r`, `\t`,
///   `\\`, `\"`, `\u{HEX}` (a Unicode scalar, as UTF-8) and `\xHH` (one raw byte).
/// - `-- symlink: PATH --`: a symbolic link at PATH to the one-line target below.
/// - `-- fifo: PATH --`: a named pipe at PATH (a file no reader should wait on).
public enum GeneratedFile {
    /// Writes one section into `site`; false when `path` is a plain file section.
    public static func write(section path: String, text: String, into site: TemporarySite) throws -> Bool {
        if let target = path.dropPrefix("generated: ") {
            // A quoted path takes the same escapes, for names a text editor would normalise.
            let name = target.hasPrefix("\"") ? String(decoding: try unquote(target[...]), as: UTF8.self) : target
            try site.write(name, bytes: try bytes(text))
        } else if let target = path.dropPrefix("symlink: ") {
            let url = site.root.appendingPathComponent(target)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let destination = text.trimmingCharacters(in: .whitespacesAndNewlines)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
        } else if let target = path.dropPrefix("fifo: ") {
            let url = site.root.appendingPathComponent(target)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard mkfifo(url.path, 0o644) == 0 else { throw Failure(message: "mkfifo \(target) failed") }
        } else {
            return false
        }
        return true
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The bytes a `generated:` section describes.
    public static func bytes(_ script: String) throws -> [UInt8] {
        var out: [UInt8] = []
        for line in script.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
            let words = line.split(separator: " ", maxSplits: 2)
            if words.first == "text", let quoted = line.firstIndex(of: "\"") {
                out += try unquote(line[quoted...])
            } else if words.first == "repeat", words.count == 3, let count = Int(words[1]) {
                let unit = try unquote(words[2])
                for _ in 0..<count { out += unit }
            } else {
                throw Failure(message: "cannot read generated-file directive: \(line)")
            }
        }
        return out
    }

    static func unquote(_ quoted: Substring) throws -> [UInt8] {
        guard quoted.count >= 2, quoted.first == "\"", quoted.last == "\"" else {
            throw Failure(message: "expected a quoted string: \(quoted)")
        }
        var out: [UInt8] = []
        var rest = quoted.dropFirst().dropLast()[...]
        while let c = rest.popFirst() {
            guard c == "\\", let e = rest.popFirst() else {
                out += Array(String(c).utf8)
                continue
            }
            switch e {
            case "n": out.append(10)
            case "t": out.append(9)
            case "r": out.append(13)
            case "\\": out.append(92)
            case "\"": out.append(34)
            case "x":
                guard let byte = UInt8(String(rest.prefix(2)), radix: 16) else {
                    throw Failure(message: "bad \\x escape in \(quoted)")
                }
                out.append(byte)
                rest = rest.dropFirst(2)
            case "u":
                guard rest.first == "{", let close = rest.firstIndex(of: "}"),
                    let value = UInt32(String(rest[rest.index(after: rest.startIndex)..<close]), radix: 16),
                    let scalar = Unicode.Scalar(value)
                else { throw Failure(message: "bad \\u escape in \(quoted)") }
                out += Array(String(Character(scalar)).utf8)
                rest = rest[rest.index(after: close)...]
            default:
                throw Failure(message: "unknown escape \\\(e) in \(quoted)")
            }
        }
        return out
    }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
