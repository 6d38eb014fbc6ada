import PlaybookModel

/// What a kind of playbook must contain: front matter fields, sections found by heading
/// aliases, and the finer requirements inside sections. Built-in kinds come from the domain
/// brief; `playbook.yml` changes them or adds new ones, so everything here is plain data.
package struct KindSchema: Hashable, Sendable {
    package var name: String
    /// The kind's noun in findings and its title in the site, one home for both (`KindLabel`).
    package var label: KindLabel
    package var fields: [FieldSpec]
    package var sections: [SectionSpec]
    /// "One of these" requirements, such as an SOP's trigger or cadence.
    package var alternatives: [Alternative]
    /// Requirements that hold only when front matter has certain values.
    package var conditions: [Condition]
    /// Severity overrides for this kind's pages, by rule id or pattern.
    package var severity: [String: RuleLevel]

    package init(
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

    package func section(_ id: String) -> SectionSpec? { sections.first { $0.id == id } }
    package func field(_ name: String) -> FieldSpec? { allFields.first { $0.name == name } }

    /// Fields every kind has, whatever the rules say: whether the page is published (see
    /// `Publication`). A kind that declares a field of the same name keeps its own.
    package static let commonFields: [FieldSpec] = [
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
    package var allFields: [FieldSpec] {
        fields + Self.commonFields.filter { common in !fields.contains { $0.name == common.name } }
    }
}

/// The severity a rule runs at, or `off`.
package enum RuleLevel: String, Hashable, Sendable, CaseIterable {
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
package struct FieldSpec: Hashable, Sendable {
    package enum ValueType: String, Hashable, Sendable, CaseIterable {
        case string, integer, number, boolean, list, mapping, date, version, any
    }

    package var name: String
    package var type: ValueType
    package var required: Bool
    /// Allowed values; empty for any.
    package var choices: [String]
    /// What the field means, for hints and the exported JSON Schema.
    package var description: Localized?
    /// An example value for the hint (`owner: 林晓`).
    package var example: String?
    /// The example in each language, where it differs by script (a person's name): hints in
    /// Traditional name 陳怡君, not 林晓.
    package var localizedExample: Localized? = nil

    /// The example to show in `language`.
    package func example(_ language: Language) -> String? {
        localizedExample.map { $0(language) } ?? example
    }

    package init(
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
package struct SectionSpec: Hashable, Sendable {
    package var id: String
    package var label: Localized
    /// Heading words in Simplified, Traditional and English; matched after numbering, emoji and
    /// punctuation are dropped, case-insensitively, and with Traditional folded to Simplified.
    package var aliases: [String]
    package var required: Bool
    /// What to write in the section and why it matters.
    package var hint: Localized?
    /// Parts the section must cover, as sub-headings, list items or bold labels (rule `<kind>.<id>-part`).
    package var parts: [Part]
    /// Terms of which at least `atLeast` must be named in the section (the five senses).
    package var terms: TermRequirement?
    /// The section's steps as a list.
    package var list: ListRequirement?
    /// Graded levels (list items or sub-headings), at least this many (rule `<kind>.<levelsRule>`).
    package var levels: LevelRequirement?
    /// Words that must appear among the section's list items (a welcome, the rules).
    package var mentions: [Mention]
    /// Words that show the section's matter in a section whose heading names this section and
    /// another at once (`## 奖惩机制` is both rewards and penalties): such a section counts for
    /// this one only when its text holds one of them. Empty: the heading is enough.
    package var evidence: [String]

    package init(
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

    package struct Part: Hashable, Sendable {
        package var id: String
        package var label: Localized
        package var aliases: [String]

        package init(id: String, label: Localized, aliases: [String]) {
            self.id = id
            self.label = label
            self.aliases = aliases
        }
    }

    package struct TermRequirement: Hashable, Sendable {
        /// Rule name after the kind (`senses` → `group.senses`).
        package var rule: String
        package var atLeast: Int
        package var terms: [Part]
        package var hint: Localized?

        package init(rule: String, atLeast: Int, terms: [Part], hint: Localized? = nil) {
            self.rule = rule
            self.atLeast = atLeast
            self.terms = terms
            self.hint = hint
        }
    }

    package struct ListRequirement: Hashable, Sendable {
        package var ordered: Bool
        package var minItems: Int
        /// Items carry time markers (第1天, Day 7, Week 2, 48 hours) that must not go back in time.
        package var timeOrder: Bool

        package init(ordered: Bool = true, minItems: Int = 2, timeOrder: Bool = false) {
            self.ordered = ordered
            self.minItems = minItems
            self.timeOrder = timeOrder
        }
    }

    package struct LevelRequirement: Hashable, Sendable {
        package var rule: String
        package var atLeast: Int

        package init(rule: String, atLeast: Int) {
            self.rule = rule
            self.atLeast = atLeast
        }
    }

    package struct Mention: Hashable, Sendable {
        /// Rule name after the kind (`welcome` → `onboarding.welcome`).
        package var rule: String
        package var label: Localized
        package var terms: [String]
        package var hint: Localized?

        package init(rule: String, label: Localized, terms: [String], hint: Localized? = nil) {
            self.rule = rule
            self.label = label
            self.terms = terms
            self.hint = hint
        }
    }
}

/// At least one of some fields or sections must be present (rule `<kind>.<rule>`).
package struct Alternative: Hashable, Sendable {
    package var rule: String
    package var label: Localized
    package var fields: [String]
    package var sections: [String]
    package var hint: Localized?

    package init(rule: String, label: Localized, fields: [String], sections: [String], hint: Localized? = nil) {
        self.rule = rule
        self.label = label
        self.fields = fields
        self.sections = sections
        self.hint = hint
    }
}

/// "If `platform` is 企业微信, section X (or field Y) is required."
package struct Condition: Hashable, Sendable {
    /// Field name → accepted values; every field must match one of its values.
    package var when: [(field: String, values: [String])]
    /// Section ids of the kind, or front matter field names.
    package var require: [String]
    /// Where the condition was written, for messages.
    package var source: String

    package init(when: [(field: String, values: [String])], require: [String], source: String = "") {
        self.when = when
        self.require = require
        self.source = source
    }

    package static func == (a: Condition, b: Condition) -> Bool {
        a.require == b.require && a.source == b.source && a.when.map(\.field) == b.when.map(\.field)
            && a.when.map(\.values) == b.when.map(\.values)
    }

    package func hash(into hasher: inout Hasher) {
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
