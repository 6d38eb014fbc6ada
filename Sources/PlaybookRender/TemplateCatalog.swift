import PlaybookModel

/// The replication templates as a catalog: each with its variables, the documents a new group
/// gets from it, and a `playbook new group` command that works when pasted (its slug names no
/// group the handbook has yet, and every required variable gets a value).
struct TemplateCatalog {
    let map: SiteMap
    let language: Language

    /// Page indices of the templates' own pages (`templates/<name>/index.md`, or a page of kind
    /// `template` kept elsewhere), by path.
    var templates: [Int] { map.templatePages }

    /// The catalog entry of the template whose page is `index`, with links relative to `url`.
    func entry(for index: Int, from url: String) -> CatalogEntryView? {
        let page = map.pages[index]
        // `playbook new group --from` reads a template from `templates/<name>/`: one kept
        // elsewhere is listed, without a command to paste.
        let cloneable = page.templateName.map { page.source.contentPath == "templates/\($0)/index.md" } ?? false
        let name = cloneable ? page.templateName! : page.fileStem
        let variables = Self.variables(page.frontMatter)
        let slug = freeSlug(suggested: Self.suggestedSlug(variables))
        var command = "playbook new group \(slug) --from \(Self.shellWord(name))"
        // Required answers, and others the template gives an example for but no default.
        for variable in variables
        where variable.defaultValue == nil && (variable.required || variable.example != nil) {
            command += " --set \(variable.name)=\(Self.shellWord(variable.example ?? "…"))"
        }
        let prefix = "templates/\(name)/files/"
        let files = map.pages.indices.filter { cloneable && map.pages[$0].source.contentPath.hasPrefix(prefix) }.map {
            i in
            let source = map.pages[i]
            let relative = String(source.source.contentPath.dropFirst(prefix.count))
            return CatalogFileView(
                path: "content/groups/\(slug)/\(relative)", href: Href.to(source.url, from: url),
                kindLabel: map.kindLabels.title(source.kind, in: language))
        }
        return CatalogEntryView(
            name: name, title: page.title.isEmpty ? name : page.title, href: Href.to(page.url, from: url),
            version: page.frontMatter["version"]?.string ?? "",
            description: page.frontMatter["description"]?.string ?? "",
            variables: variables.map { variable in
                CatalogVariableView(
                    name: variable.name, description: variable.description,
                    required: variable.required && variable.defaultValue == nil,
                    defaultValue: variable.defaultValue ?? "", hasDefault: variable.defaultValue != nil,
                    choices: variable.choices.joined(separator: " / "), hasChoices: !variable.choices.isEmpty,
                    example: variable.example ?? "")
            }, hasVariables: !variables.isEmpty, command: cloneable ? command : nil, files: files,
            hasFiles: !files.isEmpty, slug: slug)
    }

    static func variables(_ frontMatter: Mapping) -> [TemplateVariable] {
        TemplateVariable.read(frontMatter.entry("variables")).variables
    }

    /// A slug from the first required example written in Latin letters (`Shenzhen` → `shenzhen`).
    static func suggestedSlug(_ variables: [TemplateVariable]) -> String {
        for variable in variables where variable.required {
            guard let example = variable.example, !example.isEmpty,
                example.unicodeScalars.allSatisfy({
                    $0.isASCII && ($0.properties.isAlphabetic || $0 == " " || $0 == "-")
                })
            else { continue }
            return example.lowercased().split(separator: " ").joined(separator: "-")
        }
        return "new-group"
    }

    /// `suggested`, or `suggested-2`, `-3`… when the handbook already has a group of that name.
    func freeSlug(suggested: String) -> String {
        let taken = Set(
            map.pages.compactMap { page -> String? in
                let parts = page.source.contentPath.split(separator: "/")
                guard parts.count >= 2, parts[0] == "groups" else { return nil }
                return parts[1].hasSuffix(".md") ? String(parts[1].dropLast(3)) : String(parts[1])
            })
        var slug = suggested
        var n = 2
        while taken.contains(slug) {
            slug = "\(suggested)-\(n)"
            n += 1
        }
        return slug
    }

    /// A word as a POSIX shell reads it: bare when it is plain, in single quotes otherwise.
    static func shellWord(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { scalar in
                !scalar.isASCII || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || "-_./=:@%+,".unicodeScalars.contains(scalar)
            }
        if plain && !word.unicodeScalars.contains(where: { $0.properties.isWhitespace }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
