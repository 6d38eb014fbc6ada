// PlaybookRender: stage 4, RENDER. Turns the handbook into output files through the theme's
// Mustache templates. Pure: values in, `[OutputFile]` out; nothing here touches the disk.
import PlaybookModel

/// The words of the interface, in the site language. Templates read them as `t.<key>`.
public enum InterfaceText {
    public static func words(for language: Language) -> [String: String] {
        switch language {
        case .zhHans: return zhHans
        case .zhHant: return zhHant
        case .en: return en
        }
    }

    /// Section label for a kind, used in navigation and page headers.
    public static func kindLabel(_ kind: Kind, language: Language) -> String {
        let labels: [String: String]
        switch language {
        case .zhHans:
            labels = [
                "group": "社群档案", "rules": "群规", "onboarding": "入群流程", "sop": "SOP", "template": "复制模板",
                "page": "页面",
            ]
        case .zhHant:
            labels = [
                "group": "社群檔案", "rules": "群規", "onboarding": "入群流程", "sop": "SOP", "template": "複製模板",
                "page": "頁面",
            ]
        case .en:
            labels = [
                "group": "Groups", "rules": "Rules", "onboarding": "Onboarding", "sop": "SOPs", "template": "Templates",
                "page": "Pages",
            ]
        }
        return labels[kind.rawValue] ?? kind.rawValue
    }

    static let zhHans: [String: String] = [
        "home": "首页", "search": "搜索", "searchPlaceholder": "搜索手册…", "searchNoResults": "没有找到相关内容",
        "contents": "本页目录", "editPage": "编辑此页", "health": "健康度", "healthTitle": "社群健康度",
        "healthIntro": "每个社群档案是否写全了五要素，以及是否配有群规和入群流程。",
        "notFound": "页面不存在", "notFoundBody": "这个地址没有对应的页面。可以回到首页，或用搜索找找。",
        "inThisSection": "本栏目", "owner": "负责人", "platform": "平台", "cadence": "频率", "template": "来源模板",
        "version": "版本", "behind": "模板已更新", "upToDate": "与模板同步", "ok": "完整", "partial": "不完整",
        "missing": "缺失", "group": "社群", "menu": "菜单", "pages": "篇", "skip": "跳到正文",
        "sections": "栏目", "lineage": "模板", "checklistHint": "勾选状态只保存在本机浏览器中",
        "searchCount": "找到 {n} 个结果", "searchNone": "没有找到“{q}”。", "searchShorter": "试试更短的搜索：",
        "searchAll": "全部", "searchMore": "更多结果", "searchKinds": "按类型筛选",
        "searchLoadError": "搜索索引没有加载成功：请确认 search/ 文件夹和页面一起发布了。",
        "searchNoScript": "搜索需要启用 JavaScript。",
    ]

    static let zhHant: [String: String] = [
        "home": "首頁", "search": "搜尋", "searchPlaceholder": "搜尋手冊…", "searchNoResults": "沒有找到相關內容",
        "contents": "本頁目錄", "editPage": "編輯此頁", "health": "健康度", "healthTitle": "社群健康度",
        "healthIntro": "每個社群檔案是否寫全了五要素，以及是否配有群規和入群流程。",
        "notFound": "頁面不存在", "notFoundBody": "這個網址沒有對應的頁面。可以回到首頁，或用搜尋找找。",
        "inThisSection": "本欄目", "owner": "負責人", "platform": "平臺", "cadence": "頻率", "template": "來源模板",
        "version": "版本", "behind": "模板已更新", "upToDate": "與模板同步", "ok": "完整", "partial": "不完整",
        "missing": "缺失", "group": "社群", "menu": "選單", "pages": "篇", "skip": "跳到正文",
        "sections": "欄目", "lineage": "模板", "checklistHint": "勾選狀態只保存在本機瀏覽器中",
        "searchCount": "找到 {n} 個結果", "searchNone": "沒有找到「{q}」。", "searchShorter": "試試更短的搜尋：",
        "searchAll": "全部", "searchMore": "更多結果", "searchKinds": "按類型篩選",
        "searchLoadError": "搜尋索引沒有載入成功：請確認 search/ 資料夾和頁面一起發佈了。",
        "searchNoScript": "搜尋需要啟用 JavaScript。",
    ]

    static let en: [String: String] = [
        "home": "Home", "search": "Search", "searchPlaceholder": "Search the handbook…",
        "searchNoResults": "Nothing found", "contents": "On this page", "editPage": "Edit this page",
        "health": "Health", "healthTitle": "Group health",
        "healthIntro": "Whether each group charter covers the five elements, and has rules and an onboarding flow.",
        "notFound": "Page not found", "notFoundBody": "No page lives at this address. Go back home, or search.",
        "inThisSection": "In this section", "owner": "Owner", "platform": "Platform", "cadence": "Cadence",
        "template": "Template", "version": "Version", "behind": "template updated", "upToDate": "up to date",
        "ok": "complete", "partial": "incomplete", "missing": "missing", "group": "Group", "menu": "Menu",
        "pages": "pages", "skip": "Skip to content", "sections": "Sections", "lineage": "Template",
        "checklistHint": "Ticks are saved in this browser only",
        "searchCount": "{n} results", "searchNone": "Nothing found for “{q}”.", "searchShorter": "Try a shorter query:",
        "searchAll": "All", "searchMore": "More results", "searchKinds": "Filter by kind",
        "searchLoadError": "The search index did not load: check that the search/ folder was published with the pages.",
        "searchNoScript": "Search needs JavaScript.",
    ]
}
