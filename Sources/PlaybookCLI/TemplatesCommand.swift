import ArgumentParser
import Foundation
import PlaybookReplication
import PlaybookScaffold
import PlaybookSource

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the replication templates, their variables and the groups cloned from each."
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        let files = try SiteReader(root: site.sourceURL).read()
        let templates = ReplicationTemplate.all(in: files)
        let drift = Replicator.drift(site: files)
        if templates.isEmpty {
            Terminal.standardOutput.write("No templates in content/templates/.\n")
            return
        }
        var out = ""
        for name in templates.keys.sorted() {
            let template = templates[name]!
            out += "\(name) \(template.version) — \(template.title)\n  variables:\n"
            for v in template.variables {
                var line = "    \(v.name)\(v.required ? " (required)" : "")"
                if let value = v.defaultValue { line += " default: \(value)" }
                if !v.choices.isEmpty { line += " one of: \(v.choices.joined(separator: ", "))" }
                if let pattern = v.pattern { line += " pattern: \(pattern)" }
                if !v.description.isEmpty { line += " — \(v.description)" }
                out += line + "\n"
            }
            let clones = drift.filter { $0.lineage.template == name }
            out += "  groups:\(clones.isEmpty ? " none" : "")\n"
            for clone in clones {
                out += "    \(clone.group) on \(clone.lineage.version) (\(clone.lineage.hash.prefix(8)))"
                out += clone.behind ? " — behind \(template.version) (\(template.hash.prefix(8)))\n" : " — up to date\n"
            }
        }
        Terminal.standardOutput.write(out)
    }
}
