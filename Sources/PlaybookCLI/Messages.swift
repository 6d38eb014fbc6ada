import PlaybookModel

/// What the commands print besides findings, in the language a command speaks (`--lang`, the
/// site's, or the locale's). Findings and refusals carry their own messages.
struct Messages {
    var language: Language

    private func count(_ n: Int, _ hans: String, _ hant: String, _ one: String, _ many: String) -> String {
        language.pick("\(n) \(hans)", "\(n) \(hant)", "\(n) \(n == 1 ? one : many)")
    }

    /// `2 errors, 0 warnings`, with the known ones when a baseline tolerated some.
    func counts(errors: Int, warnings: Int, known: Int = 0) -> String {
        var line =
            count(errors, "个错误", "個錯誤", "error", "errors") + language.pick("，", "，", ", ")
            + count(warnings, "个警告", "個警告", "warning", "warnings")
        if known > 0 {
            line += language.pick("（基线里已知 \(known) 个）", "（基線裡已知 \(known) 個）", " (\(known) known from the baseline)")
        }
        return line
    }

    /// `27 files checked: 2 errors, 0 warnings`.
    func checked(files: Int, errors: Int, warnings: Int, knownHidden: Int) -> String {
        var line =
            language.pick("检查了 \(files) 个文件：", "檢查了 \(files) 個檔案：", "\(files) file\(files == 1 ? "" : "s") checked: ")
            + counts(errors: errors, warnings: warnings)
        if knownHidden > 0 {
            line += language.pick(
                "（基线里已知的 \(knownHidden) 个没有显示）", "（基線裡已知的 \(knownHidden) 個沒有顯示）",
                " (\(knownHidden) known from the baseline not shown)")
        }
        return line
    }

    func refusedBuild(_ counts: String) -> String {
        counts
            + language.pick(
                " — 什么都没有写；先改好上面的错误再构建", " — 什麼都沒有寫；先改好上面的錯誤再建置",
                " — nothing was written; fix the errors above and build again")
    }

    func tolerated(_ known: Int, file: String) -> String {
        language.pick(
            "\(file) 容忍了 \(known) 个已知问题", "\(file) 容忍了 \(known) 個已知問題",
            "\(known) known finding\(known == 1 ? "" : "s") tolerated by \(file)")
    }

    /// `leftOut`: drafts and internal pages the build did not publish.
    func built(pages: Int, leftOut: Int = 0, files: Int, milliseconds: Int, output: String) -> String {
        let left =
            leftOut == 0
            ? ("", "", "")
            : ("；\(leftOut) 个页面未发布", "；\(leftOut) 個頁面未發布", "; \(leftOut) page\(leftOut == 1 ? "" : "s") left out")
        return language.pick(
            "已生成 \(pages) 个页面（\(files) 个文件\(left.0)），用时 \(milliseconds) 毫秒 → \(output)",
            "已產生 \(pages) 個頁面（\(files) 個檔案\(left.1)），用時 \(milliseconds) 毫秒 → \(output)",
            "Built \(pages) page\(pages == 1 ? "" : "s") (\(files) files\(left.2)) in \(milliseconds) ms → \(output)")
    }

    func waiting(for holder: String) -> String {
        language.pick(
            "等待：另一个 Playbook 正在写这个输出文件夹（\(holder)）", "等待：另一個 Playbook 正在寫這個輸出資料夾（\(holder)）",
            "waiting: the output is being written by another Playbook (\(holder))")
    }

    func rendering(_ done: Int, of total: Int) -> String {
        language.pick("正在生成 \(done)/\(total) 个页面…", "正在產生 \(done)/\(total) 個頁面…", "Rendering \(done)/\(total) pages…")
    }

    func recordedBaseline(_ count: Int, file: String) -> String {
        language.pick(
            "已把 \(count) 个问题记入 \(file)", "已把 \(count) 個問題記入 \(file)", "recorded \(count) findings in \(file)")
    }

    func noBaselineFile() -> String {
        language.pick(
            "没有这个基线文件；用 --write-baseline 创建", "沒有這個基線檔案；用 --write-baseline 建立",
            "no such baseline file; create it with --write-baseline")
    }

    func moreFindings(_ more: Int) -> String {
        language.pick(
            "……还有 \(more) 个，`playbook check` 会全部列出", "……還有 \(more) 個，`playbook check` 會全部列出",
            "… and \(more) more; `playbook check` lists them all")
    }

    func pagesShowFindings(_ counts: String) -> String {
        counts + language.pick(" — 改好之前页面上会显示它们", " — 改好之前頁面上會顯示它們", " — pages show them until they are fixed")
    }

    func serving(_ title: String, at url: String) -> String {
        language.pick(
            "正在预览 \(title)：\(url)（Ctrl-C 停止）", "正在預覽 \(title)：\(url)（Ctrl-C 停止）",
            "Serving \(title) at \(url) (Ctrl-C to stop)")
    }

    func writingSite(to path: String) -> String {
        language.pick("网站写在 \(path)", "網站寫在 \(path)", "Writing the site to \(path)")
    }

    func rebuilt(files: Int, milliseconds: Int, wholeSite: Bool) -> String {
        language.pick(
            "重建了 \(files) 个文件，用时 \(milliseconds) 毫秒\(wholeSite ? "（整个网站）" : "")",
            "重建了 \(files) 個檔案，用時 \(milliseconds) 毫秒\(wholeSite ? "（整個網站）" : "")",
            "rebuilt \(files) file\(files == 1 ? "" : "s") in \(milliseconds) ms\(wholeSite ? " (whole site)" : "")")
    }

    func stopped() -> String { language.pick("已停止。", "已停止。", "Stopped.") }

    func sharedOnNetwork(_ host: String) -> String {
        language.pick(
            "在 \(host) 上提供：能访问这个地址的每台机器都看得到这本手册",
            "在 \(host) 上提供：能存取這個位址的每台機器都看得到這本手冊",
            "serving on \(host): the handbook is visible to every machine that can reach this address")
    }
}
