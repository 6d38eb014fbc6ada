import Foundation
import PlaybookCheck
import PlaybookEngine
import PlaybookModel
import TestSupport
import Testing

/// End-to-end cases kept as fixtures (see Cases/README.md): `Cases/check/*.txtar` hold a site and
/// the expected `check` report; `Cases/build/<case>/` hold a site and the expected pages.
@Suite struct FixtureCaseTests {
    static let cases = Golden.folder().appendingPathComponent("Cases")

    static var checkCases: [String] {
        let folder = cases.appendingPathComponent("check")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txtar") }.sorted()
    }

    static var buildCases: [String] {
        let folder = cases.appendingPathComponent("build")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
    }

    /// The report format the check cases compare: one line per diagnostic, then the exit status.
    static func report(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            out +=
                "\(d.file):\(d.position.line):\(d.position.column): \(d.severity.rawValue)[\(d.rule)]: \(d.message)\n"
        }
        out += "exit \(diagnostics.hasErrors ? 1 : 0)\n"
        return out
    }

    /// The report of `playbook check --format json` as the check cases hold it: each finding as
    /// `file:line:col: severity[rule]: message`, its hint on the next line, then the exit status
    /// the command line gave.
    static func report(json: String, status: Int32) throws -> String {
        var out = ""
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        for d in document["diagnostics"] as? [[String: Any]] ?? [] {
            let (file, line, column) = (d["file"] as? String ?? "", d["line"] as? Int ?? 0, d["column"] as? Int ?? 0)
            let (severity, rule, message) = (
                d["severity"] as? String ?? "", d["rule"] as? String ?? "", d["message"] as? String ?? ""
            )
            out += "\(file):\(line):\(column): \(severity)[\(rule)]: \(message)\n"
            if let hint = d["hint"] as? String { out += "  hint: \(hint)\n" }
        }
        out += "exit \(status)\n"
        return out
    }

    /// Each case is checked by the real command line, `playbook check --format json` in the
    /// site's folder, with the arguments of its `-- args --` section (one a line: files to
    /// check, `--lang en`…).
    @Test(arguments: checkCases)
    func checkCase(_ name: String) throws {
        let url = Self.cases.appendingPathComponent("check/\(name)")
        var archive = Txtar(parsing: try String(contentsOf: url, encoding: .utf8))
        let site = try TemporarySite()
        defer { site.remove() }
        for file in archive.files where !file.path.hasPrefix("expected/") && file.path != "args" {
            if try GeneratedFile.write(section: file.path, text: file.text, into: site) { continue }
            try site.write(file.path, file.text)
        }
        let arguments = (archive["args"] ?? "").split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        let run = try CommandRun.run(
            Repository.binary, ["check", "--format", "json"] + arguments, in: site.root,
            environment: ["NO_COLOR": "1", "LANG": "C.UTF-8"])
        var actual = try Self.report(json: run.stdout, status: run.status)
        if run.stdout.isEmpty { actual = run.stderr + actual }
        // A case with a baseline is checked as `check` does: known findings are left out and counted.
        let baseline = archive[Baseline.fileName] == nil ? nil : Baseline.fileName
        if baseline != nil {
            let result = Pipeline.check(try Pipeline.load(siteAt: site.root, baseline: baseline))
            if !result.known.isEmpty { actual += "known \(result.known.count)\n" }
        }
        if Golden.updating {
            archive.files.removeAll { $0.path == "expected/check.txt" }
            archive.files.append((path: "expected/check.txt", text: actual))
            try archive.text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = archive["expected/check.txt"] ?? ""
        #expect(actual == expected, "\(name):\n\(Diff.lines(expected: expected, actual: actual))")
    }

    @Test(arguments: buildCases)
    func buildCase(_ name: String) throws {
        let folder = Self.cases.appendingPathComponent("build/\(name)")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Pipeline.build(
            siteAt: folder.appendingPathComponent("site"), into: out,
            options: BuildOptions(publication: try Self.publication(of: folder)))
        #expect(!result.refused, "\(FixtureCaseTests.report(result.check.diagnostics))")
        let walker = SiteWalker(root: out)
        let pages = walker.htmlFiles()
        let expected = folder.appendingPathComponent("expected")
        Golden.check(pages.joined(separator: "\n") + "\n", against: expected.appendingPathComponent("pages.txt"))
        for page in pages where page != "404.html" {
            let html = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            let golden = expected.appendingPathComponent(page.replacingOccurrences(of: "/", with: "__") + ".main")
            Golden.check(Self.main(of: html), against: golden)
        }
        #expect(walker.brokenLinks() == [])
        // Everything under static/ is copied as it is.
        let staticFolder = folder.appendingPathComponent("site/static")
        if let names = FileManager.default.enumerator(atPath: staticFolder.path)?.allObjects as? [String] {
            for name in names where !name.hasSuffix("/") {
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(
                    atPath: staticFolder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                if isDirectory.boolValue { continue }
                #expect(
                    FileManager.default.contents(atPath: out.appendingPathComponent(name).path)
                        == FileManager.default.contents(atPath: staticFolder.appendingPathComponent(name).path),
                    "\(name)")
            }
        }
    }

    /// What `build/<case>/options.txt` asks for, in `build`'s flags: `--drafts`, `--public`;
    /// without the file, what `build` publishes by default.
    static func publication(of folder: URL) throws -> Publication {
        let file = folder.appendingPathComponent("options.txt")
        guard FileManager.default.fileExists(atPath: file.path) else { return .standard }
        var publication = Publication.standard
        for flag in try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isWhitespace) {
            switch flag {
            case "--drafts": publication.drafts = true
            case "--public": publication.internalPages = false
            default: Issue.record("\(file.path): unknown option \(flag); use --drafts or --public")
            }
        }
        return publication
    }

    /// The page's `<main>` element: goldens compare only the content, not the theme's chrome.
    /// The date a page last changed comes from git (the fixtures live in the repository), so it
    /// is replaced by a marker.
    static func main(of html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return html }
        let main = String(html[start.lowerBound..<end.upperBound]) + "\n"
        let dates = try! NSRegularExpression(pattern: "<time datetime=\"[^\"]*\">[^<]*</time>")
        return dates.stringByReplacingMatches(
            in: main, range: NSRange(main.startIndex..., in: main),
            withTemplate: "<time datetime=\"(git date)\">(git date)</time>")
    }
}
