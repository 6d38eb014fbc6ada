/// Line diffs and three-way merges for playbook-sized files.
public enum LineDiff {
    /// Pairs of equal lines (index in a, index in b) in a longest common subsequence.
    package static func matches(_ a: [Substring], _ b: [Substring]) -> [(Int, Int)] {
        // Trim the common head and tail first: most edits touch a small part of a file.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let a1 = Array(a[head..<(a.count - tail)])
        let b1 = Array(b[head..<(b.count - tail)])
        var table = [[Int]](repeating: [Int](repeating: 0, count: b1.count + 1), count: a1.count + 1)
        if !a1.isEmpty && !b1.isEmpty {
            for i in stride(from: a1.count - 1, through: 0, by: -1) {
                for j in stride(from: b1.count - 1, through: 0, by: -1) {
                    table[i][j] = a1[i] == b1[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var result: [(Int, Int)] = (0..<head).map { ($0, $0) }
        var i = 0
        var j = 0
        while i < a1.count, j < b1.count {
            if a1[i] == b1[j] {
                result.append((i + head, j + head))
                i += 1
                j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        for t in 0..<tail { result.append((a.count - tail + t, b.count - tail + t)) }
        return result
    }

    package static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Lines each ended by a line break: the break after the last line does not start another,
    /// and an empty text has none (so a new or deleted file diffs without a stray blank line).
    static func terminatedLines(_ text: String) -> [Substring] {
        var all = lines(text)
        if all.last == "" { all.removeLast() }
        return all
    }

    /// A unified diff (`---`/`+++` headers, `@@` hunks with three lines of context).
    public static func unified(_ old: String, _ new: String, oldName: String, newName: String) -> String {
        let a = terminatedLines(old)
        let b = terminatedLines(new)
        if a == b { return "" }
        var ops: [(Character, Substring)] = []
        var i = 0
        var j = 0
        for (mi, mj) in matches(a, b) + [(a.count, b.count)] {
            while i < mi { ops.append(("-", a[i])); i += 1 }
            while j < mj { ops.append(("+", b[j])); j += 1 }
            if mi < a.count { ops.append((" ", a[mi])) }
            i = mi + 1
            j = mj + 1
        }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        var oldLine = 1
        var newLine = 1
        while index < ops.count {
            guard let change = ops[index...].firstIndex(where: { $0.0 != " " }) else { break }
            let start = max(change - 3, index)
            var end = change
            while end < ops.count {
                if ops[end].0 != " " { end += 1; continue }
                let nextChange = ops[end...].firstIndex(where: { $0.0 != " " })
                if let nextChange, nextChange - end <= 6 { end = nextChange; continue }
                end = min(end + 3, ops.count)
                break
            }
            for op in ops[index..<start] {
                if op.0 != "+" { oldLine += 1 }
                if op.0 != "-" { newLine += 1 }
            }
            let hunk = ops[start..<end]
            let oldCount = hunk.filter { $0.0 != "+" }.count
            let newCount = hunk.filter { $0.0 != "-" }.count
            // An empty side starts at line 0, as in every unified diff.
            out +=
                "@@ -\(oldCount == 0 ? oldLine - 1 : oldLine),\(oldCount) "
                + "+\(newCount == 0 ? newLine - 1 : newLine),\(newCount) @@\n"
            for op in hunk { out += "\(op.0)\(op.1)\n" }
            oldLine += oldCount
            newLine += newCount
            index = end
        }
        return out
    }

    /// True when `text` still holds a conflict `merge` wrote: a line opening with `<<<<<<< `.
    public static func hasConflict(_ text: String) -> Bool {
        lines(text).contains { $0.hasPrefix(conflictOpening) }
    }

    /// How much of `a` is in `b`: the share of `a`'s non-blank lines (as a set) found in `b`,
    /// from 0 to 1. A file the group renamed, and maybe edited a little, scores high.
    package static func similarity(_ a: String, _ b: String) -> Double {
        let mine = Set(lines(a).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        guard !mine.isEmpty else { return 0 }
        let theirs = Set(lines(b))
        return Double(mine.filter { theirs.contains($0) }.count) / Double(mine.count)
    }

    /// How `merge` opens a conflict, before the label of the group's side.
    static let conflictOpening = "<<<<<<< "

    public struct MergeResult: Equatable, Sendable {
        public var text: String
        public var conflicts: Int

        package init(text: String, conflicts: Int) {
            self.text = text
            self.conflicts = conflicts
        }
    }

    /// Three-way merge of line-based text: changes made on either side are kept; where both
    /// sides changed the same lines differently, both versions are written between markers.
    public static func merge(base: String, ours: String, theirs: String, oursLabel: String, theirsLabel: String)
        -> MergeResult
    {
        if ours == theirs { return MergeResult(text: ours, conflicts: 0) }
        if base == ours { return MergeResult(text: theirs, conflicts: 0) }
        if base == theirs { return MergeResult(text: ours, conflicts: 0) }
        let o = lines(base)
        let a = lines(ours)
        let b = lines(theirs)
        // Base lines kept unchanged on both sides anchor the merge.
        var inA = [Int?](repeating: nil, count: o.count)
        for (i, j) in matches(o, a) { inA[i] = j }
        var inB = [Int?](repeating: nil, count: o.count)
        for (i, j) in matches(o, b) { inB[i] = j }
        var out: [Substring] = []
        var conflicts = 0
        var oi = 0
        var ai = 0
        var bi = 0
        func flush(_ oEnd: Int, _ aEnd: Int, _ bEnd: Int) {
            let oc = Array(o[oi..<oEnd])
            let ac = Array(a[ai..<aEnd])
            let bc = Array(b[bi..<bEnd])
            if ac == bc {
                out += ac
            } else if ac == oc {
                out += bc
            } else if bc == oc {
                out += ac
            } else {
                conflicts += 1
                out.append("\(conflictOpening)\(oursLabel)")
                out += ac
                out.append("=======")
                out += bc
                out.append(">>>>>>> \(theirsLabel)")
            }
        }
        var k = 0
        while k < o.count {
            if let ja = inA[k], let jb = inB[k], ja >= ai, jb >= bi {
                flush(k, ja, jb)
                out.append(o[k])
                oi = k + 1
                ai = ja + 1
                bi = jb + 1
            }
            k += 1
        }
        flush(o.count, a.count, b.count)
        return MergeResult(text: out.joined(separator: "\n"), conflicts: conflicts)
    }
}
