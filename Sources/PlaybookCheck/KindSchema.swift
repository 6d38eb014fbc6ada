import PlaybookModel

/// What a kind of playbook must contain: front matter fields, sections found by heading
/// aliases, and the finer requirements inside sections. Built-in kinds come from the domain
/// brief; `playbook.yml` changes them or adds new ones, so everything here is plain data.
public struct KindSchema: Hashable, Sendable {
    public var name: String
    /// The kind's noun in findings and its title in the site, one home for both (`KindLabel`).
    public var label: KindLabel
    public var fields: [FieldSpec]
    public var sections: [SectionSpec]
    /// "One of these" requirements, such as an SOP's trigger or cadence.
    public var alternatives: [Alternative]
    /// Requirements that hold only when front matter has certain values.
    public var conditions: [Condition]
    /// Severity overrides for this kind's pages, by rule id or pattern.
    public var severity: [String: RuleLevel]

    public init(
        name: String, label: KindLabel, fields: [FieldSpec] = [], sections: [SectionSpec] = [],
        alternatives: [Alternative] = [], conditions: [Condition] = [], severity: [String: RuleLevel] = [:]
    ) {
        self.name = name
        self.label = label
        self.fields = fields
        self.sections = sections
        self.alternatives = alternatives
        self.conditions = conditions
        self.severity = severity
    }

    public func section(_ id: String) -> SectionSpec? { sections.first { $0.id == id } }
    public func field(_ name: String) -> FieldSpec? { allFields.first { $0.name == name } }

    /// Fields every kind has, whatever the rules say: whether the page is published (see
    /// `Publication`). A kind that declares a field of the same name keeps its own.
    public static let commonFields: [FieldSpec] = [
        FieldSpec(
            name: "draft", type: .boolean,
            description: Localized(
                "草稿：`true` 时不发布（`build --drafts` 和 `serve` 才显示）",
                "草稿：`true` 時不發布（`build --drafts` 和 `serve` 才顯示）",
                "a draft: `true` leaves the page out of the site (shown by `build --drafts` and `serve`)"),
            example: "true"),
        FieldSpec(
            name: "visibility", choices: ["public", "internal"],
            description: Localized(
                "可见范围：`internal` 的页面不进入 `build --public` 发布的站点",
                "可見範圍：`internal` 的頁面不進入 `build --public` 發布的站點",
                "who may read it: `internal` pages are left out of `build --public`"),
            example: "internal"),
    ]

    /// The kind's own fields, then the common ones it does not redefine.
    public var allFields: [FieldSpec] {
        fields + Self.commonFields.filter { common in !fields.contains { $0.name == common.name } }
    }
}

/// The severity a rule runs at, or `off`.
public enum RuleLevel: String, Hashable, Sendable, CaseIterable {
    case error, warning, off

    var severity: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .off: return nil
        }
    }
}

/// A front matter field and the value it must hold.
public struct FieldSpec: Hashable, Sendable {
    public enum ValueType: String, Hashable, Sendable, CaseIterable {
        case string, integer, number, boolean, list, mapping, date, version, any
    }

    public var name: String
    public var type: ValueType
    public var required: Bool
    /// Allowed values; empty for any.
    public var choices: [String]
    /// What the field means, for hints and the exported JSON Schema.
    public var description: Localized?
    /// An example value for the hint (`owner: 林晓`).
    public var example: String?
    /// The example in each language, where it differs by script (a person's name): hints in
    /// Traditional name 陳怡君, not 林晓.
    public var localizedExample: Localized? = nil

    /// The example to show in `language`.
    public func example(_ language: Language) -> String? {
        localizedExample.map { $0(language) } ?? example
    }

    public init(
        name: String, type: ValueType = .string, required: Bool = false, choices: [String] = [],
        description: Localized? = nil, example: String? = nil
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.choices = choices
        self.description = description
        self.example = example
    }
}

/// A section found by its heading at any level.
public struct SectionSpec: Hashable, Sendable {
    public var id: String
    public var label: Localized
    /// Heading words in Simplified, Traditional and English; matched after numbering, emoji and
    /// punctuation are dropped, case-insensitively, and with Traditional folded to Simplified.
    public var aliases: [String]
    public var required: Bool
    /// What to write in the section and why it matters.
    public var hint: Localized?
    /// Parts the section must cover, as sub-headings, list items or bold labels (rule `<kind>.<id>-part`).
    public var parts: [Part]
    /// Terms of which at least `atLeast` must be named in the section (the five senses).
    public var terms: TermRequirement?
    /// The section's steps as a list.
    public var list: ListRequirement?
    /// Graded levels (list items or sub-headings), at least this many (rule `<kind>.<levelsRule>`).
    public var levels: LevelRequirement?
    /// Words that must appear among the section's list items (a welcome, the rules).
    public var mentions: [Mention]
    /// Words that show the section's matter in a section whose heading names this section and
    /// another at once (`## 奖惩机制` is both rewards and penalties): such a section counts for
    /// this one only when its text holds one of them. Empty: the heading is enough.
    public var evidence: [String]

