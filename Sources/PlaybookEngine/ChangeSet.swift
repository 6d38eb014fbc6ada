import Foundation
import PlaybookModel
import PlaybookSource

/// Site files that changed since the last build, as read from disk.
package struct ChangeSet: Sendable {
    /// Site-relative path → new bytes, or nil when the file is gone.
    package var files: [String: [UInt8]?]
    /// The rule files, re-read because the config changed; nil when it did not.
    package var ruleFiles: [String: String]?
    /// The changed config, decoded once when it was read (its rule files follow from it).
    var config: (SiteConfig, [Diagnostic])?

    package init(files: [String: [UInt8]?] = [:], ruleFiles: [String: String]? = nil) {
        self.files = files
        self.ruleFiles = ruleFiles
    }

    package var isEmpty: Bool { files.isEmpty && ruleFiles == nil }
}

extension ChangeSet {
    /// LOAD for a rebuild: reads the given site-relative paths (files or folders, present or gone)
    /// and, when the config is among them, the rule files it refers to. Paths outside the watched
    /// parts of the site and hidden files are left out, as `SiteReader.read` leaves them out.
    package static func read(_ paths: Set<String>, siteAt root: URL, known: Set<String>) throws -> ChangeSet {
        let reader = SiteReader(root: root)
        let fm = FileManager.default
        var changes = ChangeSet()
        for path in paths where SiteLayout.isInput(path, extra: known) {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            let inside = known.filter { $0.hasPrefix(path + "/") }
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                let present = try reader.listFiles(under: path)
                for file in present { changes.files[file] = try? reader.readFile(file).bytes }
                for gone in inside.subtracting(present) { changes.files[gone] = .some(nil) }
            } else if fm.fileExists(atPath: url.path) {
                // A file that vanished between the event and the read counts as removed.
                changes.files[path] = .some(try? reader.readFile(path).bytes)
            } else {
                if known.contains(path) { changes.files[path] = .some(nil) }
                for gone in inside { changes.files[gone] = .some(nil) }
            }
        }
        if let config = changes.files["playbook.yml"] {
            var files = SiteFiles()
            files.config = config.map { String(decoding: $0, as: UTF8.self) }
            let decoded = Pipeline.decodeConfig(files)
            changes.config = decoded
            changes.ruleFiles = try Pipeline.readRuleFiles(root: root, config: decoded.0)
        }
        return changes
    }
}
