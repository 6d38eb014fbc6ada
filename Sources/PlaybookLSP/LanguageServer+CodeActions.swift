import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookScaffold

/// `textDocument/codeAction`: quick fixes for the findings on the requested lines. A missing
/// section is inserted where the kind's order puts it, as a skeleton writes it; a missing field
/// is added to the front matter with the hint's example; an unknown kind or template, a value
/// outside the choices and a broken link or anchor get the checker's "did you mean" applied.
/// The findings are the server's own, so a client need not send them back.
extension LanguageServer {
    func codeActions(_ params: JSON) throws -> JSON {
        guard let (document, page, session) = try page(params), let range = params["range"] else { return [] }
        let start = try Self.position(range["start"]).line + 1
        let end = try Self.position(range["end"]).line + 1
        let lines = min(start, end)...max(start, end)
        let findings = session.diagnostics(for: page.path).new.filter { lines.contains($0.position.line) }
        var actions: [JSON] = []
        for finding in findings {
            for (title, edits) in fixes(for: finding, page: page, document: document, session: session) {
                actions.append([
                    "title": .string(title), "kind": "quickfix",
                    "diagnostics": [Self.diagnostic(finding, in: document)],
                    "edit": ["changes": .object([(document.uri, .array(edits))])],
                ])
            }
        }
        return .array(actions)
    }

    func fixes(for finding: Diagnostic, page: Page, document: TextDocument, session: Engine)
        -> [(String, [JSON])]
    {
        let l = session.checker.language
        let rule = finding.rule
        if rule.hasSuffix(".missing-section") {
            return missingSectionFixes(finding, page: page, document: document, session: session)
        }
        switch rule {
        case "frontmatter.required":
            return requiredFieldFixes(finding, page: page, document: document, session: session)
        case "page.unknown-kind":
            guard let kind = page.frontMatter["kind"]?.string,
                let suggestion = Suggestion.closest(to: kind, in: session.rules.kinds.keys)
            else { return [] }
            return valueFix("kind", suggestion, page: page, document: document, language: l)
        case "group.unknown-template":
            guard let name = page.frontMatter["template"]?.string,
                let suggestion = Suggestion.closest(to: name, in: templates(in: session).map(\.name))
            else { return [] }
            return valueFix("template", suggestion, page: page, document: document, language: l)
        case "frontmatter.choice":
            guard let schema = session.rules.kinds[page.kind.rawValue] else { return [] }
            for field in schema.fields where !field.choices.isEmpty && finding.message.contains("`\(field.name)`") {
                guard let value = page.frontMatter[field.name]?.string,
                    let suggestion = Suggestion.closest(to: value, in: field.choices)
                else { continue }
                return valueFix(field.name, suggestion, page: page, document: document, language: l)
            }
            return []
        case "page.broken-link", "page.broken-anchor":
            return linkFixes(finding, page: page, document: document, session: session)
        default:
            return []
        }
    }

    func missingSectionFixes(_ finding: Diagnostic, page: Page, document: TextDocument, session: Engine)
        -> [(String, [JSON])]
    {
        let l = session.checker.language
        let written = script(of: page, session: session)
        return session.checker.missingSections(of: Engine.parsed(page)).compactMap { missing in
            let label = missing.section.label(l)
            guard finding.message.contains(l == .en ? "“\(label)”" : "「\(label)」") else { return nil }
            if let rename = missing.rename {
                // A heading close to the section is renamed; adding another would duplicate it.
                let line = rename.line - 1
                let end = TextDocument.Position(line: line, character: document.lineText(line).utf16.count)
                let title = l.pick(
                    "改成 `\(rename.heading)`", "改成 `\(rename.heading)`", "Rename to `\(rename.heading)`")
                return (
                    title, [Self.replace(TextDocument.Position(line: line, character: 0), end, with: rename.heading)]
                )
            }
            var text = Skeleton.section(missing.section, level: missing.level, language: written)
            let at: TextDocument.Position
            if let line = missing.beforeLine {
                at = TextDocument.Position(line: line - 1, character: 0)
                text += "\n"
            } else {
                // At the end: after one blank line, however the page ends.
                at = document.position(ofOffset: document.bytes.count)
                let tail = document.bytes.suffix(2)
                text = (tail.last != 10 ? "\n\n" : tail.first != 10 ? "\n" : "") + text
            }
            let title = l.pick("添加「\(label)」一节", "添加「\(label)」一節", "Add the “\(label)” section")
            return (title, [Self.insert(text, at: at)])
        }
    }

