import PlaybookTemplate

/// `list` in the `list` template: a folder's pages and sub-folders, the tags, or one tag's pages.
struct ListView: TemplateContext {
    var title: String
    var items: [ListItemView]
    var isHome: Bool?
    var isTags: Bool?
    /// What the list holds, under its title (`12 个社群 · 3 篇 SOP`).
    var intro: String?
    var pagination: PaginationView?
    /// The home page's overview: each section with its count.
    var sections: [ListItemView]?
    var hasSections: Bool?

    static let templateFields: [String: TemplateBinding<ListView>] = [
        "title": .string { $0.title }, "items": .list { $0.items }, "isHome": .boolean { $0.isHome },
        "isTags": .boolean { $0.isTags }, "intro": .string { $0.intro }, "pagination": .object { $0.pagination },
        "sections": .list { $0.sections }, "hasSections": .boolean { $0.hasSections },
    ]
}

/// A card of a list: a page (kind, meta, description), a sub-folder or a tag (with its count).
struct ListItemView: TemplateContext {
    var title: String
    var href: String
    var kindLabel: String?
    var meta: [MetaItemView]?
    var hasMeta: Bool?
    /// The page's own description, else its first paragraph; never the site's.
    var summary: String?
    var folder: Bool?
    var count: Int?

    static let templateFields: [String: TemplateBinding<ListItemView>] = [
        "title": .string { $0.title }, "href": .string { $0.href }, "kindLabel": .string { $0.kindLabel },
        "meta": .list { $0.meta }, "hasMeta": .boolean { $0.hasMeta }, "summary": .string { $0.summary },
        "folder": .boolean { $0.folder }, "count": .integer { $0.count },
    ]
}

/// `health` in the `health` template: on `health/`, the network's summary (and every group when
/// there are few); on a folder's page, that folder's groups × elements and their findings.
struct HealthView: TemplateContext {
    var heading: String
    var columns: [HealthColumnView]
    var rows: [HealthRowView]
    var hasRows: Bool
    var withFindings: [HealthRowView]
    var hasFindings: Bool
    var gapCount: Int
    var summary: HealthSummaryView?
    var pagination: PaginationView?

    static let templateFields: [String: TemplateBinding<HealthView>] = [
        "heading": .string { $0.heading }, "columns": .list { $0.columns }, "rows": .list { $0.rows },
        "hasRows": .boolean { $0.hasRows }, "withFindings": .list { $0.withFindings },
        "hasFindings": .boolean { $0.hasFindings }, "gapCount": .integer { $0.gapCount },
        "summary": .object { $0.summary }, "pagination": .object { $0.pagination },
    ]
}

/// The top of `health/`: how many groups, how many complete, what each element lacks, the
/// trend, and the groups put together by folder, template and owner, neediest first.
struct HealthSummaryView: TemplateContext {
    var groups: Int
    var complete: Int
    var withErrors: Int
    var behind: Int
    var trend: String?
    var tallies: [HealthTallyView]
    var buckets: [HealthBucketView]
    var hasBuckets: Bool
    var neediest: [HealthNeedView]
    var hasNeediest: Bool
    var templates: [HealthGroupingView]
    var hasTemplates: Bool
    var owners: [HealthGroupingView]
    var hasOwners: Bool
    var rules: [HealthRuleView]
    var hasRules: Bool
    var shared: [HealthSharedView]
    var hasShared: Bool

    static let templateFields: [String: TemplateBinding<HealthSummaryView>] = [
        "groups": .integer { $0.groups }, "complete": .integer { $0.complete },
        "withErrors": .integer { $0.withErrors }, "behind": .integer { $0.behind }, "trend": .string { $0.trend },
        "tallies": .list { $0.tallies }, "buckets": .list { $0.buckets }, "hasBuckets": .boolean { $0.hasBuckets },
        "neediest": .list { $0.neediest }, "hasNeediest": .boolean { $0.hasNeediest },
        "templates": .list { $0.templates }, "hasTemplates": .boolean { $0.hasTemplates },
        "owners": .list { $0.owners }, "hasOwners": .boolean { $0.hasOwners }, "rules": .list { $0.rules },
        "hasRules": .boolean { $0.hasRules }, "shared": .list { $0.shared }, "hasShared": .boolean { $0.hasShared },
    ]
}

/// One element across the network: how many groups lack it or have it incomplete.
struct HealthTallyView: TemplateContext {
    var label: String
    var missing: Int
    var partial: Int
    var percent: Int

    static let templateFields: [String: TemplateBinding<HealthTallyView>] = [
        "label": .string { $0.label }, "missing": .integer { $0.missing }, "partial": .integer { $0.partial },
        "percent": .integer { $0.percent },
    ]
}

