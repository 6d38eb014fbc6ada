import Foundation
import PlaybookCheck
import PlaybookModel

/// A new page of a kind with every required section in place, so authoring starts from a page
/// that only needs filling in. The outline comes from the kind's schema in the site's rules,
/// so a site's own kinds and sections get skeletons too.
///
/// A skeleton is structurally right (lists, steps and parts where the kind wants them) but says
/// nothing yet: text goes where the fill-in marker (（待填写）) stands, and required front matter
/// fields are left empty with the example in a YAML comment. Until both are filled in, the
/// checker reports `<kind>.empty-section` and `frontmatter.required` (and, for an SOP,
/// `sop.cadence`); once they are, the page checks clean.
public enum Skeleton {
    public static func page(kind: KindSchema, title: String, language: Language) -> String {
        var out = "---\ntitle: \(yamlQuote(title))\nkind: \(kind.name)\n"
        var written: Set<String> = ["title", "kind"]
        for field in kind.fields where field.required && !written.contains(field.name) {
            out += "\(field.name): # \(fieldComment(field, language: language))\n"
            written.insert(field.name)
        }
        for alternative in kind.alternatives {
            // One of these fields or sections must be there: leave the first field to fill in.
            guard !alternative.fields.contains(where: written.contains), let first = alternative.fields.first
            else { continue }
            let field = kind.field(first) ?? FieldSpec(name: first)
            let others = alternative.fields.dropFirst().map { "`\($0):`" }
            var comment = fieldComment(field, language: language)
            if !others.isEmpty {
                comment += language.pick(
                    "；或者改写成 \(others.joined(separator: "、"))", "；或者改寫成 \(others.joined(separator: "、"))",
                    "; or write \(others.joined(separator: " or ")) instead")
            }
            out += "\(first): # \(comment)\n"
            written.insert(first)
        }
        out += "---\n"
        for section in kind.sections where section.required {
            out += "\n" + Self.section(section, level: 2, language: language)
        }
        return out
    }

    /// One required section as a skeleton writes it: its heading at `level`, the hint as a
    /// comment, and the parts, lists and labels the kind wants, each with the fill-in marker.
    public static func section(_ section: SectionSpec, level: Int, language: Language) -> String {
        let todo = FillInMarker.text(language)
        var out =
            "\(String(repeating: "#", count: max(1, min(level, 6)))) \(heading(section.label, language: language))\n\n"
        if let hint = section.hint { out += "<!-- \(hint(language)) -->\n\n" }
        for part in section.parts {
            out += "\(String(repeating: "#", count: min(level + 1, 6))) \(heading(part.label, language: language))\n\n"
            out += todo + "\n\n"
        }
        if let terms = section.terms {
            for term in terms.terms.prefix(max(terms.atLeast, terms.terms.count)) {
                out += "- **\(term.label(language))**\(colon(language))\(todo)\n"
            }
            out += "\n"
        }
        if let levels = section.levels {
            for index in 1...max(levels.atLeast, 2) {
                out += "\(index). \(todo)\n"
            }
            out += "\n"
        }
        if let list = section.list {
            // The moments the steps must mention (a welcome, the rules) are steps of the
            // list, not lines beside it; steps in time order start with their time and name
            // who does them.
            let count = max(list.minItems, 2, section.mentions.count)
            for index in 1...count {
                var step = ""
                if list.timeOrder { step += language == .en ? "**Day \(index)** " : "**第\(index)天** " }
                if index <= section.mentions.count {
                    step += section.mentions[index - 1].label(language) + colon(language)
                }
                step += todo
                if list.timeOrder {
                    step += language.pick("；负责人：", "；負責人：", "; owner: ") + todo
                }
                out += list.ordered ? "\(index). \(step)\n" : "- \(step)\n"
            }
            out += "\n"
        } else {
            for mention in section.mentions {
                out += "- \(mention.label(language))\(colon(language))\(todo)\n"
            }
        }
        if section.parts.isEmpty && section.terms == nil && section.levels == nil && section.list == nil
            && section.mentions.isEmpty
        {
            out += todo + "\n"
        }
        return out
    }

    /// Where `playbook new <kind> <target>` writes, relative to `content/`. A group given by a
    /// bare slug (`ningbo`) lives in its own folder, `groups/<slug>/index.md`, where
    /// `new group --from` clones go; any other target is a path below `content/` (`.md` added).
    /// Nil when the target would leave `content/` or the slug is not one folder name.
    public static func path(kind: String, target: String) -> String? {
        var path = target
        if path.hasPrefix("content/") { path = String(path.dropFirst("content/".count)) }
        if kind == Kind.group.rawValue, !path.contains("/"), !path.contains("\\") {
            let slug = path.hasSuffix(".md") ? String(path.dropLast(3)) : path
            guard Replicator.slugProblem(slug) == nil else { return nil }
            return "groups/\(slug)/index.md"
        }
        if !path.hasSuffix(".md") { path += ".md" }
        // A file needs a name: `new sop ''` or `new sop sops/` would write `.md`, a hidden file.
        guard Slug.resolve(path, inFolder: "") == path, !path.hasPrefix("/"),
            !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
        else { return nil }
        return path
    }

    /// The default title of a page at `path`: its file name, or its folder's for an `index.md`.
    public static func defaultTitle(path: String) -> String {
        let parts = path.split(separator: "/")
        guard let last = parts.last else { return path }
        let stem = last.hasSuffix(".md") ? String(last.dropLast(3)) : String(last)
        if stem == "index", parts.count > 1 { return String(parts[parts.count - 2]) }
        return stem
    }

    static func heading(_ label: Localized, language: Language) -> String {
        language == .en ? label.en : "\(label(language)) \(label.en)"
    }

    static func colon(_ language: Language) -> String {
        language == .en ? ": " : "："
    }

    /// The YAML comment beside an empty field: its example, else its choices, else its meaning.
    static func fieldComment(_ field: FieldSpec, language: Language) -> String {
        let meaning = field.description.map { $0(language) }
        if let example = field.example {
            let e = language.pick("例：\(example)", "例：\(example)", "e.g. \(example)")
            return meaning.map { language == .en ? "\($0), \(e)" : "\($0)，\(e)" } ?? e
        }
        if !field.choices.isEmpty {
            return language.pick(
                "可选：\(field.choices.joined(separator: "、"))", "可選：\(field.choices.joined(separator: "、"))",
                "one of: \(field.choices.joined(separator: ", "))")
        }
        return meaning ?? language.pick("必填", "必填", "required")
    }

    static func yamlQuote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
