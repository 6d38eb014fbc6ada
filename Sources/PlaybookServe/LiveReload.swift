import Foundation
import PlaybookModel

/// What open pages need to know about the latest build: its id and, when checks failed, why.
public struct PreviewStatus: Hashable, Sendable {
    /// Unique within and across runs of `serve`, so a page left open over a restart reloads too.
    public var build: String
    public var diagnostics: [Diagnostic]

    public init(build: String, diagnostics: [Diagnostic]) {
        self.build = build
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// The reload script and the diagnostics overlay, added to HTML responses by the server only:
/// files on disk stay exactly what `playbook build` writes.
enum LiveReload {
    static let eventsPath = "/__playbook/events"

    /// `html` with the overlay (when the build has errors) and the reload script before `</body>`.
    static func inject(into html: [UInt8], status: PreviewStatus) -> [UInt8] {
        var addition = ""
        if status.hasErrors { addition += overlay(status.diagnostics) }
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

    /// A full-window panel listing the errors (then the warnings) as `file:line:col`, rule,
    /// message and hint, so a failed check is never mistaken for the current page.
    static func overlay(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        var html = """
            <div id="playbook-overlay" role="alertdialog" aria-label="Playbook check failed" style="position:fixed;inset:0;\
            z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(24,24,28,.96);color:#eee;\
            font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left">
            <h2 style="margin:0 0 1rem;color:#ff7b72;font-size:18px">\(count(errors.count, "error")) \
            — the handbook does not pass its checks</h2>
            <ol style="margin:0;padding-left:1.5rem">

            """
        for diagnostic in errors + warnings {
            let colour = diagnostic.severity == .error ? "#ff7b72" : "#e3b341"
            html += "<li style=\"margin-bottom:1rem\"><div><strong>\(escape(location(diagnostic)))</strong> "
            html +=
                "<span style=\"color:\(colour)\">\(diagnostic.severity.rawValue)[\(escape(diagnostic.rule))]</span></div>"
            html += "<div>\(escape(diagnostic.message))</div>"
            if let hint = diagnostic.hint {
                html += "<div style=\"color:#8bd5ff\">hint: \(escape(hint))</div>"
            }
            html += "</li>\n"
        }
        html += "</ol>\n<p style=\"color:#aaa\">Fix the file and save: this page reloads by itself.</p></div>\n"
        return html
    }

    /// The server-sent event for a build: `reload` when it passed, `diagnostics` when it did not.
    static func event(_ status: PreviewStatus) -> [UInt8] {
        let payload = EventPayload(
            build: status.build,
            diagnostics: status.diagnostics.map {
                EventPayload.Item(
                    file: $0.file, line: $0.position.line, column: $0.position.column,
                    severity: $0.severity.rawValue, rule: $0.rule, message: $0.message, hint: $0.hint)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(payload)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return Array("event: \(status.hasErrors ? "diagnostics" : "reload")\ndata: \(json)\n\n".utf8)
    }

    private struct EventPayload: Encodable {
        struct Item: Encodable {
            var file: String
            var line: Int
            var column: Int
            var severity: String
            var rule: String
            var message: String
            var hint: String?
        }
        var build: String
        var diagnostics: [Item]
    }

    static func location(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.file):\(diagnostic.position.line):\(diagnostic.position.column)"
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    static func escape(_ text: String) -> String { text.htmlEscaped }

    /// A JavaScript string literal; `<` escaped so the text cannot close the script element.
    static func jsonString(_ text: String) -> String { JSONText.quote(text, forScript: true) }
}
