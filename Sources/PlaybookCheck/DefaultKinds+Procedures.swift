import PlaybookModel

extension DefaultKinds {
    static let onboarding = KindSchema(
        name: "onboarding", label: KindLabel.defaults[.onboarding]!,
        fields: [owner, FieldSpec(name: "platform")],
        sections: [
            SectionSpec(
                id: "threshold", label: Localized("入群门槛", "入群門檻", "Threshold"),
                aliases: [
                    "入群门槛", "入团门槛", "入会门槛", "门槛", "准入", "加入条件", "入群条件", "threshold", "admission", "entry requirements",
                    "joining rule",
                ],
                hint: Localized(
                    "写清入群要满足什么：付费、作品或邀请，绝不零门槛。没有门槛，成员之间就没有共同的价值观。",
                    "寫清入群要滿足什麼：付費、作品或邀請，絕不零門檻。沒有門檻，成員之間就沒有共同的價值觀。",
                    "Say what a newcomer must meet to join: payment, a work sample or an invitation, never zero threshold. With no threshold, members share no values."
                )),
            SectionSpec(
                id: "steps", label: Localized("流程", "流程", "Steps"),
                aliases: ["流程", "步骤", "入群流程", "新人流程", "时间线", "steps", "process", "flow", "timeline", "procedure"],
                hint: Localized(
                    "用一个有序列表，按时间顺序写出新人经历的每一步，每步以时间开头，例如 `1. **第1天 入群当天** 欢迎仪式`。",
                    "用一個有序列表，按時間順序寫出新人經歷的每一步，每步以時間開頭，例如 `1. **第1天 入群當天** 歡迎儀式`。",
                    "Write each step a newcomer goes through as one ordered list in time order, each starting with its time, such as `1. **Day 1** welcome ritual`."
                ),
                list: .init(ordered: true, minItems: 2, timeOrder: true),
                mentions: [
                    .init(
                        rule: "welcome", label: Localized("欢迎", "歡迎", "welcome"), terms: ["欢迎", "迎新", "welcome"],
                        hint: Localized(
                            "加一步欢迎仪式，例如全群接龙欢迎。新人第一天感受到的仪式感，决定他会不会留下。",
                            "加一步歡迎儀式，例如全群接龍歡迎。新人第一天感受到的儀式感，決定他會不會留下。",
                            "Add a welcome ritual step, such as the whole group greeting the newcomer. The ritual of the first day decides whether they stay."
                        )),
                    .init(
                        rule: "rules-ack", label: Localized("阅读并确认群规", "閱讀並確認群規", "reading and accepting the rules"),
                        terms: ["群规", "团规", "会规", "规则", "守则", "公约", "rules", "code of conduct", "guidelines"],
                        hint: Localized(
                            "加一步请新人阅读群规并回复确认。没有人读过的群规等于没有群规。",
                            "加一步請新人閱讀群規並回覆確認。沒有人讀過的群規等於沒有群規。",
                            "Add a step where the newcomer reads the rules and says they accept them. Rules nobody has read are no rules."
                        )),
                ]),
        ])

    static let sop = KindSchema(
        name: "sop", label: KindLabel.defaults[.sop]!,
        fields: [
            owner,
            FieldSpec(name: "cadence", description: Localized("频率", "頻率", "how often it runs"), example: "每天 daily"),
            FieldSpec(name: "trigger", description: Localized("触发条件", "觸發條件", "what starts it")),
            FieldSpec(name: "platform"),
        ],
        sections: [
            SectionSpec(
                id: "purpose", label: Localized("目的", "目的", "Purpose"),
                aliases: ["目的", "目标", "为什么", "purpose", "why", "goal", "goals", "objective"],
                hint: Localized(
                    "写这个程序为什么存在、解决什么问题。不知道目的的步骤，执行的人会走样。",
                    "寫這個程序為什麼存在、解決什麼問題。不知道目的的步驟，執行的人會走樣。",
                    "Say why this procedure exists and what it solves. Steps without a purpose drift when others run them."
                )),
            SectionSpec(
                id: "roles", label: Localized("角色", "角色", "Roles"),
                aliases: ["角色", "分工", "负责人", "人员", "roles", "role", "who", "owners", "responsibilities"],
                hint: Localized(
                    "写谁负责、谁执行、谁协助。没有写明角色的程序，最后只有群主一个人在做。",
                    "寫誰負責、誰執行、誰協助。沒有寫明角色的程序，最後只有群主一個人在做。",
                    "Say who owns, who runs and who helps. A procedure without roles ends up done by the leader alone."
                )),
            SectionSpec(
                id: "steps", label: Localized("步骤", "步驟", "Steps"),
                aliases: ["步骤", "流程", "操作步骤", "执行步骤", "执行流程", "steps", "procedure", "process", "how"],
                hint: Localized(
                    "用有序列表写出至少两步，按执行顺序排列，每步一个动作。",
                    "用有序列表寫出至少兩步，按執行順序排列，每步一個動作。",
                    "Write at least two steps as an ordered list, in the order they are done, one action each."
                ),
                list: .init(ordered: true, minItems: 2)),
            SectionSpec(
                id: "metrics", label: Localized("指标", "指標", "Metrics"),
                aliases: ["指标", "成效", "衡量", "效果评估", "数据", "metrics", "metric", "measures", "kpi", "kpis", "success"],
                hint: Localized(
                    "写怎样衡量成功：活跃度、留存率、转化率或新增。没有指标，就不知道这个程序是否有用。",
                    "寫怎樣衡量成功：活躍度、留存率、轉化率或新增。沒有指標，就不知道這個程序是否有用。",
                    "Say how success is measured: activity, retention, conversion or growth. Without metrics nobody knows whether the procedure works."
                )),
            SectionSpec(
                id: "cadence", label: Localized("触发与频率", "觸發與頻率", "Trigger and cadence"),
                aliases: [
                    "触发", "频率", "时机", "周期", "触发条件", "trigger", "triggers", "cadence", "frequency", "when", "schedule",
                ],
                required: false),
        ],
        alternatives: [
            Alternative(
                rule: "cadence", label: Localized("触发条件或频率", "觸發條件或頻率", "trigger or cadence"),
                fields: ["cadence", "trigger"], sections: ["cadence"],
                hint: Localized(
                    "在 front matter 写 `cadence: 每天` 或 `trigger: 新群建立时`，或加一节「触发 Trigger」。不写什么时候做，程序就不会被按时执行。",
                    "在 front matter 寫 `cadence: 每天` 或 `trigger: 新群建立時`，或加一節「觸發 Trigger」。不寫什麼時候做，程序就不會被按時執行。",
                    "Write `cadence: daily` or `trigger: when a new group opens` in the front matter, or add a “Trigger” section. A procedure that never says when it runs is not run on time."
                ))
        ])

    static let template = KindSchema(
        name: "template", label: KindLabel.defaults[.template]!,
        fields: [
            FieldSpec(
                name: "version", type: .version, required: true,
                description: Localized("模板版本", "模板版本", "the template's version"), example: "1.0.0"),
            FieldSpec(
                name: "variables", type: .any,
                description: Localized("占位符变量（列表或映射）", "佔位符變數（列表或映射）", "declared placeholders (a list or a mapping)")),
            FieldSpec(name: "owner"),
        ])

    static let page = KindSchema(name: "page", label: KindLabel.defaults[.page]!)
}
