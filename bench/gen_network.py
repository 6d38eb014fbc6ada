#!/usr/bin/env python3
"""Generates a community network's handbook of N pages: the shape that slowed Playbook down.

Beside bench/gen.py (one reading club, pages that pass the check), this one writes what a large
network has: thousands of groups, each a folder with its charter and some of rules, onboarding
flow and SOPs; most cloned from one of the handbook's replication templates with the lineage
`playbook new group --from` records (`lineage.yml`, `template:` in the charter, a snapshot under
`.playbook/templates/`), some of them behind their template; Simplified and Traditional groups
whose pages link to each other with the other script's titles as link text; tags shared by
thousands of pages; front matter in the forms the README teaches (quoted strings, `[…]` lists,
numbers); and about two findings a page, nearly all warnings, the omissions operators really
leave: a penalty with one grade, an SOP without an owner, onboarding steps without an owner,
operations naming three of the senses, a sentence in the other script.

Same --pages and --seed give byte-identical output. With --hugo, a Hugo copy of the same pages
is written beside it (Hugo reserves `kind`, so the copy names it `pbkind`; tag pages on).

    python3 bench/gen_network.py --pages 10000 --seed 1 --out bench/corpus/network-10000 [--hugo]
"""
import argparse
import hashlib
import os
import random
import shutil

from gen import EN, ZH, ZHT, filler

HANS_CITIES = [("杭州", "Hangzhou"), ("成都", "Chengdu"), ("北京", "Beijing"), ("上海", "Shanghai"),
               ("武汉", "Wuhan"), ("西安", "Xian"), ("南京", "Nanjing"), ("苏州", "Suzhou"), ("厦门", "Xiamen"),
               ("广州", "Guangzhou"), ("深圳", "Shenzhen"), ("昆明", "Kunming"), ("大连", "Dalian"),
               ("青岛", "Qingdao"), ("长沙", "Changsha"), ("合肥", "Hefei")]
HANT_CITIES = [("台北", "Taipei"), ("台南", "Tainan"), ("高雄", "Kaohsiung"), ("台中", "Taichung"),
               ("新竹", "Hsinchu"), ("香港", "Hong Kong"), ("澳門", "Macau")]
OWNERS_HANS = ["林晓", "周航", "陈默", "王佳", "苏青", "李然", "赵一鸣", "何雨"]
OWNERS_HANT = ["陳怡君", "張家豪", "黃詩涵", "吳承恩", "劉冠廷", "蔡宜蓁"]
PLATFORMS_HANS = ["微信群", "企业微信", "QQ群", "Discord"]
PLATFORMS_HANT = ["LINE 群組", "Discord", "Telegram"]
# Tags with a long tail: the first few are on thousands of pages.
TAGS_HANS = ["读书会", "线下活动", "打卡", "新人", "城市分会", "共读", "积分", "复盘", "领读", "校园", "线上分享",
             "志愿者", "书单", "社群运营", "活动策划", "招募"]
TAGS_HANT = ["讀書會", "線下活動", "打卡", "新人", "城市分會", "共讀", "積分", "復盤", "領讀"]

NUMBERS_HANS = "一二三四五六七八九十"


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def pick_tags(rng, hant):
    pool = TAGS_HANT if hant else TAGS_HANS
    chosen = []
    for _ in range(rng.randint(1, 4)):
        # Skewed towards the head of the list.
        tag = pool[min(int(rng.expovariate(0.45)), len(pool) - 1)]
        if tag not in chosen:
            chosen.append(tag)
    return chosen


def flow(items):
    """A YAML flow list as operators write it: plain words, quoted when they hold a space."""
    return "[" + ", ".join(f'"{t}"' if " " in t or "," in t else t for t in items) + "]"


def text_pool(hant):
    return (ZHT + EN) if hant else (ZH + EN)


def prose(rng, hant, size):
    """Filler in one script (gen.py's filler draws from both)."""
    out = filler(rng, size)
    if hant:
        for a, b in zip(ZH, ZHT * 2):
            out = out.replace(a, b)
        for a, b in [("早报", "早報"), ("晚间总结", "晚間總結"), ("项目", "項目"), ("负责人", "負責人"), ("频率", "頻率"),
                     ("运营官", "運營官"), ("每周", "每週"), ("群规", "群規"), ("见", "見"), ("条", "條")]:
            out = out.replace(a, b)
    else:
        for a, b in zip(ZHT, ZH):
            out = out.replace(a, b)
        out = out.replace("線下活動", "线下活动")
    return out


