import PlaybookModel

/// The built-in kinds, from the domain brief (shared/domain/community-playbooks.md): the five
/// elements of a group, the parts of group rules, the onboarding flow, the 5W1H of an SOP and
/// the replication template. Aliases are written in Simplified and English; Traditional
/// headings match through script folding, and a few Traditional-only words are listed too.
enum DefaultKinds {
    static let all: [KindSchema] = [group, rules, onboarding, sop, template, page]

    static let owner: FieldSpec = {
        var field = FieldSpec(
            name: "owner", required: true,
            description: Localized("负责人", "負責人", "the person who owns this playbook"),
            example: "林晓")
        field.localizedExample = Localized("林晓", "陳怡君", "Lin Xiao")
        return field
    }()

    static let group = KindSchema(
        name: "group", label: KindLabel.defaults[.group]!,
        fields: [
            owner,
            FieldSpec(name: "platform", description: Localized("交流平台", "交流平臺", "the chat platform")),
            FieldSpec(
                name: "template", description: Localized("复制自哪个模板", "複製自哪個模板", "the template it was cloned from")),
            FieldSpec(
                name: "template_version", type: .version,
                description: Localized("复制时模板的版本", "複製時模板的版本", "the template version it was cloned from")),
        ],
        sections: [
            SectionSpec(
                id: "interest", label: Localized("同好", "同好", "Shared interest"),
                aliases: ["同好", "定位", "社群定位", "目标成员", "社群价值", "shared interest", "interest", "positioning"],
                hint: Localized(
                    "写清这个群聚集谁（目标成员、定位）、围绕什么聚在一起，以及成员能得到的价值。同好决定一个群该不该存在：没有共同的兴趣和价值，成员聚不起来，群会沦为广告堆。",
                    "寫清這個群聚集誰（目標成員、定位）、圍繞什麼聚在一起，以及成員能得到的價值。同好決定一個群該不該存在：沒有共同的興趣和價值，成員聚不起來，群會淪為廣告堆。",
                    "Say who the group gathers (target members), around what, and the value members get. Shared interest decides whether the group should exist at all: without it members share nothing and the group becomes an ad dump."
                )),
            SectionSpec(
                id: "structure", label: Localized("结构", "結構", "Structure"),
                aliases: ["结构", "架构", "组织结构", "组织架构", "社群结构", "structure"],
                hint: Localized(
                    "写出结构的四个部分：成员与分工、交流平台、加入原则与门槛、管理规范。结构决定群能不能活下去：只有一个群主、没有门槛和规矩的群，群主一走就散。",
                    "寫出結構的四個部分：成員與分工、交流平臺、加入原則與門檻、管理規範。結構決定群能不能活下去：只有一個群主、沒有門檻和規矩的群，群主一走就散。",
                    "Cover the four parts of structure: members and roles, platform, joining rule or threshold, management rules. Structure decides whether the group survives: one leader, no threshold and no rules means it dies with the leader."
                ),
                parts: [
                    .init(
                        id: "members", label: Localized("成员与分工", "成員與分工", "Members and roles"),
                        aliases: [
                            "成员", "会员", "分工", "角色", "团队", "管理团队", "管理层", "管理员", "管理者", "群管", "members",
                            "member", "roles", "team",
                        ]),
                    .init(
                        id: "platform", label: Localized("交流平台", "交流平臺", "Platform"),
                        aliases: ["交流平台", "平台", "平臺", "渠道", "platform", "channel", "channels"]),
                    .init(
                        id: "threshold", label: Localized("加入原则与门槛", "加入原則與門檻", "Joining rule and threshold"),
                        aliases: [
                            "加入原则", "加入方式", "加入", "门槛", "入群门槛", "入群", "入团", "入会", "入社", "准入", "joining", "threshold",
                            "admission", "entry",
                        ]),
                    .init(
                        id: "management", label: Localized("管理规范", "管理規範", "Management rules"),
                        aliases: [
                            "管理规范", "管理规则", "管理", "群规", "群内规范", "群规范", "规范", "management", "rules", "governance",
                        ]),
                ]),
            SectionSpec(
                id: "output", label: Localized("输出", "輸出", "Output"),
                aliases: ["输出", "内容输出", "内容产出", "内容生产", "产出", "output", "outputs"],
                hint: Localized(
                    "写这个群稳定产出什么（笔记、分享、话题、成员原创内容）以及由谁带头（意见领袖）。输出决定群的价值：没有输出，有价值的内容会被闲聊刷屏淹没。",
                    "寫這個群穩定產出什麼（筆記、分享、話題、成員原創內容）以及由誰帶頭（意見領袖）。輸出決定群的價值：沒有輸出，有價值的內容會被閒聊刷屏淹沒。",
                    "Say what valuable content the group steadily produces (notes, talks, topics, member-made content) and who leads it. Output decides what the group is worth: without it value drowns in chatter."
                )),
            SectionSpec(
                id: "operations", label: Localized("运营", "運營", "Operations"),
                aliases: ["运营", "营运", "运营机制", "日常运营", "活跃机制", "促活", "operations", "operation", "operating"],
                hint: Localized(
                    "写出制造仪式感、参与感、组织感、归属感（和荣誉感）的活动与节奏，以及成员如何有进有出。运营决定群能活多久。",
                    "寫出製造儀式感、參與感、組織感、歸屬感（和榮譽感）的活動與節奏，以及成員如何有進有出。運營決定群能活多久。",
                    "Describe the activities and rhythm that create ritual, participation, organisation and belonging (and honour), and how members come and go. Operations decide how long the group lives."
                ),
                terms: .init(
                    rule: "senses", atLeast: 4,
                    terms: [
                        .init(id: "ritual", label: Localized("仪式感", "儀式感", "ritual"), aliases: ["仪式感", "ritual"]),
                        .init(
                            id: "participation", label: Localized("参与感", "參與感", "participation"),
                            aliases: ["参与感", "participation"]),
                        .init(
                            id: "organisation", label: Localized("组织感", "組織感", "organisation"),
                            aliases: ["组织感", "organisation", "organization"]),
                        .init(
                            id: "belonging", label: Localized("归属感", "歸屬感", "belonging"),
                            aliases: ["归属感", "belonging"]),
                        .init(
                            id: "honour", label: Localized("荣誉感", "榮譽感", "honour"),
                            aliases: ["荣誉感", "honour", "honor"]),
                    ],
                    hint: Localized(
                        "为每种“感”写一个具体做法，例如“新人入群全群接龙欢迎”（仪式感）。一节运营如果一种感都没有落到活动上，就是空话。",
                        "為每種「感」寫一個具體做法，例如「新人入群全群接龍歡迎」（儀式感）。一節運營如果一種感都沒有落到活動上，就是空話。",
                        "Name each sense with a concrete activity, such as “the whole group welcomes each newcomer” (ritual). Operations that create none of them are empty talk."
                    ))),
            SectionSpec(
                id: "replication", label: Localized("复制", "複製", "Replication"),
                aliases: ["复制", "裂变", "传承", "replication", "scaling", "scale"],
                hint: Localized(
                    "写这个群如何被复制：流程模板化、培养副群主、多中心化。复制决定群能走多远：只靠一个人撑着的群，人走群散。",
                    "寫這個群如何被複製：流程模板化、培養副群主、多中心化。複製決定群能走多遠：只靠一個人撐著的群，人走群散。",
                    "Say how the group is templated and cloned: standard documents, sub-leaders, many centres. Replication decides how far it can scale: a group that rests on one person dies with them."
                )),
        ])

