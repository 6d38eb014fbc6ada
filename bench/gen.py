#!/usr/bin/env python3
"""Generates a realistic community handbook of N pages for benchmarking Playbook.

Same --pages and --seed give byte-identical output. Pages mix Simplified, Traditional and
English text, carry the sections each kind requires (so `playbook check` passes), and link to
each other with relative .md links and anchors. With --hugo, a Hugo copy of the same pages is
written beside it (Hugo reserves `kind`, so the copy names it `pbkind`).

    python3 bench/gen.py --pages 1000 --seed 1 --out bench/corpus/1000 [--hugo]
"""
import argparse
import os
import random
import shutil

CITIES = ["hangzhou", "chengdu", "taipei", "beijing", "shanghai", "wuhan", "xian", "nanjing", "suzhou",
          "xiamen", "guangzhou", "shenzhen", "kunming", "dalian", "qingdao", "changsha", "hefei", "tainan"]
ZH = [
    "我们的读书会每周组织一次线上分享，由成员轮流主持，围绕一本书的核心观点展开讨论。",
    "新人入群后先改昵称，再做自我介绍，管理员会在二十四小时内私聊回访。",
    "每月最后一个周六在书店举行线下活动，报名满二十人即开场，名额先到先得。",
    "群主负责整体节奏，值班管理员负责早报、内容投放和晚间总结，分工写在表格里。",
    "打卡可以获得积分，积分可兑换书签、书单和线下活动的优先报名资格。",
    "违规第一次提醒，第二次禁言二十四小时，第三次移出群聊并记录在案。",
]
ZHT = [
    "我們的讀書會每週組織一次線上分享，由成員輪流主持，圍繞一本書的核心觀點展開討論。",
    "新人入群後先改暱稱，再做自我介紹，管理員會在二十四小時內私訊回訪。",
    "每月第一個週六在書店舉行線下活動，報名滿二十人即開場，名額先到先得。",
    "運營官負責記錄打卡與積分，並在月底公布榮譽榜，讓成員有歸屬感與榮譽感。",
]
EN = [
    "Members take turns to host the weekly online session and share their reading notes.",
    "The welcome lead greets every newcomer within a day and checks back on Day 7.",
    "Monthly meetups take place in a local bookstore; the first twenty sign-ups get a seat.",
    "Check-in points can be exchanged for bookmarks and priority sign-up for offline events.",
]


def paragraph(rng, count):
    parts = []
    for _ in range(count):
        pool = rng.choice([ZH, ZH, ZHT, EN])
        sentence = rng.choice(pool)
        if rng.random() < 0.3:
            sentence = sentence.replace("积分", "**积分**").replace("points", "*points*")
        if rng.random() < 0.2:
            sentence += " 见 `群规` 第三条。"
        parts.append(sentence)
    return "".join(parts) + "\n\n"


def filler(rng, size):
    out = ""
    while len(out.encode()) < size:
        kind = rng.random()
        if kind < 0.5:
            out += paragraph(rng, rng.randint(2, 4))
        elif kind < 0.7:
            out += "".join(f"- {rng.choice(ZH + ZHT + EN)}\n" for _ in range(rng.randint(2, 5))) + "\n"
        elif kind < 0.85:
            out += "| 项目 Item | 负责人 Owner | 频率 Cadence |\n|---|---|---|\n"
            out += "".join(f"| {rng.choice(['早报', '晚间总结', '打卡', '線下活動'])} | 运营官 | 每周 |\n"
                           for _ in range(rng.randint(2, 4))) + "\n"
        else:
            out += "".join(f"- [{rng.choice([' ', 'x'])}] {rng.choice(ZH + EN)}\n" for _ in range(rng.randint(2, 4))) + "\n"
    return out


