import Foundation
import PlaybookCLI
import PlaybookCheck
import PlaybookModel
import TestSupport
import Testing

// Read with Foundation's JSONSerialization on purpose: a reader Playbook did not write judges what
// Playbook's `JSON` wrote, so an escaping mistake shared by our writer and reader cannot pass.

/// End-to-end cases kept as fixtures (see Cases/README.md): `Cases/check/*.txtar` hold a site and
/// the expected `check` report; `Cases/build/<case>/` hold a site and the expected pages. Every
/// case runs the command line as users run it, in-process (`PlaybookCommand.run`), and records
/// the exit status it gave; `theInProcessEntryIsTheBinary` holds that entry to the built binary.
@Suite struct FixtureCaseTests {
    static let cases = Golden.folder().appendingPathComponent("Cases")

    /// A missing or empty case folder throws, and the test that takes its cases fails.
    static func checkCases() throws -> [String] {
        try CaseFolder.names(in: cases.appendingPathComponent("check"), suffix: ".txtar")
    }

    static func buildCases() throws -> [String] {
        try CaseFolder.names(in: cases.appendingPathComponent("build"))
    }

    /// The environment every case runs in: no colour, and the C locale (a site without a
    /// `language:` speaks Simplified Chinese, whoever runs the tests).
    static let environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1", "LANG": "C.UTF-8"]) {
        _, new in new
    }

    /// The command line run in-process in `folder`, as the `playbook` binary runs it there.
    static func playbook(_ arguments: [String], in folder: URL) -> CommandOutput {
        PlaybookCommand.run(arguments: arguments, in: folder, environment: environment)
    }

    /// What a run printed, as the update and build cases keep it: the command, its standard
    /// output, its standard error, then its exit status.
    static func transcript(_ arguments: [String], _ run: CommandOutput) -> String {
        "$ playbook \(arguments.joined(separator: " "))\n\(run.stdout)\(run.stderr)exit \(run.status)\n"
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

    /// `playbook check --format json` with `extra` arguments in `site`, as the check cases hold
    /// it (standard error first when nothing came on standard output).
    static func checkReport(_ extra: [String] = [], in site: URL) throws -> String {
        let run = playbook(["check", "--format", "json"] + extra, in: site)
        let report = try report(json: run.stdout, status: run.status)
        return run.stdout.isEmpty ? run.stderr + report : report
    }

    /// Writes the site of check case `name` into a new temporary site; returns it with the
    /// arguments of its `-- args --` section (one a line: files to check, `--lang en`…).
    static func site(ofCheckCase name: String) throws -> (site: TemporarySite, archive: Txtar, arguments: [String]) {
        let url = cases.appendingPathComponent("check/\(name)")
        let archive = Txtar(parsing: try String(contentsOf: url, encoding: .utf8))
        let site = try TemporarySite()
        for file in archive.files where !file.path.hasPrefix("expected/") && file.path != "args" {
            if try GeneratedFile.write(section: file.path, text: file.text, into: site) { continue }
            try site.write(file.path, file.text)
        }
        let arguments = (archive["args"] ?? "").split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return (site, archive, arguments)
    }

    /// Each case is checked by the command line, `playbook check --format json` in the site's
    /// folder, with the arguments of its `-- args --` section.
    @Test(arguments: try checkCases())
    func checkCase(_ name: String) throws {
        let url = Self.cases.appendingPathComponent("check/\(name)")
        var (site, archive, arguments) = try Self.site(ofCheckCase: name)
        defer { site.remove() }
        var actual = try Self.checkReport(arguments, in: site.root)
        // A case with a baseline is checked as `check` does: known findings are left out, and
        // the text report's last line counts them.
        if archive[Baseline.fileName] != nil {
            let text = Self.playbook(["check", "--lang", "en"] + arguments, in: site.root)
            if let known = Self.knownNotShown(text.stderr) { actual += "known \(known)\n" }
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

    /// N in the `(N known from the baseline not shown)` that closes `check`'s text report.
    static func knownNotShown(_ text: String) -> Int? {
        guard let range = text.range(of: #"\((\d+) known from the baseline not shown\)"#, options: .regularExpression)
        else { return nil }
        return Int(text[range].dropFirst().prefix { $0.isNumber })
    }

    /// Each case is built by `playbook build --quiet --output <folder>` in its `site/`, with the
    /// flags of its `options.txt`; `expected/build.txt` keeps what the command printed and its
    /// exit status.
    @Test(arguments: try buildCases())
    func buildCase(_ name: String) throws {
        let folder = Self.cases.appendingPathComponent("build/\(name)")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = ["build", "--quiet", "--output", out.path] + (try Self.flags(of: folder))
        let run = Self.playbook(arguments, in: folder.appendingPathComponent("site"))
        let expected = folder.appendingPathComponent("expected")
        let shown = ["build", "--quiet", "--output", "OUT"] + arguments.dropFirst(4)
        Golden.check(Self.transcript(shown, run), against: expected.appendingPathComponent("build.txt"))
        #expect(run.status == 0, "\(run.stderr)")
        let walker = SiteWalker(root: out)
        let pages = walker.htmlFiles()
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

    /// The publication flags `build/<case>/options.txt` gives `build`: `--drafts`, `--public`;
    /// without the file, none (what `build` publishes by default).
    static func flags(of folder: URL) throws -> [String] {
        let file = folder.appendingPathComponent("options.txt")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let flags = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isWhitespace).map(String.init)
        for flag in flags where !["--drafts", "--public"].contains(flag) {
            Issue.record("\(file.path): unknown option \(flag); use --drafts or --public")
        }
        return flags
    }

    /// Diagnostics one a line, for failure messages.
    static func report(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map {
            "\($0.file):\($0.position.line):\($0.position.column): \($0.severity.rawValue)[\($0.rule)]: \($0.message)\n"
        }.joined()
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