# --- page bodies: each takes `v` (the values: placeholders in a template, answers in a group) ---

def charter_body(v, hant, senses, rules=True, threshold=True):
    """`rules`: whether the group has its own rules page to link to (else the network's)."""
    own = "rules.md" if rules else "/rules/network-rules.md"
    if hant:
        ops = "、".join(["儀式感", "參與感", "組織感", "歸屬感", "榮譽感"][:senses])
        return (f"本頁是{v['city']}分會的**社群檔案**，由群主 {v['owner']} 維護。新管理員請先讀完本頁，再讀[分會群規]({own})。\n\n"
                f"## 一、同好 Shared interest\n\n在{v['city']}生活或工作、每月願意讀完至少一本書的成年人。\n\n"
                f"## 二、結構 Structure\n\n- **成員與分工**：群主 1 人，管理員 3 人，新人官 1 人，領讀人每月輪值。\n"
                f"- **交流平台**：{v['platform']}，主群加活動臨時群。\n" + ("- **加入原則與門檻**：提交一篇書評，或由正式成員邀請。\n" if threshold else "")
                + f"- **管理規範**：見[分會群規]({own})與[總會群規](/rules/network-rules.md)。\n\n"
                f"## 三、輸出 Output\n\n每週一篇共讀筆記，每月一份書單，由領讀人整理。\n\n"
                f"## 四、運營 Operations\n\n每週三晚共讀、{v['meetup_day']}線下見面，營造{ops}。\n\n"
                f"## 五、複製 Replication\n\n新城市開分會時從模板複製這幾份文件，填上城市和負責人。\n")
    ops = "、".join(["仪式感", "参与感", "组织感", "归属感", "荣誉感"][:senses])
    return (f"本页是{v['city']}分会的**社群档案**，由群主 {v['owner']} 维护。新加入的管理员请先读完本页，再读[分会群规]({own})。\n\n"
            f"## 一、同好 Shared interest\n\n在{v['city']}生活或工作、每月愿意读完至少一本书的成年人。\n\n"
            f"## 二、结构 Structure\n\n- **成员与分工**：群主 1 人，管理员 3 人，新人官 1 人，领读人每月轮值。\n"
            f"- **交流平台**：{v['platform']}，主群加活动临时群。\n" + ("- **加入原则与门槛**：提交一篇不少于 200 字的书评，或由正式成员邀请。\n" if threshold else "")
            + f"- **管理规范**：见[分会群规]({own})和[总会群规](/rules/network-rules.md)。\n\n"
            f"## 三、输出 Output\n\n每周一篇共读笔记，每月一份书单，由领读人整理。\n\n"
            f"## 四、运营 Operations\n\n每周三晚共读、{v['meetup_day']}线下见面，营造{ops}。\n\n"
            f"## 五、复制 Replication\n\n新城市开分会时从模板复制这几份文档，填上城市和负责人。\n")


