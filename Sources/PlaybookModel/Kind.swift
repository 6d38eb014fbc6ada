/// The kind of a playbook. The five built-in kinds come from the domain; a site may add its own
/// in `playbook.yml`, so the kind is an open set of names rather than a closed enum.
public struct Kind: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let group: Kind = "group"
    public static let rules: Kind = "rules"
    public static let onboarding: Kind = "onboarding"
    public static let sop: Kind = "sop"
    public static let template: Kind = "template"
    public static let page: Kind = "page"

    public static let builtIn: [Kind] = [.group, .rules, .onboarding, .sop, .template, .page]

    /// The top-level content folder that implies each kind when front matter names none.
    public static let folders: [String: Kind] = [
        "groups": .group, "rules": .rules, "sops": .sop, "onboarding": .onboarding, "templates": .template,
    ]

    public var description: String { rawValue }

    public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
}
