import Foundation
import PlaybookCheck
import PlaybookModel

/// A new page of a kind with every required section in place, so authoring starts from a page
/// that only needs filling in. The outline comes from the kind's schema in the site's rules,
/// so a site's own kinds and sections get skeletons too.
public enum Skeleton {
    public static func page(kind: KindSchema, title: String, language: Language) -> String {
        var out = "---\ntitle: \(yamlQuote(title))\nkind: \(kind.name)\n"
        for field in kind.fields where field.required {
            out += "\(field.name): \(yamlQuote(field.example ?? placeholder(for: field, language: language)))\n"
        }
        out += "---\n"
        for section in kind.sections where section.required {
            out += "\n## \(heading(section.label, language: language))\n\n"
            if let hint = section.hint { out += "<!-- \(hint(language)) -->\n\n" }
            for part in section.parts {
                out += "### \(heading(part.label, language: language))\n\n"
                out += todo(language) + "\n\n"
            }
            if let terms = section.terms {
                for term in terms.terms.prefix(max(terms.atLeast, terms.terms.count)) {
                    out += "- **\(term.label(language))**：\(todo(language))\n"
                }
                out += "\n"
            }
            if let levels = section.levels {
                for index in 1...max(levels.atLeast, 2) {
                    out += "\(index). \(todo(language))\n"
                }
                out += "\n"
            }
            if let list = section.list {
                let count = max(list.minItems, 2)
                for index in 1...count {
                    let marker = list.timeOrder ? (language == .en ? "**Day \(index)** " : "**第\(index)天** ") : ""
                    out += list.ordered ? "\(index). \(marker)\(todo(language))\n" : "- \(marker)\(todo(language))\n"
                }
                out += "\n"
            }
            for mention in section.mentions {
                out += "- \(mention.label(language))：\(todo(language))\n"
            }
            if section.parts.isEmpty && section.terms == nil && section.levels == nil && section.list == nil
                && section.mentions.isEmpty
            {
                out += todo(language) + "\n"
            }
        }
        return out
    }

    static func heading(_ label: Localized, language: Language) -> String {
        language == .en ? label.en : "\(label(language)) \(label.en)"
    }

    static func todo(_ language: Language) -> String {
        switch language {
        case .zhHans: return "（待填写）"
        case .zhHant: return "（待填寫）"
        case .en: return "(to write)"
        }
    }

    static func placeholder(for field: FieldSpec, language: Language) -> String {
        field.choices.first ?? todo(language)
    }

    static func yamlQuote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
