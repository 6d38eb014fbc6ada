/// Which group lacks what: one row per group charter, one column per required element, plus
/// the group's rules and onboarding. The checker computes it; `check --summary` prints it and
/// the site's health view renders it.
public struct HealthReport: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        /// Stable id (`interest`, `structure`, `output`, `operations`, `replication`, `rules`, `onboarding`).
        public var id: String
        /// Label in the site language, e.g. `同好`.
        public var label: String

        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    public enum Status: String, Hashable, Sendable {
        /// Present and complete.
        case ok
        /// Present but incomplete (empty, or missing a required part).
        case partial
        /// Absent.
        case missing
    }

    public struct Cell: Hashable, Sendable {
        public var status: Status
        /// Short explanation shown on hover or in the summary, such as the first diagnostic's message.
        public var note: String?

        public init(status: Status, note: String? = nil) {
            self.status = status
            self.note = note
        }
    }

    public struct Row: Hashable, Sendable {
        /// Site-relative path of the group charter.
        public var path: String
        public var title: String
        /// Page URL (site-relative, pretty form).
        public var url: String
        /// One cell per column, in column order.
        public var cells: [Cell]
        /// Template lineage, such as `city-chapter 1.0.0`, when the group was cloned from one.
        public var lineage: String?
        /// True when the group's template has moved on since the group was cloned or updated.
        public var behindTemplate: Bool

        public init(
            path: String, title: String, url: String, cells: [Cell], lineage: String? = nil,
            behindTemplate: Bool = false
        ) {
            self.path = path
            self.title = title
            self.url = url
            self.cells = cells
            self.lineage = lineage
            self.behindTemplate = behindTemplate
        }
    }

    public var columns: [Column]
    public var rows: [Row]

    public init(columns: [Column] = [], rows: [Row] = []) {
        self.columns = columns
        self.rows = rows
    }
}
