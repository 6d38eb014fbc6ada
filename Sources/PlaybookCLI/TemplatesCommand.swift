import ArgumentParser
import Foundation
import PlaybookModel
import PlaybookReplication
import PlaybookScaffold
import PlaybookSource

struct TemplatesCommand: PlaybookSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the replication templates, their variables and the groups cloned from each."
    )

    @OptionGroup var site: SiteOptions

    func run(in context: CommandContext) throws {
        let files = try SiteReader(root: site.root(context)).read()
        let l = site.language(of: files, context)
        let templates = ReplicationTemplate.all(in: files)
        let drift = Replicator.drift(site: files)
        if templates.isEmpty {
            context.standardOutput.write(
                l.pick(
                    "content/templates/ 里没有模板。\n", "content/templates/ 裡沒有範本。\n",
                    "No templates in content/templates/.\n"))
            return
        }
        var out = ""
        for name in templates.keys.sorted() {
            let template = templates[name]!
            out += "\(name) \(template.version) — \(template.title)\n  " + l.pick("变量：", "變數：", "variables:") + "\n"
            for v in template.variables {
                var line = "    \(v.name)" + (v.required ? l.pick("（必填）", "（必填）", " (required)") : "")
                if let value = v.defaultValue { line += l.pick(" 默认：", " 預設：", " default: ") + value }
                if !v.choices.isEmpty {
                    line += l.pick(" 可选：", " 可選：", " one of: ") + v.choices.joined(separator: ", ")
                }
                if let pattern = v.pattern { line += l.pick(" 格式：", " 格式：", " pattern: ") + pattern }
                if !v.description.isEmpty { line += " — \(v.description)" }
                out += line + "\n"
            }
            let clones = drift.filter { $0.lineage.template == name }
            out += "  " + l.pick("群：", "群：", "groups:") + (clones.isEmpty ? l.pick("无", "無", " none") : "") + "\n"
            for clone in clones {
                let on = "\(clone.lineage.version) (\(clone.lineage.hash.prefix(8)))"
                let now = "\(template.version) (\(template.hash.prefix(8)))"
                out += "    \(clone.group) " + l.pick("在 \(on)", "在 \(on)", "on \(on)")
                out +=
                    clone.behind
                    ? l.pick(" — 落后于 \(now)", " — 落後於 \(now)", " — behind \(now)") + "\n"
                    : l.pick(" — 已是最新", " — 已是最新", " — up to date") + "\n"
            }
        }
        context.standardOutput.write(out)
    }
}
