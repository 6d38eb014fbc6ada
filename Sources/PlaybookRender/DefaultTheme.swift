/// The files of `templates/`, embedded at build time (`Sources/PlaybookRender/Theme` is a
/// symbolic link to it). SwiftPM flattens the names, so these tables restore the paths; a test
/// checks that they list every file of `templates/`.
enum DefaultTheme {
    static let templates: [ThemeTemplate: [UInt8]] = [
        .layout: PackageResources.layout_mustache,
        .page: PackageResources.page_mustache,
        .sidebar: PackageResources.sidebar_mustache,
        .nav: PackageResources.nav_mustache,
        .breadcrumbs: PackageResources.breadcrumbs_mustache,
        .list: PackageResources.list_mustache,
        .health: PackageResources.health_mustache,
        .search: PackageResources.search_mustache,
        .notFound: PackageResources.notfound_mustache,
        .kit: PackageResources.kit_mustache,
        .catalog: PackageResources.catalog_mustache,
        .catalogEntry: PackageResources.catalog_entry_mustache,
        .pagination: PackageResources.pagination_mustache,
    ]

    static let assets: [String: [UInt8]] = [
        "assets/style.css": PackageResources.style_css,
        "assets/playbook.js": PackageResources.playbook_js,
        "assets/search.js": PackageResources.search_js,
        "assets/search-engine.js": PackageResources.search_engine_js,
        "assets/search.css": PackageResources.search_css,
    ]

    /// The assets as a site sends them: the scripts without their comment lines, blank lines and
    /// indentation. The comments are for whoever reads `templates/assets/`; a reader's phone need
    /// not download them (the search page stays under 30 KB even at a server's fastest gzip
    /// level). Safe for these scripts: none holds a template literal, so every line that starts
    /// with `//` is a comment.
    static let servedAssets: [String: [UInt8]] = assets.reduce(into: [:]) { served, asset in
        served[asset.key] = asset.key.hasSuffix(".js") ? withoutCommentLines(asset.value) : asset.value
    }

    static func withoutCommentLines(_ script: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(script.count)
        for line in script.split(separator: 10, omittingEmptySubsequences: true) {
            let code = line.drop { $0 == 32 || $0 == 9 }
            if code.isEmpty || code.starts(with: [47, 47]) { continue }
            out += code
            out.append(10)
        }
        return out
    }

    /// Every embedded file by its path under `templates/`.
    static var files: [String: [UInt8]] {
        var files = assets
        for (template, bytes) in templates { files[template.file] = bytes }
        return files
    }
}
