import Foundation
import PlaybookEngine
import PlaybookModel
import PlaybookReplication

/// Why a clone or an update was refused; everything found is listed at once.
package struct ScaffoldRefusal: Error, Sendable {
    package var problems: [ReplicationProblem]
    /// Checker findings in the files that would have been written.
    package var diagnostics: [Diagnostic]
    /// The would-be files, for printing diagnostics with their source lines.
    package var sources: [String: String]

    package init(problems: [ReplicationProblem] = [], diagnostics: [Diagnostic] = [], sources: [String: String] = [:]) {
        self.problems = problems
        self.diagnostics = diagnostics
        self.sources = sources
    }
}

/// Files to create or replace, relative to the site root. `snapshot` holds the template
/// version the group now follows, kept under `.playbook/` so a later update has its base.
package struct ScaffoldPlan: Hashable, Sendable {
    package var writes: [String: String]
    package var snapshot: [String: String]
    /// Paths where the update left conflict markers.
    package var conflicts: [String]
    /// Paths the template added that the group had deleted, left deleted.
    package var keptDeleted: [String]
    package var lineage: Lineage
    /// Files an earlier update that stopped part-way never reached, brought up by this one.
    package var repaired: [String] = []
    /// Files the template added, new in the group.
    package var added: [String] = []
    /// Files the template no longer has, left in the group.
    package var droppedByTemplate: [String] = []
    /// Template files the group had renamed, found by this update (template path, group path):
    /// the template's changes went into the renamed file, and the lineage records the rename.
    package var followedRenames: [Rename] = []

    package struct Rename: Hashable, Sendable {
        package var from: String
        package var to: String
    }
}

package enum Replicator {
    /// Where snapshots of template versions live, relative to the site root.
    package static func snapshotFolder(template: String, hash: String) -> String {
        ".playbook/templates/\(template)/\(hash.prefix(16))"
    }

    /// Plans `playbook new group <slug> --from <template>`: renders the template with the
    /// answers, refuses unsafe paths and existing files, and runs the checker on the result.
    package static func planClone(
        site: SiteFiles, template name: String, slug: String, answers given: [String: String]
    ) throws -> ScaffoldPlan {
        let templates = ReplicationTemplate.all(in: site)
        guard let template = templates[name] else {
            let suggestion = Suggestion.closest(to: name, in: templates.keys)
            throw ScaffoldRefusal(problems: [
                .unknownTemplate(name, suggestion: suggestion, available: templates.keys.sorted())
            ])
        }
        var problems = template.placeholderProblems
        if !problems.isEmpty { problems.append(.templateHasUnknownFilters(name)) }
        if let problem = slugProblem(slug) { problems.append(problem) }
        let (answers, answerProblems) = template.resolve(given)
        problems += answerProblems
        guard problems.isEmpty else { throw ScaffoldRefusal(problems: problems) }

        let folder = "content/groups/\(slug)"
        var writes: [String: String] = [:]
        var generated: [String: String] = [:]
        for (path, text) in template.render(answers: answers) {
            if pathLeavesFolder(path) {
                problems.append(.pathLeavesGroup(path))
                continue
            }
            writes["\(folder)/\(path)"] = text
            generated[path] = SHA256.hex(text)
        }
        let existing = Set(site.content.map(\.path) + site.contentAssets.map(\.path))
        let taken =
            writes.keys.filter { existing.contains($0) }
            + (existing.contains("\(folder)/\(Lineage.fileName)") ? ["\(folder)/\(Lineage.fileName)"] : [])
        if !taken.isEmpty || existing.contains(where: { $0.hasPrefix(folder + "/") }) {
            problems.append(.groupExists(slug))
        }
        guard problems.isEmpty else { throw ScaffoldRefusal(problems: problems) }
        let lineage = Lineage(
            template: name, version: template.version, hash: template.hash,
            answers: template.variables.compactMap { v in answers[v.name].map { (v.name, $0) } }, files: generated)
        writes["\(folder)/\(Lineage.fileName)"] = lineage.yaml
        try gate(site: site, writes: writes, folder: folder)
        return ScaffoldPlan(
            writes: writes, snapshot: snapshot(of: template), conflicts: [], keptDeleted: [], lineage: lineage)
    }

    /// The checker must accept what a template and its answers produce before anything is written.
    static func gate(site: SiteFiles, writes: [String: String], folder: String) throws {
        var files = site
        for (path, text) in writes where path.hasSuffix(".md") {
            files.content.removeAll { $0.path == path }
            files.content.append(RawFile(path: path, bytes: Array(text.utf8)))
        }
        files.content.sort { $0.path < $1.path }
        let result = Pipeline.check(files)
        let errors = result.diagnostics.filter { $0.severity == .error && $0.file.hasPrefix(folder + "/") }
        if !errors.isEmpty {
            throw ScaffoldRefusal(problems: [.wouldNotPass], diagnostics: errors, sources: writes)
        }
    }

    static func snapshot(of template: ReplicationTemplate) -> [String: String] {
        let folder = snapshotFolder(template: template.name, hash: template.hash)
        var files = ["\(folder)/index.md": template.declaration]
        for (path, text) in template.files { files["\(folder)/files/\(path)"] = text }
        return files
    }

    /// A slug names one folder: letters, digits, `-` and `_`, no path separators or dots.
    package static func slugProblem(_ slug: String) -> ReplicationProblem? {
        if slug.isEmpty { return .emptySlug }
        if slug.contains("/") || slug.contains("\\") || slug.contains("..") || slug.hasPrefix(".") {
            return .slugLeavesGroups(slug)
        }
        if !slug.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            return .slugCharacters(slug)
        }
        return nil
    }

    /// A rendered document path that would leave the group's folder.
    static func pathLeavesFolder(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return path.hasPrefix("/") || path.contains("\\") || parts.contains("..") || parts.contains("")
    }
}

