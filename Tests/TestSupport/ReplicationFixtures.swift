/// A city chapter's charter as a replication template writes it, with `{{city}}`, `{{owner}}`
/// and `{{platform}}` to fill: it covers the five elements, so a clone passes `check`. Shared by
/// the replication tests and the end-to-end tests of the commands that write the site.
public enum ReplicationFixtures {
    public static let charter = """
        ---
        kind: group
        title: "{{city}}分会"
        owner: "{{owner}}"
        platform: "{{platform}}"
        ---

        ## 一、同好 Shared interest

        {{city}}的读书人，每月读一本书。

        ## 二、结构 Structure

        ### 成员与分工 Members and roles

        群主 {{owner}}，副群主两人。

        ### 交流平台 Platform

        {{platform}}。

        ### 加入原则与门槛 Threshold

        写一篇书评才能入群。

        ### 管理规范 Management rules

        见群规。

        ## 三、输出 Output

        每月一份共读笔记。

        ## 四、运营 Operations

        开书仪式感、轮值参与感、分工组织感、线下归属感、月度荣誉感。

        ## 五、复制 Replication

        副群主带出下一个分会。

        """
}
