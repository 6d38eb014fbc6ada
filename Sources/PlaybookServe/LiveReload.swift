import Foundation
import PlaybookEngine
import PlaybookModel

/// What open pages need to know about the latest build: its id and, when checks failed, why.
package struct PreviewStatus: Hashable, Sendable {
    /// Unique within and across runs of `serve`, so a page left open over a restart reloads too.
    package var build: String
    package var diagnostics: [Diagnostic]
    /// The language the overlay speaks: the site's.
    package var language: Language
    /// Each page's URL path (`groups/hangzhou/`) by its file (`content/groups/hangzhou/index.md`),
    /// so the overlay can put the open page's errors first and link to the others.
    package var pages: [String: String]

    package init(build: String, diagnostics: [Diagnostic], language: Language = .en, pages: [String: String] = [:]) {
        self.build = build
        self.diagnostics = diagnostics
        self.language = language
        self.pages = pages
    }

    /// The status of a checked handbook.
    package init(build: String, check: CheckResult) {
        var pages: [String: String] = [:]
        for page in check.handbook.pages { pages[page.source.path] = page.url }
        self.init(
            build: build, diagnostics: check.diagnostics, language: check.handbook.config.language, pages: pages)
    }

    package var hasErrors: Bool { diagnostics.hasErrors }
}

/// The reload script and the diagnostics overlay, added to HTML responses by the server only:
/// files on disk stay exactly what `playbook build` writes.
enum LiveReload {
    static let eventsPath = "/__playbook/events"

