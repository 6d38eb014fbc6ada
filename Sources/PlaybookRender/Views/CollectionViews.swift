/// `list` in the `list` template: a folder's pages and sub-folders, the tags, or one tag's pages.
struct ListView: TemplateContext {
    var title: String
    var items: [ListItemView]
    var isHome: Bool?
    var isTags: Bool?

    static let templateFields: [String: TemplateBinding<ListView>] = [
        "title": .string { $0.title }, "items": .list { $0.items }, "isHome": .boolean { $0.isHome },
        "isTags": .boolean { $0.isTags },
    ]
}

/// A card of a list: a page (kind, meta, description), a sub-folder or a tag (with its count).
struct ListItemView: TemplateContext {
    var title: String
    var href: String
    var kindLabel: String?
    var meta: [MetaItemView]?
    var hasMeta: Bool?
    var description: String?
    var folder: Bool?
    var count: Int?

    static let templateFields: [String: TemplateBinding<ListItemView>] = [
        "title": .string { $0.title }, "href": .string { $0.href }, "kindLabel": .string { $0.kindLabel },
        "meta": .list { $0.meta }, "hasMeta": .boolean { $0.hasMeta }, "description": .string { $0.description },
        "folder": .boolean { $0.folder }, "count": .integer { $0.count },
    ]
}

/// `health` in the `health` template: the groups × elements matrix and each group's findings.
struct HealthView: TemplateContext {
    var columns: [HealthColumnView]
    var rows: [HealthRowView]
    var hasRows: Bool
    var withFindings: [HealthRowView]
    var hasFindings: Bool
    var gapCount: Int

    static let templateFields: [String: TemplateBinding<HealthView>] = [
        "columns": .list { $0.columns }, "rows": .list { $0.rows }, "hasRows": .boolean { $0.hasRows },
        "withFindings": .list { $0.withFindings }, "hasFindings": .boolean { $0.hasFindings },
        "gapCount": .integer { $0.gapCount },
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

    static let templateFields: [String: TemplateBinding<HealthRowView>] = [
        "title": .string { $0.title }, "href": .string { $0.href }, "cells": .list { $0.cells },
        "id": .string { $0.id }, "complete": .boolean { $0.complete }, "gaps": .integer { $0.gaps },
        "behind": .boolean { $0.behind }, "findings": .list { $0.findings },
        "hasFindings": .boolean { $0.hasFindings }, "findingsHref": .string { $0.findingsHref },
        "lineage": .string { $0.lineage },
    ]
}

struct HealthCellView: TemplateContext {
    var label: String
    var status: String
    var statusLabel: String
    var ok: Bool
    var note: String
    var href: String

    static let templateFields: [String: TemplateBinding<HealthCellView>] = [
        "label": .string { $0.label }, "status": .string { $0.status }, "statusLabel": .string { $0.statusLabel },
        "ok": .boolean { $0.ok }, "note": .string { $0.note }, "href": .string { $0.href },
    ]
}

struct FindingView: TemplateContext {
    var message: String
    var rule: String
    var href: String
    var location: String
    var severity: String
    var severityLabel: String

    static let templateFields: [String: TemplateBinding<FindingView>] = [
        "message": .string { $0.message }, "rule": .string { $0.rule }, "href": .string { $0.href },
        "location": .string { $0.location }, "severity": .string { $0.severity },
        "severityLabel": .string { $0.severityLabel },
    ]
}

/// `kit` in the `kit` template: a group's documents on one printable page.
struct KitView: TemplateContext {
    var title: String
    var href: String
    var sections: [KitSectionView]
    var contents: [KitContentView]

    static let templateFields: [String: TemplateBinding<KitView>] = [
        "title": .string { $0.title }, "href": .string { $0.href }, "sections": .list { $0.sections },
        "contents": .list { $0.contents },
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
    var command: String
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