/// A slug that works but shares badly: outside ASCII, a link to the group pasted into a chat
/// shows as percent-escapes.
package struct SlugWarning: Hashable, Sendable {
    package var slug: String
    /// A Latin slug made from an answer written in Latin letters (`city_en`: Wuhan → `wuhan`).
    package var suggestion: String?

    /// The URL path as a chat app shows it: `/groups/%E6%AD%A6%E6%B1%89/`.
    package var escapedURL: String {
        "/groups/" + slug.utf8.map { String(format: "%%%02X", $0) }.joined() + "/"
    }

    package func message(_ l: Language) -> String {
        let example = suggestion ?? "wuhan"
        let advice =
            suggestion == nil
            ? l.pick(
                "换成拉丁字母的 slug，例如城市的拼音（`\(example)`）", "換成拉丁字母的 slug，例如城市的拼音（`\(example)`）",
                "use a Latin slug instead, such as the name in pinyin (`\(example)`)")
            : l.pick(
                "换成拉丁字母的 slug，例如 `\(example)`", "換成拉丁字母的 slug，例如 `\(example)`",
                "use a Latin slug instead, such as `\(example)`")
        return l.pick(
            "slug `\(slug)` 可以用，但它的网址在聊天里会变成 \(escapedURL)；\(advice)",
            "slug `\(slug)` 可以用，但它的網址在聊天裡會變成 \(escapedURL)；\(advice)",
            "slug `\(slug)` works, but its URL shows as \(escapedURL) when shared in a chat; \(advice)")
    }
}

extension Replicator {
    /// A warning for a slug outside ASCII, with a Latin suggestion when an answer offers one
    /// (a variable named `*_en`, `*_latin`, `*pinyin*` or `*slug*` whose answer is Latin).
    package static func slugWarning(_ slug: String, answers: [String: String]) -> SlugWarning? {
        guard !slug.isEmpty, !slug.allSatisfy(\.isASCII) else { return nil }
        let latinKeys = answers.keys.sorted().filter {
            $0.hasSuffix("_en") || $0.hasSuffix("_latin") || $0.contains("pinyin") || $0.contains("slug")
        }
        let suggestion = latinKeys.lazy.compactMap { key -> String? in
            let value = answers[key]!
            guard value.allSatisfy(\.isASCII) else { return nil }
            let slug = Placeholders.slug(value)
            return slug.isEmpty ? nil : slug
        }.first
        return SlugWarning(slug: slug, suggestion: suggestion)
    }
}
