import Foundation
import PlaybookModel
import PlaybookScaffold
import TestSupport
import Testing

/// A site's own theme files (`templates/`), through the real binary: an override renders, and a
/// mistake in one stops the build at its file, line and column before anything is written.
@Suite struct ThemeOverrideTests {
    @Test func aTypoInAnOverrideStopsTheBuildAtItsTag() throws {
        var files = SiteStarter.files(language: .zhHans)
        files["templates/list.mustache"] =
            "{{<layout}}\n{{$main}}\n<main id=\"main\">\n  <h1>{{list.titel}}</h1>\n</main>\n{{/main}}\n{{/layout}}\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let run = try CommandRun.run(Repository.binary, ["build", "--quiet"], in: site.root)
        #expect(run.status == ExitStatus.refused.rawValue)
        #expect(
            run.stderr
                == "error: templates/list.mustache:4:7: render: unknown name `list.titel`: `list` is a group of values without `titel` (did you mean `title`?)\n"
        )
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public").path))
    }

    @Test func anOverrideReplacesTheThemesFileOfTheSameName() throws {
        var files = SiteStarter.files(language: .en)
        files["templates/sidebar.mustache"] = "{{#section}}<aside class=\"mine\">{{title}}</aside>{{/section}}"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let run = try CommandRun.run(Repository.binary, ["build", "--quiet"], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        var pages: [String] = []
        let public_ = site.root.appendingPathComponent("public")
        for case let path as String in FileManager.default.enumerator(atPath: public_.path)!
        where path.hasSuffix(".html") {
            pages.append(try String(contentsOf: public_.appendingPathComponent(path), encoding: .utf8))
        }
        #expect(pages.contains { $0.contains("<aside class=\"mine\">") })
        #expect(!pages.contains { $0.contains("<aside class=\"sidebar\"") })
    }
}
