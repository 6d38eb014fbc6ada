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
