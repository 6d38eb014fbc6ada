/// The files of `templates/`, embedded at build time (`Sources/PlaybookRender/Theme` is a
/// symbolic link to it). SwiftPM flattens the names, so this table restores the paths; a test
/// checks that it lists every file of `templates/`.
enum DefaultTheme {
    static let files: [String: [UInt8]] = [
        "layout.mustache": PackageResources.layout_mustache,
        "page.mustache": PackageResources.page_mustache,
        "sidebar.mustache": PackageResources.sidebar_mustache,
        "nav.mustache": PackageResources.nav_mustache,
        "breadcrumbs.mustache": PackageResources.breadcrumbs_mustache,
        "list.mustache": PackageResources.list_mustache,
        "health.mustache": PackageResources.health_mustache,
        "search.mustache": PackageResources.search_mustache,
        "notfound.mustache": PackageResources.notfound_mustache,
        "kit.mustache": PackageResources.kit_mustache,
        "catalog.mustache": PackageResources.catalog_mustache,
        "catalog-entry.mustache": PackageResources.catalog_entry_mustache,
        "pagination.mustache": PackageResources.pagination_mustache,
        "assets/style.css": PackageResources.style_css,
        "assets/playbook.js": PackageResources.playbook_js,
        "assets/search.js": PackageResources.search_js,
        "assets/search-engine.js": PackageResources.search_engine_js,
        "assets/search.css": PackageResources.search_css,
    ]
}
