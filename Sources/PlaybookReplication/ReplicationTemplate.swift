import Foundation
import PlaybookModel
import PlaybookSource

/// A replication template: `content/templates/<name>/index.md` declares it, the documents a
/// new group starts with live under `content/templates/<name>/files/`.
package struct ReplicationTemplate: Hashable, Sendable {
    package typealias Variable = TemplateVariable

    package var name: String
    package var version: String
    package var title: String
    package var variables: [Variable]
    /// Documents by path relative to `files/`, as text.
    package var files: [String: String]
    /// The declaration (`index.md`) text, part of the version hash.
    package var declaration: String

    /// Content hash of the whole template folder: changes whenever any of its files does.
    package var hash: String {
        var bytes: [UInt8] = Array("index.md\u{0}".utf8) + Array(declaration.utf8)
        for path in files.keys.sorted() {
            bytes += Array("\u{0}files/\(path)\u{0}".utf8) + Array(files[path]!.utf8)
        }
        return SHA256.hex(bytes)
    }

    /// Every template in the site, by name.
    package static func all(in files: SiteFiles) -> [String: ReplicationTemplate] {
        var result: [String: ReplicationTemplate] = [:]
        for raw in files.content {
            let parts = raw.path.split(separator: "/")
            guard parts.count == 4, parts[0] == "content", parts[1] == "templates", parts[3] == "index.md" else {
                continue
            }
            let name = String(parts[2])
            let prefix = "content/templates/\(name)/files/"
            var documents: [String: String] = [:]
            for file in files.content + files.contentAssets where file.path.hasPrefix(prefix) {
                documents[String(file.path.dropFirst(prefix.count))] = String(decoding: file.bytes, as: UTF8.self)
            }
            result[name] = parse(name: name, declaration: String(decoding: raw.bytes, as: UTF8.self), files: documents)
        }
        return result
    }

    /// Reads a template from its declaration text and documents.
    package static func parse(name: String, declaration: String, files: [String: String]) -> ReplicationTemplate {
        let source = FrontMatterSplitter().split(path: "content/templates/\(name)/index.md", text: declaration)
        let front = source.frontMatter
        let variables = TemplateVariable.read(front.entry("variables")).variables
        return ReplicationTemplate(
            name: name, version: front["version"]?.string ?? "0", title: front["title"]?.string ?? name,
            variables: variables, files: files, declaration: declaration)
    }

    /// Checks answers against the declared variables; fills defaults. Problems are listed, not
    /// thrown one by one, so a user sees everything that is missing at once.
    package func resolve(_ given: [String: String]) -> (answers: [String: String], problems: [ReplicationProblem]) {
        var answers: [String: String] = [:]
        var problems: [ReplicationProblem] = []
        for variable in variables {
            guard let value = given[variable.name] ?? variable.defaultValue else {
                if variable.required {
                    problems.append(.missingAnswer(variable: variable.name, description: variable.description))
                }
                continue
            }
            if let problem = validate(value, for: variable) {
                problems.append(problem)
            } else {
                answers[variable.name] = value
            }
        }
        for name in given.keys.sorted() where !variables.contains(where: { $0.name == name }) {
            problems.append(.undeclaredAnswer(template: self.name, name: name, declared: variables.map(\.name)))
        }
        return (answers, problems)
    }

    package func validate(_ value: String, for variable: Variable) -> ReplicationProblem? {
        if value.trimmingCharacters(in: .whitespaces).isEmpty, variable.required {
            return .emptyAnswer(variable: variable.name)
        }
        if !variable.choices.isEmpty, !variable.choices.contains(value) {
            return .notAChoice(variable: variable.name, value: value, choices: variable.choices)
        }
        if let pattern = variable.pattern,
            value.range(of: "^(?:\(pattern))$", options: .regularExpression) == nil
        {
            return .noPatternMatch(variable: variable.name, value: value, pattern: pattern, example: variable.example)
        }
        if value.contains("\n") { return .multilineAnswer(variable: variable.name) }
        return nil
    }

    /// Placeholders with a filter that is not one of `Placeholders.filters`, in the documents
    /// and in their paths. Cloning refuses such a template: the placeholder would be copied as is.
    package var placeholderProblems: [ReplicationProblem] {
        var problems: [ReplicationProblem] = []
        for path in files.keys.sorted() {
            let file = "content/templates/\(name)/files/\(path)"
            for use in Placeholder.all(in: path) where !use.unknownFilters.isEmpty {
                problems.append(
                    .unknownFilter(
                        file: file, line: nil, column: nil, placeholder: use.text, filters: use.unknownFilters))
            }
            for use in Placeholder.all(in: files[path]!) where !use.unknownFilters.isEmpty {
                problems.append(
                    .unknownFilter(
                        file: file, line: use.line, column: use.column, placeholder: use.text,
                        filters: use.unknownFilters))
            }
        }
        return problems
    }

    /// The documents rendered with `answers`, by path relative to the group folder.
    package func render(answers: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (path, text) in files {
            result[Placeholders.render(path, answers: answers).text] = Placeholders.render(text, answers: answers).text
        }
        return result
    }
}