/// A folder of groups (a city): its counts and its health pages.
struct HealthBucketView: TemplateContext {
    var title: String
    var href: String
    var groups: Int
    var complete: Int
    var withErrors: Int
    var lacking: [HealthCountView]

    static let templateFields: [String: TemplateBinding<HealthBucketView>] = [
        "title": .string { $0.title }, "href": .string { $0.href }, "groups": .integer { $0.groups },
        "complete": .integer { $0.complete }, "withErrors": .integer { $0.withErrors },
        "lacking": .list { $0.lacking },
    ]
}

struct HealthCountView: TemplateContext {
    var count: Int
    var none: Bool

    static let templateFields: [String: TemplateBinding<HealthCountView>] = [
        "count": .integer { $0.count }, "none": .boolean { $0.none },
    ]
}

/// A group among the neediest of the network.
struct HealthNeedView: TemplateContext {
    var title: String
    var href: String
    var folder: String
    var healthHref: String
    var lacking: String
    var gaps: Int

    static let templateFields: [String: TemplateBinding<HealthNeedView>] = [
        "title": .string { $0.title }, "href": .string { $0.href }, "folder": .string { $0.folder },
        "healthHref": .string { $0.healthHref }, "lacking": .string { $0.lacking }, "gaps": .integer { $0.gaps },
    ]
}

/// Groups sharing a template or an owner.
struct HealthGroupingView: TemplateContext {
    var name: String
    var href: String?
    var groups: Int
    var incomplete: Int
    var behind: Int

    static let templateFields: [String: TemplateBinding<HealthGroupingView>] = [
        "name": .string { $0.name }, "href": .string { $0.href }, "groups": .integer { $0.groups },
        "incomplete": .integer { $0.incomplete }, "behind": .integer { $0.behind },
    ]
}

/// How often one rule fired across the groups' pages, with one of its messages.
struct HealthRuleView: TemplateContext {
    var rule: String
    var count: Int
    var severity: String
    var severityLabel: String
    var example: String

    static let templateFields: [String: TemplateBinding<HealthRuleView>] = [
        "rule": .string { $0.rule }, "count": .integer { $0.count }, "severity": .string { $0.severity },
        "severityLabel": .string { $0.severityLabel }, "example": .string { $0.example },
    ]
}

/// A page several groups count (a network-wide rules page), with its findings listed once.
struct HealthSharedView: TemplateContext {
    var title: String
    var href: String
    var findings: [FindingView]
    var more: Int?

    static let templateFields: [String: TemplateBinding<HealthSharedView>] = [
        "title": .string { $0.title }, "href": .string { $0.href }, "findings": .list { $0.findings },
        "more": .integer { $0.more },
    ]
}

/// Numbered links between the pages of a paged list (tags, folders, health), every page
/// reachable without script.
struct PaginationView: TemplateContext {
    var pages: [PageLinkView]
    var previous: String?
    var next: String?
    var current: Int
    var count: Int

    static let templateFields: [String: TemplateBinding<PaginationView>] = [
        "pages": .list { $0.pages }, "previous": .string { $0.previous }, "next": .string { $0.next },
        "current": .integer { $0.current }, "count": .integer { $0.count },
    ]
}

struct PageLinkView: TemplateContext {
    var number: Int
    var href: String
    var current: Bool

    static let templateFields: [String: TemplateBinding<PageLinkView>] = [
        "number": .integer { $0.number }, "href": .string { $0.href }, "current": .boolean { $0.current },
    ]
}

struct HealthColumnView: TemplateContext {
    var id: String
    var label: String

    static let templateFields: [String: TemplateBinding<HealthColumnView>] = [
        "id": .string { $0.id }, "label": .string { $0.label },
    ]
}

/// One group's row of the health matrix, also the chips atop its charter (`page.health`).
struct HealthRowView: TemplateContext {
    var title: String
    var href: String
    var cells: [HealthCellView]
    var id: String
    var complete: Bool
    var gaps: Int
    var behind: Bool
    var findings: [FindingView]
    var hasFindings: Bool
    var findingsHref: String
    var lineage: String?
    /// The ids of the columns it lacks, for the filter (`interest rules`).
    var lacking: String
    /// Findings of the group not listed here (`playbook check` lists them all); nil for none.
    var more: Int?

    static let templateFields: [String: TemplateBinding<HealthRowView>] = [
        "title": .string { $0.title }, "href": .string { $0.href }, "cells": .list { $0.cells },
        "id": .string { $0.id }, "complete": .boolean { $0.complete }, "gaps": .integer { $0.gaps },
        "behind": .boolean { $0.behind }, "findings": .list { $0.findings },
        "hasFindings": .boolean { $0.hasFindings }, "findingsHref": .string { $0.findingsHref },
        "lineage": .string { $0.lineage }, "lacking": .string { $0.lacking }, "more": .integer { $0.more },
    ]
}

