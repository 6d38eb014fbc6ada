import PlaybookModel

/// A generated handbook of a whole network: thousands of groups in dozens of cities, each with
/// a charter and most with rules, an onboarding flow and an SOP, written as operators write
/// them in Simplified and Traditional Chinese; findings on most pages (missing elements, empty
/// sections, dead links), tags shared by thousands of pages, links whose text is in the other
/// script, pages shared by every group. Seeded: the same files on every machine.
public enum NetworkHandbook {
    static let cities: [(slug: String, name: String, traditional: Bool)] = [
        ("beijing", "北京", false), ("shanghai", "上海", false), ("guangzhou", "广州", false),
        ("shenzhen", "深圳", false), ("hangzhou", "杭州", false), ("chengdu", "成都", false),
        ("wuhan", "武汉", false), ("nanjing", "南京", false), ("xian", "西安", false), ("chongqing", "重庆", false),
        ("suzhou", "苏州", false), ("tianjin", "天津", false), ("changsha", "长沙", false),
        ("zhengzhou", "郑州", false), ("qingdao", "青岛", false), ("xiamen", "厦门", false),
        ("kunming", "昆明", false), ("dalian", "大连", false), ("hefei", "合肥", false), ("jinan", "济南", false),
        ("taipei", "臺北", true), ("taichung", "臺中", true), ("kaohsiung", "高雄", true),
        ("tainan", "臺南", true), ("hongkong", "香港", true), ("macau", "澳門", true),
    ]
    static let themes = ["读书会", "跑步群", "摄影社", "亲子共读", "桌游局", "咖啡同好", "徒步队", "英语角", "编程互助", "烘焙班"]
    static let themesHant = ["讀書會", "跑步群", "攝影社", "親子共讀", "桌遊局", "咖啡同好", "徒步隊", "英語角", "程式互助", "烘焙班"]
    static let owners = ["林晓", "苏青", "王磊", "陈静", "刘洋", "张敏", "赵琳", "黄蕾", "周航", "吴越", "陳怡君", "林志明"]
    static let platforms = ["微信群", "企业微信", "QQ群"]
    static let tags = ["新人", "值班", "线下活动", "打卡", "读书", "复盘"]

