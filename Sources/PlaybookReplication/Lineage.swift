import Foundation
import PlaybookModel
import PlaybookSource

/// Where a group came from: `content/groups/<slug>/lineage.yml`, owned by the group.
package struct Lineage: Hashable, Sendable {
    package static let fileName = "lineage.yml"

    package var template: String
    package var version: String
    /// Content hash of the template folder the group was cloned from or last updated to.
    package var hash: String
    package var answers: [(String, String)]
    /// SHA-256 of each generated file as written, by path relative to the group folder.
    package var files: [String: String]
    /// Template files the group keeps under another name: template path → the group's path.
    package var renamed: [String: String] = [:]

    package init(template: String, version: String, hash: String, answers: [(String, String)], files: [String: String])
    {
        self.template = template
        self.version = version
        self.hash = hash
        self.answers = answers
        self.files = files
    }

    package static func == (a: Lineage, b: Lineage) -> Bool {
        a.template == b.template && a.version == b.version && a.hash == b.hash && a.files == b.files
            && a.renamed == b.renamed
            && a.answers.map(\.0) == b.answers.map(\.0) && a.answers.map(\.1) == b.answers.map(\.1)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(template)
        hasher.combine(hash)
    }

    package var answerMap: [String: String] { Dictionary(answers, uniquingKeysWith: { a, _ in a }) }

    package var yaml: String {
        var out = "# Written by `playbook new group` and `playbook update`; keep it with the group.\n"
        out += "template: \(quote(template))\nversion: \(quote(version))\nhash: \(hash)\nanswers:\n"
        for (key, value) in answers { out += "  \(key): \(quote(value))\n" }
        out += "files:\n"
        for path in files.keys.sorted() { out += "  \(quote(path)): \(files[path]!)\n" }
        if !renamed.isEmpty {
            out += "renamed:\n"
            for path in renamed.keys.sorted() { out += "  \(quote(path)): \(quote(renamed[path]!))\n" }
        }
        return out
    }

    package static func parse(_ text: String) -> Lineage? {
        parseAsWritten(text) ?? parseAsYAML(text)
    }

    /// Any YAML that holds a lineage: a file someone edited by hand.
    static func parseAsYAML(_ text: String) -> Lineage? {
        guard case .success(let value) = YAMLReader.parse(text), let map = value.mapping,
            let template = map["template"]?.string, let hash = map["hash"]?.string
        else { return nil }
        let answers = (map["answers"]?.mapping?.entries ?? []).map { ($0.key, $0.value.string ?? "") }
        var files: [String: String] = [:]
        for entry in map["files"]?.mapping?.entries ?? [] { files[entry.key] = entry.value.string ?? "" }
        var lineage = Lineage(
            template: template, version: map["version"]?.string ?? "", hash: hash, answers: answers, files: files)
        for entry in map["renamed"]?.mapping?.entries ?? [] {
            if let to = entry.value.string { lineage.renamed[entry.key] = to }
        }
        return lineage
    }

    /// A lineage exactly as `yaml` writes it, read line by line without a YAML parser (a network
    /// of thousands of cloned groups holds thousands of these, read on every check); nil for
    /// anything else, which `parseAsYAML` reads. Gives what `parseAsYAML` gives for the same text
    /// (`LineageTests` compares them).
    static func parseAsWritten(_ text: String) -> Lineage? {
        var fields: [String: String] = [:]
        var answers: [(String, String)] = []
        var files: [String: String] = [:]
        var renamed: [String: String] = [:]
        var section: String?
        var seenSections: Set<String> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("  ") {
                let entry = line.dropFirst(2)
                switch section {
                case "answers":
                    guard let colon = entry.firstIndex(of: ":"), isPlainKey(entry[..<colon]),
                        entry[colon...].hasPrefix(": "), let value = quoted(entry[entry.index(colon, offsetBy: 2)...]),
                        !answers.contains(where: { $0.0 == entry[..<colon] })
                    else { return nil }
                    answers.append((String(entry[..<colon]), value))
                case "files":
                    guard let (path, rest) = quotedKey(entry), files[path] == nil, let digest = plainHash(rest) else {
                        return nil
                    }
                    files[path] = digest
                case "renamed":
                    guard let (path, rest) = quotedKey(entry), renamed[path] == nil, let to = quoted(rest) else {
                        return nil
                    }
                    renamed[path] = to
                default: return nil
                }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = String(line[..<colon])
            let rest = line[line.index(after: colon)...]
            if rest.isEmpty, ["answers", "files", "renamed"].contains(key), seenSections.insert(key).inserted {
                section = key
                continue
            }
            guard rest.hasPrefix(" "), fields[key] == nil else { return nil }
            section = nil
            switch key {
            case "template", "version":
                guard let value = quoted(rest.dropFirst()) else { return nil }
                fields[key] = value
            case "hash":
                guard let value = plainHash(rest.dropFirst()) else { return nil }
                fields[key] = value
            default: return nil
            }
        }
        guard let template = fields["template"], let hash = fields["hash"] else { return nil }
        var lineage = Lineage(
            template: template, version: fields["version"] ?? "", hash: hash, answers: answers, files: files)
        lineage.renamed = renamed
        return lineage
    }

    /// A YAML double-quoted scalar as `quote` writes it: escapes of `\\` and `"` only, nothing
    /// after the closing quote, no control characters.
    private static func quoted(_ text: Substring) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.first == 34, bytes.last == 34 else { return nil }
        var out: [UInt8] = []
        var i = 1
        while i < bytes.count - 1 {
            let byte = bytes[i]
            if byte == 92 {
                guard i + 1 < bytes.count - 1, bytes[i + 1] == 92 || bytes[i + 1] == 34 else { return nil }
                out.append(bytes[i + 1])
                i += 2
                continue
            }
            guard byte != 34, byte >= 32 || byte == 9, byte != 127 else { return nil }
            out.append(byte)
            i += 1
        }
        return String(validating: out, as: UTF8.self)
    }

    /// `"path": rest`.
    private static func quotedKey(_ entry: Substring) -> (String, Substring)? {
        guard entry.hasPrefix("\""), let close = entry.range(of: "\": ") else { return nil }
        guard let key = quoted(entry[..<entry.index(after: close.lowerBound)]) else { return nil }
        return (key, entry[close.upperBound...])
    }

    /// A hash as `yaml` writes it, unquoted: hexadecimal digits with a letter among them (digits
    /// alone, or with only an `e`, YAML would read as a number).
    private static func plainHash(_ text: Substring) -> String? {
        guard isHash(String(text)),
            text.utf8.contains(where: { ($0 >= 97 && $0 <= 102 && $0 != 101) || ($0 >= 65 && $0 <= 70 && $0 != 69) })
        else { return nil }
        return String(text)
    }

    /// A variable name as an answer's key: letters, digits, `_` and `-`, starting with a letter,
    /// and none of the words YAML reads as something else than a string.
    private static func isPlainKey(_ key: Substring) -> Bool {
        guard let first = key.utf8.first, (first >= 65 && first <= 90) || (first >= 97 && first <= 122),
            key.utf8.allSatisfy({
                ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 || $0 == 45
            })
        else { return false }
        let words: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        return !words.contains(key.lowercased())
    }

    /// Every group's lineage in the site, by group folder (`content/groups/hangzhou`).
    package static func all(in files: SiteFiles) -> [String: Lineage] {
        var result: [String: Lineage] = [:]
        for asset in files.contentAssets where asset.path.hasSuffix("/" + fileName) {
            if let lineage = parse(String(decoding: asset.bytes, as: UTF8.self)) {
                result[String(asset.path.dropLast(fileName.count + 1))] = lineage
            }
        }
        return result
    }

    /// A template name as a lineage may record it: one folder name under `content/templates/`.
    package static func isTemplateName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\")
            && !name.contains("\0")
    }

    /// A version hash as Playbook writes it: hexadecimal digits, at least the 16 that name a
    /// snapshot folder (`.playbook/templates/<template>/<first 16>`).
    package static func isHash(_ hash: String) -> Bool {
        hash.utf8.count >= 16 && hash.utf8.count <= 128
            && hash.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) }
    }

    private func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