    static let rules = KindSchema(
        name: "rules", label: KindLabel.defaults[.rules]!,
        fields: [FieldSpec(name: "owner"), FieldSpec(name: "platform")],
        sections: [
            SectionSpec(
                id: "nickname", label: Localized("昵称格式", "暱稱格式", "Nickname format"),
                aliases: ["昵称", "群昵称", "改名", "nickname", "nicknames", "naming", "name format"],
                hint: Localized(
                    "写出统一的昵称格式和示例，例如“姓名-行业-城市”。统一昵称让成员一眼认出彼此，也是归属感的开始。",
                    "寫出統一的暱稱格式和示例，例如「姓名-行業-城市」。統一暱稱讓成員一眼認出彼此，也是歸屬感的開始。",
                    "Give one nickname format with an example, such as “name-industry-city”. It lets members recognise each other and starts belonging."
                )),
            SectionSpec(
                id: "conduct", label: Localized("行为准则", "行為準則", "Conduct"),
                aliases: [
                    "行为准则", "行为规范", "言行", "群内规范", "群内公约", "公约", "群公约", "守则", "conduct", "code of conduct", "behaviour",
                    "behavior",
                ],
                hint: Localized(
                    "写清鼓励什么、禁止什么（刷屏、违禁信息、广告）。没有规则就没有秩序，群会变成广告堆或刷屏场。",
                    "寫清鼓勵什麼、禁止什麼（刷屏、違禁資訊、廣告）。沒有規則就沒有秩序，群會變成廣告堆或刷屏場。",
                    "Say what is encouraged and what is forbidden (flooding, prohibited content, ads). Without rules there is no order, and the group turns into an ad dump or a chatter flood."
                )),
            SectionSpec(
                id: "rewards", label: Localized("奖励", "獎勵", "Rewards"),
                aliases: [
                    "奖励", "激励", "积分", "奖惩", "赏罚", "奖罚", "rewards", "reward", "incentives", "recognition",
                ],
                hint: Localized(
                    "写出做对了能得到什么（积分、名额、公开表扬）。只有惩罚没有奖励，成员只会沉默。",
                    "寫出做對了能得到什麼（積分、名額、公開表揚）。只有懲罰沒有獎勵，成員只會沉默。",
                    "Say what good behaviour earns (points, places, public praise). Rules with penalties and no rewards teach members to stay silent."
                ),
                evidence: [
                    "奖励", "奖", "积分", "表扬", "表彰", "荣誉", "勋章", "称号", "福利", "红包", "赠", "礼", "免", "优惠", "特权", "优先",
                    "reward", "points",
                    "praise", "badge", "prize", "free",
                ]),
            SectionSpec(
                id: "penalties", label: Localized("惩罚", "懲罰", "Penalties"),
                aliases: [
                    "惩罚", "处罚", "惩处", "处分", "违规处理", "违规", "奖惩", "赏罚", "奖罚", "penalties", "penalty", "sanctions",
                    "enforcement", "violations",
                ],
                hint: Localized(
                    "按轻重写出分级处罚，例如 警告 → 禁言 → 移出，并说明违规怎么计次。",
                    "按輕重寫出分級處罰，例如 警告 → 禁言 → 移出，並說明違規怎麼計次。",
                    "Grade penalties by severity, such as warning → mute → removal, and say how violations are counted."
                ),
                levels: .init(rule: "penalty-levels", atLeast: 2),
                evidence: [
                    "惩罚", "处罚", "警告", "禁言", "移出", "踢出", "请出", "清退", "罚", "违反", "违规", "penalt", "warning", "mute",
                    "remov",
                    "ban",
                ]),
        ])
}
