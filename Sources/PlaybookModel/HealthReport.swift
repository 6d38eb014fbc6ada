/// Which group lacks what: one row per group charter, one column per required element, plus
/// the group's rules and onboarding. The checker computes it; `check --summary` prints it and
/// the site's health view renders it.
package struct HealthReport: Hashable, Sendable {
    package struct Column: Hashable, Sendable {
        /// Stable id (`interest`, `structure`, `output`, `operations`, `replication`, `rules`, `onboarding`).
        package var id: String
        /// Label in the site language, e.g. `同好`.
        package var label: String

        package init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    package enum Status: String, Hashable, Sendable {
        /// Present and complete.
        case ok
        /// Present but incomplete (empty, or missing a required part).
        case partial
        /// Absent.
        case missing
    }

    package struct Cell: Hashable, Sendable {
        package var status: Status
        /// Short explanation shown on hover or in the summary, such as the first diagnostic's message.
        package var note: String?
        /// The page the cell is about when it is not the charter (the group's rules page), by
        /// site-relative path; nil for the charter's own sections and for a missing page.
        package var path: String?
        /// Where to look in that page (or the charter): the section's heading line, else the
        /// line of the finding; nil when there is nothing to point at.
        package var line: Int?
        /// What to do about it, from the finding behind `note` (`Diagnostic.hint`).
        package var hint: String?

        package init(status: Status, note: String? = nil, path: String? = nil, line: Int? = nil, hint: String? = nil) {
            self.status = status
            self.note = note
            self.path = path
            self.line = line
            self.hint = hint
        }
    }

    package struct Row: Hashable, Sendable {
        /// Site-relative path of the group charter.
        package var path: String
        package var title: String
        /// Page URL (site-relative, pretty form).
        package var url: String
        /// One cell per column, in column order.
        package var cells: [Cell]
        /// Template lineage, such as `city-chapter 1.0.0`, when the group was cloned from one.
        package var lineage: String?
        /// True when the group's template has moved on since the group was cloned or updated.
        package var behindTemplate: Bool
        /// The name of the template the group came from (`city-chapter`), when it came from one.
        package var template: String?
        /// Every finding on the charter and the rules and onboarding pages counted for it, errors
        /// and warnings, in file and line order: what the health view lists beneath the table.
        package var findings: [Diagnostic]

        package init(
            path: String, title: String, url: String, cells: [Cell], lineage: String? = nil,
            behindTemplate: Bool = false, findings: [Diagnostic] = []
        ) {
            self.path = path
            self.title = title
            self.url = url
            self.cells = cells
            self.lineage = lineage
            self.behindTemplate = behindTemplate
            self.findings = findings
        }

        /// Cells that are not complete, the missing ones counted twice: groups with the most
        /// gaps come first in the health view.
        package var gapWeight: Int {
            cells.reduce(0) { $0 + ($1.status == .missing ? 2 : $1.status == .partial ? 1 : 0) }
        }
    }

    /// The few numbers the health view's trend compares between builds.
    package struct Totals: Hashable, Sendable {
        package var groups: Int
        package var complete: Int
        /// Cells not complete, over every group.
        package var gaps: Int
        /// Column id → how many groups lack that element or have it incomplete, in column order.
        package var lacking: [(id: String, count: Int)]

        package init(groups: Int, complete: Int, gaps: Int, lacking: [(id: String, count: Int)] = []) {
            self.groups = groups
            self.complete = complete
            self.gaps = gaps
            self.lacking = lacking
        }

        /// One `name=value` a line (`groups=4044`, `complete=1180`, `gaps=5120`, then
        /// `lacking.structure=310`… per element): the form the health view keeps in its output
        /// (`health/totals.txt`) for the next build into that folder to compare against.
        package var text: String {
            var out = "groups=\(groups)\ncomplete=\(complete)\ngaps=\(gaps)\n"
            for (id, count) in lacking { out += "lacking.\(id)=\(count)\n" }
            return out
        }

        /// Reads `text`'s form; unknown names are skipped, so a later build's file still reads.
        /// Nil when a total is missing.
        package init?(text: String) {
            var values: [String: Int] = [:]
            var lacking: [(id: String, count: Int)] = []
            for part in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let pair = part.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, let value = Int(pair[1]) else { continue }
                if pair[0].hasPrefix("lacking.") {
                    lacking.append((String(pair[0].dropFirst("lacking.".count)), value))
                } else {
                    values[String(pair[0])] = value
                }
            }
            guard let groups = values["groups"], let complete = values["complete"], let gaps = values["gaps"]
            else { return nil }
            self.init(groups: groups, complete: complete, gaps: gaps, lacking: lacking)
        }

        package static func == (a: Totals, b: Totals) -> Bool { a.text == b.text }
        package func hash(into hasher: inout Hasher) { hasher.combine(text) }
    }

    package var columns: [Column]
    package var rows: [Row]
    /// The totals of the previous build's health view, when the load stage found them in the
    /// output folder: the view shows the trend against them.
    package var previous: Totals?

    package init(columns: [Column] = [], rows: [Row] = [], previous: Totals? = nil) {
        self.columns = columns
        self.rows = rows
        self.previous = previous
    }

    package var totals: Totals {
        Totals(
            groups: rows.count, complete: rows.filter { $0.cells.allSatisfy { $0.status == .ok } }.count,
            gaps: rows.reduce(0) { $0 + $1.cells.filter { $0.status != .ok }.count },
            lacking: columns.indices.map { column in
                (
                    columns[column].id,
                    rows.filter { column < $0.cells.count && $0.cells[column].status != .ok }.count
                )
            })
    }
}