    func requiredFieldFixes(_ finding: Diagnostic, page: Page, document: TextDocument, session: Engine)
        -> [(String, [JSON])]
    {
        let l = session.checker.language
        guard let schema = session.rules.kinds[page.kind.rawValue] else { return [] }
        let fields = schema.fields + schema.alternatives.flatMap(\.fields).compactMap { schema.field($0) }
        guard let field = fields.first(where: { finding.message.contains("`\($0.name)`") }) else { return [] }
        // A marker to fill in, never an invented value: an example name inserted here would be
        // published as the owner if nobody noticed. The check reports the marker until it is replaced.
        let value = FillInMarker.text(script(of: page, session: session))
        let line = "\(field.name): \(value)"
        let title = l.pick("添加 `\(line)`", "添加 `\(line)`", "Add `\(line)`")
        if let entry = page.frontMatter.entry(field.name) {
            // The key is there with nothing after it: the value goes after the colon.
            let text = document.lineText(entry.line - 1)
            guard let colon = text.firstIndex(of: ":") else { return [] }
            let after = text.utf16.distance(from: text.startIndex, to: colon) + 1
            let end = TextDocument.Position(line: entry.line - 1, character: text.utf16.count)
            let edit = Self.replace(
                TextDocument.Position(line: entry.line - 1, character: after), end, with: " " + value)
            return [(title, [edit])]
        }
        if page.source.bodyLineOffset > 0 {
            let fence = TextDocument.Position(line: page.source.bodyLineOffset - 1, character: 0)
            return [(title, [Self.insert(line + "\n", at: fence)])]
        }
        return [(title, [Self.insert("---\n\(line)\n---\n", at: TextDocument.Position(line: 0, character: 0))])]
    }

    /// Replaces the value of a top-level front matter key.
    func valueFix(_ key: String, _ value: String, page: Page, document: TextDocument, language l: Language)
        -> [(String, [JSON])]
    {
        guard let entry = page.frontMatter.entry(key) else { return [] }
        let text = document.lineText(entry.line - 1)
        guard let colon = text.firstIndex(of: ":") else { return [] }
        let units = Array(text.utf16)
        var start = text.utf16.distance(from: text.startIndex, to: colon) + 1
        while start < units.count, units[start] == 32 { start += 1 }
        var end = units.count
        // A trailing comment stays.
        if let hash = text.range(of: " #") { end = text.utf16.distance(from: text.startIndex, to: hash.lowerBound) }
        end = max(end, start)
        while end > start, units[end - 1] == 32 { end -= 1 }
        let title = l.pick("改成 `\(key): \(value)`", "改成 `\(key): \(value)`", "Change to `\(key): \(value)`")
        let edit = Self.replace(
            TextDocument.Position(line: entry.line - 1, character: start),
            TextDocument.Position(line: entry.line - 1, character: end), with: value)
        return [(title, [edit])]
    }

    /// The checker's "did you mean" for a link: the nearest page by path, or the nearest anchor
    /// of the page it leads to, written as the link is written.
    func linkFixes(_ finding: Diagnostic, page: Page, document: TextDocument, session: Engine)
        -> [(String, [JSON])]
    {
        let l = session.checker.language
        let lineIndex = finding.position.line - 1
        let line = document.lineText(lineIndex)
        let start = document.position(line: finding.position.line, column: finding.position.column).character
        // The link the finding points at starts at its column: the first one after it that is
        // broken the way the finding says.
        let broken = Self.links(in: line).filter { $0.destination.lowerBound > start }.first { link in
            guard let target = Self.target(of: link.text, from: page) else { return false }
            let targetPage = target.path.map { session.page("content/" + $0) } ?? page
            if finding.rule == "page.broken-link" { return target.path != nil && targetPage == nil }
            return targetPage.map { Self.line(ofAnchor: target.fragment, in: $0) == nil } ?? false
        }
        guard let link = broken, let target = Self.target(of: link.text, from: page) else { return [] }
        var replacement: String
        if finding.rule == "page.broken-link" {
            guard let path = target.path else { return [] }
            let candidates = session.handbook.pages.map(\.source.contentPath)
            guard let closest = Suggestion.closest(to: path, in: candidates) else { return [] }
            replacement = Self.relativeLink(from: Self.folder(of: page), to: closest)
            if let hash = link.text.firstIndex(of: "#") { replacement += link.text[hash...] }
        } else {
            let targetPage = target.path.map { session.page("content/" + $0) } ?? page
            guard let anchors = targetPage?.headings.map(\.anchor),
                let closest = Suggestion.closest(to: target.fragment, in: anchors)
            else { return [] }
            let base = link.text.firstIndex(of: "#").map { String(link.text[..<$0]) } ?? link.text
            replacement = base + "#" + closest
        }
        let title = l.pick("改成 `\(replacement)`", "改成 `\(replacement)`", "Change to `\(replacement)`")
        let edit = Self.replace(
            TextDocument.Position(line: lineIndex, character: link.destination.lowerBound),
            TextDocument.Position(line: lineIndex, character: link.destination.upperBound), with: replacement)
        return [(title, [edit])]
    }

    static func insert(_ text: String, at position: TextDocument.Position) -> JSON {
        replace(position, position, with: text)
    }

    static func replace(_ start: TextDocument.Position, _ end: TextDocument.Position, with text: String) -> JSON {
        ["range": range(start, end), "newText": .string(text)]
    }
}
