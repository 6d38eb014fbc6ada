import Foundation
import PlaybookModel
import TestSupport
import Testing

@testable import PlaybookOutput

@Suite struct OutputWriterTests {
    @Test func writesFilesAndReplacesThePreviousSiteWhole() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        try OutputWriter(destination: out).write([
            OutputFile(path: "index.html", text: "一"), OutputFile(path: "old/index.html", text: "旧"),
        ])
        try OutputWriter(destination: out).write([
            OutputFile(path: "index.html", text: "二"), OutputFile(path: "groups/杭州/index.html", text: "杭州"),
        ])
        #expect(site.files(under: "public") == [".playbook-output", "groups/杭州/index.html", "index.html"])
        #expect(try site.read("public/index.html") == "二")
        // No staging or old copies are left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path) == ["public"])
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let site = try TemporarySite(["public/notes.txt": "mine"])
        defer { site.remove() }
        #expect(throws: PlaybookError.self) {
            try OutputWriter(destination: site.root.appendingPathComponent("public")).write([
                OutputFile(path: "index.html", text: "x")
            ])
        }
        #expect(try site.read("public/notes.txt") == "mine")
    }

    @Test func aFailedWriteLeavesThePreviousSite() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let out = site.root.appendingPathComponent("public")
        try OutputWriter(destination: out).write([OutputFile(path: "index.html", text: "好")])
        #expect(throws: PlaybookError.self) {
            try OutputWriter(destination: out).write([
                OutputFile(path: "a.html", text: "x"), OutputFile(path: "../escape.html", text: "x"),
            ])
        }
        #expect(try site.read("public/index.html") == "好")
        #expect(!site.exists("escape.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path) == ["public"])
    }
}
