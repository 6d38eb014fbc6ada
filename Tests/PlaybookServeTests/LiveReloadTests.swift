import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookServe

@Suite("serve: reload script and overlay")
struct LiveReloadTests {
    let passing = PreviewStatus(build: "s-1", diagnostics: [])

    @Test func putsTheScriptBeforeTheLastClosingBody() {
        let html = Array("<html><body><p>x</p></BODY></html>".utf8)
        let injected = String(decoding: LiveReload.inject(into: html, status: passing), as: UTF8.self)
        #expect(injected.hasPrefix("<html><body><p>x</p><script>"))
        #expect(injected.hasSuffix("</script>\n</BODY></html>"))
        #expect(injected.contains("\"s-1\""))
    }

    @Test func appendsTheScriptToAPageWithoutBody() {
        let injected = String(decoding: LiveReload.inject(into: Array("<p>x</p>".utf8), status: passing), as: UTF8.self)
        #expect(injected.hasPrefix("<p>x</p><script>"))
    }

    @Test func theOverlayListsThisPagesErrorsWithLocationRuleAndHintEscaped() {
        let diagnostic = Diagnostic(
            file: "content/a.md", line: 3, column: 5, rule: "group.missing-section", message: "no <结构> section",
            hint: "add `## 结构`")
        let status = PreviewStatus(build: "s-2", diagnostics: [diagnostic], pages: ["content/a.md": "a/"])
        for path in ["/a/", "/a/index.html", "/zh-hant/a/"] {
            let injected = String(
                decoding: LiveReload.inject(into: Array("<body></body>".utf8), status: status, path: path),
                as: UTF8.self)
            #expect(injected.contains("id=\"playbook-overlay\""))
            #expect(injected.contains("content/a.md:3:5"), "\(path)")
            #expect(injected.contains("error[group.missing-section]"))
            #expect(injected.contains("no &lt;结构&gt; section"))
            #expect(injected.contains("hint: add `## 结构`"))
        }
    }

    /// Issue 22: other pages' errors are counted by file with a link, warnings are left out, the
    /// panel closes, and it speaks the site's language.
    @Test func theOverlayCountsOtherFilesLeavesWarningsOutAndSpeaksTheSitesLanguage() {
        let diagnostics = [
            Diagnostic(file: "content/b.md", line: 1, rule: "page.title", message: "b1"),
            Diagnostic(file: "content/b.md", line: 9, rule: "page.title", message: "b2"),
            Diagnostic(file: "content/c.md", line: 2, severity: .warning, rule: "page.mixed-script", message: "w"),
            Diagnostic(file: "playbook.yml", line: 1, rule: "config.key", message: "y"),
        ]
        let status = PreviewStatus(
            build: "s-3", diagnostics: diagnostics, language: .zhHans,
            pages: ["content/b.md": "b/", "content/a.md": ""])
        let overlay = LiveReload.overlay(status, path: "/")
        #expect(overlay.contains("手册有 3 个错误，通不过检查"))
        #expect(overlay.contains("<a style=\"color:#8bd5ff\" href=\"/b/\">content/b.md</a> — 2 个错误"))
        #expect(overlay.contains("<li>playbook.yml — 1 个错误</li>"))
        #expect(!overlay.contains("content/c.md") && !overlay.contains("b1"))
        #expect(overlay.contains("onclick=\"this.parentNode.remove()\"") && overlay.contains("关闭 ✕</button>"))
    }

    @Test func untilTheFirstBuildEveryPageSaysItIsBuilding() async throws {
        let folder = try TemporarySite(["index.html": "<p>old site</p>"])
        defer { folder.remove() }
        let channel = ReloadChannel(status: PreviewStatus(build: "s-1", diagnostics: []))
        let hosts = HostFilter(host: "127.0.0.1")
        hosts.listen(on: 8000)
        let handler = PreviewHandler(resolver: OutputResolver(root: folder.root), channel: channel, hosts: hosts)
        let request = PreviewRequest(method: "GET", target: "/", host: "127.0.0.1:8000")
        let building = await handler.respond(request)
        #expect(building.status.code == 503)
        guard case .bytes(let bytes, _) = building.body else { return }
        #expect(String(decoding: bytes, as: UTF8.self).contains("正在生成手册"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("http-equiv=\"refresh\""))
        await channel.publish(PreviewStatus(build: "s-1", diagnostics: []))
        #expect(await handler.respond(request).status.code == 200)
    }

    @Test func eventsNameTheStateAndCarryTheDiagnostics() {
        #expect(
            String(decoding: LiveReload.event(passing), as: UTF8.self)
                == "event: reload\ndata: {\"build\":\"s-1\",\"diagnostics\":[]}\n\n")
        let failing = PreviewStatus(
            build: "s-2", diagnostics: [Diagnostic(file: "playbook.yml", line: 1, rule: "config.key", message: "m")])
        let text = String(decoding: LiveReload.event(failing), as: UTF8.self)
        #expect(text.hasPrefix("event: diagnostics\ndata: {"))
        #expect(text.contains("\"file\":\"playbook.yml\""))
    }

    @Test func aScriptBreakingBuildIDStaysInsideItsString() throws {
        let literal = LiveReload.jsonString("</script><x>")
        #expect(!literal.contains("<"))
        // Foundation's decoder, not Playbook's own reader: the literal must read back in a
        // reader that did not write it.
        #expect(try JSONDecoder().decode(String.self, from: Data(literal.utf8)) == "</script><x>")
    }
}

@Suite("serve: coalescing saves")
struct PendingChangesTests {
    @Test func aBurstOfEventsBecomesOneBatch() async throws {
        let pending = PendingChanges()
        let batch = try await offPool {
            Thread.detachNewThread {
                for name in ["a.md", "b.md", "c.md"] {
                    pending.add(WatchEvent(path: "content/" + name, settled: false))
                    Thread.sleep(forTimeInterval: 0.005)
                }
            }
            return pending.nextBatch(quiet: .milliseconds(40), quietAfterWrite: .milliseconds(10))
        }
        #expect(batch == ["content/a.md", "content/b.md", "content/c.md"])
    }

    @Test func closingEndsTheWait() async throws {
        let pending = PendingChanges()
        let batch = try await offPool {
            Thread.detachNewThread { pending.close() }
            return pending.nextBatch(quiet: .milliseconds(40), quietAfterWrite: .milliseconds(10))
        }
        #expect(batch == nil)
    }
}
