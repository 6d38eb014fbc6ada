import PlaybookModel

extension EditionPhrase {
    /// The words of community playbooks, as each edition writes them: read by every edition's
    /// conversion ahead of OpenCC's general phrases (`PhraseDictionary`), in both directions.
    /// OpenCC's phrase dictionaries were made for software and news; these keep the handbook's own
    /// vocabulary (the five elements, the kinds, the roles, the words of operations) from being
    /// rewritten as software words: 複製 stays 复制 (not 拷贝), 标准作业程序 stays 標準作業程序
    /// (not 程式), 审核 stays 審核 (not 稽核).
    package static let domain: [EditionPhrase] = parse(domainTable)

    /// Reads a table of one phrase per line: its zh-Hans, zh-Hant and, when the region writes it
    /// otherwise, zh-Hant-TW form, separated by spaces; `#` starts a comment.
    static func parse(_ table: String) -> [EditionPhrase] {
        table.split(separator: "\n").compactMap { line in
            let text = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let forms = text.split(separator: " ").map(String.init)
            guard forms.count >= 2 else { return nil }
            return EditionPhrase(simplified: forms[0], traditional: forms[1], taiwan: forms.count > 2 ? forms[2] : nil)
        }
    }

    /// zh-Hans, zh-Hant, zh-Hant-TW when it differs. The zh-Hant forms are those the domain brief
    /// writes (群, 為), not OpenCC's standard variants (羣, 爲). Taiwan's words come from the
    /// region's usage (帳號, 品質, 小程式); a phrase OpenCC's Taiwan dictionary would turn into a
    /// software word is listed with the form it keeps.
    static let domainTable = """
        # The five elements of a community and what a charter says about each
        社群五要素 社群五要素
        社群 社群
        群 群                          # OpenCC's standard Traditional writes 羣; handbooks write 群
        同好 同好
        结构 結構
        输出 輸出
        运营 運營
        复制 複製                      # not 拷贝 in Simplified (Taiwan's 複製 is copy in software)
        被复制 被複製                  # OpenCC reads 被复 (被覆) as a phrase and leaves 制
        定位 定位
        社群价值 社群價值
        成员 成員
        分工 分工
        交流平台 交流平臺
        加入原则 加入原則
        门槛 門檻
        管理规范 管理規範
        话题 話題
        意见领袖 意見領袖
        精神领袖 精神領袖
        有进有出 有進有出
        流程模板化 流程模板化
        多中心化 多中心化
        仪式感 儀式感
        参与感 參與感
        组织感 組織感
        归属感 歸屬感
        荣誉感 榮譽感
        核心 核心                      # not 内核 (a kernel) in Simplified
        建立 建立                      # not 创建 in Simplified: 建立以下四感
        线上 線上                      # not 在线 in Simplified: 线上活动
        线下 線下
        线上活动 線上活動
        线下活动 線下活動
        打卡 打卡
        打卡钟 打卡鐘                  # 打卡 read first would leave 钟 to become 鍾
        积分 積分
        红包 紅包
        亚文化 亞文化
        人员淘汰 人員淘汰

        # The kinds and their parts
        社群档案 社群檔案
        群规 群規
        昵称 暱稱                      # OpenCC keeps 暱 in Simplified
        群昵称 群暱稱
        昵称格式 暱稱格式
        行为准则 行為準則
        刷屏 刷屏
        奖励 獎勵
        惩罚 懲罰
        警告 警告
        禁言 禁言
        移出 移出
        踢出 踢出
        入群流程 入群流程
        新人引导 新人引導
        标准作业程序 標準作業程序       # not 程式 in Taiwan: a procedure, not a program
        作业程序 作業程序
        程序 程序                      # Taiwan's 程序 is a procedure; read back it is not 进程
        小程序 小程序 小程式            # the app's mini programs are 小程式 in Taiwan
        程序员 程序員 程式設計師
        应用程序 應用程序 應用程式
        负责人 負責人
        触发 觸發
        频率 頻率
        步骤 步驟
        指标 指標                      # not 指针 (a pointer) in Simplified
        活跃度 活躍度
        留存率 留存率
        转化率 轉化率
        新增 新增                      # the growth measure; not 添加 in Simplified
        复制模板 複製模板
        模板 模板
        变量 變量 變數
        默认 默認 預設                  # Taiwan's 預設 reads back as 默认, not 缺省
        默认值 默認值 預設值

        # Roles
        群主 群主
        副群主 副群主
        管理员 管理員
        审核员 審核員                  # not 稽核員 in Taiwan
        值班管理员 值班管理員
        新人官 新人官
        领读人 領讀人
        活动官 活動官
        运营官 運營官
        群成员 群成員
        正式成员 正式成員
        志愿者 志願者
        分会 分會
        总会 總會

        # Operations
        审核 審核                      # not 審覈 (OpenCC's standard) or 稽核 (Taiwan's audit)
        通过 通過                      # passing, and by way of: Taiwan's 透過 is only the latter
        审核通过 審核通過
        通过审核 通過審核
        审批通过 審批通過
        投票通过 投票通過
        未通过 未通過
        不通过 不通過
        没有通过 沒有通過
        已通过 已通過
        通过率 通過率
        并入群 並入群                  # 并 is "and" here: not 併入 (merged into)
        入群 入群
        进群 進群
        拉群 拉群
        建群 建群
        二群 二群
        群聊 群聊
        群发 群發
        水群 水群
        巡群 巡群
        群后 群後                      # 进群后: OpenCC's 群后 is a classical word
        天后 天後                      # 30 天后: OpenCC's 天后 is a goddess
        群里 群裏 群裡
        复盘 復盤                      # reviewing what happened; not 覆盤
        天复盘 天復盤                  # 三天复盘: OpenCC reads 天复 (天覆) first
        复盘会 復盤會
        群文件 群文件 群檔案            # the chat app's shared files
        群公告 群公告
        群相册 群相冊 群相簿            # Taiwan's 群相簿 reads back as 群相册, not 群图库
        接龙 接龍
        群接龙 群接龍
        值班 值班
        轮值 輪值
        交接 交接
        早报 早報
        晚间总结 晚間總結
        周报 週報
        签到 簽到
        兑换 兌換
        执行 執行                      # not 运行 in Simplified: 執行群規
        发布 發佈                      # posting a notice: not 釋出 (a software release) in Taiwan
        抛出 拋出                      # raising questions: not 丟擲 (an exception) in Taiwan
        截图 截圖                      # not 截屏 in Simplified
        对象 對象                      # the people it is for: not 物件 (a software object) in Taiwan
        健康视图 健康視圖              # Playbook's health view: not 檢視 in Taiwan
        资料 資料                      # materials: not 数据 in Simplified
        数据库 數據庫 資料庫
        文件 文件                      # documents: not 檔案 in Taiwan
        文件名 文件名 檔名
        文件夹 文件夾 資料夾
        文件扩展名 文件擴展名 副檔名
        线程 線程 執行緒
        首席执行官 首席執行官 執行長
        只读 只讀 唯讀
        身份组 身份組 身分組            # the chat platform's roles
        腾讯文档 騰訊文檔
        石墨文档 石墨文檔
        飞书 飛書
        企业微信 企業微信
        视频号 視頻號                  # a product's name: not 影片號 in Taiwan
        公众号 公眾號
        朋友圈 朋友圈
        微信群 微信群
        账号 賬號 帳號
        质量 質量 品質
        用户 用戶                      # members and users: not 使用者 (software's user) in Taiwan
        用户名 用戶名 使用者名稱
        种子用户 種子用戶
        用户运营 用戶運營
        内容运营 內容運營
        活动运营 活動運營
        社群运营 社群運營
        复制粘贴 複製粘貼 複製貼上
        满员 滿員
        私域 私域
        裂变 裂變
        拉新 拉新
        促活 促活
        引流 引流
        触达 觸達
        话术 話術
        干货 乾貨
        潜水 潛水
        舆情 輿情
        危机处理 危機處理
        台北 臺北 台北                  # Taiwan writes 台; the Taipei chapter's own pages do
        台湾 臺灣 台灣
        """
}
