/// The fixture corpus: one passing document per kind in Simplified, Traditional and English
/// headings, laid out line for line alike so a failing variant is reported at the same line
/// in every script. Failing variants are made by the rule suites with `replacing(_:with:)`.
enum Fixtures {
    static func group(_ script: Script) -> String {
        switch script {
        case .simplified:
            return """
                ---
                kind: group
                title: 杭州读书会
                owner: 林晓
                ---

                ## 一、同好 Shared interest
                在杭州、每月读完一本书的成年人。

                ## 二、结构 Structure
                ### 成员与分工
                群主一人，副群主两人。
                ### 交流平台
                微信群。
                ### 加入原则与门槛
                写一篇书评。
                ### 管理规范
                执行群规。

                ## 三、输出 Output
                每周共读纪要。

                ## 四、运营 Operations
                仪式感、参与感、组织感、归属感。

                ## 五、复制 Replication
                培养副群主，按模板开新分会。

                """
        case .traditional:
            return """
                ---
                kind: group
                title: 台北讀書會
                owner: 陳怡君
                ---

                ## 一、同好
                在台北、每月讀完一本書的成年人。

                ## (二) 結構
                ### 成員與分工
                群主一人，副群主兩人。
                ### 交流平臺
                Discord。
                ### 加入原則與門檻
                寫一篇書評。
                ### 管理規範
                執行群規。

                ## 第三部分 輸出
                每週共讀紀要。

                ## 四、運營 🎉
                儀式感、參與感、組織感、歸屬感。

                ## 五、複製
                培養副群主，按模板開新分會。

                """
        case .english:
            return """
                ---
                kind: group
                title: Berlin reading club
                owner: Anna
                ---

                ## 1. Shared interest
                Adults in Berlin who finish a book a month.

                ## 2. Structure
                ### Members and roles
                One lead, two co-leads.
                ### Platform
                Discord.
                ### Joining rule and threshold
                Write a review.
                ### Management rules
                The group rules apply.

                ## 3. Output
                Weekly reading notes.

                ## 4. Operations
                Ritual, participation, organisation and belonging.

                ## 5. Replication
                Train co-leads; clone the template for new chapters.

                """
        }
    }

    static func rules(_ script: Script) -> String {
        switch script {
        case .simplified:
            return """
                ---
                kind: rules
                title: 群规
                ---

                ## 昵称格式 Nickname format
                姓名-行业-城市。

                ## 行为准则 Conduct
                不刷屏，不发广告。

                ## 奖励 Rewards
                打卡积分。

                ## 惩罚 Penalties
                1. 警告
                2. 禁言
                3. 移出

                """
        case .traditional:
            return """
                ---
                kind: rules
                title: 群規
                ---

                ## 暱稱格式
                姓名-行業-城市。

                ## 行為準則
                不刷屏，不發廣告。

                ## 獎勵
                打卡積分。

                ## 懲罰
                1. 警告
                2. 禁言
                3. 移出

                """
        case .english:
            return """
                ---
                kind: rules
                title: Group rules
                ---

                ## Nickname format
                Name-industry-city.

                ## Code of conduct
                No flooding, no ads.

                ## Rewards
                Check-in points.

                ## Penalties
                1. Warning
                2. Mute
                3. Removal

                """
        }
    }

    static func onboarding(_ script: Script) -> String {
        switch script {
        case .simplified:
            return """
                ---
                kind: onboarding
                title: 入群流程
                owner: 林晓
                ---

                ## 入群门槛 Threshold
                写一篇书评。

                ## 流程 Steps
                1. **第1天 入群当天** 负责人：新人官，发欢迎话术。
                2. **第2天** 负责人：新人官，请新人阅读群规。
                3. **第7天** 负责人：新人官，私聊回访。

                """
        case .traditional:
            return """
                ---
                kind: onboarding
                title: 入群流程
                owner: 陳怡君
                ---

                ## 入群門檻
                寫一篇書評。

                ## 步驟
                1. **第1天 入群當天** 負責人：新人官，發歡迎話術。
                2. **第2天** 負責人：新人官，請新人閱讀群規。
                3. **第2週** 負責人：新人官，私聊回訪。

                """
        case .english:
            return """
                ---
                kind: onboarding
                title: Onboarding
                owner: Anna
                ---

                ## Threshold
                Write a review.

                ## Steps
                1. **Day 1** owner: host; post the welcome message.
                2. **Day 2** owner: host; ask them to read the rules.
                3. **Week 2** owner: host; follow up in private.

                """
        }
    }

    static func sop(_ script: Script) -> String {
        switch script {
        case .simplified:
            return """
                ---
                kind: sop
                title: 日常运营
                owner: 值班管理员
                cadence: 每天
                ---

                ## 目的 Purpose
                让群每天有固定节奏。

                ## 角色 Roles
                值班管理员。

                ## 步骤 Steps
                1. 08:00 发早报。
                2. 21:00 发晚间总结。

                ## 指标 Metrics
                活跃度。

                """
        case .traditional:
            return """
                ---
                kind: sop
                title: 日常運營
                owner: 值班管理員
                cadence: 每天
                ---

                ## 目的
                讓群每天有固定節奏。

                ## 角色
                值班管理員。

                ## 步驟
                1. 08:00 發早報。
                2. 21:00 發晚間總結。

                ## 指標
                活躍度。

                """
        case .english:
            return """
                ---
                kind: sop
                title: Daily operations
                owner: Admin on duty
                cadence: daily
                ---

                ## Purpose
                Give the group a daily rhythm.

                ## Roles
                Admin on duty.

                ## Steps
                1. 08:00 morning post.
                2. 21:00 evening summary.

                ## Metrics
                Activity.

                """
        }
    }

    /// A template declaring `city` and `owner`, and one document that uses both.
    static func template(_ script: Script) -> [String: String] {
        let heading: String
        switch script {
        case .simplified: heading = "## 同好"
        case .traditional: heading = "## 同好 簡介"
        case .english: heading = "## Shared interest"
        }
        return [
            "content/templates/city/index.md": """
            ---
            kind: template
            title: City chapter
            version: 1.2.0
            variables:
              - name: city
                required: true
              - name: owner
                required: true
            ---
            Clone me.

            """,
            "content/templates/city/files/index.md": """
            ---
            kind: page
            title: "{{city}}"
            owner: "{{owner}}"
            ---
            \(heading)
            {{city}} {{ owner | upper }}

            """,
        ]
    }
}
