import PlaybookCheck
import PlaybookEngine
import PlaybookModel

/// Hover, go to definition and the document outline.
extension LanguageServer {
    // MARK: Hover

    /// On a rule id (in a comment, a note, anywhere in the text) or on a line with findings:
    /// what each rule wants, with an example. On a heading: the section of the kind it stands
    /// for and what to write there.
    func hover(_ params: JSON) throws -> JSON {
        guard let (document, page, session) = try page(params) else { return .null }
        let cursor = try Self.position(params["position"])
        let l = language ?? session.handbook.config.language
        let catalog = Dictionary(
            RuleCatalog.entries(for: session.rules, language: l).map { ($0.id, $0.description) },
            uniquingKeysWith: { a, _ in a })
        let line = document.lineText(cursor.line)
        var parts: [String] = []
        if let word = Self.word(in: line, at: cursor.character), catalog[word] != nil {
            parts.append(explanation(of: word, catalog: catalog, page: page, session: session, language: l))
        }
        if parts.isEmpty {
            let findings = session.diagnostics(for: page.path).new.filter { $0.position.line == cursor.line + 1 }
            for rule in findings.map(\.rule) where !parts.contains(where: { $0.hasPrefix("**`\(rule)`**") }) {
                parts.append(explanation(of: rule, catalog: catalog, page: page, session: session, language: l))
            }
        }
        if parts.isEmpty, let heading = page.headings.first(where: { $0.line == cursor.line + 1 }),
            let spec = session.checker.section(forHeading: heading.text, kind: page.kind.rawValue)
        {
            parts.append(sectionExplanation(spec, page: page, session: session, language: l))
        }
        guard !parts.isEmpty else { return .null }
        return ["contents": ["kind": "markdown", "value": .string(parts.joined(separator: "\n\n---\n\n"))]]
    }

    func explanation(
        of rule: String, catalog: [String: String], page: Page, session: Engine, language l: Language
    ) -> String {
        var text = "**`\(rule)`** — \(catalog[rule] ?? "")"
        if let example = example(of: rule, page: page, session: session, language: l) {
            text += "\n\n" + l.pick("例如：", "例如：", "For example:") + "\n\n```markdown\n" + example + "\n```"
        }
        return text
    }

    /// An example of what satisfies a rule, drawn from the kind's schema where the rule is a kind's.
    func example(of rule: String, page: Page, session: Engine, language l: Language) -> String? {
        let written = script(of: page, session: session)
        let parts = rule.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        if let schema = session.rules.kinds[parts[0]] {
            let name = parts[1]
            if name == "missing-section" || name == "empty-section" {
                return schema.sections.filter(\.required).map { Self.heading($0, level: 2, language: written) }
                    .joined(separator: "\n")
            }
            for section in schema.sections {
                if name == "\(section.id)-part" {
                    return
                        ([Self.heading(section, level: 2, language: written)]
                        + section.parts.map { "### " + $0.label(written) }).joined(separator: "\n")
                }
                if let terms = section.terms, name == terms.rule {
                    return
                        ([Self.heading(section, level: 2, language: written)]
                        + terms.terms.map { "- **\($0.label(written))**：…" }).joined(separator: "\n")
                }
                if let levels = section.levels, name == levels.rule {
                    let words = [
                        l.pick("警告", "警告", "warning"), l.pick("禁言", "禁言", "mute"), l.pick("移出", "移出", "removal"),
                    ]
                    return
                        ([Self.heading(section, level: 2, language: written)]
                        + words.prefix(max(levels.atLeast, 2)).enumerated().map { "\($0.offset + 1). \($0.element)" })
                        .joined(separator: "\n")
                }
                if section.list != nil, name == section.id || name.hasPrefix("step-") {
                    return Self.heading(section, level: 2, language: written) + "\n\n"
                        + l.pick(
                            "1. **第1天** 欢迎仪式；负责人：群主\n2. **第7天** 回访；负责人：助理",
                            "1. **第1天** 歡迎儀式；負責人：群主\n2. **第7天** 回訪；負責人：助理",
                            "1. **Day 1** welcome ritual; owner: the host\n2. **Day 7** follow-up; owner: the assistant"
                        )
                }
            }
        }
        switch rule {
        case "frontmatter.required", "frontmatter.type", "frontmatter.choice":
            let fields = session.rules.kinds[page.kind.rawValue]?.fields ?? []
            let lines = fields.filter { $0.required || !$0.choices.isEmpty }.map {
                "\($0.name): \($0.example ?? $0.choices.first ?? "…")"
            }
            return lines.isEmpty ? nil : "---\n" + lines.joined(separator: "\n") + "\n---"
        case "page.title": return "---\ntitle: 杭州读书会群规\n---"
        case "page.unknown-kind":
            return "---\nkind: " + session.rules.kinds.keys.sorted().joined(separator: " | ") + "\n---"
        case "page.broken-link": return "[群规](../rules/network-rules.md)"
        case "page.broken-anchor": return "[奖励](../rules/network-rules.md#奖励-rewards)"
        case "group.unknown-template": return "---\ntemplate: city-chapter\ntemplate_version: 1.0.0\n---"
        case "template.undeclared-variable", "template.unused-variable", "template.variables":
            return "---\nvariables:\n  - name: city\n    description: 城市\n    required: true\n---\n{{city}}读书会"
        default: return nil
        }
    }

