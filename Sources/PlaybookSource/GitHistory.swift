import Foundation

/// When each content file last changed, from the site's git history: one `git log` for the
/// whole site, so the render stage gets dates as values and stays pure.
///
/// A date is the committer date of the newest commit that touched the file, so it is the same
/// for every build of one commit. Uncommitted edits do not move it. Outside a repository, or
/// without git, there are no dates.
package enum GitHistory {
    /// Site-relative path (`content/sops/growth.md`) → ISO 8601 date-time (`2026-11-28T03:49:35+00:00`).
    package static func lastChanged(siteAt root: URL, under folder: String = "content") -> [String: String] {
        guard
            let output = run(
                [
                    "log", "-z", "--format=format:%x1e%cI", "--name-only", "--no-renames",
                    "--relative", "--", folder,
                ], in: root)
        else { return [:] }
        return parse(output)
    }

    /// Parses `git log -z --format=format:%x1e%cI --name-only`: records start with U+001E, then the
    /// date, a newline and the NUL-separated paths. Newest first, so a path's first date wins.
    package static func parse(_ output: String) -> [String: String] {
        var dates: [String: String] = [:]
        for record in output.split(separator: "\u{1E}") {
            guard let newline = record.firstIndex(of: "\n") else { continue }
            let date = String(record[..<newline])
            for path in record[record.index(after: newline)...].split(separator: "\0") where !path.isEmpty {
                let name = path.hasPrefix("\n") ? String(path.dropFirst()) : String(path)
                if dates[name] == nil { dates[name] = date }
            }
        }
        return dates
    }

    private static func run(_ arguments: [String], in folder: URL) -> String? {
        guard
            let git = ["/usr/bin/git", "/usr/local/bin/git", "/opt/homebrew/bin/git"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.arguments = ["-c", "core.quotepath=off", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        // A hook or an editor must not run, and the answer must not depend on the user's pager.
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = PipeReader.readAll(pipe.fileHandleForReading.fileDescriptor)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
