"""Diagnostics as you type: the rules, ids, severities, hints and positions of `playbook check`."""

import subprocess

from lsprotocol import types

from conftest import BIN, as_check, change_document, check, open_document, published, uri

CHARTER = "content/groups/chengdu/index.md"
RULES = "content/groups/chengdu/rules.md"


async def test_a_clean_page_has_no_diagnostics(client, site):
    _, found = await open_document(client, site, RULES)
    assert found == []


async def test_diagnostics_after_an_edit_are_those_check_reports(client, site):
    text = (site / RULES).read_text(encoding="utf-8")
    document, _ = await open_document(client, site, RULES)
    edited = text.replace("## 奖励 Rewards", "## 其他 Other").replace("2. 禁言\n3. 移出\n", "")
    found = await change_document(client, document, edited, 2)
    assert sorted(d.code for d in found) == ["rules.missing-section", "rules.penalty-levels"]
    # The same text saved and checked from the command line gives the same findings.
    (site / RULES).write_text(edited, encoding="utf-8")
    assert [as_check(site, RULES, edited, d) for d in found] == [d for d in check(site) if d["file"] == RULES]
    missing = next(d for d in found if d.code == "rules.missing-section")
    assert missing.severity == types.DiagnosticSeverity.Error
    assert missing.source == "playbook"
    assert "「奖励」" in missing.message and "惩罚 Penalties" in missing.data["hint"]


async def test_columns_count_utf16_units_under_chinese_text_and_emoji(client, site):
    # 📚 and 𠀋 take two UTF-16 units each: the link's column differs from its code point column.
    text = (site / CHARTER).read_text(encoding="utf-8").replace(
        "在成都、每月读完一本书的成年人 📚。", "在成都、每月读完一本书的成年人 📚𠀋，见[流程](rules.md#没有这节)。"
    )
    document, found = await open_document(client, site, CHARTER, text)
    anchor = next(d for d in found if d.code == "page.broken-anchor")
    line = text.split("\n")[anchor.range.start.line]
    prefix = line[: line.index("[流程]")]
    assert anchor.range.start.character == len(prefix.encode("utf-16-le")) // 2
    assert anchor.range.start.character == len(prefix) + 2
    (site / CHARTER).write_text(text, encoding="utf-8")
    expected = [d for d in check(site) if d["file"] == CHARTER]
    assert [as_check(site, CHARTER, text, d) for d in found] == expected
    assert expected[0]["column"] == len(prefix) + 1


async def test_changing_a_linked_page_updates_the_page_that_links_to_it(client, site):
    charter, found = await open_document(client, site, CHARTER)
    assert found == []
    rules, _ = await open_document(client, site, RULES)
    text = (site / RULES).read_text(encoding="utf-8").replace("## 惩罚 Penalties", "## 惩罚与处理 Penalties")
    # Saving (or just editing) the rules page renames the heading the charter links to.
    await change_document(client, rules, text, 2)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=rules)))
    found = client.diagnostics[charter]
    assert [d.code for d in found] == ["page.broken-anchor"]
    assert "惩罚与处理-penalties" in found[0].data["hint"]


async def test_a_file_saved_by_another_program_updates_the_open_page(client, site):
    charter, _ = await open_document(client, site, CHARTER)
    (site / RULES).write_text(
        (site / RULES).read_text(encoding="utf-8").replace("## 惩罚 Penalties", "## 处罚"), encoding="utf-8"
    )
    found = await published(
        client,
        charter,
        lambda: client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=uri(site, RULES), type=types.FileChangeType.Changed)]
            )
        ),
    )
    assert [d.code for d in found] == ["page.broken-anchor"]


async def test_the_baseline_is_honoured(client, site):
    text = (site / RULES).read_text(encoding="utf-8").replace("## 奖励 Rewards", "## 其他")
    (site / RULES).write_text(text, encoding="utf-8")
    subprocess.run([BIN, "check", "--write-baseline", "--source", str(site)], check=True, capture_output=True)
    baseline = uri(site, ".playbook-baseline.json")
    document, _ = await open_document(client, site, RULES)
    found = await published(
        client,
        document,
        lambda: client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=baseline, type=types.FileChangeType.Created)])
        ),
    )
    assert found == []
    # A new finding is not in the baseline and shows, as `check` shows it (the baseline
    # tolerates one finding on the line it recorded).
    edited = text.replace("## 行为准则 Conduct", "## 言论")
    found = await change_document(client, document, edited, 2)
    assert [d.code for d in found] == ["rules.missing-section"]
    (site / RULES).write_text(edited, encoding="utf-8")
    assert [as_check(site, RULES, edited, d) for d in found] == [d for d in check(site) if d["file"] == RULES]
