import PlaybookModel

/// `check --summary`: the health report as a text matrix of groups × elements, so a lead sees
/// at a glance which group lacks what.
package enum SummaryTable {
    package static func render(_ report: HealthReport, language l: Language) -> String {
        guard !report.rows.isEmpty else {
            return l.pick("没有社群档案（kind: group）。\n", "沒有社群檔案（kind: group）。\n", "No group charters (kind: group).\n")
        }
        let mark: [HealthReport.Status: String] = [.ok: "✓", .partial: "△", .missing: "✗"]
        let header = [l.pick("社群", "社群", "Group")] + report.columns.map(\.label) + [l.pick("模板", "模板", "Template")]
        var rows: [[String]] = [header]
        for row in report.rows {
            var lineage = row.lineage ?? "—"
            if row.behindTemplate { lineage += l.pick("（落后）", "（落後）", " (behind)") }
            rows.append([VisibleText.escaped(row.title)] + row.cells.map { mark[$0.status] ?? "?" } + [lineage])
        }
        let widths = header.indices.map { column in rows.map { TextWidth.of($0[column]) }.max() ?? 0 }
        var out = ""
        for (i, row) in rows.enumerated() {
            let cells = row.enumerated().map { TextWidth.pad($1, to: widths[$0]) }
            out += cells.joined(separator: "  ").replacingTrailingSpaces() + "\n"
            if i == 0 { out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
        }
        out += l.pick(
            "\n✓ 完整  △ 不完整  ✗ 缺失\n", "\n✓ 完整  △ 不完整  ✗ 缺失\n", "\n✓ complete  △ incomplete  ✗ missing\n")
        return out
    }
}

extension String {
    fileprivate func replacingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
