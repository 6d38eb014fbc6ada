import PlaybookModel

/// Every rule id a rule set can report, with a one-line description, for config validation,
/// SARIF rule metadata and `check --list-rules`.
package enum RuleCatalog {
    /// Rules every page is checked by, whatever its kind.
    static let pageRules: [(id: String, text: Localized)] = [
        ("page.unknown-kind", Localized("页面类型必须已知", "頁面類型必須已知", "the page's kind is known")),
        ("page.title", Localized("页面要有标题", "頁面要有標題", "the page has a title")),
        ("page.broken-link", Localized("站内链接指向存在的页面", "站內連結指向存在的頁面", "internal links point at pages that exist")),
        (
            "page.unpublished-link",
            Localized("发布的页面不链接到不发布的页面", "發布的頁面不連結到不發布的頁面", "published pages do not link to pages left out")
        ),
        (
            "page.missing-file",
            Localized("图片和链接到的文件存在", "圖片和連結到的檔案存在", "images and linked files exist")
        ),
        (
            "page.wikilink",
            Localized(
                "不用 wiki 链接 [[…]]，用 Markdown 链接", "不用 wiki 連結 [[…]]，用 Markdown 連結",
                "links are Markdown links, not [[wiki links]]")
        ),
        (
            "page.link-syntax",
            Localized("链接的方括号和圆括号是半角的", "連結的方括號和圓括號是半形的", "links use ASCII brackets and parentheses")
        ),
        ("page.broken-anchor", Localized("链接的 #锚点 存在", "連結的 #錨點 存在", "linked #anchors exist")),
        ("page.duplicate-url", Localized("两个文件不能生成同一个网址", "兩個檔案不能產生同一個網址", "no two files produce the same URL")),
        (
            "page.colliding-url",
            Localized(
                "两个文件的网址不能只差大小写或 Unicode 规范化形式", "兩個檔案的網址不能只差大小寫或 Unicode 正規化形式",
                "no two files produce URLs that differ only by letter case or Unicode normalisation")
        ),
        ("page.conflict-markers", Localized("没有未解决的合并冲突标记", "沒有未解決的合併衝突標記", "no unresolved merge conflict markers")),
        (
            "page.mixed-script",
            Localized("正文只用一种字体（简体或繁体）", "正文只用一種字體（簡體或繁體）", "prose is written in one script, Simplified or Traditional")
        ),
        (
            "frontmatter.required",
            Localized("必填的 front matter 字段已填写", "必填的 front matter 欄位已填寫", "required front matter fields are present")
        ),
        (
            "frontmatter.type",
            Localized("front matter 字段的类型正确", "front matter 欄位的類型正確", "front matter fields have the right type")
        ),
        (
            "frontmatter.choice",
            Localized("front matter 字段取允许的值", "front matter 欄位取允許的值", "front matter fields take an allowed value")
        ),
        (
            "template.undeclared-variable",
            Localized("模板用到的占位符都已声明", "模板用到的佔位符都已宣告", "every placeholder a template uses is declared")
        ),
        (
            "template.unused-variable",
            Localized("模板声明的变量都被用到", "模板宣告的變數都被用到", "every declared template variable is used")
        ),
        (
            "template.unknown-filter",
            Localized(
                "模板的占位符只用已知的过滤器", "模板的佔位符只用已知的過濾器",
                "template placeholders use only known filters (slug, lower, upper, trim)")
        ),
        (
            "template.variables",
            Localized("模板的 variables 写法正确", "模板的 variables 寫法正確", "a template's variables are well formed")
        ),
        ("group.unknown-template", Localized("社群档案引用的模板存在", "社群檔案引用的模板存在", "the template a group names exists")),
        (
            "group.template-version",
            Localized(
                "社群档案记录的模板版本不超过模板本身", "社群檔案記錄的模板版本不超過模板本身",
                "the template version a group records is not ahead of the template")
        ),
    ]

    /// Every rule id `rules` can report, sorted.
    package static func ids(for rules: RuleSet) -> [String] {
        entries(for: rules).map(\.id)
    }

    /// Every rule with its description in `language`, sorted by id.
    package static func entries(for rules: RuleSet, language: Language = .en) -> [(id: String, description: String)] {
        var out: [String: String] = [:]
        for rule in pageRules { out[rule.id] = rule.text(language) }
        for schema in rules.kinds.values {
            let kind = schema.label.noun(language)
            if !schema.sections.isEmpty {
                out["\(schema.name).missing-section"] = language.pick(
                    "\(kind)写全必需的各节", "\(kind)寫全必需的各節", "\(kind): every required section is present")
                out["\(schema.name).empty-section"] = language.pick(
                    "\(kind)的必需各节不是空的", "\(kind)的必需各節不是空的", "\(kind): the required sections are not empty")
            }
            for section in schema.sections {
                let label = section.label(language)
                if !section.parts.isEmpty {
                    out["\(schema.name).\(section.id)-part"] = language.pick(
                        "「\(label)」覆盖它的各个部分", "「\(label)」覆蓋它的各個部分", "“\(label)” covers each of its parts")
                }
                if let terms = section.terms {
                    out["\(schema.name).\(terms.rule)"] = language.pick(
                        "「\(label)」至少写到 \(terms.atLeast) 项", "「\(label)」至少寫到 \(terms.atLeast) 項",
                        "“\(label)” names at least \(terms.atLeast) of its terms")
                }
                if let list = section.list {
                    out["\(schema.name).\(section.id)"] = language.pick(
                        "「\(label)」是至少 \(list.minItems) 项的列表", "「\(label)」是至少 \(list.minItems) 項的列表",
                        "“\(label)” is a list of at least \(list.minItems) items")
                    if list.timeOrder {
                        out["\(schema.name).step-order"] = language.pick(
                            "步骤按时间顺序排列", "步驟按時間順序排列", "steps are in time order")
                        out["\(schema.name).step-time"] = language.pick(
                            "每一步写明时间", "每一步寫明時間", "each step says when it happens")
                        out["\(schema.name).step-owner"] = language.pick(
                            "每一步写明负责人", "每一步寫明負責人", "each step names its owner")
                    }
                }
                if let levels = section.levels {
                    out["\(schema.name).\(levels.rule)"] = language.pick(
                        "「\(label)」至少分 \(levels.atLeast) 级", "「\(label)」至少分 \(levels.atLeast) 級",
                        "“\(label)” has at least \(levels.atLeast) graded levels")
                }
                for mention in section.mentions {
                    out["\(schema.name).\(mention.rule)"] = language.pick(
                        "「\(label)」包含\(mention.label(language))", "「\(label)」包含\(mention.label(language))",
                        "“\(label)” includes \(mention.label(language))")
                }
            }
            for alternative in schema.alternatives {
                out["\(schema.name).\(alternative.rule)"] = language.pick(
                    "\(kind)写明\(alternative.label(language))", "\(kind)寫明\(alternative.label(language))",
                    "\(kind): states \(alternative.label(language))")
            }
        }
        return out.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
