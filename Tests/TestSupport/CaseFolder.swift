import Foundation

/// The cases kept in a fixtures folder. A folder that is missing or holds no case is an error,
/// not zero cases: a moved or emptied folder must fail the suite, not pass it by running nothing.
public enum CaseFolder {
    public struct Empty: Error, CustomStringConvertible {
        public var folder: URL
        public var reason: String
        public var description: String { "\(folder.path): \(reason)" }
    }

    /// The names in `folder` ending in `suffix` (every name not starting with `.` when `suffix`
    /// is empty), sorted.
    public static func names(in folder: URL, suffix: String = "") throws -> [String] {
        let all: [String]
        do {
            all = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw Empty(folder: folder, reason: "cannot list the cases (\(error.localizedDescription))")
        }
        let names = all.filter { !$0.hasPrefix(".") && $0.hasSuffix(suffix) }.sorted()
        if names.isEmpty {
            throw Empty(folder: folder, reason: "no case\(suffix.isEmpty ? "" : " ending in \(suffix)")")
        }
        return names
    }
}

/// A seed for a test that draws at random (kill moments, inputs): from `PLAYBOOK_TEST_SEED`
/// when set, to replay a failing run, else from the clock. Printed with `name`, so every run
/// says how to repeat it.
public func testSeed(_ name: String) -> UInt64 {
    let seed =
        ProcessInfo.processInfo.environment["PLAYBOOK_TEST_SEED"].flatMap(UInt64.init)
        ?? UInt64(Date().timeIntervalSince1970 * 1000)
    print("\(name): PLAYBOOK_TEST_SEED=\(seed)")
    return seed
}
