import PlaybookTemplate

/// `page` in the `page` template: one page of the handbook, its header, body and what follows it.
final class PageView {
    var title = ""
    var kind = ""
    var kindLabel = ""
    var body = ""
    var toc: [TocItemView] = []
    var hasToc = false
    var meta: [MetaItemView] = []
    var hasMeta = false
    var isTemplateDocument = false
    var isPlainPage = false
    var isDraft = false
    var isInternal = false
    var bodyHasTitle = false
    var hasChecklist = false
    var description: String?
    var editURL: String?
    var health: HealthRowView?
    var changed: ChangedView?
    var tags: [TagView] = []
    var hasTags = false
    var backlinks: [LinkView] = []
    var hasBacklinks = false
    var previous: LinkView?
    var next: LinkView?
    var hasPager = false
    var group: GroupBarView?
    var fromTemplate: LinkView?
    var templateSource: TemplateSourceView?
    var catalog: CatalogEntryView?
    /// The body's own `# Title`, moved to the top of the header.
    var titleHTML: String?
    /// On the home page: each section with its count.
    var overview: [ListItemView] = []
    var hasOverview = false
    /// The page's URL, which names its ticks in every edition, and this edition's folder.
    var checklistPage = ""
    var editionPrefix = ""
}

extension PageView: TemplateContext {
    static let templateFields: [String: TemplateBinding<PageView>] = [
        "title": .string { $0.title }, "kind": .string { $0.kind }, "kindLabel": .string { $0.kindLabel },
        "body": .string { $0.body }, "toc": .list { $0.toc }, "hasToc": .boolean { $0.hasToc },
        "meta": .list { $0.meta }, "hasMeta": .boolean { $0.hasMeta },
        "isTemplateDocument": .boolean { $0.isTemplateDocument }, "isPlainPage": .boolean { $0.isPlainPage },
        "isDraft": .boolean { $0.isDraft }, "isInternal": .boolean { $0.isInternal },
        "bodyHasTitle": .boolean { $0.bodyHasTitle }, "hasChecklist": .boolean { $0.hasChecklist },
        "description": .string { $0.description }, "editURL": .string { $0.editURL },
        "health": .object { $0.health }, "changed": .object { $0.changed }, "tags": .list { $0.tags },
        "hasTags": .boolean { $0.hasTags }, "backlinks": .list { $0.backlinks },
        "hasBacklinks": .boolean { $0.hasBacklinks }, "previous": .object { $0.previous },
        "next": .object { $0.next }, "hasPager": .boolean { $0.hasPager }, "group": .object { $0.group },
        "fromTemplate": .object { $0.fromTemplate }, "templateSource": .object { $0.templateSource },
        "catalog": .object { $0.catalog }, "titleHTML": .string { $0.titleHTML },
        "overview": .list { $0.overview }, "hasOverview": .boolean { $0.hasOverview },
        "checklistPage": .string { $0.checklistPage }, "editionPrefix": .string { $0.editionPrefix },
    ]
}

struct TocItemView: TemplateContext {
    var text: String
    var anchor: String
    var level: Int
    var sub: Bool

    static let templateFields: [String: TemplateBinding<TocItemView>] = [
        "text": .string { $0.text }, "anchor": .string { $0.anchor }, "level": .integer { $0.level },
        "sub": .boolean { $0.sub },
    ]
}

/// A front matter field shown in a header or card: `负责人 林晓`.
struct MetaItemView: TemplateContext {
    var label: String
    var value: String

    static let templateFields: [String: TemplateBinding<MetaItemView>] = [
        "label": .string { $0.label }, "value": .string { $0.value },
    ]
}

struct TagView: TemplateContext {
    var name: String
    var href: String

    static let templateFields: [String: TemplateBinding<TagView>] = [
        "name": .string { $0.name }, "href": .string { $0.href },
    ]
}

/// When a page last changed: `2026-11-28`, with git's full value for `<time datetime>`.
struct ChangedView: TemplateContext {
    var date: String
    var datetime: String

    static let templateFields: [String: TemplateBinding<ChangedView>] = [
        "date": .string { $0.date }, "datetime": .string { $0.datetime },
    ]
}

/// The bar of a group's own documents, atop its charter and the pages in its folder.
struct GroupBarView: TemplateContext {
    var sets: [GroupSetView]
    var title: String
    var kitHref: String?

    static let templateFields: [String: TemplateBinding<GroupBarView>] = [
        "sets": .list { $0.sets }, "title": .string { $0.title }, "kitHref": .string { $0.kitHref },
    ]
}

struct GroupSetView: TemplateContext {
    var label: String
    var items: [LinkView]

    static let templateFields: [String: TemplateBinding<GroupSetView>] = [
        "label": .string { $0.label }, "items": .list { $0.items },
    ]
}

/// For a document of a replication template: where a new group gets it, and the template.
struct TemplateSourceView: TemplateContext {
    var target: String
    var template: LinkView?

    static let templateFields: [String: TemplateBinding<TemplateSourceView>] = [
        "target": .string { $0.target }, "template": .object { $0.template },
    ]
}
