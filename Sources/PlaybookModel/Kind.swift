/// The kind of a playbook. The five built-in kinds come from the domain; a site may add its own
/// in `playbook.yml`, so the kind is an open set of names rather than a closed enum.
package struct Kind: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    package var rawValue: String

    package init(rawValue: String) { self.rawValue = rawValue }
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }

    package static let group: Kind = "group"
    package static let rules: Kind = "rules"
    package static let onboarding: Kind = "onboarding"
    package static let sop: Kind = "sop"
    package static let template: Kind = "template"
    package static let page: Kind = "page"

    package static let builtIn: [Kind] = [.group, .rules, .onboarding, .sop, .template, .page]

    /// The top-level content folder that implies each kind when front matter names none.
    package static let folders: [String: Kind] = [
        "groups": .group, "rules": .rules, "sops": .sop, "onboarding": .onboarding, "templates": .template,
    ]

    package var description: String { rawValue }

    package static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
}
