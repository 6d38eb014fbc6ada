import PlaybookModel

/// For each replication template:
/// - `template.undeclared-variable`: every `{{placeholder}}` in its `files/**` documents is
///   declared in `variables:` (an undeclared one would be copied into a new group as is);
/// - `template.unused-variable`: a declared variable is used somewhere (warning);
/// - `template.unknown-filter`: every filter after a `|` is one cloning knows (`slug`,
///   `lower`, `upper`, `trim`); a placeholder with any other is copied into a new group as is;
/// - `template.variables`: the declarations themselves are well formed.
struct TemplateVariableRule {
    /// The findings for every template, or only for the one named `only`.
    func check(_ context: CheckContext, only: String? = nil) -> [Diagnostic] {
        let l = context.language
        var documents: [String: [Page]] = [:]
        for page in context.handbook.pages {
            guard let name = page.templateName, only == nil || name == only,
                page.source.contentPath.hasPrefix("templates/\(name)/files/")
            else {
                continue
            }
            documents[name, default: []].append(page)
        }
        var found: [Diagnostic] = []
        var names = Set(documents.keys).union(context.templates.keys)
        if let only { names = names.intersection([only]) }
        for name in names.sorted() {
            // A declaration that could not be read declares nothing anyone can know: its
            // documents' placeholders are not reported against it (its YAML mistake is).
            if let index = context.templates[name], context.handbook.pages[index].source.frontMatterUnreadable {
                continue
            }
            let declaration = context.templates[name].map {
                TemplateDeclaration(page: context.linkedPage(context.handbook.pages[$0]), language: l)
            }
            found += declaration?.problems ?? []
            let declared = Set(declaration?.variables.map(\.name) ?? [])
            var used: Set<String> = []
            for page in documents[name] ?? [] {
                for placeholder in Placeholder.all(in: page.source.text) {
                    used.insert(placeholder.name)
                    if !placeholder.unknownFilters.isEmpty {
                        found.append(Self.unknownFilter(placeholder, in: page, language: l))
                    }
                    guard !declared.contains(placeholder.name) else { continue }
                    found.append(
                        Self.undeclared(placeholder, in: page, template: name, declared: declared, language: l))
                }
            }
            // The declaration page's own text: a placeholder there is shown on the site as it is
            // written, so it too must be one the template declares. Code (an example of how to
            // write one) is left alone.
            if let index = context.templates[name] {
                let page = context.handbook.pages[index]
                for placeholder in Self.placeholdersOutsideCode(page.source)
                where !declared.contains(placeholder.name) {
                    found.append(
                        Self.undeclared(placeholder, in: page, template: name, declared: declared, language: l))
                }
            }
            guard let index = context.templates[name], let declaration else { continue }
            for variable in declaration.variables where !used.contains(variable.name) {
                found.append(
                    Diagnostic(
                        file: context.handbook.pages[index].path, line: variable.line, column: variable.column,
                        severity: .warning,
                        rule: "template.unused-variable",
                        message: l.pick(
                            "变量 `\(variable.name)` 没有在模板的文档里用到", "變數 `\(variable.name)` 沒有在模板的文件裡用到",
                            "variable `\(variable.name)` is not used by the template's documents"),
                        hint: l.pick(
                            "在 files/ 下的文档里用 `{{\(variable.name)}}`，或删掉这个声明；不用的变量会让复制的人白填一项。",
                            "在 files/ 下的文件裡用 `{{\(variable.name)}}`，或刪掉這個宣告；不用的變數會讓複製的人白填一項。",
                            "Use `{{\(variable.name)}}` in a document under files/, or remove the declaration; an unused variable makes whoever clones fill it for nothing."
                        )))
            }
        }
        return found
    }

