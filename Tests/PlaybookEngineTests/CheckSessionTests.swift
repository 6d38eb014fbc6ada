import Foundation
import PlaybookEngine
import PlaybookModel
import PlaybookSource
import TestSupport
import Testing

/// A page checked on its own against the parsed handbook reports what checking the whole
/// handbook reports for its file, before and after edits.
@Suite struct SessionTests {
    func files() throws -> SiteFiles {
        try SiteReader(root: Repository.root()).read()
    }

    @Test func everyPageOfTheSampleMatchesTheWholeCheck() throws {
        let files = try files()
        let whole = Pipeline.check(files).diagnostics
        let session = CheckSession(files)
        for page in session.handbook.pages {
            #expect(session.diagnostics(for: page.path).new == whole.filter { $0.file == page.path }, "\(page.path)")
        }
    }

    @Test func anEditedPageAndThePagesLinkingToItMatchTheWholeCheckOfTheEditedSite() throws {
        var files = try files()
        var session = CheckSession(files)
        // Rename every heading of one page and break its front matter: links to its anchors
        // from other pages break, its own sections go missing.
        let target = try #require(files.content.firstIndex { $0.path == "content/rules/network-rules.md" })
        var text = String(decoding: files.content[target].bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "## ", with: "## 改 ").replacingOccurrences(
            of: "title:", with: "kind: rulez\ntitle:")
        files.content[target].bytes = Array(text.utf8)
        try session.update(files.content[target].path, bytes: files.content[target].bytes)
        let whole = Pipeline.check(files).diagnostics
        #expect(whole.contains { $0.file == "content/rules/network-rules.md" && $0.rule == "page.unknown-kind" })
        for page in session.handbook.pages {
            #expect(session.diagnostics(for: page.path).new == whole.filter { $0.file == page.path }, "\(page.path)")
        }
    }

    @Test func aNewPageAndARemovedPageMatchTheWholeCheck() throws {
        var files = try files()
        var session = CheckSession(files)
        let added = RawFile(path: "content/groups/chengdu.md", bytes: Array("---\ntitle: 重复\nkind: group\n---\n".utf8))
        files.content.append(added)
        files.content.sort { $0.path < $1.path }
        try session.update(added.path, bytes: added.bytes)
        let removed = try #require(files.content.firstIndex { $0.path.hasSuffix("sops/daily-operations.md") })
        let removedPath = files.content[removed].path
        files.content.remove(at: removed)
        try session.update(removedPath, bytes: nil)
        let whole = Pipeline.check(files).diagnostics
        #expect(whole.contains { $0.rule == "page.duplicate-url" })
        #expect(session.page(removedPath) == nil)
        for page in session.handbook.pages {
            #expect(session.diagnostics(for: page.path).new == whole.filter { $0.file == page.path }, "\(page.path)")
        }
    }
}
