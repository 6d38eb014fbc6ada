import Foundation
import PlaybookModel
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

    @Test func theOverlayListsErrorsWithLocationRuleAndHintEscaped() {
        let diagnostic = Diagnostic(
            file: "content/a.md", line: 3, column: 5, rule: "group.missing-section", message: "no <结构> section",
            hint: "add `## 结构`")
        let status = PreviewStatus(build: "s-2", diagnostics: [diagnostic])
        let injected = String(
            decoding: LiveReload.inject(into: Array("<body></body>".utf8), status: status), as: UTF8.self)
        #expect(injected.contains("id=\"playbook-overlay\""))
        #expect(injected.contains("content/a.md:3:5"))
        #expect(injected.contains("error[group.missing-section]"))
        #expect(injected.contains("no &lt;结构&gt; section"))
        #expect(injected.contains("hint: add `## 结构`"))
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