    static func undeclared(
        _ placeholder: Placeholder, in page: Page, template name: String, declared: Set<String>, language l: Language
    ) -> Diagnostic {
        var hint = l.pick(
            "在 templates/\(name)/index.md 的 `variables:` 里声明它：`- name: \(placeholder.name)`，写上 description 和 required 或 default；否则复制出的新群会原样留着 `{{\(placeholder.name)}}`。",
            "在 templates/\(name)/index.md 的 `variables:` 裡宣告它：`- name: \(placeholder.name)`，寫上 description 和 required 或 default；否則複製出的新群會原樣留著 `{{\(placeholder.name)}}`。",
            "Declare it under `variables:` in templates/\(name)/index.md: `- name: \(placeholder.name)` with a description and required or default; otherwise a cloned group keeps `{{\(placeholder.name)}}` as is."
        )
        if let suggestion = Suggestion.closest(to: placeholder.name, in: declared) {
            hint =
                l.pick(
                    "你是不是想写 `{{\(suggestion)}}`？", "你是不是想寫 `{{\(suggestion)}}`？",
                    "Did you mean `{{\(suggestion)}}`? ") + hint
        }
        return Diagnostic(
            file: page.path, line: placeholder.line, column: placeholder.column, rule: "template.undeclared-variable",
            message: l.pick(
                "占位符 `{{\(placeholder.name)}}` 没有在模板 \(name) 里声明",
                "佔位符 `{{\(placeholder.name)}}` 沒有在模板 \(name) 裡宣告",
                "placeholder `{{\(placeholder.name)}}` is not declared by template \(name)"),
            hint: hint)
    }

    /// The placeholders in a page's body outside code spans and code blocks.
    static func placeholdersOutsideCode(_ source: SourceFile) -> [Placeholder] {
        guard source.text.containsLiteral("{{") else { return [] }
        var lines: [String] = []
        var fence: Substring? = nil
        for (offset, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            var kept = ""
            if offset < source.bodyLineOffset || line.hasPrefix("    ") || line.hasPrefix("\t") {
                kept = ""
            } else if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
            } else {
                kept = LinkSyntaxRule.blankingCode(String(line))
            }
            lines.append(kept)
        }
        return Placeholder.all(in: lines.joined(separator: "\n"))
    }

    static func unknownFilter(_ placeholder: Placeholder, in page: Page, language l: Language) -> Diagnostic {
        let unknown = placeholder.unknownFilters
        let names = unknown.map { "`\($0)`" }
        let known = PlaceholderSyntax.filters.map { "`\($0)`" }
        var hint = l.pick(
            "已知的过滤器：\(l.list(known))，可以串联：`{{\(placeholder.name) | lower | slug}}`。未知的过滤器会让占位符原样留在复制出的新群里。",
            "已知的過濾器：\(l.list(known))，可以串聯：`{{\(placeholder.name) | lower | slug}}`。未知的過濾器會讓佔位符原樣留在複製出的新群裡。",
            "The filters are \(known.joined(separator: ", ")), and they chain: `{{\(placeholder.name) | lower | slug}}`. With an unknown filter the placeholder is copied into a new group as is."
        )
        if let first = unknown.first, let suggestion = Suggestion.closest(to: first, in: PlaceholderSyntax.filters) {
            hint =
                l.pick(
                    "你是不是想写 `\(suggestion)`？", "你是不是想寫 `\(suggestion)`？", "Did you mean `\(suggestion)`? ")
                + hint
        }
        return Diagnostic(
            file: page.path, line: placeholder.line, column: placeholder.column, rule: "template.unknown-filter",
            message: l.pick(
                "占位符 `\(placeholder.text)` 用了未知的过滤器 \(l.list(names))",
                "佔位符 `\(placeholder.text)` 用了未知的過濾器 \(l.list(names))",
                "placeholder `\(placeholder.text)` uses \(names.count == 1 ? "an unknown filter" : "unknown filters") \(names.joined(separator: ", "))"
            ),
            hint: hint)
    }
}

extension TemplateVariableRule: SiteRule {
    var levelledAs: String? { "template" }

    /// Near a page: the findings of the template it belongs to, if any.
    func check(_ context: CheckContext, near: NearPage?) -> [Diagnostic] {
        guard let near else { return check(context) }
        guard let name = near.page.templateName else { return [] }
        return check(context, only: name)
    }
}
