"""Completion and code actions, applied as an editor applies them."""

from lsprotocol import types

from conftest import apply_edits, change_document, open_document

CHARTER = "content/groups/chengdu/index.md"
RULES = "content/groups/chengdu/rules.md"
TAIPEI = "content/groups/taipei/rules.md"
SOP = "content/sops/daily.md"


async def complete(client, document, line, character):
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=document),
            position=types.Position(line=line, character=character),
        )
    )
    return result.items if isinstance(result, types.CompletionList) else (result or [])


async def fixes(client, document, diagnostic):
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=document),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    return [a for a in actions or [] if isinstance(a, types.CodeAction)]


async def missing_section_completion(client, site, path, removed, expected):
    text = (site / path).read_text(encoding="utf-8")
    lines = text.split("\n")
    at = lines.index(removed)
    # The section's heading line is emptied down to `## `, as an author starts a heading.
    lines[at] = "## "
    document, _ = await open_document(client, site, path, "\n".join(lines))
    items = await complete(client, document, at, 3)
    labels = [item.label for item in items]
    assert expected in labels
    item = items[labels.index(expected)]
    completed = apply_edits("\n".join(lines), [item.text_edit])
    assert completed.split("\n")[at] == expected
    found = await change_document(client, document, completed, 2)
    assert not [d for d in found if d.code.endswith("missing-section")]


async def test_completion_offers_the_missing_section_in_simplified(client, site):
    await missing_section_completion(client, site, RULES, "## 奖励 Rewards", "## 奖励 Rewards")


async def test_completion_offers_the_missing_section_in_traditional(client, site):
    # The site's language is zh-Hans; the page is written in Traditional and is offered Traditional.
    await missing_section_completion(client, site, TAIPEI, "## 獎勵 Rewards", "## 獎勵 Rewards")


async def test_completion_offers_front_matter_keys_and_values(client, site):
    text = (site / SOP).read_text(encoding="utf-8").replace("cadence: 每天\n", "\n")
    document, _ = await open_document(client, site, SOP, text)
    line = text.split("\n").index("")
    keys = [item.label for item in await complete(client, document, line, 0)]
    assert "cadence" in keys and "trigger" in keys and "owner" not in keys
    text = text.replace("kind: sop", "kind: ")
    await change_document(client, document, text, 2)
    values = [item.label for item in await complete(client, document, 2, len("kind: "))]
    assert values == ["group", "onboarding", "page", "rules", "sop", "template"]


async def test_completion_offers_link_targets_then_their_anchors(client, site):
    text = (site / CHARTER).read_text(encoding="utf-8")
    line = text.split("\n").index("见[群规](rules.md#惩罚-penalties)。")
    document, _ = await open_document(client, site, CHARTER, text.replace("(rules.md#惩罚-penalties)", "()"))
    targets = [item.label for item in await complete(client, document, line, len("见[群规]("))]
    assert "rules.md" in targets and "../taipei/rules.md" in targets and "../../sops/daily.md" in targets
    await change_document(client, document, text.replace("(rules.md#惩罚-penalties)", "(rules.md#)"), 2)
    anchors = [item.label for item in await complete(client, document, line, len("见[群规](rules.md#"))]
    assert anchors == ["#昵称格式-nickname-format", "#行为准则-conduct", "#奖励-rewards", "#惩罚-penalties"]


async def test_a_code_action_adds_the_missing_section_where_the_kind_puts_it(client, site):
    text = (site / CHARTER).read_text(encoding="utf-8")
    start = text.index("## 二、结构 Structure")
    end = text.index("## 三、输出 Output")
    edited = text[:start] + text[end:]
    document, found = await open_document(client, site, CHARTER, edited)
    missing = next(d for d in found if d.code == "group.missing-section")
    actions = await fixes(client, document, missing)
    assert [a.title for a in actions] == ["添加「结构」一节"]
    fixed = apply_edits(edited, actions[0].edit.changes[document])
    # Between 同好 and 输出, with the four parts and fill-in lines, as `playbook new` writes it.
    assert fixed.index("## 一、同好") < fixed.index("## 结构 Structure") < fixed.index("## 三、输出")
    assert "### 交流平台 Platform\n\n（待填写）" in fixed
    found = await change_document(client, document, fixed, 2)
    assert "group.missing-section" not in [d.code for d in found]
    assert "group.empty-section" in [d.code for d in found]


async def test_a_code_action_adds_the_required_field(client, site):
    edited = (site / SOP).read_text(encoding="utf-8").replace("owner: 林晓\n", "")
    document, found = await open_document(client, site, SOP, edited)
    required = next(d for d in found if d.code == "frontmatter.required")
    actions = await fixes(client, document, required)
    # Issue 22: a marker to fill in, never an invented person; it is reported until filled.
    assert [a.title for a in actions] == ["添加 `owner: （待填写）`"]
    fixed = apply_edits(edited, actions[0].edit.changes[document])
    assert fixed.startswith("---\ntitle: 日常运营\nkind: sop\ncadence: 每天\nowner: （待填写）\n---\n")
    assert [d.code for d in await change_document(client, document, fixed, 2)] == ["frontmatter.required"]


async def test_did_you_mean_fixes_an_unknown_kind_and_a_broken_link(client, site):
    text = (site / CHARTER).read_text(encoding="utf-8")
    edited = text.replace("kind: group", "kind: gruop").replace("(rules.md#惩罚-penalties)", "(rule.md#惩罚-penalties)")
    document, found = await open_document(client, site, CHARTER, edited)
    kind = next(d for d in found if d.code == "page.unknown-kind")
    actions = await fixes(client, document, kind)
    assert [a.title for a in actions] == ["改成 `kind: group`"]
    edited = apply_edits(edited, actions[0].edit.changes[document])
    found = await change_document(client, document, edited, 2)
    link = next(d for d in found if d.code == "page.broken-link")
    actions = await fixes(client, document, link)
    assert [a.title for a in actions] == ["改成 `rules.md#惩罚-penalties`"]
    assert apply_edits(edited, actions[0].edit.changes[document]) == text