def page_list(n):
    """Deterministic list of (path, kind, city, index) for n pages."""
    pages = []
    per_city = max(1, n // len(CITIES))
    i = 0
    while len(pages) < n:
        city = f"{CITIES[i % len(CITIES)]}-{i // len(CITIES)}"
        for path, kind in [(f"groups/{city}/index.md", "group"), (f"groups/{city}/rules.md", "rules"),
                           (f"onboarding/{city}.md", "onboarding")]:
            if len(pages) < n:
                pages.append((path, kind, city))
        for k in range(per_city // 8 + 3):
            if len(pages) < n:
                pages.append((f"sops/{city}/sop-{k}.md", "sop", city))
        i += 1
    return pages


def body(rng, kind, city, links, size):
    b = ""
    link = lambda: rng.choice(links)
    if kind == "group":
        b += f"## 一、同好 Shared interest\n\n{filler(rng, size // 6)}[群规]({link()})\n\n"
        b += f"## 二、结构 Structure\n\n### 成员与分工 Members and roles\n\n{filler(rng, size // 12)}"
        b += f"### 交流平台 Platform\n\n{paragraph(rng, 1)}### 加入原则与门槛 Threshold\n\n{paragraph(rng, 1)}"
        b += f"### 管理规范 Management rules\n\n{paragraph(rng, 1)}"
        b += f"## 三、输出 Output\n\n{filler(rng, size // 6)}"
        b += "## 四、运营 Operations\n\n每周仪式感的开场、参与感的轮值、组织感的分工、归属感的线下见面、荣誉感的月度榜单。\n\n"
        b += f"{filler(rng, size // 6)}## 五、复制 Replication\n\n{filler(rng, size // 8)}[步骤]({link()})\n"
    elif kind == "rules":
        b += f"## 昵称格式 Nickname format\n\n姓名-行业-{city}\n\n## 行为准则 Conduct\n\n{filler(rng, size // 3)}"
        b += f"## 奖励 Rewards\n\n{filler(rng, size // 4)}## 惩罚 Penalties\n\n1. 警告 warning\n2. 禁言 mute\n3. 移出 removal\n\n"
        b += f"{filler(rng, size // 4)}[入群流程]({link()})\n"
    elif kind == "onboarding":
        b += f"## 入群门槛 Threshold\n\n{filler(rng, size // 4)}## 流程 Steps\n\n"
        b += "1. **第0天** 审核书评\n2. **第1天** 欢迎仪式 welcome\n3. **第1天** 阅读并接受群规\n"
        b += "4. **第3天** 第一次打卡\n5. **第7天** 回访 follow-up\n6. **第30天** 转正\n\n"
        b += f"{filler(rng, size // 2)}[SOP]({link()})\n"
    else:
        b += f"## 目的 Purpose\n\n{filler(rng, size // 5)}## 角色 Roles\n\n- 负责人：运营官\n- 值班管理员\n\n"
        b += "## 步骤 Steps\n\n1. 08:00 早报\n2. 12:00 内容投放\n3. 21:00 晚间总结\n\n"
        b += f"{filler(rng, size // 3)}## 指标 Metrics\n\n| 指标 | 目标 |\n|---|---|\n| 活跃度 | 30% |\n| 留存率 | 60% |\n\n"
        b += f"{filler(rng, size // 6)}[群规]({link()})\n"
    return b


def relative(from_path, to_path):
    depth = from_path.count("/")
    return "../" * depth + to_path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--hugo", action="store_true", help="also write OUT-hugo for Hugo")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pages = page_list(args.pages)
    anchors = {"group": "#二结构-structure", "rules": "#惩罚-penalties", "onboarding": "#流程-steps", "sop": "#步骤-steps"}
    for target in [args.out] + ([args.out + "-hugo"] if args.hugo else []):
        shutil.rmtree(target, ignore_errors=True)
    os.makedirs(os.path.join(args.out, "content"))
    with open(os.path.join(args.out, "playbook.yml"), "w") as f:
        f.write("title: 基准手册 Bench handbook\nlanguage: zh-Hans\n")
    for n, (path, kind, city) in enumerate(pages):
        others = [pages[(n * 7 + k * 13 + 1) % len(pages)] for k in range(4)]
        links = [relative(path, p) + (anchors[k] if rng.random() < 0.5 else "") for p, k, _ in others]
        size = rng.randint(2000, 6000)
        title = {"group": f"{city} 分会", "rules": f"{city} 群规", "onboarding": f"{city} 入群流程",
                 "sop": f"{city} SOP {n}"}[kind]
        fm = f"title: {title}\nkind: {kind}\nowner: 运营官 {city}\n"
        if kind == "group":
            fm += "platform: 微信群\n"
        if kind == "sop":
            fm += "cadence: 每周 weekly\n"
        text = body(rng, kind, city, links, size)
        full = os.path.join(args.out, "content", path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(f"---\n{fm}---\n{text}")
        if args.hugo:
            hugo_path = os.path.join(args.out + "-hugo", "content", path)
            if hugo_path.endswith("/index.md"):
                hugo_path = hugo_path[: -len("index.md")] + "_index.md"
            os.makedirs(os.path.dirname(hugo_path), exist_ok=True)
            with open(hugo_path, "w") as f:
                f.write(f"---\n{fm.replace('kind:', 'pbkind:')}---\n{text}")
    if args.hugo:
        here = os.path.dirname(os.path.abspath(__file__))
        shutil.copytree(os.path.join(here, "hugo"), args.out + "-hugo", dirs_exist_ok=True)


if __name__ == "__main__":
    main()
