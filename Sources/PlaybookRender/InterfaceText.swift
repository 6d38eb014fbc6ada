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

    static let zhHans: [String: String] = [
        "home": "首页", "editions": "简繁切换", "search": "搜索", "searchPlaceholder": "搜索手册…", "searchNoResults": "没有找到相关内容",
        "contents": "本页目录", "editPage": "编辑此页", "health": "健康度", "healthTitle": "社群健康度",
        "draft": "草稿：尚未发布，只在预览（serve）和 build --drafts 中出现",
        "internal": "内部页面：build --public 不发布",
        "healthIntro": "每个社群档案是否写全了五要素，以及是否配有群规和入群流程。",
        "notFound": "页面不存在", "notFoundBody": "这个地址没有对应的页面。可以回到首页，或用搜索找找。",
        "inThisSection": "本栏目", "owner": "负责人", "platform": "平台", "cadence": "频率", "template": "来源模板",
        "version": "版本", "behind": "模板已更新", "upToDate": "与模板同步", "ok": "完整", "partial": "不完整",
        "missing": "缺失", "group": "社群", "menu": "菜单", "pages": "篇", "skip": "跳到正文",
        "sections": "栏目", "lineage": "模板", "checklistHint": "勾选状态只保存在本机浏览器中",
        "searchCount": "找到 {n} 个结果", "searchNone": "没有找到“{q}”。", "searchShorter": "试试更短的搜索：",
        "searchAll": "全部", "searchMore": "更多结果", "searchKinds": "按类型筛选",
        "searchPartial": "没有页面包含全部的词，下面是包含大部分的页面。", "searchMissing": "缺少：",
        "searchSuggest": "试试：", "searchSeeAll": "查看全部 {n} 个结果", "searchAlso": "另见 {n} 个分会：",
        "searchLoadError": "搜索索引没有加载成功：请确认 search/ 文件夹和页面一起发布了。",
        "searchNoScript": "搜索需要启用 JavaScript。",
        "rules": "群规", "onboarding": "入群流程", "sops": "SOP", "kit": "工作包", "printKit": "打印工作包",
        "print": "打印或存为 PDF", "kitIntro": "本社群的档案、群规、入群流程和 SOP 按顺序放在一页，适合开会时打印或存成 PDF。",
        "tags": "标签", "tag": "标签", "noPageYet": "还没有这一页", "error": "错误", "warning": "提醒",
        "linkedFrom": "引用本页的页面", "previous": "上一篇", "next": "下一篇", "pager": "本栏目翻页",
        "changed": "更新于", "fromTemplate": "来自模板", "groupDocuments": "本社群的文档",
        "checklistDone": "已完成 {done} / {total}", "checklistReset": "清空勾选", "checklist": "清单进度",
        "templateSource": "这是复制模板里的文档，不是手册的一页：新社群会得到",
        "templateSourceFill":
            "其中 {{city}} 这样的占位符会换成开群时填写的值。", "useTemplate": "用这个模板开新社群",
        "command": "命令", "commandHint": "在手册仓库的根目录运行；把示例值换成新社群的，未给出的变量会逐个询问。",
        "variables": "变量", "variable": "变量", "meaning": "含义", "required": "必填", "defaultValue": "默认值",
        "choices": "可选值", "yes": "是", "no": "否", "whatGroupGets": "新社群得到的文档",
        "catalogIntro": "每个复制模板的变量、开新社群的命令，以及新社群会得到哪些文档。",
        "findingsTitle": "待处理的问题", "gapsFirst": "缺项最多的社群排在前面。", "gaps": "项待补",
        "complete": "五要素、群规和入群流程都已写全", "feed": "最近更新（Atom）", "healthOf": "健康度",
        "columnStatus": "状态",
    ]

    static let zhHant: [String: String] = [
        "home": "首頁", "editions": "簡繁切換", "search": "搜尋", "searchPlaceholder": "搜尋手冊…", "searchNoResults": "沒有找到相關內容",
        "contents": "本頁目錄", "editPage": "編輯此頁", "health": "健康度", "healthTitle": "社群健康度",
        "draft": "草稿：尚未發布，只在預覽（serve）和 build --drafts 中出現",
        "internal": "內部頁面：build --public 不發布",
        "healthIntro": "每個社群檔案是否寫全了五要素，以及是否配有群規和入群流程。",
        "notFound": "頁面不存在", "notFoundBody": "這個網址沒有對應的頁面。可以回到首頁，或用搜尋找找。",
        "inThisSection": "本欄目", "owner": "負責人", "platform": "平臺", "cadence": "頻率", "template": "來源模板",
        "version": "版本", "behind": "模板已更新", "upToDate": "與模板同步", "ok": "完整", "partial": "不完整",
        "missing": "缺失", "group": "社群", "menu": "選單", "pages": "篇", "skip": "跳到正文",
        "sections": "欄目", "lineage": "模板", "checklistHint": "勾選狀態只保存在本機瀏覽器中",
        "searchCount": "找到 {n} 個結果", "searchNone": "沒有找到「{q}」。", "searchShorter": "試試更短的搜尋：",
        "searchAll": "全部", "searchMore": "更多結果", "searchKinds": "按類型篩選",
        "searchPartial": "沒有頁面包含全部的詞，下面是包含大部分的頁面。", "searchMissing": "缺少：",
        "searchSuggest": "試試：", "searchSeeAll": "查看全部 {n} 個結果", "searchAlso": "另見 {n} 個分會：",
        "searchLoadError": "搜尋索引沒有載入成功：請確認 search/ 資料夾和頁面一起發佈了。",
        "searchNoScript": "搜尋需要啟用 JavaScript。",
        "rules": "群規", "onboarding": "入群流程", "sops": "SOP", "kit": "工作包", "printKit": "列印工作包",
        "print": "列印或存為 PDF", "kitIntro": "本社群的檔案、群規、入群流程和 SOP 按順序放在一頁，適合開會時列印或存成 PDF。",
        "tags": "標籤", "tag": "標籤", "noPageYet": "還沒有這一頁", "error": "錯誤", "warning": "提醒",
        "linkedFrom": "引用本頁的頁面", "previous": "上一篇", "next": "下一篇", "pager": "本欄目翻頁",
        "changed": "更新於", "fromTemplate": "來自模板", "groupDocuments": "本社群的文件",
        "checklistDone": "已完成 {done} / {total}", "checklistReset": "清空勾選", "checklist": "清單進度",
        "templateSource": "這是複製模板裡的文件，不是手冊的一頁：新社群會得到",
        "templateSourceFill":
            "其中 {{city}} 這樣的佔位符會換成開群時填寫的值。", "useTemplate": "用這個模板開新社群",
        "command": "命令", "commandHint": "在手冊倉庫的根目錄執行；把示例值換成新社群的，未給出的變數會逐個詢問。",
        "variables": "變數", "variable": "變數", "meaning": "含義", "required": "必填", "defaultValue": "預設值",
        "choices": "可選值", "yes": "是", "no": "否", "whatGroupGets": "新社群得到的文件",
        "catalogIntro": "每個複製模板的變數、開新社群的命令，以及新社群會得到哪些文件。",
        "findingsTitle": "待處理的問題", "gapsFirst": "缺項最多的社群排在前面。", "gaps": "項待補",
        "complete": "五要素、群規和入群流程都已寫全", "feed": "最近更新（Atom）", "healthOf": "健康度",
        "columnStatus": "狀態",
    ]

    static let en: [String: String] = [
        "home": "Home", "editions": "Script", "search": "Search", "searchPlaceholder": "Search the handbook…",
        "searchNoResults": "Nothing found", "contents": "On this page", "editPage": "Edit this page",
        "draft": "Draft: not published; shown only by the preview (serve) and build --drafts",
        "internal": "Internal page: build --public leaves it out",
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
        "searchPartial": "No page has every word; these have most of them.", "searchMissing": "Missing:",
        "searchSuggest": "Try:", "searchSeeAll": "See all {n} results", "searchAlso": "Also in {n} chapters:",
        "searchLoadError": "The search index did not load: check that the search/ folder was published with the pages.",
        "searchNoScript": "Search needs JavaScript.",
        "rules": "Rules", "onboarding": "Onboarding", "sops": "SOPs", "kit": "Kit", "printKit": "Print the kit",
        "print": "Print or save as PDF",
        "kitIntro":
            "The group's charter, rules, onboarding and SOPs on one page, in order: print it for a meeting or save it as PDF.",
        "tags": "Tags", "tag": "Tag", "noPageYet": "no page yet", "error": "error", "warning": "warning",
        "linkedFrom": "Linked from", "previous": "Previous", "next": "Next", "pager": "More in this section",
        "changed": "Changed", "fromTemplate": "From template", "groupDocuments": "This group's documents",
        "checklistDone": "{done} of {total} done", "checklistReset": "Clear ticks", "checklist": "Checklist progress",
        "templateSource": "A document of a replication template, not a page of the handbook: a new group gets it as",
        "templateSourceFill": "with placeholders such as {{city}} filled in when the group is started.",
        "useTemplate": "Start a group from this template",
        "command": "Command",
        "commandHint":
            "Run it at the root of the handbook's repository; replace the example values, and any variable not given is asked for.",
        "variables": "Variables", "variable": "Variable", "meaning": "Meaning", "required": "Required",
        "defaultValue": "Default", "choices": "Choices", "yes": "yes", "no": "no",
        "whatGroupGets": "What a new group gets",
        "catalogIntro":
            "Each replication template with its variables, the command that starts a group from it, and the documents the group gets.",
        "findingsTitle": "Findings to handle", "gapsFirst": "Groups with the most gaps come first.", "gaps": "gaps",
        "complete": "five elements, rules and onboarding all written", "feed": "Recently changed (Atom)",
        "healthOf": "Health", "columnStatus": "Status",
    ]
}
