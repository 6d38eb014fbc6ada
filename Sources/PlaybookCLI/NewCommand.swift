import ArgumentParser
import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import PlaybookReplication
import PlaybookScaffold
import PlaybookSource

struct NewCommand: PlaybookSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new group from a replication template, or a new page of a kind.",
        discussion: """
            playbook new group <slug> --from <template> --set key=value …
            Clones content/templates/<template>/files/ into content/groups/<slug>/, fills the \
            placeholders with the answers, and records where the group came from in \
            content/groups/<slug>/lineage.yml. Missing answers are asked for in a terminal; with \
            --no-input (or without a terminal) every missing or invalid answer is listed. The \
            result is checked before anything is written, and no existing file is replaced.

            playbook new group <slug>
            Writes a charter skeleton at content/groups/<slug>/index.md, the folder a group \
            lives in (a clone with --from goes there too). Give a path with a / to write \
            elsewhere: playbook new group drafts/ningbo writes content/drafts/ningbo.md.

            playbook new <kind> <path>
            Writes content/<path> (.md added) with every section the kind requires, （待填写） \
            where text goes and required front matter fields left empty, with an example in a \
            comment. `playbook check` reports both until they are filled in.
            """
    )

    @Argument(help: "The kind of page: group, rules, onboarding, sop, template, or a kind the site defines.")
    var kind: String

    @Argument(
        help:
            "The group's slug (a group goes to content/groups/<slug>/), or the new page's path below content/."
    )
    var target: String

    @Option(name: .long, help: ArgumentHelp("The replication template to clone.", valueName: "template"))
    var from: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("An answer for a template variable.", valueName: "key=value"))
    var answers: [String] = []

    @Flag(name: .long, help: "Never ask; fail with the list of missing answers.")
    var noInput = false

    @Option(name: .long, help: ArgumentHelp("Title of a new page (default: from its path).", valueName: "title"))
    var title: String?

    @OptionGroup var site: SiteOptions

    func validate() throws {
        for answer in answers where !answer.contains("=") {
            throw ValidationError(
                Usage.current.pick(
                    "--set \(answer)：写成 名字=值", "--set \(answer)：寫成 名字=值", "--set \(answer): write it as key=value"))
        }
        if from != nil && kind != "group" {
            throw ValidationError(
                Usage.current.pick(
                    "--from 把模板复制成一个群：用 `playbook new group <slug> --from …`",
                    "--from 把範本複製成一個群：用 `playbook new group <slug> --from …`",
                    "--from clones a template into a group: use `playbook new group <slug> --from …`"))
        }
    }

    func run(in context: CommandContext) throws {
        if let from { try clone(template: from, context) } else { try page(context) }
    }

    private func clone(template name: String, _ context: CommandContext) throws {
        let (_, writer, files, lang) = try site.openForWriting(context)
        var given: [String: String] = [:]
        for answer in answers {
            let parts = answer.split(separator: "=", maxSplits: 1)
            given[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        if let template = ReplicationTemplate.all(in: files)[name], template.files.isEmpty {
            // Cloning would make an empty group: say what the template lacks instead.
            context.standardError.write(
                "error: "
                    + lang.pick(
                        "模板 \(name) 没有 files/ 文件夹，复制不出任何文档。把新群要用的文档（社群档案、群规、入群流程、SOP）放进 content/templates/\(name)/files/；`playbook new template <名字>` 会写好一个可用的模板。",
                        "範本 \(name) 沒有 files/ 資料夾，複製不出任何文件。把新群要用的文件（社群檔案、群規、入群流程、SOP）放進 content/templates/\(name)/files/；`playbook new template <名字>` 會寫好一個可用的範本。",
                        "template \(name) has no files/ folder, so cloning it copies nothing. Put the documents a new group starts with (charter, rules, onboarding, SOPs) in content/templates/\(name)/files/; `playbook new template <name>` writes a working template."
                    ) + "\n")
            throw ExitCode(ExitStatus.refused.rawValue)
        }
        let interactive = !noInput && context.interactive
        if interactive, let template = ReplicationTemplate.all(in: files)[name] {
            given = Prompter(language: lang, context: context).ask(template: template, given: given)
        }
        do {
            let plan = try Replicator.planClone(site: files, template: name, slug: target, answers: given)
            try writer.write(plan)
            if !site.quiet {
                context.standardOutput.write(
                    lang.pick(
                        "已从 \(name) \(plan.lineage.version) 创建 content/groups/\(target)/：\n",
                        "已從 \(name) \(plan.lineage.version) 建立 content/groups/\(target)/：\n",
                        "Created content/groups/\(target)/ from \(name) \(plan.lineage.version):\n"))
                for path in plan.writes.keys.sorted() { context.standardOutput.write("  \(path)\n") }
            }
            warnAboutSlug(answers: plan.lineage.answerMap, language: lang, context)
        } catch let refusal as ScaffoldRefusal {
            throw ScaffoldReport(refusal: refusal, language: lang).print(context)
        }
    }

    /// A slug that is not plain ASCII works, but a link to it pasted into a chat shows as
    /// percent-escapes (`/groups/%E6%AD%A6%E6%B1%89/`): say so, and offer a Latin one.
    private func warnAboutSlug(answers: [String: String], language lang: Language, _ context: CommandContext) {
        guard !site.quiet, let warning = Replicator.slugWarning(target, answers: answers) else { return }
        context.standardError.write("warning: \(warning.message(lang))\n")
    }

    private func page(_ context: CommandContext) throws {
        let root = site.root(context)
        let writer = ScaffoldWriter(root: root)
        let recovered = try site.recoverInterruptedWrites(writer, context)
        // playbook.yml is decoded once, in LOAD: the same config speaks the messages and shapes the skeleton.
        let loaded = try Pipeline.load(siteAt: root, baseline: nil)
        let lang = site.language(site: loaded.files.config == nil ? nil : loaded.config.language, context)
        context.standardError.write(recovered(lang))
        let plan = Skeleton.plan(kind: kind, target: target, title: title, site: loaded) {
            FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
        }
        let page: SkeletonPage
        switch plan {
        case .success(let planned): page = planned
        case .failure(let refusal) where refusal.isUsageError: throw ValidationError(refusal.message(lang))
        case .failure(let refusal):
            context.standardError.write("error: \(refusal.message(lang))\n")
            throw ExitCode(ExitStatus.refused.rawValue)
        }
        do {
            // A template's files/ are written with its declaration, all or nothing.
            try writer.write([page.path: page.text].merging(page.more) { own, _ in own })
        } catch let refusal as ScaffoldRefusal {
            throw ScaffoldReport(refusal: refusal, language: lang).print(context)
        }
        guard !site.quiet else { return }
        if !page.more.isEmpty {
            let written = ([page.path] + page.more.keys.sorted()).map { "  \($0)\n" }.joined()
            context.standardOutput.write(
                lang.pick(
                    "已创建模板 \(page.path)：\n\(written)在 index.md 里声明变量，在 files/ 里用 `{{变量}}`；然后 playbook new group <slug> --from <模板> 复制它。\n",
                    "已建立範本 \(page.path)：\n\(written)在 index.md 裡宣告變數，在 files/ 裡用 `{{變數}}`；然後 playbook new group <slug> --from <範本> 複製它。\n",
                    "Created the template \(page.path):\n\(written)Declare variables in index.md and use them as `{{name}}` in files/; then clone it with playbook new group <slug> --from <template>.\n"
                ))
            return
        }
        let marker = FillInMarker.text(page.language)
        context.standardOutput.write(
            lang.pick(
                "已创建 \(page.path)（\(kind)）；把每个\(marker)换成内容，并填好空着的 front matter 字段。\n",
                "已建立 \(page.path)（\(kind)）；把每個\(marker)換成內容，並填好空著的 front matter 欄位。\n",
                "Created \(page.path) (\(kind)); replace each \(marker) and fill in the empty front matter fields.\n"
            ))
        if let first = page.templates.first {
            let list = page.templates.joined(separator: ", ")
            context.standardOutput.write(
                lang.pick(
                    "要从模板开始新群：playbook new group <slug> --from \(first)（模板：\(list)）\n",
                    "要從範本開始新群：playbook new group <slug> --from \(first)（範本：\(list)）\n",
                    "To start a group from a template instead: playbook new group <slug> --from \(first) (templates: \(list))\n"
                ))
        }
        if let warning = page.slugWarning { context.standardError.write("warning: \(warning.message(lang))\n") }
    }
}

/// Asks for template answers in a terminal, validating each as it is typed.
struct Prompter {
    var language: Language
    var context: CommandContext

    func ask(template: ReplicationTemplate, given: [String: String]) -> [String: String] {
        var answers = given
        for variable in template.variables where answers[variable.name] == nil {
            while true {
                var prompt = "\(variable.name)"
                if !variable.description.isEmpty { prompt += " (\(variable.description))" }
                if !variable.choices.isEmpty { prompt += " [\(variable.choices.joined(separator: "/"))]" }
                if let value = variable.defaultValue { prompt += " [\(value)]" }
                context.standardOutput.write(prompt + ": ")
                guard let line = readLine() else { return answers }
                let value = line.isEmpty ? (variable.defaultValue ?? "") : line
                if value.isEmpty && !variable.required { break }
                if let problem = template.validate(value, for: variable) {
                    context.standardError.write("  \(problem.message(language))\n")
                    continue
                }
                answers[variable.name] = value
                break
            }
        }
        return answers
    }
}

/// Prints a refusal: each problem, then the checker's findings with their source lines.
struct ScaffoldReport {
    var refusal: ScaffoldRefusal
    var language: Language

    func print(_ context: CommandContext) -> ExitCode {
        for problem in refusal.problems { context.standardError.write("error: \(problem.message(language))\n") }
        var sources: [String: SourceFile] = [:]
        for (path, text) in refusal.sources { sources[path] = FrontMatterSplitter().split(path: path, text: text) }
        let printer = DiagnosticPrinter(terminal: context.standardError, sources: sources, configText: nil)
        for diagnostic in refusal.diagnostics { context.standardError.writeFormatted(printer.format(diagnostic)) }
        return ExitCode(refusal.diagnostics.isEmpty ? ExitStatus.refused.rawValue : ExitStatus.findings.rawValue)
    }
}
