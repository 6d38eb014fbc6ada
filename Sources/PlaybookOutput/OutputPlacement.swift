import Foundation
import PlaybookModel

/// Where an output folder may be. The build replaces the whole folder, so it must not hold the
/// site or anything the site is read from, and it must not be a folder that holds much else.
package enum OutputPlacement {
    /// Folders of a site that the build reads; an output inside one would be published again by
    /// the next build, inside itself.
    static let readFolders = ["content", "static", "templates", ".playbook"]

    /// Refuses `output` when it is `/`, the home folder, the site folder, a folder holding the
    /// site, or inside a folder the build reads. Paths are compared with symbolic links resolved.
    package static func check(_ output: URL, site: URL, home: String? = ProcessInfo.processInfo.environment["HOME"])
        throws
    {
        let out = resolved(output).path
        let root = resolved(site).path
        let shown = output.path
        func refuse(_ message: String) -> PlaybookError {
            PlaybookError(stage: "write", path: shown, message: message)
        }
        let instead = "choose a folder of its own, such as \(root == "/" ? "" : root)/public"
        if out == "/" {
            throw refuse("the output cannot be `/`: the build replaces the whole output folder; \(instead)")
        }
        if let home, !home.isEmpty, out == resolved(URL(fileURLWithPath: home)).path {
            throw refuse(
                "the output cannot be your home folder: the build replaces the whole output folder; \(instead)")
        }
        if out == root {
            throw refuse(
                "the output cannot be the site folder itself: the build would replace your content; \(instead)")
        }
        if root.hasPrefix(out + "/") {
            throw refuse(
                "the output holds the site folder (\(root)): the build replaces the whole output folder and would delete the site; \(instead)"
            )
        }
        for folder in readFolders where out == root + "/" + folder || out.hasPrefix(root + "/" + folder + "/") {
            throw refuse(
                "the output is inside \(folder)/, which the build reads: every build would publish the one before inside itself; \(instead)"
            )
        }
    }

    /// `url` as an absolute path with every symbolic link in its existing part resolved; the
    /// parts that do not exist yet are appended as written (with `.` and `..` applied).
    package static func resolved(_ url: URL) -> URL {
        let standard = url.standardizedFileURL
        var existing = standard
        var missing: [String] = []
        while existing.path != "/" {
            if let real = realpath(existing.path, nil) {
                defer { free(real) }
                var result = URL(fileURLWithPath: String(cString: real))
                for part in missing.reversed() { result.appendPathComponent(part) }
                return result.standardizedFileURL
            }
            missing.append(existing.lastPathComponent)
            existing.deleteLastPathComponent()
        }
        return standard
    }
}