def rules_body(v, hant, grades):
    if hant:
        levels = [("警告 Warning", "30 天內第 1 次違規，管理員私訊說明條款。"), ("禁言 Mute", "30 天內第 2 次違規，禁言 24 小時。"),
                  ("移出 Removal", "30 天內第 3 次違規，移出本群。")]
        pen = ("".join(f"{i + 1}. **{name}**：{what}\n" for i, (name, what) in enumerate(levels))
               if grades else "違規者由管理員直接移出本群，不另行通知。\n")
        return (f"本群規適用於{v['city']}分會在{v['platform']}上的所有群，以[總會群規](/rules/network-rules.md)為底線。\n\n"
                f"## 暱稱格式 Nickname format\n\n格式為 **姓名-行業-城市**，例如 `陳怡君-設計-{v['city']}`。\n\n"
                f"## 行為準則 Conduct\n\n不刷屏、不發違禁資訊、不發廣告；對事不對人。\n\n"
                f"## 獎勵 Rewards\n\n每日打卡得 1 分，提交書評得 5 分，50 分換一次線下活動名額。\n\n## 懲罰 Penalties\n\n{pen}\n"
                f"對處理有異議的，可在 7 天內私訊群主 {v['owner']} 申訴。\n")
    levels = [("警告 Warning", "30 天内第 1 次违规，管理员私聊说明条款。"), ("禁言 Mute", "30 天内第 2 次违规，禁言 24 小时。"),
              ("移出 Removal", "30 天内第 3 次违规，移出本群。")]
    pen = ("".join(f"{i + 1}. **{name}**：{what}\n" for i, (name, what) in enumerate(levels))
           if grades else "发广告、刷屏的，管理员看到就直接踢出群，不再提醒。\n")
    return (f"本群规适用于{v['city']}分会在{v['platform']}上的所有群，以[总会群规](/rules/network-rules.md)为底线。\n\n"
            f"## 昵称格式 Nickname format\n\n格式为 **姓名-行业-城市**，例如 `林晓-设计-{v['city']}`。\n\n"
            f"## 行为准则 Conduct\n\n不刷屏、不发违禁信息、不发广告；对事不对人。\n\n"
            f"## 奖励 Rewards\n\n每日打卡得 1 分，提交书评得 5 分，50 分换一次线下活动名额。\n\n## 惩罚 Penalties\n\n{pen}\n"
            f"对处理有异议的，可在 7 天内私聊群主 {v['owner']} 申诉。\n")


def onboarding_body(v, hant, owned):
    """`owned`: how many of the later steps name who does them (operators often stop writing it)."""
    if hant:
        steps = [("第0天", "審核員", "48 小時內審核書評或邀請"), ("第1天", "新人官", "拉人入群，發歡迎話術，完成歡迎儀式"),
                 ("第2天", "新人官", "請新人閱讀群規，並回覆「已讀群規，願意遵守」"), ("第3天", "領讀人", "完成首次打卡"),
                 ("第7天", "新人官", "私訊回訪"), ("第30天", "群主", "觀察期評估，轉正")]
        lines = [f"{i + 1}. **{t}** · 負責人：{who} — {what}。" if i < 3 + owned else f"{i + 1}. **{t}** {what}。"
                 for i, (t, who, what) in enumerate(steps)]
        return (f"新人從提交書評到轉正，一共 30 天。\n\n## 入群門檻 Threshold\n\n讀完一本書，寫一篇不少於 200 字的書評；沒有零門檻。\n\n"
                f"## 流程 Steps\n\n" + "\n".join(lines) + "\n\n")
    steps = [("第0天", "审核员", "48 小时内审核书评或邀请"), ("第1天", "新人官", "拉人入群，发欢迎话术，完成欢迎仪式"),
             ("第2天", "新人官", "请新人阅读群规，并回复“已读群规，愿意遵守”"), ("第3天", "领读人", "完成首次打卡"),
             ("第7天", "新人官", "私聊回访"), ("第30天", "群主", "观察期评估，转正")]
    lines = [f"{i + 1}. **{t}** · 负责人：{who} — {what}。" if i < 3 + owned else f"{i + 1}. **{t}** {what}。"
             for i, (t, who, what) in enumerate(steps)]
    return (f"新人从提交书评到转正，一共 30 天。\n\n## 入群门槛 Threshold\n\n读完一本书，写一篇不少于 200 字的书评；没有零门槛。\n\n"
            f"## 流程 Steps\n\n" + "\n".join(lines) + "\n\n")


def sop_body(v, hant):
    if hant:
        return (f"{v['city']}分會每月一次的線下讀書會，固定在**{v['meetup_day']}**。\n\n## 目的 Purpose\n\n讓線上一起讀書的人見面。\n\n"
                f"## 角色 Roles\n\n- 活動官：訂場地、開報名\n- 領讀人：準備討論問題\n\n## 步驟 Steps\n\n"
                f"1. **活動前 14 天**：在{v['platform']}發報名接龍。\n2. **活動前 1 天**：私訊提醒報名者。\n3. **活動後 3 天**：復盤。\n\n"
                f"## 指標 Metrics\n\n| 指標 | 目標 |\n|---|---|\n| 到場率 | 80% |\n| 留存率 | 60% |\n\n")
    return (f"{v['city']}分会每月一次的线下读书会，固定在**{v['meetup_day']}**。\n\n## 目的 Purpose\n\n让线上一起读书的人见面。\n\n"
            f"## 角色 Roles\n\n- 活动官：订场地、开报名\n- 领读人：准备讨论问题\n\n## 步骤 Steps\n\n"
            f"1. **活动前 14 天**：在{v['platform']}发报名接龙。\n2. **活动前 1 天**：私聊提醒报名者。\n3. **活动后 3 天**：复盘。\n\n"
            f"## 指标 Metrics\n\n| 指标 | 目标 |\n|---|---|\n| 到场率 | 80% |\n| 留存率 | 60% |\n\n")


