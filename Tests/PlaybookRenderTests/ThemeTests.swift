import Foundation
import PlaybookEngine
import PlaybookModel
import PlaybookSource
import TestSupport
import Testing

@testable import PlaybookRender

@Suite struct ThemeTests {
    @Test func embeddedThemeListsEveryFileOfTemplatesFolder() throws {
        let folder = Repository.root().appendingPathComponent("templates")
        let onDisk = try SiteReader(root: Repository.root()).listFiles(under: "templates")
            .map { String($0.dropFirst("templates/".count)) }
            .filter { $0 != "README.md" }
        #expect(Set(DefaultTheme.files.keys) == Set(onDisk))
        for name in onDisk {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(DefaultTheme.files[name] == bytes, "\(name) differs from the embedded copy; rebuild")
        }
    }

    @Test func siteTemplateOverridesTheDefaultOfTheSameName() throws {
        let theme = try Theme(overrides: ["page.mustache": "<main>自定义 {{page.title}}</main>"])
        let files = SiteFiles(content: [RawFile(path: "content/a.md", bytes: Array("---\ntitle: 甲\n---\n".utf8))])
        let result = Pipeline.check(files)
        let html = SiteRenderer(theme: theme).render(result.handbook, health: result.health)
            .first { $0.path == "a/index.html" }
        #expect(html.map { String(decoding: $0.bytes, as: UTF8.self) } == "<main>自定义 甲</main>")
    }

    @Test func templateErrorNamesFileLineAndColumn() throws {
        #expect(
            throws: PlaybookError(
                stage: "render", path: "templates/page.mustache", line: 2, column: 1,
                message: "`{{#page}}` is never closed; add `{{/page}}` where its content ends")
        ) {
            try Theme(overrides: ["page.mustache": "<main>\n{{#page}}\n</main>"])
        }
    }

    @Test func aTypoInASiteOverrideIsReportedAtItsTag() throws {
        let list = "{{<layout}}\n{{$main}}\n<main>\n  <h1>{{list.titel}}</h1>\n</main>\n{{/main}}\n{{/layout}}\n"
        #expect(
            throws: PlaybookError(
                stage: "render", path: "templates/list.mustache", line: 4, column: 7,
                message:
                    "unknown name `list.titel`: `list` is a group of values without `titel` (did you mean `title`?)")
        ) {
            try Theme(overrides: ["list.mustache": list])
        }
        // A name from another page template is known everywhere: it is simply not there.
        #expect(throws: Never.self) { try Theme(overrides: ["list.mustache": "{{page.title}}{{#health}}x{{/health}}"]) }
    }

    @Test func anOverriddenPartialIsBoundWhereItIsUsed() throws {
        #expect(
            throws: PlaybookError(
                stage: "render", path: "templates/catalog-entry.mustache", line: 1, column: 4,
                message:
                    "unknown name `comand` (did you mean `command`?); the names a template can use are listed in README.md under “Theme”"
            )
        ) {
            try Theme(overrides: ["catalog-entry.mustache": "<p>{{comand}}</p>"])
        }
        #expect(
            throws: PlaybookError(
                stage: "render", path: "templates/page.mustache", line: 1, column: 1,
                message:
                    "there is no template `sidebar-extra`; add templates/sidebar-extra.mustache or use one of `breadcrumbs`, `catalog`, `catalog-entry`, `health`, `kit`, `layout`, `list`, `nav`, `notfound`, `page`, `pagination`, `search`, `sidebar`"
            )
        ) {
            try Theme(overrides: ["page.mustache": "{{>sidebar-extra}}"])
        }
    }

    @Test func everyDefaultTemplateUsesOnlyKnownNames() throws {
        let theme = try Theme()
        #expect(theme.origins["page"] == "templates/page.mustache (built-in)")
    }

    @Test func frontMatterValuesAreEscapedButBodyIsNot() throws {
        let files = SiteFiles(content: [
            RawFile(
                path: "content/a.md",
                bytes: Array("---\ntitle: \"<img src=x onerror=alert(1)>\"\nowner: \"A & B\"\n---\n**粗**\n".utf8))
        ])
        let output = try Pipeline.render(Pipeline.check(files))
        let html = String(decoding: output.first { $0.path == "a/index.html" }!.bytes, as: UTF8.self)
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("A &amp; B"))
        #expect(html.contains("<strong>粗</strong>"))
    }

    @Test func renderingIsDeterministic() throws {
        var content: [RawFile] = []
        for i in 0..<40 {
            content.append(
                RawFile(path: "content/sops/s\(i).md", bytes: Array("# 标题 \(i)\n\n[下一篇](s\((i + 1) % 40).md)\n".utf8)))
        }
        let files = SiteFiles(content: content)
        let a = try Pipeline.render(Pipeline.check(files))
        let b = try Pipeline.render(Pipeline.check(files))
        #expect(a == b)
        #expect(a.map(\.path) == a.map(\.path).sorted())
    }

    @Test func generatedListPagesExistForFoldersWithoutIndex() throws {
        let files = SiteFiles(content: [RawFile(path: "content/sops/a/b.md", bytes: Array("# B\n".utf8))])
        let paths = try Pipeline.render(Pipeline.check(files)).map(\.path)
        for expected in [
            "index.html", "sops/index.html", "sops/a/index.html", "sops/a/b/index.html", "404.html", "robots.txt",
            "search/meta.js", "search/p/0.js", "health/index.html",
        ] {
            #expect(paths.contains(expected), "\(expected)")
        }
    }
}

@Suite struct SiteMapTests {
    func page(_ path: String) -> Page {
        Page(
            source: SourceFile(path: "content/" + path, text: "", body: ""), kind: .page,
            url: Slug.url(forContentPath: path), title: "", headings: [], links: [])
    }

    @Test func rewritesMarkdownLinksToRelativePageURLs() {
        let pages = [page("groups/杭州.md"), page("sops/daily.md"), page("index.md"), page("groups/a/index.md")]
        let map = SiteMap(pages: pages, language: .zhHans, kindLabels: .defaults)
        let from = pages[0]
        // Every link to a page names its index.html, so the site navigates from disk too.
        #expect(
            map.resolve("../sops/daily.md#步骤-steps", from: from)
                == "../../sops/daily/index.html#%E6%AD%A5%E9%AA%A4-steps")
        #expect(map.resolve("a/index.md", from: from) == "../../groups/a/index.html")
        #expect(map.resolve("../index.md", from: from) == "../../index.html")
        #expect(map.resolve("https://x.org/a.md", from: from) == "https://x.org/a.md")
        #expect(map.resolve("#锚点", from: from) == "#锚点")
        // A leading slash means content/, so the same link works from any folder.
        #expect(map.resolve("/sops/daily.md#目的", from: from) == "../../sops/daily/index.html#%E7%9B%AE%E7%9A%84")
        #expect(map.resolve("/sops/daily.md", from: pages[2]) == "sops/daily/index.html")
        // Assets beside a non-index page sit one folder up from its pretty URL.
        #expect(map.resolve("photo.png", from: from) == "../../groups/photo.png")
        // A link to a page that does not exist is left alone for the checker to report.
        #expect(map.resolve("missing.md", from: from) == "missing.md")
    }
}