struct HealthCellView: TemplateContext {
    var label: String
    var status: String
    var statusLabel: String
    var ok: Bool
    var note: String
    var href: String
    /// What to do, its first sentence; nil when there is nothing to do.
    var hint: String?

    static let templateFields: [String: TemplateBinding<HealthCellView>] = [
        "label": .string { $0.label }, "status": .string { $0.status }, "statusLabel": .string { $0.statusLabel },
        "ok": .boolean { $0.ok }, "note": .string { $0.note }, "href": .string { $0.href },
        "hint": .string { $0.hint },
    ]
}

struct FindingView: TemplateContext {
    var message: String
    var rule: String
    var href: String
    var location: String
    var severity: String
    var severityLabel: String
    var hint: String

    static let templateFields: [String: TemplateBinding<FindingView>] = [
        "message": .string { $0.message }, "rule": .string { $0.rule }, "href": .string { $0.href },
        "location": .string { $0.location }, "severity": .string { $0.severity },
        "severityLabel": .string { $0.severityLabel }, "hint": .string { $0.hint },
    ]
}

/// `kit` in the `kit` template: a group's documents on one printable page.
struct KitView: TemplateContext {
    var title: String
    var href: String
    var sections: [KitSectionView]
    var contents: [KitContentView]

    /// The title as a CSS string (`"杭州分会"`), for the printed sheets' running head.
    var cssTitle: String {
        var out = "\""
        for scalar in title.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static let templateFields: [String: TemplateBinding<KitView>] = [
        "title": .string { $0.title }, "href": .string { $0.href }, "sections": .list { $0.sections },
        "contents": .list { $0.contents }, "cssTitle": .string { $0.cssTitle },
    ]
}

struct KitSectionView: TemplateContext {
    var id: String
    var title: String
    var href: String
    var kindLabel: String
    var body: String
    var bodyHasTitle: Bool
    var meta: [MetaItemView]
    var hasMeta: Bool
    var lang: String?

    static let templateFields: [String: TemplateBinding<KitSectionView>] = [
        "id": .string { $0.id }, "title": .string { $0.title }, "href": .string { $0.href },
        "kindLabel": .string { $0.kindLabel }, "body": .string { $0.body },
        "bodyHasTitle": .boolean { $0.bodyHasTitle }, "meta": .list { $0.meta }, "hasMeta": .boolean { $0.hasMeta },
        "lang": .string { $0.lang },
    ]
}

struct KitContentView: TemplateContext {
    var id: String
    var title: String

    static let templateFields: [String: TemplateBinding<KitContentView>] = [
        "id": .string { $0.id }, "title": .string { $0.title },
    ]
}

/// A replication template in the catalog (and under its own page): its variables, the command
/// that starts a group from it, and the documents the group gets.
struct CatalogEntryView: TemplateContext {
    var name: String
    var title: String
    var href: String
    var version: String
    var description: String
    var variables: [CatalogVariableView]
    var hasVariables: Bool
    /// Nil for a template kept outside `templates/`, which `playbook new group` cannot read.
    var command: String?
    var files: [CatalogFileView]
    var hasFiles: Bool
    var slug: String

    static let templateFields: [String: TemplateBinding<CatalogEntryView>] = [
        "name": .string { $0.name }, "title": .string { $0.title }, "href": .string { $0.href },
        "version": .string { $0.version }, "description": .string { $0.description },
        "variables": .list { $0.variables }, "hasVariables": .boolean { $0.hasVariables },
        "command": .string { $0.command }, "files": .list { $0.files }, "hasFiles": .boolean { $0.hasFiles },
        "slug": .string { $0.slug },
    ]
}

struct CatalogVariableView: TemplateContext {
    var name: String
    var description: String
    var required: Bool
    var defaultValue: String
    var hasDefault: Bool
    var choices: String
    var hasChoices: Bool
    var example: String

    static let templateFields: [String: TemplateBinding<CatalogVariableView>] = [
        "name": .string { $0.name }, "description": .string { $0.description }, "required": .boolean { $0.required },
        "defaultValue": .string { $0.defaultValue }, "hasDefault": .boolean { $0.hasDefault },
        "choices": .string { $0.choices }, "hasChoices": .boolean { $0.hasChoices },
        "example": .string { $0.example },
    ]
}

struct CatalogFileView: TemplateContext {
    var path: String
    var href: String
    var kindLabel: String

    static let templateFields: [String: TemplateBinding<CatalogFileView>] = [
        "path": .string { $0.path }, "href": .string { $0.href }, "kindLabel": .string { $0.kindLabel },
    ]
}
