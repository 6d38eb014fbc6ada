import Foundation
import PlaybookModel

/// What Playbook wrote into an output folder, kept in the folder as `.playbook-output`, so that
/// the next build knows which files are its own and which are the user's.
///
/// Everything else in the folder (a `.git` of a pages branch, a `CNAME`, a file dropped in by
/// hand) is the user's and is carried into the new site. Playbook never writes a name starting
/// with `.` (the loader skips hidden files), so those are always the user's. An empty marker, as
/// earlier versions wrote, means "Playbook wrote every visible file here".
struct OutputManifest: Equatable {
    static let fileName = ".playbook-output"

    /// Output paths Playbook wrote, relative to the folder; nil for an empty (older) marker.
    var files: Set<String>?
    /// Each written file's digest (`OutputDigest`), for the next build to keep the files whose
    /// bytes it would write again; empty in manifests of Playbook 0.1.
    var digests: [String: OutputDigest] = [:]

    /// The manifest's text: every path, and each file's digest where one is known.
    static func encode(_ files: some Collection<String>, digests: [String: OutputDigest] = [:]) -> [UInt8] {
        var text = "{\"playbook-output\": 2, \"files\": [\n"
        text += files.sorted().map { "  " + JSON.quote($0) }.joined(separator: ",\n")
        text += "\n], \"digests\": {\n"
        text += digests.sorted { $0.key < $1.key }.map { "  " + JSON.quote($0.key) + ": \"\($0.value)\"" }
            .joined(separator: ",\n")
        text += "\n}}\n"
        return Array(text.utf8)
    }

    /// The manifest in `folder`; nil when the folder has none.
    static func read(in folder: String) -> OutputManifest? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return nil }
        return parse([UInt8](data))
    }

    /// The manifest whose file holds `bytes`.
    static func parse(_ bytes: [UInt8]) -> OutputManifest? {
        guard !bytes.isEmpty, let object = try? JSON.parse(bytes),
            let files = object["files"]?.array?.compactMap(\.string)
        else { return OutputManifest(files: nil) }
        var digests: [String: OutputDigest] = [:]
        for (path, text) in object["digests"]?.object ?? [] {
            if let text = text.string, let digest = OutputDigest(text) { digests[path] = digest }
        }
        return OutputManifest(files: Set(files), digests: digests)
    }

    /// Whether the output path `path` (a file or link in the folder) was written by Playbook.
    func isOurs(_ path: String) -> Bool {
        if path == Self.fileName { return true }
        if let files { return files.contains(path) }
        return !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}

/// What the writer remembers of a file's bytes: their count and a 64-bit hash. Two files with the
/// same digest are taken as the same bytes only when the earlier one is also unchanged on disk
/// since its build (same size, not modified after the manifest was written): see
/// `OutputWriter.Staging`.
struct OutputDigest: Hashable, Sendable, CustomStringConvertible {
    var size: Int
    var hash: UInt64

    init(_ bytes: [UInt8]) {
        size = bytes.count
        hash = bytes.withUnsafeBytes { Self.hash($0) }
    }

    init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let size = Int(parts[0]), let hash = UInt64(parts[1], radix: 16) else { return nil }
        self.size = size
        self.hash = hash
    }

    var description: String { "\(size)-\(String(hash, radix: 16))" }

    /// A 64-bit hash of `bytes`, eight at a time (multiply and fold, finished with a 64-bit
    /// avalanche). Not for adversaries: it tells a page that changed from one that did not.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        ByteHash.pair(bytes).0
    }
}

/// The files of an output folder that Playbook did not write, found before a new site replaces it.
extension OutputManifest {
    /// The name a file is written under before it is renamed into place by `serve`:
    /// `.<name>.playbook-part-<pid>`.
    static func temporaryName(for name: String) -> String {
        ".\(name).playbook-part-\(getpid())"
    }

    /// True for a name written by `temporaryName`, and for the `.dat.nosync…` copies that the
    /// `serve` of Playbook 0.1 wrote through Foundation and could leave behind when killed.
    static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix(".") else { return false }
        if name.hasPrefix(".dat.nosync") { return true }
        guard let range = name.range(of: ".playbook-part-", options: .backwards) else { return false }
        return !name[range.upperBound...].isEmpty && name[range.upperBound...].allSatisfy(\.isNumber)
    }
}

struct UserFiles {
    /// Paths of files and links (not folders) that are the user's, relative to the folder.
    var files: [String] = []
    /// Empty folders: Playbook never writes one, so each is the user's.
    var emptyFolders: [String] = []

    var isEmpty: Bool { files.isEmpty && emptyFolders.isEmpty }

    /// Walks `folder`, not following links, and keeps what `manifest` does not list.
    static func find(in folder: String, manifest: OutputManifest) throws -> UserFiles {
        var found = UserFiles()
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? folder : folder + "/" + relative
            let entries = try FileTree.entries(absolute)
            if entries.isEmpty, !relative.isEmpty { found.emptyFolders.append(relative) }
            for (name, kind) in entries {
                let path = relative.isEmpty ? name : relative + "/" + name
                if kind == .folder {
                    pending.append(path)
                } else if OutputManifest.isTemporary(name) {
                    // Half-written copies from a killed `serve`: never the user's, never kept.
                    continue
                } else if !manifest.isOurs(path) {
                    found.files.append(path)
                }
            }
        }
        found.files.sort()
        found.emptyFolders.sort()
        return found
    }

    static func parents(_ path: String) -> [String] {
        var result: [String] = []
        var rest = Substring(path)
        while let slash = rest.lastIndex(of: "/") {
            rest = rest[..<slash]
            result.append(String(rest))
        }
        return result
    }
}
