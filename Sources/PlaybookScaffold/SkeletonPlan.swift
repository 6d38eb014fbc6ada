import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookReplication

/// The page `playbook new KIND TARGET` writes: where, what, and what to tell the user after.
package struct SkeletonPage: Hashable, Sendable {
    /// Site-relative path, `content/sops/growth.md`.
    package var path: String
    package var text: String
    package var kind: String
    /// The site's language, which the skeleton is written in.
    package var language: Language
    /// The site's replication templates, sorted: a new group could start from one instead.
    package var templates: [String]
    /// A group slug outside ASCII, which works but shares badly.
    package var slugWarning: SlugWarning?
    /// Further files written with the page, by site-relative path (a template's `files/`).
    package var more: [String: String] = [:]
}

/// Why `playbook new KIND TARGET` writes nothing.
package enum SkeletonRefusal: Error, Hashable, Sendable {
    /// No kind of that name; the site's kinds, and the closest one.
    case unknownKind(String, suggestion: String?, known: [String])
    /// The target would put the page outside `content/`.
    case outsideContent(String)
    /// A group's slug that cannot name a folder.
    case slug(ReplicationProblem)
    /// A file is at the path already (site-relative); it is never overwritten.
    case fileExists(String)

    /// A usage error (exit 64, with the command's usage) or a refusal of the site's state (exit 2).
    package var isUsageError: Bool {
        if case .fileExists = self { return false }
        return true
    }

    package func message(_ l: Language) -> String {
        switch self {
        case .unknownKind(let kind, let suggestion?, _):
            return l.pick(
                "未知的种类 `\(kind)`；是不是 `\(suggestion)`？", "未知的種類 `\(kind)`；是不是 `\(suggestion)`？",
                "unknown kind `\(kind)`; did you mean `\(suggestion)`?")
        case .unknownKind(let kind, nil, let known):
            let kinds = known.joined(separator: ", ")
            return l.pick(
                "未知的种类 `\(kind)`；种类有：\(kinds)", "未知的種類 `\(kind)`；種類有：\(kinds)",
                "unknown kind `\(kind)`; kinds: \(kinds)")
        case .outsideContent(let target):
            return l.pick(
                "\(target)：路径必须在 content/ 之内", "\(target)：路徑必須在 content/ 之內",
                "\(target): the path must stay inside content/")
        case .slug(let problem): return problem.message(l)
        case .fileExists(let path): return ReplicationProblem.fileExists(path).message(l)
        }
    }
}

extension Skeleton {
    /// The skeleton page for `kind` at `target`, by the site's own rules (so a site's kinds get
    /// skeletons too, those of the rule files `include:` names among them), or why there is none.
    /// `site` is what LOAD read: its `config` was decoded once there, and the caller speaks in its
    /// language; it is not decoded again from the text. `exists` says whether a site-relative
    /// path is taken; nothing here touches the disk.
    package static func plan(
        kind: String, target: String, title: String?, site: LoadedSite, exists: (String) -> Bool
    ) -> Result<SkeletonPage, SkeletonRefusal> {
        let config = site.config
        // Only the rules are needed: no page is parsed for a skeleton.
        let rules = Pipeline.ruleSet(Handbook(config: config, pages: []), ruleFiles: site.ruleFiles).0
        guard let schema = rules.kinds[kind] else {
            return .failure(
                .unknownKind(
                    kind, suggestion: Suggestion.closest(to: kind, in: rules.kinds.keys),
                    known: rules.kinds.keys.sorted()))
        }
        if kind == Kind.template.rawValue {
            return templatePlan(target: target, title: title, language: config.language, exists: exists)
        }
        let isGroupSlug = kind == Kind.group.rawValue && !target.contains("/")
        guard let path = Skeleton.path(kind: kind, target: target) else {
            if isGroupSlug, let problem = Replicator.slugProblem(target) { return .failure(.slug(problem)) }
            return .failure(.outsideContent(target))
        }
        let sitePath = "content/\(path)"
        if exists(sitePath) { return .failure(.fileExists(sitePath)) }
        let text = Skeleton.page(
            kind: schema, title: title ?? Skeleton.defaultTitle(path: path), language: config.language)
        return .success(
            SkeletonPage(
                path: sitePath, text: text, kind: kind, language: config.language,
                templates: kind == Kind.group.rawValue ? ReplicationTemplate.all(in: site.files).keys.sorted() : [],
                slugWarning: isGroupSlug ? Replicator.slugWarning(target, answers: [:]) : nil))
    }
}

extension Skeleton {
    /// `playbook new template <name>` (or `templates/<name>`): a template folder with its
    /// declaration and `files/`, at `content/templates/<name>/`.
    static func templatePlan(
        target: String, title: String?, language: Language, exists: (String) -> Bool
    ) -> Result<SkeletonPage, SkeletonRefusal> {
        var name = target
        for prefix in ["content/", "templates/"] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        if name.hasSuffix("/index.md") { name = String(name.dropLast("/index.md".count)) }
        if name.hasSuffix(".md") { name = String(name.dropLast(3)) }
        while name.hasSuffix("/") { name = String(name.dropLast()) }
        if let problem = Replicator.slugProblem(name) { return .failure(.slug(problem)) }
        var files = Skeleton.template(
            name: name, title: title ?? language.pick("\(name) 模板", "\(name) 範本", "\(name) template"),
            language: language)
        for path in files.keys.sorted() where exists("content/\(path)") {
            return .failure(.fileExists("content/\(path)"))
        }
        let index = "templates/\(name)/index.md"
        let text = files.removeValue(forKey: index)!
        return .success(
            SkeletonPage(
                path: "content/\(index)", text: text, kind: Kind.template.rawValue, language: language, templates: [],
                slugWarning: nil,
                more: Dictionary(uniqueKeysWithValues: files.map { ("content/\($0.key)", $0.value) })))
    }
}
