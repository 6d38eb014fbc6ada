/// How a kind is named to people, in each interface language: as a noun in findings, hints and
/// schemas ("group charter"), and as the title of its part of the site in page headers,
/// navigation, the health view's columns and the search filters ("Groups").
///
/// The built-in kinds' labels are here; a site's `kinds.<name>.label` replaces a kind's (the
/// checker's rule reader does that), and the pipeline hands the site's labels to the render
/// stage in `SiteConfig.kindLabels`, so the checker and the site name a kind alike.
package struct KindLabel: Hashable, Sendable {
    package var noun: Localized
    package var title: Localized

    package init(noun: Localized, title: Localized) {
        self.noun = noun
        self.title = title
    }

    /// One label for both uses: what a site declares with `kinds.<name>.label`.
    package init(_ label: Localized) {
        self.init(noun: label, title: label)
    }

    /// The built-in kinds' labels.
    package static let defaults: [Kind: KindLabel] = [
        .group: KindLabel(
            noun: Localized("社群档案", "社群檔案", "group charter"), title: Localized("社群档案", "社群檔案", "Groups")),
        .rules: KindLabel(noun: Localized("群规", "群規", "group rules"), title: Localized("群规", "群規", "Rules")),
        .onboarding: KindLabel(
            noun: Localized("入群流程", "入群流程", "onboarding flow"), title: Localized("入群流程", "入群流程", "Onboarding")),
        .sop: KindLabel(noun: Localized("SOP", "SOP", "SOP"), title: Localized("SOP", "SOP", "SOPs")),
        .template: KindLabel(
            noun: Localized("复制模板", "複製模板", "replication template"),
            title: Localized("复制模板", "複製模板", "Templates")),
        .page: KindLabel(noun: Localized("页面", "頁面", "page"), title: Localized("页面", "頁面", "Pages")),
    ]
}

/// The labels of every kind a site knows, by kind.
package struct KindLabels: Hashable, Sendable {
    package var byKind: [Kind: KindLabel]

    package init(_ byKind: [Kind: KindLabel]) {
        self.byKind = byKind
    }

    package static let defaults = KindLabels(KindLabel.defaults)

    /// The title of `kind`'s part of the site in `language`; a kind nobody labelled (a page
    /// naming an unknown kind, which `check` reports) shows its name.
    package func title(_ kind: Kind, in language: Language) -> String {
        byKind[kind]?.title(language) ?? kind.rawValue
    }
}
