import Foundation
import PlaybookEngine
import TestSupport
import Testing

/// What a person sees, checked in a real headless Chromium: the search page finds Chinese text
/// (Simplified and Traditional alike), pages lay out at phone width without sideways scrolling.
@Suite(.enabled(if: Chromium.path != nil, "needs chromium (scripts/install-deps.sh --test)"))
struct BrowserTests {
    static let site = [
        // The pages are deliberately incomplete; what they lack is a warning here, not a refusal.
        "playbook.yml":
            "title: 浏览器测试\nlanguage: zh-Hans\nseverity:\n  \"group.*\": warning\n  \"rules.*\": warning\n  frontmatter.required: warning\n",
        "content/index.md": "---\ntitle: 首页\n---\n欢迎来到手册。\n",
        "content/rules/network.md": "---\ntitle: 网络群规\n---\n## 惩罚 Penalties\n\n1. 警告\n2. 禁言\n3. 移出\n",
        "content/groups/taipei.md":
            "---\ntitle: 台北分會\n---\n## 結構 Structure\n\n群規與門檻。\n\n| 欄 | 很长很长很长很长很长很长很长很长的表头 | 另一个很长很长很长很长很长很长的表头 |\n|---|---|---|\n| 1 | 2 | 3 |\n",
    ]

    func built() throws -> (TemporarySite, URL) {
        let site = try TemporarySite(Self.site)
        let out = site.root.appendingPathComponent("public")
        let result = try Pipeline.build(siteAt: site.root, into: out)
        #expect(!result.refused)
        return (site, out)
    }

    // Chromium runs off Swift's concurrency pool (see `offThePool`), so it starves no server test.
    @Test func searchFindsChineseAcrossScripts() async throws {
        let (site, out) = try built()
        defer { site.remove() }
        // 群规 (Simplified) must find the Traditional page that says 群規 too.
        let query = "%E7%BE%A4%E8%A7%84"
        let dom = try await offThePool {
            try Chromium.dumpDOM(out.appendingPathComponent("search/index.html"), query: "q=\(query)")
        }
        // Matches are highlighted with <mark>; compare the text.
        let text = dom.replacingOccurrences(of: "<mark>", with: "").replacingOccurrences(of: "</mark>", with: "")
        #expect(text.contains("网络群规"))
        #expect(text.contains("台北分會"))
    }

    @Test func phoneWidthHasNoSidewaysScroll() async throws {
        let (site, out) = try built()
        defer { site.remove() }
        let script = "document.title = String(document.documentElement.scrollWidth <= window.innerWidth)"
        let page = out.appendingPathComponent("groups/taipei/index.html")
        let dom = try await offThePool { try Chromium.dumpDOM(page, width: 390, height: 844, evaluate: script) }
        #expect(dom.contains("<title>true</title>"))
    }
}

enum Chromium {
    static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static func baseArguments(width: Int, height: Int) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--allow-file-access-from-files", "--virtual-time-budget=4000", "--window-size=\(width),\(height)",
        ]
    }

    /// The page's DOM after its scripts ran; `evaluate` is injected as an extra script first.
    static func dumpDOM(_ file: URL, query: String = "", width: Int = 1280, height: Int = 900, evaluate: String? = nil)
        throws -> String
    {
        var target = file
        if let evaluate {
            // Wrap the page in a copy that runs the probe after load, beside the original so
            // relative links still resolve.
            var html = try String(contentsOf: file, encoding: .utf8)
            html = html.replacingOccurrences(
                of: "</body>",
                with: "<script>window.addEventListener('load', function () { \(evaluate) });</script></body>")
            target = file.deletingLastPathComponent().appendingPathComponent("probe.html")
            try html.write(to: target, atomically: true, encoding: .utf8)
        }
        let url = target.absoluteString + (query.isEmpty ? "" : "?\(query)")
        let run = try CommandRun.run(
            URL(fileURLWithPath: path!), baseArguments(width: width, height: height) + ["--dump-dom", url],
            in: FileManager.default.temporaryDirectory)
        return run.stdout
    }
}