# --- replication templates ---

# name, script, version, files, omissions written into the template (so every clone has them)
TEMPLATES = [
    ("city-chapter", False, "1.2.0", ["index.md", "rules.md", "onboarding.md", "sops/monthly-meetup.md"],
     {"senses": 4, "grades": True, "owned": 1, "sop_owner": False}),
    ("city-chapter-tw", True, "1.1.0", ["index.md", "rules.md", "onboarding.md"],
     {"senses": 3, "grades": True, "owned": 0, "sop_owner": True}),
    ("campus", False, "2.0.0", ["index.md", "rules.md"], {"senses": 3, "grades": True, "owned": 3, "sop_owner": True}),
    ("online-circle", False, "1.0.3", ["index.md", "rules.md"],
     {"senses": 4, "grades": False, "owned": 3, "sop_owner": True, "threshold": False}),
    ("starter", False, "0.9.0", ["index.md", "onboarding.md"],
     {"senses": 4, "grades": True, "owned": 0, "sop_owner": True, "threshold": False}),
    ("starter-tw", True, "1.0.0", ["index.md"], {"senses": 3, "grades": True, "owned": 3, "sop_owner": True}),
]
TEMPLATE_WEIGHTS = [4, 3, 3, 3, 3, 2]
KIND_OF = {"index.md": "group", "rules.md": "rules", "onboarding.md": "onboarding", "sops/monthly-meetup.md": "sop"}
TITLE_OF = {
    "group": ("{city}分会 {city_en} Chapter", "{city}分會 {city_en} Chapter"),
    "rules": ("{city}分会群规 {city_en} Chapter rules", "{city}分會群規 {city_en} Chapter rules"),
    "onboarding": ("{city}分会入群流程 {city_en} onboarding", "{city}分會入群流程 {city_en} onboarding"),
    "sop": ("{city}分会月度线下读书会 Monthly meetup", "{city}分會月度線下讀書會 Monthly meetup"),
}


def document(kind, hant, v, omissions, front_extra="", rules=True):
    """Front matter and body of one group document, values filled from `v`."""
    title = TITLE_OF[kind][1 if hant else 0].format(**v)
    fm = f'kind: {kind}\ntitle: "{title}"\n'
    if kind != "sop" or omissions["sop_owner"]:
        fm += f'owner: "{v["owner"]}"\n'
    fm += f'platform: "{v["platform"]}"\n'
    if kind == "group":
        fm += f'city: "{v["city"]}"\n'
    if kind == "sop":
        fm += f'cadence: "{v["meetup_day"]}"\n'
    fm += front_extra
    if kind == "group":
        body = charter_body(v, hant, omissions["senses"], rules, omissions.get("threshold", True))
    elif kind == "rules":
        body = rules_body(v, hant, omissions["grades"])
    elif kind == "onboarding":
        body = onboarding_body(v, hant, omissions["owned"])
    else:
        body = sop_body(v, hant)
    return f"---\n{fm}---\n\n{body}"