    /// `content/…` path → text, plus `playbook.yml`. `groups` charters in all.
    public static func files(groups: Int = 4_044, seed: UInt64 = 20) -> (config: String, content: [(String, String)]) {
        var random = SeededRandom(seed: seed)
        var content: [(String, String)] = []
        content.append(
            (
                "content/index.md",
                "---\ntitle: 城市社群网络手册\ndescription: 四千个社群共用的运营手册。\n---\n\n# 城市社群网络手册\n\n先读[总群规](/rules/network-rules.md)。\n"
            ))
        for n in 0..<20 {
            content.append(
                (
                    "content/rules/network-rules-\(n).md",
                    "---\ntitle: 总群规 \(n)\ntags: [值班]\n---\n\n## 昵称格式\n\n姓名-行业-城市。\n\n## 行为准则\n\n不刷屏，不发广告。\n\n## 奖励\n\n每月评选。\n\n## 惩罚\n\n（待填写）\n\n## 违规计数\n\n按月计。\n"
                ))
        }
        content.append(
            (
                "content/rules/network-rules.md",
                "---\ntitle: 总群规\ntags: [值班, 新人]\n---\n\n## 昵称格式\n\n姓名-行业-城市。\n\n## 行为准则\n\n不刷屏、不发违禁信息、不发广告。\n\n## 奖励\n\n打卡积分兑换书。\n\n## 惩罚\n\n警告、禁言、移出。\n\n## 违规计数\n\n每月清零。\n"
            ))
        for (slug, name, traditional) in cities {
            content.append(
                (
                    "content/groups/\(slug)/index.md",
                    "---\nkind: page\ntitle: \(name)社群\ndescription: \(name)的所有社群。\n---\n\n\(name)各社群的档案。\n"
                ))
        }
        for g in 0..<groups {
            let city = cities[g % cities.count]
            let hant = city.traditional
            let theme = (hant ? themesHant : themes)[Int(random.next() % UInt64(themes.count))]
            let folder = "content/groups/\(city.slug)/g\(g)"
            let title = "\(city.name)\(theme) \(g / cities.count + 1) 群"
            let owner = owners[Int(random.next() % UInt64(owners.count))]
            let platform = platforms[Int(random.next() % UInt64(platforms.count))]
            let tag = tags[Int(random.next() % UInt64(tags.count))]
            let hasRules = random.next() % 10 < 6
            let hasOnboarding = random.next() % 10 < 6
            let hasSOP = random.next() % 10 < 3
            var text = """
                ---
                kind: group
                title: "\(title)"
                owner: "\(owner)"
                platform: "\(platform)"
                template: city-chapter
                template_version: "1.\(g % 3).0"
                tags: [\(tag), 读书]
                ---

                本页是\(title)的\(hant ? "社群檔案" : "社群档案")，由 \(owner) 维护。请先读[\(hant ? "總群規" : "总群规")](/rules/network-rules.md)\(hasRules ? "和[\(hant ? "本群群規" : "本群群规")](rules.md)" : "")。


                """
            let headings =
                hant
                ? ["同好", "結構", "輸出", "運營", "複製"] : ["同好", "结构", "输出", "运营", "复制"]
            let bodies =
                hant
                ? [
                    "**定位**：在\(city.name)生活、每月讀完一本書的成年人。社群價值：有人陪著讀完。",
                    "成員與分工：群主 1 人、管理員 3 人。交流平臺：\(platform)。加入原則：讀完一本書並寫書評。管理規範見群規。",
                    "每月一篇共讀紀要，由領讀人整理。", "儀式感、參與感、組織感、歸屬感：每月開書儀式、每週共讀、打卡積分。",
                    "流程模板化：用 city-chapter 模板開新群，副群主帶新群。",
                ]
                : [
                    "**定位**：在\(city.name)生活、每月读完一本书的成年人。社群价值：有人陪着读完。",
                    "成员与分工：群主 1 人、管理员 3 人。交流平台：\(platform)。加入原则：读完一本书并写书评。管理规范见群规。",
                    "每月一篇共读纪要，由领读人整理。", "仪式感、参与感、组织感、归属感：每月开书仪式、每周共读、打卡积分。",
                    "流程模板化：用 city-chapter 模板开新群，副群主带新群。",
                ]
            for (index, heading) in headings.enumerated() {
                let roll = random.next() % 100
                if roll < 12 { continue }  // a missing element
                text += "## \(heading)\n\n"
                text += roll < 22 ? "（待填写）\n\n" : bodies[index] + "\n\n"
            }
            if g % 400 == 7 { text += "另见[旧版档案](old-charter.md)。\n" }  // a dead link
            content.append((folder + "/index.md", text))
            if hasRules {
                content.append(
                    (
                        folder + "/rules.md",
                        """
                        ---
                        kind: rules
                        title: "\(title)\(hant ? "群規" : "群规")"
                        tags: [\(tag)]
                        ---

                        以[\(hant ? "总群规" : "總群規")](/rules/network-rules.md)为底线。

                        ## 昵称格式

                        姓名-行业-\(city.name)。

                        ## 行为准则

                        不刷屏、不发广告。

                        ## 惩罚

                        警告 → 禁言 → 移出。

                        """
                    ))
            }
            if hasOnboarding {
                content.append(
                    (
                        folder + "/onboarding.md",
                        """
                        ---
                        kind: onboarding
                        title: "\(title)入群流程"
                        tags: [新人]
                        ---

                        ## 门槛

                        读完一本书并写书评。

                        ## 欢迎仪式

                        全群接龙欢迎。

                        ## 第1天

                        改昵称、自我介绍、读[群规](\(hasRules ? "rules.md" : "/rules/network-rules.md"))。

                        """
                    ))
            }
            if hasSOP {
                content.append(
                    (
                        folder + "/sops/meetup.md",
                        """
                        ---
                        kind: sop
                        title: "\(title)线下活动 SOP"
                        owner: "\(owner)"
                        tags: [线下活动]
                        ---

                        ## 目的

                        每月见一次面。

                        ## 步骤

                        - [ ] 订场地
                        - [ ] 发报名表
                        - [ ] 活动复盘

                        """
                    ))
            }
        }
        let config = "title: 城市社群网络手册\nlanguage: zh-Hans\n"
        return (config, content)
    }

    /// The files as the load stage would hand them over.
    public static func site(groups: Int = 4_044, seed: UInt64 = 20) -> SiteFiles {
        let (config, content) = files(groups: groups, seed: seed)
        return SiteFiles(
            config: config,
            content: content.sorted { $0.0 < $1.0 }.map { RawFile(path: $0.0, bytes: Array($0.1.utf8)) })
    }
}
