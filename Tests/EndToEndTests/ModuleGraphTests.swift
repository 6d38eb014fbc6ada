import Foundation
import TestSupport
import Testing

// Issue 13: the module graph the README draws is the one Package.swift declares, every
// dependency goes down a tier, and every import of a package module is declared by its target.
// Issue 27: every module has its header file, and nothing is `public` but what fuzz/ needs
// (.ci/public-api.txt); the check fails, not warns, when either is broken.
// The check itself is .ci/check-modules.py (it reads `swift package dump-package`); running it
// here keeps the graph true for anyone who runs the tests, not only the CI gate.
@Suite struct ModuleGraphTests {
    static func check(_ root: URL) throws -> CommandRun {
        try CommandRun.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", ".ci/check-modules.py"], in: root)
    }

    @Test func theReadmeGraphIsPackageSwiftsAndEveryImportIsDeclared() throws {
        let run = try Self.check(Repository.root())
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("every import declared"), "\(run.stdout)")
    }

    /// A copy of what the check reads, with one stray `public` and one module without its header
    /// file: the check must fail and name both.
    @Test func aStrayPublicAndAMissingHeaderFailTheCheck() throws {
        let root = Repository.root()
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("check-modules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        let files = FileManager.default
        try files.createDirectory(at: copy.appendingPathComponent(".ci"), withIntermediateDirectories: true)
        try files.createDirectory(at: copy.appendingPathComponent("fuzz"), withIntermediateDirectories: true)
        for path in [
            "Package.swift", "README.md", "Sources", ".ci/check-modules.py", ".ci/public-api.txt", "fuzz/Sources",
        ] {
            try files.copyItem(at: root.appendingPathComponent(path), to: copy.appendingPathComponent(path))
        }
        let stray = copy.appendingPathComponent("Sources/PlaybookOutput/Stray.swift")
        try Data("public struct StrayForTheCheck {}\n".utf8).write(to: stray)
        try files.removeItem(at: copy.appendingPathComponent("Sources/PlaybookReport/PlaybookReport.swift"))

        let run = try Self.check(copy)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.contains("Sources/PlaybookOutput/Stray.swift:1: `PlaybookOutput.StrayForTheCheck` is public"))
        #expect(run.stdout.contains("Sources/PlaybookReport/PlaybookReport.swift: missing"))
    }
}
