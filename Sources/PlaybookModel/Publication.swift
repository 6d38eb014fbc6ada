/// Which pages a build publishes. A page with `draft: true` is left out unless drafts are asked
/// for (`build --drafts`, and always in `serve`); a page with `visibility: internal` is left out
/// of a public build (`build --public`).
///
/// Both tests fail closed: a `draft` that is anything but absent, null or `false`, and a
/// `visibility` that is anything but absent or `public`, keep the page out. The checker reports
/// such values as wrong, but with that rule turned off a mistyped value still hides the page
/// rather than publish it.
public struct Publication: Hashable, Sendable {
    /// Whether draft pages are published.
    package var drafts: Bool
    /// Whether `visibility: internal` pages are published.
    package var internalPages: Bool

    package init(drafts: Bool = false, internalPages: Bool = true) {
        self.drafts = drafts
        self.internalPages = internalPages
    }

    /// `build` without flags: everything but drafts.
    public static let standard = Publication()
    /// `serve`: every page, drafts marked as such.
    package static let everything = Publication(drafts: true, internalPages: true)

    package func publishes(_ page: Page) -> Bool {
        (drafts || !page.isDraft) && (internalPages || !page.isInternal)
    }

    /// True when no page is ever left out.
    package var publishesEverything: Bool { drafts && internalPages }
}

extension Page {
    /// Front matter `draft:` says the page is not ready to publish.
    package var isDraft: Bool {
        switch frontMatter["draft"] {
        case nil, .null?, .bool(false)?: return false
        default: return true
        }
    }

    /// Front matter `visibility:` says the page is for the team only.
    package var isInternal: Bool {
        switch frontMatter["visibility"] {
        case nil, .null?: return false
        case .string(let value)?: return value.lowercased() != "public"
        default: return true
        }
    }
}