    /// `html` with the overlay (when the build has errors) and the reload script before `</body>`;
    /// `path` is the request's path, which tells the open page's errors from the others.
    static func inject(into html: [UInt8], status: PreviewStatus, path: String = "/") -> [UInt8] {
        var addition = ""
        if status.hasErrors { addition += overlay(status, path: path) }
        addition += script(build: status.build)
        let marker = Array("</body>".utf8)
        var insertAt = html.count
        if html.count >= marker.count {
            for start in stride(from: html.count - marker.count, through: 0, by: -1)
            where html[start..<start + marker.count].elementsEqual(marker, by: { lower($0) == $1 }) {
                insertAt = start
                break
            }
        }
        var result = Array(html[..<insertAt])
        result += Array(addition.utf8)
        result += html[insertAt...]
        return result
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// Reloads when the server reports another build than the one this page came from, and puts
    /// the scroll position back afterwards (kept in sessionStorage across the reload).
    static func script(build: String) -> String {
        """
        <script>(function () {
          var build = \(jsonString(build)), key = "playbook-scroll:" + location.pathname;
          var saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            var restore = function () { window.scrollTo(0, Number(saved)); };
            restore();
            window.addEventListener("load", restore);
          }
          var source = new EventSource("\(eventsPath)");
          var onBuild = function (event) {
            if (JSON.parse(event.data).build === build) return;
            sessionStorage.setItem(key, String(window.scrollY));
            source.close();
            location.reload();
          };
          source.addEventListener("reload", onBuild);
          source.addEventListener("diagnostics", onBuild);
        })();</script>

        """
    }

    /// The file of the page at a request path (`/groups/a/`, `/zh-hant/groups/a/index.html`).
    static func file(at path: String, in status: PreviewStatus) -> String? {
        var url = Substring(path.removingPercentEncoding ?? path).drop { $0 == "/" }
        if url.hasSuffix("index.html") { url = url.dropLast("index.html".count) }
        let exact = status.pages.first { $0.value == url }?.key
        if exact != nil { return exact }
        // An edition's page: the same URL under the edition's folder.
        guard let slash = url.firstIndex(of: "/") else { return nil }
        let rest = url[url.index(after: slash)...]
        return status.pages.first { $0.value == rest }?.key
    }

    /// A panel over the page, in the site's language: the open page's errors in full (file,
    /// line, rule, what to do), then the other files that have errors, counted, each a link to
    /// its page. Warnings are left out (`check` lists them); a button closes it.
    static func overlay(_ status: PreviewStatus, path: String) -> String {
        let l = status.language
        let errors = status.diagnostics.filter { $0.severity == .error }
        let here = file(at: path, in: status)
        let own = errors.filter { $0.file == here }
        var others: [String: Int] = [:]
        for diagnostic in errors where diagnostic.file != here { others[diagnostic.file, default: 0] += 1 }
        let title = l.pick(
            "手册有 \(errors.count) 个错误，通不过检查", "手冊有 \(errors.count) 個錯誤，通不過檢查",
            "\(errors.count) error\(errors.count == 1 ? "" : "s") — the handbook does not pass its checks")
        var html = """
            <div id="playbook-overlay" role="alertdialog" aria-labelledby="playbook-overlay-title" \
            style="position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;\
            background:rgba(24,24,28,.96);color:#eee;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;\
            text-align:left"><button type="button" onclick="this.parentNode.remove()" \
            style="float:right;font:inherit;padding:.25rem .75rem;color:#eee;background:#333;border:1px solid #888;\
            border-radius:4px;cursor:pointer">\(l.pick("关闭", "關閉", "Close")) ✕</button>
            <h2 id="playbook-overlay-title" style="margin:0 0 1rem;color:#ff7b72;font-size:18px">\(escape(title))</h2>

            """
        if !own.isEmpty {
            html += "<h3 style=\"font-size:15px\">" + l.pick("这一页", "這一頁", "This page") + "</h3>\n"
            html += "<ol style=\"margin:0 0 1.5rem;padding-left:1.5rem\">\n"
            for diagnostic in own {
                html += "<li style=\"margin-bottom:1rem\"><div><strong>\(escape(location(diagnostic)))</strong> "
                html += "<span style=\"color:#ff7b72\">error[\(escape(diagnostic.rule))]</span></div>"
                html += "<div>\(escape(diagnostic.message))</div>"
                if let hint = diagnostic.hint {
                    html += "<div style=\"color:#8bd5ff\">\(l.pick("提示", "提示", "hint")): \(escape(hint))</div>"
                }
                html += "</li>\n"
            }
            html += "</ol>\n"
        }
        if !others.isEmpty {
            html +=
                "<h3 style=\"font-size:15px\">"
                + (own.isEmpty
                    ? l.pick("有错误的文件", "有錯誤的檔案", "Files with errors")
                    : l.pick("其他有错误的文件", "其他有錯誤的檔案", "Other files with errors")) + "</h3>\n"
            html += "<ul style=\"margin:0;padding-left:1.5rem\">\n"
            for file in others.keys.sorted() {
                let n = others[file]!
                let count = l.pick("\(n) 个错误", "\(n) 個錯誤", "\(n) error\(n == 1 ? "" : "s")")
                if let url = status.pages[file] {
                    html +=
                        "<li><a style=\"color:#8bd5ff\" href=\"/\(escape(url))\">\(escape(file))</a> — \(count)</li>\n"
                } else {
                    html += "<li>\(escape(file)) — \(count)</li>\n"
                }
            }
            html += "</ul>\n"
        }
        html +=
            "<p style=\"color:#aaa\">"
            + l.pick(
                "改好文件并保存，这一页会自己刷新。", "改好檔案並存檔，這一頁會自己重新整理。",
                "Fix the file and save: this page reloads by itself.") + "</p></div>\n"
        return html
    }

    /// What every request gets while the first build runs: a page that says so, in Chinese
    /// first and English beside it, and asks again every second until the handbook is there.
    static let buildingPage = Array(
        """
        <!DOCTYPE html>
        <html lang="zh-Hans"><head><meta charset="utf-8"><meta http-equiv="refresh" content="1">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>正在生成手册 · Building the handbook</title></head>
        <body style="font:16px/1.6 system-ui,sans-serif;margin:3rem auto;max-width:32rem;padding:0 1rem">
        <h1 style="font-size:1.25rem">正在生成手册…… <span lang="en">Building the handbook…</span></h1>
        <p>Playbook 正在检查并生成整本手册，好了以后这一页会自己打开。<br>
        <span lang="en">This page opens by itself as soon as the first build is done.</span></p>
        </body></html>

        """.utf8)

    /// The server-sent event for a build: `reload` when it passed, `diagnostics` when it did not.
    static func event(_ status: PreviewStatus) -> [UInt8] {
        // Only errors travel: the page needs the build to reload, and never the thousands of
        // warnings a large handbook can hold.
        let diagnostics: [JSON] = status.diagnostics.filter { $0.severity == .error }.map { d in
            // Keys in alphabetical order, as the page has always received them; no hint, no key.
            var item: [(String, JSON)] = [("column", .int(d.position.column)), ("file", .string(d.file))]
            if let hint = d.hint { item.append(("hint", .string(hint))) }
            item += [
                ("line", .int(d.position.line)), ("message", .string(d.message)), ("rule", .string(d.rule)),
                ("severity", .string(d.severity.rawValue)),
            ]
            return .object(item)
        }
        let json: JSON = ["build": .string(status.build), "diagnostics": .array(diagnostics)]
        return Array("event: \(status.hasErrors ? "diagnostics" : "reload")\ndata: \(json.rendered())\n\n".utf8)
    }

    static func location(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.file):\(diagnostic.position.line):\(diagnostic.position.column)"
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    static func escape(_ text: String) -> String { text.htmlEscaped }

    /// A JavaScript string literal; `<` escaped so the text cannot close the script element.
    static func jsonString(_ text: String) -> String { JSON.quote(text, forScript: true) }
}