def template_files(name, hant, version, files, omissions):
    placeholders = {"city": "{{city}}", "city_en": "{{city_en}}", "owner": "{{owner}}", "platform": "{{platform}}",
                    "meetup_day": "{{meetup_day}}"}
    docs = {path: document(KIND_OF[path], hant, placeholders, omissions, rules="rules.md" in files) for path in files}
    # meetup_day is used by the charter of every template; city_en by every title.
    platforms = PLATFORMS_HANT if hant else PLATFORMS_HANS
    label = "複製模板" if hant else "复制模板"
    declaration = (f"---\nkind: template\ntitle: \"{name} {label}\"\nversion: {version}\n"
                   f"owner: \"{'總會運營組' if hant else '总会运营组'} Network ops team\"\n"
                   f"tags: [{'開新分會' if hant else '开新分会'}, {'複製' if hant else '复制'}]\n"
                   f"variables:\n"
                   f"  - name: city\n    description: {'城市中文名' if hant else '城市中文名'}\n    required: true\n    example: {'台北' if hant else '深圳'}\n"
                   f"  - name: city_en\n    description: City name in English\n    required: true\n    example: {'Taipei' if hant else 'Shenzhen'}\n"
                   f"  - name: owner\n    description: {'分會負責人' if hant else '分会负责人'}\n    required: true\n    example: {'陳怡君' if hant else '陈默'}\n"
                   f"  - name: platform\n    description: {'主要交流平台' if hant else '主要交流平台'}\n    default: {platforms[0]}\n"
                   f"    choices: {flow(platforms)}\n"
                   f"  - name: meetup_day\n    description: {'每月線下活動日' if hant else '每月线下活动日'}\n"
                   f"    default: {'每月最後一個週六' if hant else '每月最后一个周六'}\n---\n\n"
                   + ("新城市開分會時從這裡複製，而不是從一張白紙開始。\n\n## 模板裡有什麼 What is inside\n\n"
                      if hant else "新城市开分会时从这里复制，而不是从一张白纸开始。\n\n## 模板里有什么 What is inside\n\n")
                   + "".join(f"- [{p}](files/{p})\n" for p in files))
    return declaration, docs


def template_hash(declaration, docs):
    data = b"index.md\x00" + declaration.encode()
    for path in sorted(docs):
        data += f"\x00files/{path}\x00".encode() + docs[path].encode()
    return hashlib.sha256(data).hexdigest()


def previous_version(version):
    major, minor, patch = version.split(".")
    return f"{major}.{int(minor) - 1}.0" if int(minor) > 0 else f"{int(major) - 1}.9.0"