    public init(
        id: String, label: Localized, aliases: [String], required: Bool = true, hint: Localized? = nil,
        parts: [Part] = [], terms: TermRequirement? = nil, list: ListRequirement? = nil,
        levels: LevelRequirement? = nil, mentions: [Mention] = [], evidence: [String] = []
    ) {
        self.evidence = evidence
        self.id = id
        self.label = label
        self.aliases = aliases
        self.required = required
        self.hint = hint
        self.parts = parts
        self.terms = terms
        self.list = list
        self.levels = levels
        self.mentions = mentions
    }

    public struct Part: Hashable, Sendable {
        public var id: String
        public var label: Localized
        public var aliases: [String]

        public init(id: String, label: Localized, aliases: [String]) {
            self.id = id
            self.label = label
            self.aliases = aliases
        }
    }

    public struct TermRequirement: Hashable, Sendable {
        /// Rule name after the kind (`senses` → `group.senses`).
        public var rule: String
        public var atLeast: Int
        public var terms: [Part]
        public var hint: Localized?

        public init(rule: String, atLeast: Int, terms: [Part], hint: Localized? = nil) {
            self.rule = rule
            self.atLeast = atLeast
            self.terms = terms
            self.hint = hint
        }
    }

    public struct ListRequirement: Hashable, Sendable {
        public var ordered: Bool
        public var minItems: Int
        /// Items carry time markers (第1天, Day 7, Week 2, 48 hours) that must not go back in time.
        public var timeOrder: Bool

        public init(ordered: Bool = true, minItems: Int = 2, timeOrder: Bool = false) {
            self.ordered = ordered
            self.minItems = minItems
            self.timeOrder = timeOrder
        }
    }

    public struct LevelRequirement: Hashable, Sendable {
        public var rule: String
        public var atLeast: Int

        public init(rule: String, atLeast: Int) {
            self.rule = rule
            self.atLeast = atLeast
        }
    }

    public struct Mention: Hashable, Sendable {
        /// Rule name after the kind (`welcome` → `onboarding.welcome`).
        public var rule: String
        public var label: Localized
        public var terms: [String]
        public var hint: Localized?

        public init(rule: String, label: Localized, terms: [String], hint: Localized? = nil) {
            self.rule = rule
            self.label = label
            self.terms = terms
            self.hint = hint
        }
    }
}

/// At least one of some fields or sections must be present (rule `<kind>.<rule>`).
public struct Alternative: Hashable, Sendable {
    public var rule: String
    public var label: Localized
    public var fields: [String]
    public var sections: [String]
    public var hint: Localized?

    public init(rule: String, label: Localized, fields: [String], sections: [String], hint: Localized? = nil) {
        self.rule = rule
        self.label = label
        self.fields = fields
        self.sections = sections
        self.hint = hint
    }
}

/// "If `platform` is 企业微信, section X (or field Y) is required."
public struct Condition: Hashable, Sendable {
    /// Field name → accepted values; every field must match one of its values.
    public var when: [(field: String, values: [String])]
    /// Section ids of the kind, or front matter field names.
    public var require: [String]
    /// Where the condition was written, for messages.
    public var source: String

    public init(when: [(field: String, values: [String])], require: [String], source: String = "") {
        self.when = when
        self.require = require
        self.source = source
    }

    public static func == (a: Condition, b: Condition) -> Bool {
        a.require == b.require && a.source == b.source && a.when.map(\.field) == b.when.map(\.field)
            && a.when.map(\.values) == b.when.map(\.values)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(require)
        hasher.combine(source)
        for clause in when {
            hasher.combine(clause.field)
            hasher.combine(clause.values)
        }
    }

    /// True when the front matter satisfies every clause.
    func holds(for frontMatter: Mapping) -> Bool {
        when.allSatisfy { clause in
            guard let value = frontMatter[clause.field]?.string else { return false }
            let folded = TermMatcher.fold(value)
            return clause.values.contains { TermMatcher.fold($0) == folded }
        }
    }
}