    func sectionExplanation(_ spec: SectionSpec, page: Page, session: Engine, language l: Language) -> String {
        let kind = session.rules.kinds[page.kind.rawValue]
        var text = "**\(spec.label(l))**"
        if spec.label.en != spec.label(l) { text += " \(spec.label.en)" }
        if let kind {
            text +=
                " — "
                + l.pick("\(kind.label.noun(l))的一节", "\(kind.label.noun(l))的一節", "a section of a \(kind.label.noun(l))")
        }
        if page.kind == .group, Self.elements.contains(spec.id) {
            text += l.pick("（社群五要素之一）", "（社群五要素之一）", " (one of the five elements of a community)")
        }
        if let hint = spec.hint { text += "\n\n" + hint(l) }
        if !spec.parts.isEmpty { text += "\n\n" + spec.parts.map { "- " + $0.label(l) }.joined(separator: "\n") }
        return text
    }

    /// The section ids of the five elements of a community, in the charter's order.
    static let elements = ["interest", "structure", "output", "operations", "replication"]

    /// The word of letters, digits, `.`, `-` and `_` around a UTF-16 column.
    static func word(in line: String, at character: Int) -> String? {
        let units = Array(line.utf16)
        func isWordUnit(_ u: UInt16) -> Bool {
            (u >= 97 && u <= 122) || (u >= 65 && u <= 90) || (u >= 48 && u <= 57) || u == 45 || u == 46 || u == 95
        }
        var start = min(character, units.count)
        var end = start
        while start > 0, isWordUnit(units[start - 1]) { start -= 1 }
        while end < units.count, isWordUnit(units[end]) { end += 1 }
        guard start < end else { return nil }
        var word = String(decoding: units[start..<end], as: UTF16.self)
        while word.hasSuffix(".") { word.removeLast() }
        return word
    }

    // MARK: Definition

    /// On a link: the page it leads to, at the heading its `#anchor` names.
    func definition(_ params: JSON) throws -> JSON {
        guard let (document, page, session) = try page(params) else { return .null }
        let cursor = try Self.position(params["position"])
        let line = document.lineText(cursor.line)
        guard
            let link = Self.links(in: line).first(where: {
                $0.destination.lowerBound <= cursor.character && cursor.character <= $0.destination.upperBound
            }), let target = Self.target(of: link.text, from: page)
        else { return .null }
        let targetPage: Page?
        let uri: String?
        if let path = target.path {
            targetPage = session.page("content/" + path)
            uri = targetPage.flatMap { self.uri(forSitePath: $0.path) }
        } else {
            targetPage = page
            uri = document.uri
        }
        guard let targetPage, let uri else { return .null }
        let line0 =
            (target.fragment.isEmpty ? nil : Self.line(ofAnchor: target.fragment, in: targetPage)).map { $0 - 1 } ?? 0
        let at = TextDocument.Position(line: line0, character: 0)
        return ["uri": .string(uri), "range": Self.range(at, at)]
    }

    // MARK: Outline

    /// The page's headings as a tree. Sections the kind requires carry their name; in a group
    /// charter, the five elements are marked as such.
    func documentSymbols(_ params: JSON) throws -> JSON {
        guard let (document, page, session) = try page(params) else { return [] }
        let l = script(of: page, session: session)
        let headings = page.headings
        struct Node {
            var heading: Heading
            var end: Int
            var children: [Int] = []
        }
        var nodes: [Node] = []
        var roots: [Int] = []
        var stack: [Int] = []
        let lastLine = max(document.lineCount, 1)
        for heading in headings {
            while let top = stack.last, nodes[top].heading.level >= heading.level {
                nodes[top].end = heading.line - 1
                stack.removeLast()
            }
            nodes.append(Node(heading: heading, end: lastLine))
            let index = nodes.count - 1
            if let parent = stack.last { nodes[parent].children.append(index) } else { roots.append(index) }
            stack.append(index)
        }
        func symbol(_ index: Int) -> JSON {
            let node = nodes[index]
            let spec = session.checker.section(forHeading: node.heading.text, kind: page.kind.rawValue)
            var detail = ""
            var kind = 15
            if let spec {
                if page.kind == .group, let n = Self.elements.firstIndex(of: spec.id) {
                    detail = l.pick("五要素 \(n + 1)/5：", "五要素 \(n + 1)/5：", "element \(n + 1)/5: ") + spec.label(l)
                    kind = 5
                } else {
                    detail = spec.label(l)
                    kind = 8
                }
            }
            let start = TextDocument.Position(line: node.heading.line - 1, character: 0)
            let headingEnd = TextDocument.Position(
                line: node.heading.line - 1, character: document.lineLength(node.heading.line - 1))
            let endLine = max(node.end, node.heading.line) - 1
            let end = TextDocument.Position(line: endLine, character: document.lineLength(endLine))
            return [
                "name": .string(node.heading.text.isEmpty ? "#" : node.heading.text), "detail": .string(detail),
                "kind": .int(kind), "range": Self.range(start, end), "selectionRange": Self.range(start, headingEnd),
                "children": .array(node.children.map(symbol)),
            ]
        }
        return .array(roots.map(symbol))
    }
}
