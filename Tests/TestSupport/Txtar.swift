/// A txtar archive: a comment, then files introduced by `-- path --` lines. End-to-end cases
/// keep their input files and expected output in one such file.
public struct Txtar: Equatable {
    public var comment: String
    public var files: [(path: String, text: String)]

    public static func == (a: Txtar, b: Txtar) -> Bool {
        a.comment == b.comment && a.files.map(\.path) == b.files.map(\.path)
            && a.files.map(\.text) == b.files.map(\.text)
    }

    public init(comment: String, files: [(path: String, text: String)]) {
        self.comment = comment
        self.files = files
    }

    public init(parsing text: String) {
        var comment = ""
        var files: [(String, String)] = []
        var current: (path: String, lines: [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                if let c = current { files.append((c.path, Self.join(c.lines))) }
                current = (String(line.dropFirst(3).dropLast(3)), [])
            } else if current != nil {
                current!.lines.append(line)
            } else {
                comment += line + "\n"
            }
        }
        if let c = current { files.append((c.path, Self.join(c.lines))) }
        self.comment = comment
        self.files = files
    }

    public subscript(path: String) -> String? {
        files.first { $0.path == path }?.text
    }

    /// The archive as text; parsing it gives back an equal value.
    public var text: String {
        var out = comment
        for file in files {
            out += "-- \(file.path) --\n" + file.text
        }
        return out
    }

    private static func join(_ lines: [Substring]) -> String {
        var lines = lines
        // The split leaves one empty element after the final newline.
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0 + "\n" }.joined()
    }
}
