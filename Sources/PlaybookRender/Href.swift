import PlaybookModel

/// Links between output files. Every link to a page names its `index.html`, because a site
/// opened from disk (`file://`) shows a folder listing for a link that ends in `/`.
enum Href {
    /// The link from the page at URL `from` to the site path `to` (a pretty page URL such as
    /// `groups/hangzhou/`, the home page ``, or a file such as `assets/style.css`).
    static func to(_ to: String, from: String) -> String {
        let relative = Slug.relative(from: from, to: to)
        guard to.isEmpty || to.hasSuffix("/") else { return relative }
        return (relative == "./" ? "" : relative) + "index.html"
    }

    /// The folder holding the site root, from the page at `from`: `` at the top, `../../` below.
    static func root(from: String) -> String {
        let relative = Slug.relative(from: from, to: "")
        return relative == "./" ? "" : relative
    }
}