def fill(text, v):
    for key, value in v.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--hugo", action="store_true", help="also write OUT-hugo for Hugo")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n = args.pages
    for target in [args.out] + ([args.out + "-hugo"] if args.hugo else []):
        shutil.rmtree(target, ignore_errors=True)
    files = {}  # content path -> text, in the order written
    extra = {}  # site path (outside content/) -> text

    extra["playbook.yml"] = (
        "title: 拾页读书会全国网络手册 Network handbook\nlanguage: zh-Hans\n"
        "description: 全国几千个城市分会、校园社群和线上圈子共用的运营手册。\n"
        "# The network is catching up on these: they are shown, and do not stop a publish, until\n"
        "# every group has fixed its own.\n"
        "severity:\n  rules.penalty-levels: warning\n  frontmatter.required: warning\n  group.senses: warning\n"
        "  group.structure-part: warning\n")
    files["index.md"] = ("---\ntitle: 拾页读书会全国网络 Network handbook\nkind: page\n---\n\n"
                         "全国各分会的社群档案、群规、入群流程和 SOP。先读[总会群规](rules/network-rules.md)。\n")
    files["rules/network-rules.md"] = (
        "---\nkind: rules\ntitle: \"总会群规 Network rules\"\nowner: \"总会运营组\"\ntags: [读书会, 社群运营]\n---\n\n"
        + rules_body({"city": "全国", "platform": "各平台", "owner": "总会运营组"}, False, True).replace(
            "以[总会群规](/rules/network-rules.md)为底线", "是各分会群规的底线"))

    templates = []
    for name, hant, version, docs_list, omissions in TEMPLATES:
        declaration, docs = template_files(name, hant, version, docs_list, omissions)
        files[f"templates/{name}/index.md"] = declaration
        for path, text in docs.items():
            files[f"templates/{name}/files/{path}"] = text
        current = template_hash(declaration, docs)
        # The version before: the charter's operations named one sense fewer. Groups still on it
        # are behind their template.
        old_version = previous_version(version)
        old_omissions = dict(omissions, senses=max(2, omissions["senses"] - 1))
        old_declaration, old_docs = template_files(name, hant, old_version, docs_list, old_omissions)
        old_declaration = old_declaration.replace(f"version: {version}", f"version: {old_version}")
        old = template_hash(old_declaration, old_docs)
        for digest, decl, ds in [(current, declaration, docs), (old, old_declaration, old_docs)]:
            base = f".playbook/templates/{name}/{digest[:16]}"
            extra[f"{base}/index.md"] = decl
            for path, text in ds.items():
                extra[f"{base}/files/{path}"] = text
        templates.append({"name": name, "hant": hant, "version": version, "old_version": old_version,
                          "omissions": omissions, "old_omissions": old_omissions, "docs": docs, "old_docs": old_docs,
                          "hash": current, "old_hash": old})

    # Shared SOPs of the network, about 1% of the pages.
    shared = max(2, n // 100)
    for k in range(shared):
        hant = k % 4 == 3
        v = {"city": "總會" if hant else "总会", "owner": "總會運營組" if hant else "总会运营组",
             "platform": "各平台", "meetup_day": "每月最後一個週六" if hant else "每月最后一个周六"}
        fm = (f"kind: sop\ntitle: \"{'總會' if hant else '总会'} SOP {k + 1}\"\nowner: \"{v['owner']}\"\n"
              f"cadence: {'每週' if hant else '每周'} weekly\ntags: {flow(pick_tags(rng, hant))}\nversion_seen: {k % 7 + 1}\n")
        files[f"sops/network-{k + 1:04d}.md"] = f"---\n{fm}---\n\n" + sop_body(v, hant) + prose(rng, hant, rng.randint(1500, 4000))

    # Groups until the handbook has n pages.
    groups = []  # (slug, hant, title by kind, paths)
    g = 0
    while len(files) < n:
        hant = rng.random() < 0.3
        cities = HANT_CITIES if hant else HANS_CITIES
        city, city_en = cities[g % len(cities)]
        number = g // len(cities) + 1
        slug = f"{city_en.lower().replace(' ', '-')}-{number}"
        v = {"city": f"{city}{number}", "city_en": f"{city_en} {number}",
             "owner": rng.choice(OWNERS_HANT if hant else OWNERS_HANS),
             "platform": rng.choice(PLATFORMS_HANT if hant else PLATFORMS_HANS),
             "meetup_day": rng.choice(["每月最後一個週六", "每月第二個週日"] if hant else ["每月最后一个周六", "每月第二个周日"])}
        candidates = [t for t in templates if t["hant"] == hant]
        weights = [TEMPLATE_WEIGHTS[templates.index(t)] for t in candidates]
        cloned = rng.random() < 0.75
        members = rng.randint(30, 500)
        tags = pick_tags(rng, hant)
        paths = {}
        if cloned:
            t = rng.choices(candidates, weights)[0]
            behind = rng.random() < 0.2
            docs = t["old_docs"] if behind else t["docs"]
            version = t["old_version"] if behind else t["version"]
            hashes = {}
            for path, text in docs.items():
                filled = fill(text, v)
                hashes[path] = sha(filled)
                if path == "index.md":
                    filled = filled.replace("---\n\n", f"members: {members}\nfounded: {2018 + g % 7}\n"
                                            f"tags: {flow(tags)}\ntemplate: {t['name']}\n"
                                            f"template_version: \"{version}\"\n---\n\n", 1)
                paths[KIND_OF[path]] = f"groups/{slug}/{path}"
                files[f"groups/{slug}/{path}"] = filled
            answers = "".join(f'  {k}: "{v[k]}"\n' for k in ["city", "city_en", "owner", "platform", "meetup_day"])
            digests = "".join(f'  "{p}": {hashes[p]}\n' for p in sorted(hashes))
            extra[f"content/groups/{slug}/lineage.yml"] = (
                "# Written by `playbook new group` and `playbook update`; keep it with the group.\n"
                f"template: \"{t['name']}\"\nversion: \"{version}\"\nhash: {t['old_hash'] if behind else t['hash']}\n"
                f"answers:\n{answers}files:\n{digests}")
        else:
            omissions = {"senses": rng.choice([3, 4, 5]), "grades": rng.random() < 0.4, "owned": rng.randint(0, 2),
                         "sop_owner": rng.random() < 0.5, "threshold": rng.random() < 0.7}
            count = rng.choice([1, 2, 2, 3, 3, 4])
            own = ["index.md", "rules.md", "onboarding.md", "sops/monthly-meetup.md"][:count]
            for path in own:
                kind = KIND_OF[path]
                front = (f"members: {members}\ntags: {flow(tags)}\n" if kind == "group" else
                         f"tags: {flow(pick_tags(rng, hant))}\n")
                text = document(kind, hant, v, omissions, front, rules="rules.md" in own)
                text += prose(rng, hant, rng.randint(800, 3000))
                paths[kind] = f"groups/{slug}/{path}"
                files[f"groups/{slug}/{path}"] = text
        groups.append((slug, hant, v, paths))
        g += 1

    # Links between groups, in the page's own script, with the other group's title as link text
    # (in that group's script): a local notes section each page gets, as operators add after cloning.
    index_of = {slug: i for i, (slug, _, _, _) in enumerate(groups)}
    for i, (slug, hant, v, paths) in enumerate(groups):
        for kind, path in paths.items():
            links = []
            for k in range(rng.randint(2, 5)):
                other = groups[(i * 7 + k * 131 + 1 + rng.randint(0, 50)) % len(groups)]
                if rng.random() < 0.45:  # across scripts when it can
                    same = [o for o in groups[(i + k * 17) % len(groups):][:40] if o[1] != hant]
                    other = same[0] if same else other
                o_slug, o_hant, o_v, o_paths = other
                o_kind = rng.choice(sorted(o_paths))
                target = o_paths[o_kind]
                text = TITLE_OF[o_kind][1 if o_hant else 0].format(**o_v)
                rel = "../" * (path.count("/") - 1) + target[len("groups/"):]
                anchor = ""
                if o_kind == "rules" and rng.random() < 0.5:
                    anchor = "#懲罰-penalties" if o_hant else "#惩罚-penalties"
                links.append(f"[{text}]({rel}{anchor})")
            if hant:
                notes = "\n\n## 本分會補充 Local notes\n\n" + "、".join(links) + " 的做法值得參考。\n\n"
            else:
                notes = "\n\n## 本分会补充 Local notes\n\n可以参考" + "、".join(links) + "的做法。\n\n"
            notes += prose(rng, hant, rng.randint(600, 2500))
            if rng.random() < 0.6:  # a paragraph pasted from a group in the other script
                notes += "".join(rng.sample(ZH if hant else ZHT, 3)) + "\n"
            if rng.random() < 0.6:  # words carried over from the other script inside a sentence
                notes += ("\n這條沿用了杭州分会的做法：新人入群后先改昵称，再做自我介紹。\n" if hant else
                          "\n这条沿用了台北分會的做法：新人入群後先改暱稱，再做自我介绍。\n")
            files[path] += notes
    del index_of

    os.makedirs(args.out)
    for rel, text in list(extra.items()) + [(f"content/{p}", t) for p, t in files.items()]:
        full = os.path.join(args.out, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
    if args.hugo:
        hugo = args.out + "-hugo"
        for rel, text in files.items():
            hugo_path = os.path.join(hugo, "content", rel)
            if hugo_path.endswith("/index.md") and rel != "index.md":
                hugo_path = hugo_path[: -len("index.md")] + "_index.md"
            elif rel == "index.md":
                hugo_path = os.path.join(hugo, "content", "_index.md")
            os.makedirs(os.path.dirname(hugo_path), exist_ok=True)
            with open(hugo_path, "w", encoding="utf-8") as f:
                f.write(text.replace("\nkind:", "\npbkind:", 1))
        here = os.path.dirname(os.path.abspath(__file__))
        shutil.copytree(os.path.join(here, "hugo"), hugo, dirs_exist_ok=True)
        # Playbook writes a page per tag: so does Hugo here.
        config = open(os.path.join(hugo, "config.toml"), encoding="utf-8").read()
        config = config.replace('disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]',
                                'disableKinds = ["RSS", "sitemap", "robotsTXT"]')
        config += '\n[taxonomies]\n  tag = "tags"\n'
        with open(os.path.join(hugo, "config.toml"), "w", encoding="utf-8") as f:
            f.write(config)


if __name__ == "__main__":
    main()
