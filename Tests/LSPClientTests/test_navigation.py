"""Hover, go to definition and the outline."""

from lsprotocol import types

from conftest import open_document, uri

CHARTER = "content/groups/chengdu/index.md"


def at(document, line, character):
    return dict(text_document=types.TextDocumentIdentifier(uri=document), position=types.Position(line=line, character=character))


async def test_hover_on_a_rule_id_says_what_it_wants_with_an_example(client, site):
    text = (site / CHARTER).read_text(encoding="utf-8") + "\n<!-- 已知：group.senses 先放宽 -->\n"
    document, _ = await open_document(client, site, CHARTER, text)
    line = len(text.split("\n")) - 2
    hover = await client.text_document_hover_async(types.HoverParams(**at(document, line, 12)))
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("**`group.senses`**")
    assert "仪式感" in hover.contents.value and "```markdown" in hover.contents.value


async def test_hover_on_a_heading_names_its_element(client, site):
    text = (site / CHARTER).read_text(encoding="utf-8")
    document, _ = await open_document(client, site, CHARTER, text)
    line = text.split("\n").index("## 二、结构 Structure")
    hover = await client.text_document_hover_async(types.HoverParams(**at(document, line, 5)))
    assert "**结构** Structure" in hover.contents.value
    assert "社群五要素之一" in hover.contents.value


async def test_go_to_definition_on_a_link_opens_the_heading_of_its_anchor(client, site):
    text = (site / CHARTER).read_text(encoding="utf-8")
    document, _ = await open_document(client, site, CHARTER, text)
    line = text.split("\n").index("见[群规](rules.md#惩罚-penalties)。")
    result = await client.text_document_definition_async(types.DefinitionParams(**at(document, line, 8)))
    location = result[0] if isinstance(result, list) else result
    assert location.uri == uri(site, "content/groups/chengdu/rules.md")
    rules = (site / "content/groups/chengdu/rules.md").read_text(encoding="utf-8").split("\n")
    assert location.range.start.line == rules.index("## 惩罚 Penalties")


async def test_the_outline_marks_the_five_elements(client, site):
    document, _ = await open_document(client, site, CHARTER)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=document))
    )
    assert [s.name for s in symbols] == ["成都分会"]
    sections = symbols[0].children
    assert [s.detail for s in sections] == [
        "五要素 1/5：同好", "五要素 2/5：结构", "五要素 3/5：输出", "五要素 4/5：运营", "五要素 5/5：复制",
    ]
    assert [c.name for c in sections[1].children] == [
        "成员与分工 Members", "交流平台 Platform", "加入原则与门槛 Threshold", "管理规范 Management",
    ]
