/// Where a site's inputs live, relative to its root: what the load stage reads and what
/// `serve` and the language server watch. One list, so a folder added here is read and watched.
package enum SiteLayout {
    /// The site's settings and the checker's rules.
    package static let config = "playbook.yml"
    /// The playbooks and their assets.
    package static let content = "content"
    /// The site's overrides of theme files.
    package static let templates = "templates"
    /// Files copied into the site as they are.
    package static let staticFiles = "static"
    /// The folders read, in the order the load stage reads them.
    package static let folders = [content, templates, staticFiles]
    /// The findings `check` and `build` tolerate, when the site has the file
    /// (`check --write-baseline` writes it).
    package static let baseline = ".playbook-baseline.json"

    /// True for a site-relative path the site is built from: the config, a file in one of the
    /// folders, or one of `extra` (rule files named by `include:`). Hidden files never count.
    package static func isInput(_ path: String, extra: Set<String> = []) -> Bool {
        if isHidden(path) { return false }
        if path == config || extra.contains(path) { return true }
        return folders.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// True when a part of the path is hidden (starts with "."): never read, never watched.
    package static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// Glob patterns for an editor to watch on the language server's behalf: the config, the
    /// folders' files, the baseline, and YAML anywhere, because the rule files `include:` names
    /// are known only once the config is read and can sit anywhere in the site.
    package static var watchPatterns: [String] {
        ["**/" + config] + folders.map { "**/" + $0 + "/**" } + ["**/*.yml", "**/" + baseline]
    }
}
