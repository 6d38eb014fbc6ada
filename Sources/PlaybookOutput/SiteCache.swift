// WRITE of the engine's cache: `.playbook/cache/engine.bin` in the site folder, replaced in one
// rename, in a folder git is told to ignore. The cache is never needed (the engine computes what
// it lacks), so a site that cannot hold one is not an error: nothing is written then.
import Foundation

package enum SiteCache {
    /// Writes `bytes` as the site's cache file at `relative` (under the site `root`). Writes
    /// nothing, and says why, when a folder on the way is a symbolic link (the cache is never
    /// written outside the site) or cannot be made.
    @discardableResult
    package static func write(_ bytes: [UInt8], root: URL, relative: String) -> String? {
        let manager = FileManager.default
        var folder = root
        let parts = relative.split(separator: "/").map(String.init)
        for part in parts.dropLast() {
            folder.appendPathComponent(part)
            var isFolder: ObjCBool = false
            if (try? manager.destinationOfSymbolicLink(atPath: folder.path)) != nil {
                return "\(folder.path) is a symbolic link"
            }
            if manager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
                guard isFolder.boolValue else { return "\(folder.path) is not a folder" }
                continue
            }
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: false)
            } catch {
                return "\(folder.path): \(error.localizedDescription)"
            }
        }
        // The cache's folder is never committed (`.playbook/` also holds the template snapshots
        // `playbook update` merges with, which are).
        let ignore = folder.appendingPathComponent(".gitignore")
        if !manager.fileExists(atPath: ignore.path) {
            try? Data("# Playbook's cache: safe to delete, never committed.\n*\n".utf8).write(to: ignore)
        }
        do {
            try Data(bytes).write(to: folder.appendingPathComponent(parts.last ?? "cache"), options: .atomic)
            return nil
        } catch {
            return error.localizedDescription
        }
    }
}
