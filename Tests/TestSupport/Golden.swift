// TestSupport: helpers shared by the test targets: goldens, temporary sites and txtar files.
import Foundation
import Testing

/// Compares `actual` with the golden file at `path`; with `PLAYBOOK_UPDATE_GOLDENS=1` in the
/// environment, writes `actual` to the file instead (review the diff like code).
public enum Golden {
    public static var updating: Bool {
        ProcessInfo.processInfo.environment["PLAYBOOK_UPDATE_GOLDENS"] == "1"
    }

    public static func check(
        _ actual: String, against path: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        if updating {
            // A golden that cannot be written is a failure: re-recording must not pass silently.
            do {
                try FileManager.default.createDirectory(
                    at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: path, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot record golden \(path.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: path, encoding: .utf8) else {
            Issue.record(
                "missing golden \(path.path); run with PLAYBOOK_UPDATE_GOLDENS=1 to record it",
                sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record(
                "output differs from \(path.lastPathComponent):\n\(Diff.lines(expected: expected, actual: actual))",
                sourceLocation: sourceLocation)
        }
    }

    /// The folder holding the calling test file, for goldens kept beside their tests.
    public static func folder(of file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent()
    }
}

/// A small line diff for failure messages: the first differing lines with context.
public enum Diff {
    public static func lines(expected: String, actual: String, limit: Int = 20) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) where out.count < limit {
            let left = i < e.count ? String(e[i]) : "<end>"
            let right = i < a.count ? String(a[i]) : "<end>"
            if left != right {
                out.append("line \(i + 1):\n- \(left)\n+ \(right)")
            }
        }
        return out.joined(separator: "\n")
    }
}
