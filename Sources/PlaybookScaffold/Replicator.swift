// PlaybookScaffold: `playbook new`, `templates`, `status` and `update`. The planning here is
// pure (site files in, files to write out); `ScaffoldWriter` puts a plan on disk.
import Foundation
import PlaybookModel
import PlaybookPipeline
import PlaybookReplication
import PlaybookSource

/// Why a clone or an update was refused; everything found is listed at once.
public struct ScaffoldRefusal: Error, Sendable {
    public var problems: [String]
    /// Checker findings in the files that would have been written.
    public var diagnostics: [Diagnostic]
    /// The would-be files, for printing diagnostics with their source lines.
    public var sources: [String: String]

    public init(problems: [String] = [], diagnostics: [Diagnostic] = [], sources: [String: String] = [:]) {
        self.problems = problems
        self.diagnostics = diagnostics
        self.sources = sources
    }
}

/// Files to create or replace, relative to the site root. `snapshot` holds the template
/// version the group now follows, kept under `.playbook/` so a later update has its base.
public struct ScaffoldPlan: Sendable {
    public var writes: [String: String]
    public var snapshot: [String: String]
    /// Paths where the update left conflict markers.
    public var conflicts: [String]
    /// Paths the template added that the group had deleted, left deleted.
    public var keptDeleted: [String]
    public var lineage: Lineage
}

public enum Replicator {
    /// Where snapshots of template versions live, relative to the site root.
    public static func snapshotFolder(template: String, hash: String) -> String {
        ".playbook/templates/\(template)/\(hash.prefix(16))"
    }

    /// Plans `playbook new group <slug> --from <template>`: renders the template with the
    /// answers, refuses unsafe paths and existing files, and runs the checker on the result.
    public static func planClone(
        site: SiteFiles, template name: String, slug: String, answers given: [String: String]
    ) throws -> ScaffoldPlan {
        let templates = ReplicationTemplate.all(in: site)
        guard let template = templates[name] else {
            var problem = "no template `\(name)` in content/templates/"
            if let suggestion = Suggestion.closest(to: name, in: templates.keys) {
                problem += "; did you mean `\(suggestion)`?"
            } else if !templates.isEmpty {
                problem += "; templates: \(templates.keys.sorted().joined(separator: ", "))"
            }
            throw ScaffoldRefusal(problems: [problem])
        }
        var problems = template.placeholderProblems
        if !problems.isEmpty {
            problems.append(
                "template `\(name)` uses unknown placeholder filters, which a clone would copy as is; fix the template (nothing was written)"
            )
        }
        if let problem = slugProblem(slug) { problems.append(problem) }
        let (answers, answerProblems) = template.resolve(given)
        problems += answerProblems
        guard problems.isEmpty else { throw ScaffoldRefusal(problems: problems) }

        let folder = "content/groups/\(slug)"
        var writes: [String: String] = [:]
        var generated: [String: String] = [:]
        for (path, text) in template.render(answers: answers) {
            if let problem = pathProblem(path) {
                problems.append("template file renders to `\(path)`: \(problem)")
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
            problems.append("content/groups/\(slug)/ already exists; choose another slug (nothing was written)")
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
            throw ScaffoldRefusal(
                problems: [
                    "the new group would not pass the checks; fix the template or the answers (nothing was written)"
                ],
                diagnostics: errors, sources: writes)
        }
    }

    static func snapshot(of template: ReplicationTemplate) -> [String: String] {
        let folder = snapshotFolder(template: template.name, hash: template.hash)
        var files = ["\(folder)/index.md": template.declaration]
        for (path, text) in template.files { files["\(folder)/files/\(path)"] = text }
        return files
    }

    /// A slug names one folder: letters, digits, `-` and `_`, no path separators or dots.
    public static func slugProblem(_ slug: String) -> String? {
        if slug.isEmpty { return "the slug is empty" }
        if slug.contains("/") || slug.contains("\\") || slug.contains("..") || slug.hasPrefix(".") {
            return "slug `\(slug)` would write outside content/groups/; use letters, digits, - and _ only"
        }
        if !slug.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            return "slug `\(slug)` may only hold letters, digits, - and _"
        }
        return nil
    }

    static func pathProblem(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if path.hasPrefix("/") || path.contains("\\") || parts.contains("..") || parts.contains("") {
            return "it would leave the group folder"
        }
        return nil
    }
}
