import PlaybookCheck
import PlaybookEngine
import PlaybookModel

/// `textDocument/completion`: what the cursor's place asks for. In front matter, the kind's
/// keys and a key's allowed values; on a heading line, the required sections the page lacks,
/// in the page's script; inside a link, `.md` targets and then the target's `#anchors`; after
/// `{{` in a replication template's documents, the template's variables.
extension LanguageServer {
    /// Targets offered at most; the client filters further as the author types.
    static let maxTargets = 500

    func completion(_ params: JSON) throws -> JSON {
        guard let (document, page, session) = try page(params) else { return .null }
        let cursor = try Self.position(params["position"])
        let line = document.lineText(cursor.line)
        let prefix = String(decoding: Array(line.utf16.prefix(cursor.character)), as: UTF16.self)
        let items: [JSON]
        if page.source.bodyLineOffset > 0, cursor.line + 1 < page.source.bodyLineOffset, cursor.line > 0 {
            items =
                declarationItems(prefix: prefix, line: cursor.line, document: document, page: page)
                ?? frontMatterItems(prefix: prefix, page: page, session: session)
        } else if let open = prefix.range(of: "{{", options: .backwards), !prefix[open.upperBound...].contains("}") {
            items = variableItems(page: page, session: session)
        } else if let link = Self.links(in: line).first(where: {
            $0.destination.lowerBound <= cursor.character && cursor.character <= $0.destination.upperBound
        }) {
            let typed = String(
                decoding: Array(line.utf16)[link.destination.lowerBound..<cursor.character], as: UTF16.self)
            let replace = (
                TextDocument.Position(line: cursor.line, character: link.destination.lowerBound), cursor
            )
            return linkItems(typed: typed, replacing: replace, page: page, session: session)
        } else if prefix.allSatisfy({ $0 == "#" || $0 == " " }) || prefix.first == "#" {
            items = sectionItems(line: cursor.line, prefix: prefix, page: page, session: session)
        } else {
            items = []
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    // MARK: Front matter

    func frontMatterItems(prefix: String, page: Page, session: Engine) -> [JSON] {
        let l = script(of: page, session: session)
        let kind = session.rules.kinds[page.kind.rawValue]
        if let colon = prefix.firstIndex(of: ":"), !prefix[..<colon].contains(" ") {
            let key = String(prefix[..<colon])
            return valueItems(key: key, kind: kind, session: session, language: l)
        }
        guard !prefix.hasPrefix(" "), !prefix.hasPrefix("-") else { return [] }
        let present = Set(page.frontMatter.keys)
        var fields: [(name: String, detail: String, example: String?)] = [
            ("title", l.pick("标题", "標題", "the page's title"), nil),
            ("kind", l.pick("类型", "類型", "the kind of playbook"), nil),
        ]
        for field in kind?.fields ?? [] {
            var detail = field.description.map { $0(l) } ?? field.type.rawValue
            if field.required { detail += l.pick("（必填）", "（必填）", " (required)") }
            fields.append((field.name, detail, field.example))
        }
        return fields.enumerated().compactMap { index, field in
            guard !present.contains(field.name) else { return nil }
            var item: JSON = [
                "label": .string(field.name), "kind": 10, "detail": .string(field.detail),
                "insertText": .string(field.name + ": "), "sortText": .string(String(format: "%04d", index)),
            ]
            if let example = field.example, case .object(var pairs) = item {
                pairs.append(("documentation", .string("\(field.name): \(example)")))
                item = .object(pairs)
            }
            return item
        }
    }

    func valueItems(key: String, kind: KindSchema?, session: Engine, language l: Language) -> [JSON] {
        var values: [(String, String)] = []
        switch key {
        case "kind":
            values = session.rules.kinds.keys.sorted().map { ($0, session.rules.kinds[$0]!.label.noun(l)) }
        case "template":
            values = templates(in: session).map { ($0.name, $0.page.title) }
        default:
            guard let field = kind?.field(key) else { return [] }
            if !field.choices.isEmpty {
                values = field.choices.map { ($0, field.description.map { $0(l) } ?? "") }
            } else if field.type == .boolean {
                values = [("true", ""), ("false", "")]
            }
        }
        return values.map { ["label": .string($0.0), "kind": 12, "detail": .string($0.1)] }
    }

    /// The handbook's replication templates: their declaration pages by name.
    func templates(in session: Engine) -> [(name: String, page: Page)] {
        session.handbook.pages.compactMap { page in
            guard let name = page.templateName, page.source.contentPath == "templates/\(name)/index.md" else {
                return nil
            }
            return (name, page)
        }
    }

    // MARK: Template variables

    func variableItems(page: Page, session: Engine) -> [JSON] {
        guard let name = page.templateName, let template = templates(in: session).first(where: { $0.name == name })
        else { return [] }
        let l = script(of: page, session: session)
        return TemplateVariable.read(template.page.frontMatter.entry("variables")).variables.map { variable in
            var detail = variable.description
            if variable.required { detail += l.pick("（必填）", "（必填）", " (required)") }
            if let value = variable.defaultValue { detail += l.pick("，默认 ", "，預設 ", ", default ") + value }
            if !variable.choices.isEmpty {
                detail +=
                    l.pick("，可选：", "，可選：", ", one of: ")
                    + variable.choices.joined(separator: l == .en ? ", " : "、")
            }
            return [
                "label": .string(variable.name), "kind": 6, "detail": .string(detail),
                "insertText": .string(variable.name),
            ]
        }
    }

    /// The keys of a variable declaration, offered on the indented lines under a template's
    /// `variables:`.
    static let declarationKeys = ["name", "description", "required", "default", "choices", "pattern", "example"]
        .filter(TemplateVariable.keys.contains)

    func declarationItems(prefix: String, line: Int, document: TextDocument, page: Page) -> [JSON]? {
        guard page.kind == .template,
            page.templateName.map({ page.source.contentPath == "templates/\($0)/index.md" }) == true,
            prefix.first == " " || prefix.hasPrefix("-"), !prefix.contains(":")
        else { return nil }
        // The top-level key above the cursor must be `variables:`.
        var above = line - 1
        while above > 0, document.lineText(above).first.map({ $0 == " " || $0 == "-" || $0 == "#" }) ?? true {
            above -= 1
        }
        guard above > 0, document.lineText(above).hasPrefix("variables:") else { return nil }
        return Self.declarationKeys.map {
            ["label": .string($0), "kind": 10, "insertText": .string($0 + ": ")]
        }
    }

    // MARK: Links

    func linkItems(
        typed: String, replacing range: (TextDocument.Position, TextDocument.Position), page: Page,
        session: Engine
    ) -> JSON {
        let edit = { (text: String) -> JSON in ["range": Self.range(range.0, range.1), "newText": .string(text)] }
        if let hash = typed.firstIndex(of: "#") {
            let written = String(typed[..<hash])
            let target: Page?
            if written.isEmpty {
                target = page
            } else {
                target = Self.target(of: written, from: page).flatMap { $0.path }.flatMap {
                    session.page("content/" + $0)
                }
            }
            let items: [JSON] = (target?.headings ?? []).map { heading in
                [
                    "label": .string("#" + heading.anchor), "kind": 18, "detail": .string(heading.text),
                    "filterText": .string(written + "#" + heading.anchor),
                    "textEdit": edit(written + "#" + heading.anchor),
                ]
            }
            return ["isIncomplete": false, "items": .array(items)]
        }
        let folder = Self.folder(of: page)
        let needle = typed.lowercased()
        var items: [JSON] = []
        var incomplete = false
        for other in session.handbook.pages where other.path != page.path {
            let link = Self.relativeLink(from: folder, to: other.source.contentPath)
            guard needle.isEmpty || link.lowercased().contains(needle) || other.title.lowercased().contains(needle)
            else { continue }
            guard items.count < Self.maxTargets else {
                incomplete = true
                break
            }
            items.append([
                "label": .string(link), "kind": 17, "detail": .string(other.title), "filterText": .string(link),
                "textEdit": edit(link),
            ])
        }
        return ["isIncomplete": .bool(incomplete), "items": .array(items)]
    }

    // MARK: Sections

    func sectionItems(line: Int, prefix: String, page: Page, session: Engine) -> [JSON] {
        let l = script(of: page, session: session)
        let start = TextDocument.Position(line: line, character: 0)
        let end = TextDocument.Position(line: line, character: prefix.utf16.count)
        return session.checker.missingSections(of: Engine.parsed(page)).enumerated().map { index, missing in
            let heading = Self.heading(missing.section, level: missing.level, language: l)
            var detail = l.pick("缺少的必需一节", "缺少的必需一節", "a required section the page lacks")
            if let hint = missing.section.hint { detail = hint(l) }
            return [
                "label": .string(heading), "kind": 15, "detail": .string(detail),
                "filterText": .string(heading), "sortText": .string(String(format: "%04d", index)),
                "textEdit": ["range": Self.range(start, end), "newText": .string(heading)],
            ]
        }
    }

    /// A section's heading as skeletons write it, in `language` with the English name beside it.
    static func heading(_ section: SectionSpec, level: Int, language l: Language) -> String {
        let hashes = String(repeating: "#", count: max(1, min(level, 6)))
        let name = section.label(l)
        return l == .en || name == section.label.en ? "\(hashes) \(name)" : "\(hashes) \(name) \(section.label.en)"
    }
}
