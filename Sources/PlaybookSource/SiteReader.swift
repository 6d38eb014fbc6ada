import Foundation
import PlaybookModel

/// A file read from the site folder, path relative to the site root with `/` separators.
public struct RawFile: Hashable, Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Everything the build needs from a site folder, read in one pass. The rest of the pipeline
/// works on this value and never opens a file.
public struct SiteFiles: Sendable {
    /// `playbook.yml` text, or nil when the site has none.
    public var config: String?
    public var configPath: String
    /// Markdown files under `content/`, sorted by path.
    public var content: [RawFile]
    /// Other files under `content/` (images, lineage records), sorted by path; copied as is.
    public var contentAssets: [RawFile]
    /// The site's own `templates/` files, by name relative to `templates/` (`page.mustache`).
    public var templates: [String: String]
    /// Files under `static/`, by path relative to `static/`.
    public var staticFiles: [RawFile]

    public init(
        config: String? = nil, configPath: String = "playbook.yml", content: [RawFile] = [],
        contentAssets: [RawFile] = [], templates: [String: String] = [:], staticFiles: [RawFile] = []
    ) {
        self.config = config
        self.configPath = configPath
        self.content = content
        self.contentAssets = contentAssets
        self.templates = templates
        self.staticFiles = staticFiles
    }
}

/// Reads a site folder from disk into `SiteFiles`.
public struct SiteReader: Sendable {
    public var root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func read() throws -> SiteFiles {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlaybookError(stage: "load", path: root.path, message: "the site folder does not exist")
        }
        var files = SiteFiles()
        let configURL = root.appendingPathComponent("playbook.yml")
        if fm.fileExists(atPath: configURL.path) {
            let bytes = try readBytes(configURL, relative: "playbook.yml")
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw PlaybookError(
                    stage: "load", path: "playbook.yml", message: "the config is not valid UTF-8; save it as UTF-8")
            }
            files.config = text
        }
        let contentURL = root.appendingPathComponent("content")
        if !fm.fileExists(atPath: contentURL.path) {
            throw PlaybookError(
                stage: "load", path: "content/",
                message:
                    "no content/ folder in \(root.path); run Playbook in the site root or pass --source DIR")
        }
        for relative in try listFiles(under: "content") {
            let bytes = try readBytes(root.appendingPathComponent(relative), relative: relative)
            if relative.hasSuffix(".md") {
                files.content.append(RawFile(path: relative, bytes: bytes))
            } else {
                files.contentAssets.append(RawFile(path: relative, bytes: bytes))
            }
        }
        for relative in try listFiles(under: "templates") {
            let bytes = try readBytes(root.appendingPathComponent(relative), relative: relative)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw PlaybookError(stage: "load", path: relative, message: "the template is not valid UTF-8")
            }
            files.templates[String(relative.dropFirst("templates/".count))] = text
        }
        for relative in try listFiles(under: "static") {
            let bytes = try readBytes(root.appendingPathComponent(relative), relative: relative)
            files.staticFiles.append(RawFile(path: String(relative.dropFirst("static/".count)), bytes: bytes))
        }
        return files
    }

    /// The site folder holding `url`: the nearest folder, from `url` itself upwards, that has
    /// a `playbook.yml`; nil when none has.
    public static func siteRoot(containing url: URL) -> URL? {
        var folder = url.standardizedFileURL
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            folder.deleteLastPathComponent()
        }
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("playbook.yml").path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Reads one file below the root, for the incremental rebuilds of `serve`.
    public func readFile(_ relative: String) throws -> RawFile {
        RawFile(path: relative, bytes: try readBytes(root.appendingPathComponent(relative), relative: relative))
    }

    /// Every regular file below `folder` (relative to the root), sorted, hidden names skipped.
    public func listFiles(under folder: String) throws -> [String] {
        let base = root.appendingPathComponent(folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return [] }
        var result: [String] = []
        try walk(base, relative: folder, into: &result, depth: 0)
        return result.sorted()
    }

    private func walk(_ url: URL, relative: String, into result: inout [String], depth: Int) throws {
        guard depth < 64 else {
            throw PlaybookError(
                stage: "load", path: relative, message: "folders nest too deeply (a symbolic link loop?)")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw PlaybookError(
                stage: "load", path: relative, message: "cannot list the folder: \(error.localizedDescription)")
        }
        for name in names where !name.hasPrefix(".") {
            let child = url.appendingPathComponent(name)
            let childRelative = relative + "/" + name
            // A symbolic link may point anywhere; following one out of the site could publish a
            // private file, so only links that stay inside the site folder are read.
            if isLinkLeavingSite(child) { continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try walk(child, relative: childRelative, into: &result, depth: depth + 1)
            } else {
                result.append(childRelative)
            }
        }
    }

    private func isLinkLeavingSite(_ url: URL) -> Bool {
        guard (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil else { return false }
        let target = url.resolvingSymlinksInPath().standardizedFileURL.path
        let base = root.resolvingSymlinksInPath().standardizedFileURL.path
        return !(target == base || target.hasPrefix(base + "/"))
    }

    private func readBytes(_ url: URL, relative: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PlaybookError(stage: "load", path: relative, message: "cannot read the file")
        }
        return [UInt8](data)
    }
}
