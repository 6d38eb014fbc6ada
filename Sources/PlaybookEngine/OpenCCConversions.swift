import PlaybookCheck
import PlaybookEditions
import PlaybookModel

/// The checker's phrase-level reading, by OpenCC: towards Simplified with `t2s`, `tw2s` and
/// `hk2s`, towards Traditional with `s2t`, `s2tw` and `s2hk` (see `ScriptChangeFinder`, whose
/// memo of clauses is shared by every check in the process).
package struct OpenCCConversions: ScriptConversions {
    let finder: ScriptChangeFinder

    /// Nil when OpenCC's dictionaries are missing: the checker then judges characters one by one.
    package init?() {
        guard let finder = ScriptChangeFinder.shared else { return nil }
        self.finder = finder
    }

    package func changed(in texts: [String], at offsets: [[Int]], into script: WrittenScript) -> [[Int]] {
        finder.changed(in: texts, at: offsets, into: script)
    }
}
