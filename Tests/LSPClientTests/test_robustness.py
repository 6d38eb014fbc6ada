"""What must never kill the server, and how it stops. Some of these need bytes no client library
sends (a broken frame, invalid JSON), so they speak the protocol by hand over the pipes."""

import json
import subprocess

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcMethodNotFound

from conftest import BIN, open_document


class RawClient:
    def __init__(self, root):
        self.process = subprocess.Popen([BIN, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.root = root

    def write(self, data: bytes):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict):
        body = json.dumps(message).encode()
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def receive(self) -> dict:
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            byte = self.process.stdout.read(1)
            assert byte, "the server closed its output"
            header += byte
        length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
        return json.loads(self.process.stdout.read(length))

    def response(self, id) -> dict:
        while True:
            message = self.receive()
            if message.get("id") == id and "method" not in message:
                return message

    def initialize(self):
        self.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": self.root.as_uri(), "capabilities": {}}})
        assert "capabilities" in self.response(1)["result"]
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})

    def finish(self, timeout=10) -> int:
        return self.process.wait(timeout=timeout)


async def test_an_unknown_request_is_method_not_found_and_the_server_goes_on(client, site):
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("playbook/unknown", {})
    client.protocol.notify("playbook/unknownNotification", {})
    _, found = await open_document(client, site, "content/groups/chengdu/rules.md")
    assert found == []


def test_malformed_messages_are_answered_or_logged_and_the_server_goes_on(site):
    raw = RawClient(site)
    raw.initialize()
    raw.write(b"Content-Length: 9\r\n\r\n{not json")
    error = raw.receive()
    assert error["id"] is None and error["error"]["code"] == -32700
    raw.write(b"Content-Type: text/plain\r\n\r\n")
    log = raw.receive()
    assert log["method"] == "window/logMessage" and "Content-Length" in log["params"]["message"]
    raw.send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///nowhere.md"}, "position": {"line": 0, "character": 0}}})
    assert raw.response(2)["error"]["code"] == -32602
    raw.send({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
    assert raw.response(3)["result"] is None
    raw.send({"jsonrpc": "2.0", "method": "exit"})
    assert raw.finish() == 0


def test_exit_without_shutdown_is_status_one(site):
    raw = RawClient(site)
    raw.initialize()
    raw.send({"jsonrpc": "2.0", "method": "exit"})
    assert raw.finish() == 1


def test_closing_the_input_after_shutdown_is_status_zero(site):
    raw = RawClient(site)
    raw.initialize()
    raw.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    assert raw.response(2)["result"] is None
    raw.process.stdin.close()
    assert raw.finish() == 0


async def test_a_file_outside_the_site_is_not_checked(client, site, tmp_path):
    outside = tmp_path / "notes.md"
    outside.write_text("# 随笔\n", encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=outside.as_uri(), language_id="markdown", version=1, text="# 随笔\n")
        )
    )
    _, found = await open_document(client, site, "content/groups/chengdu/rules.md")
    assert found == []
    assert outside.as_uri() not in client.diagnostics
    assert any("not a page" in m.message for m in client.log_messages)


async def test_a_ten_megabyte_page_is_checked_and_the_server_goes_on(client, site):
    line = "每一行都是一段很长的读书笔记，写着成员的体会 😀 and some English words too.\n"
    text = "---\ntitle: 大文件\nkind: rules\n---\n\n" + line * (10_000_000 // len(line.encode()))
    assert len(text.encode()) > 9_900_000
    # A debug build takes its time over ten megabytes; the point is that it answers.
    document, found = await open_document(client, site, "content/groups/chengdu/big.md", text, timeout=120)
    assert sorted({d.code for d in found}) == ["rules.missing-section"]
    _, found = await open_document(client, site, "content/groups/chengdu/rules.md")
    assert found == []
