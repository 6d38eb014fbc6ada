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
package enum Skeleton {
    package static func page(kind: KindSchema, title: String, language: Language) -> String {
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

    /// A replication template that works from the start: its declaration (`index.md`, with the
    /// usual variables declared) and a charter under `files/` that uses each of them, so
    /// `playbook new group <slug> --from <name>` can clone it at once and `playbook check`
    /// passes on it.
    package static func template(name: String, title: String, language l: Language)
        -> [String: String]
    {
        let variables: [(String, Localized, String?)] = [
            ("city", Localized("城市", "城市", "city"), nil),
            ("group_name", Localized("群名", "群名", "group name"), nil),
            ("owner", Localized("群主", "群主", "group owner"), nil),
            ("platform", Localized("交流平台", "交流平臺", "chat platform"), l.pick("微信群", "LINE 社群", "WeChat group")),
        ]
        var index = "---\ntitle: \(yamlQuote(title))\nkind: template\nversion: 0.1.0\nvariables:\n"
        for (variable, description, value) in variables {
            index += "  - name: \(variable)\n    description: \(description(l))\n"
            index += value.map { "    default: \($0)\n" } ?? "    required: true\n"
        }
        index += "---\n\n"
        index += l.pick(
            "\(FillInMarker.text(l))说明这个模板给什么样的群用。`files/` 里的文档是新群的起点，`{{city}}` 这样的占位符在复制时换成答案：\n\n    playbook new group <slug> --from \(name) --set city=杭州\n",
            "\(FillInMarker.text(l))說明這個範本給什麼樣的群用。`files/` 裡的文件是新群的起點，`{{city}}` 這樣的佔位符在複製時換成答案：\n\n    playbook new group <slug> --from \(name) --set city=台北\n",
            "\(FillInMarker.text(l)) Say which groups this template is for. The documents in `files/` are where a new group starts; placeholders such as `{{city}}` are replaced by the answers when it is cloned:\n\n    playbook new group <slug> --from \(name) --set city=Hangzhou\n"
        )
        let charterText =
            "---\ntitle: \"{{group_name}}\"\nkind: group\nowner: \"{{owner}}\"\nplatform: \"{{platform}}\"\n---\n\n"
            + starterCharter(l)
        return ["templates/\(name)/index.md": index, "templates/\(name)/files/index.md": charterText]
    }

    /// A charter a new group can start from as it is: every element written, in words a group
    /// then makes its own. (A skeleton's fill-in markers would stop the clone's check.)
    static func starterCharter(_ l: Language) -> String {
        switch l {
        case .zhHans:
            return """
                # {{group_name}}

                ## 同好 Shared interest

                在{{city}}、想和同好一起长期做一件事的人。我们围绕一个共同的活动聚在一起，成员得到的是陪伴、反馈和一群靠谱的朋友。

                ## 结构 Structure

                - 成员与分工：群主 {{owner}}，副群主 1–2 人，新人官 1 人
                - 交流平台：{{platform}}
                - 加入原则与门槛：由老成员邀请，入群前填写一份问卷
                - 管理规范：执行本群群规，违规按警告、禁言、移出处理

                ## 输出 Output

                每周一次主题分享，分享后整理成笔记放进群公告。

                ## 运营 Operations

                每周固定时间开场接龙（仪式感），话题由成员投票（参与感），副群主分组带活动（组织感），每月一次线下见面（归属感），季度之星公开表扬（荣誉感）。

                ## 复制 Replication

                流程都写进这个模板；每个新群由一位副群主带着复制，至少培养两名骨干。

                """
        case .zhHant:
            return """
                # {{group_name}}

                ## 同好 Shared interest

                在{{city}}、想和同好一起長期做一件事的人。我們圍繞一個共同的活動聚在一起，成員得到的是陪伴、回饋和一群可靠的朋友。

                ## 結構 Structure

                - 成員與分工：群主 {{owner}}，副群主 1–2 人，新人官 1 人
                - 交流平臺：{{platform}}
                - 加入原則與門檻：由老成員邀請，入群前填寫一份問卷
                - 管理規範：執行本群群規，違規按警告、禁言、移出處理

                ## 輸出 Output

                每週一次主題分享，分享後整理成筆記放進群公告。

                ## 運營 Operations

                每週固定時間開場接龍（儀式感），話題由成員投票（參與感），副群主分組帶活動（組織感），每月一次線下見面（歸屬感），季度之星公開表揚（榮譽感）。

                ## 複製 Replication

                流程都寫進這個範本；每個新群由一位副群主帶著複製，至少培養兩名骨幹。

                """
        case .en:
            return """
                # {{group_name}}

                ## Shared interest

                People in {{city}} who want to keep doing one thing together. We gather around a shared activity; members get company, feedback and friends they can rely on.

                ## Structure

                - Members and roles: {{owner}} leads, with one or two co-leads and a welcome lead
                - Platform: {{platform}}
                - Joining rule and threshold: an invitation from a member and a short questionnaire
                - Management rules: the group's rules; breaches get a warning, then a mute, then removal

                ## Output

                A weekly talk on one topic, written up as notes in the group announcement.

                ## Operations

                A weekly opening round (ritual), topics voted by members (participation), co-leads running small teams (organisation), a monthly meetup (belonging) and a member of the quarter (honour).

                ## Replication

                Every procedure lives in this template; each new group is cloned by a co-lead who trains at least two more.

                """
        }
    }

    /// One required section as a skeleton writes it: its heading at `level`, the hint as a
    /// comment, and the parts, lists and labels the kind wants, each with the fill-in marker.
    package static func section(_ section: SectionSpec, level: Int, language: Language) -> String {
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
    package static func path(kind: String, target: String) -> String? {
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
    package static func defaultTitle(path: String) -> String {
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
