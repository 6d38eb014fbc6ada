/// The synonyms search ships with: the words members of a Chinese community type for what a
/// playbook writes (拉黑 / 踢人 for 移出, 面基 for 线下见面). A page holding one word of a group is
/// found by the others as well, weighted below the word itself. Started from the section aliases
/// the checker knows (`DefaultKinds`), without the words too common to stand for one thing (管理,
/// 数据, how, who); a site adds its own under `search.synonyms` in `playbook.yml`.
///
/// One group a line, words separated by `|`; Simplified, Traditional and English alike (search
/// folds Traditional to Simplified).
enum SearchSynonyms {
    static let table = """
        移出|移除|踢人|踢出|踢掉|拉黑|请出|清退|removal|remove|kick|ban
        禁言|闭麦|mute|timeout
        警告|提醒一次|warning|warn
        刷屏|水群|灌水|flooding|flood|spam
        广告|打广告|发广告|小广告|ads|advert|advertising
        线下活动|线下见面|面基|见面会|聚会|meetup|offline
        新人|新成员|新朋友|萌新|新手|newcomer|newcomers|new member
        入群流程|新人流程|新人引导|入群|进群|onboarding
        门槛|入群门槛|准入|threshold
        昵称|群昵称|改名|nickname|nicknames
        群规|群规则|规则|rules
        行为准则|行为规范|言行|conduct|code of conduct
        奖励|激励|rewards|reward|incentives
        惩罚|处罚|违规处理|penalties|penalty|sanctions
        违规|犯规|violation|violations
        申诉|投诉|appeal
        积分|分数|points
        打卡|签到打卡|check-in|checkin
        值班|轮值|on duty|duty
        值班表|排班表|排班|roster|duty roster
        晚间总结|晚报|evening summary
        早报|早安|morning post
        群主|管理员|admin|moderator
        群公告|公告|announcement
        潜水|潜水员|不活跃|不说话|沉默|lurker|lurkers|inactive
        淘汰|清理|清人|pruning|prune
        拉新|增长|引流|growth
        复制|裂变|clone|cloning|replication
        复制模板|模板|template
        分会|分群|chapter
        社群档案|群档案|charter
        危机处理|危机|出事|crisis
        截图外传|截图|泄露|screenshot|leak
        争吵|吵架|吵起来|骂人|quarrel|fight
        押金|定金|deposit
        破冰|暖场|icebreaker
        静默时段|静音时段|免打扰|quiet hours
        欢迎仪式|欢迎|welcome
        自我介绍|自我介紹|介绍自己|introduction|intro
        仪式感|ritual
        参与感|participation
        组织感|organisation|organization
        归属感|belonging
        荣誉感|honour|honor
        目的|目标|purpose|goal|goals|objective
        角色|分工|负责人|roles|role|owner
        步骤|操作步骤|执行步骤|steps|procedure
        指标|衡量|效果评估|metrics|metric|kpi
        交流平台|平台|platform|channel
        建群|拉群|开群|新群搭建|new group
        修改|改动|提出修改|change|edit
        """
}
