// Which Playbook is running: what the engine's cache is keyed by besides each page's bytes, so
// that a cache written by another build of Playbook (another version, or the same version built
// again with other rules) is never read.
import Foundation

package enum ToolIdentity {
    /// The running executable's size and modification time, with the cache format's name; nil
    /// when the executable cannot be found (nothing is cached then).
    package static let current: String? = {
        guard let path = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber,
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return "playbook \(size.int64Value) \(Int64(modified.timeIntervalSince1970 * 1_000_000))"
    }()
}
