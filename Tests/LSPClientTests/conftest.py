"""End-to-end tests of `playbook lsp` driven by a real LSP client (pytest-lsp).

Each test copies site/ into a temporary folder, starts the server on it and talks to it the
way an editor does. PLAYBOOK_BIN names the binary (default: .build/debug/playbook).
"""

import asyncio
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = Path(__file__).resolve().parents[2]
BIN = os.environ.get("PLAYBOOK_BIN", str(REPO / ".build" / "debug" / "playbook"))
FIXTURE = Path(__file__).resolve().parent / "site"


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BIN, "lsp"]))
async def client(lsp_client: LanguageClient, site: Path):
    lsp_client.registrations = []

    # The server asks to watch the site's files, as editors allow.
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=site.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=site.as_uri(), name="site")],
        )
    )
    yield
    await lsp_client.shutdown_session()


def uri(site: Path, path: str) -> str:
    return (site / path).as_uri()


async def published(client: LanguageClient, document: str, action, timeout: float = 15):
    """Runs `action` and waits for the next diagnostics the server publishes for `document`."""
    client.diagnostics.pop(document, None)
    action()
    async def wait():
        while document not in client.diagnostics:
            await asyncio.sleep(0.01)
    await asyncio.wait_for(wait(), timeout)
    return list(client.diagnostics[document])


async def open_document(client: LanguageClient, site: Path, path: str, text: str | None = None, timeout: float = 15):
    """Opens a page (with `text`, or as it is on disk) and returns its uri and first diagnostics."""
    document = uri(site, path)
    if text is None:
        text = (site / path).read_text(encoding="utf-8")
    found = await published(
        client,
        document,
        lambda: client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=document, language_id="markdown", version=1, text=text)
            )
        ),
        timeout,
    )
    return document, found


async def change_document(client: LanguageClient, document: str, text: str, version: int):
    """Replaces a document's whole text and returns the diagnostics of the change."""
    return await published(
        client,
        document,
        lambda: client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=document, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        ),
    )


def utf16_offset(line: str, character: int) -> int:
    """The Python string index of a UTF-16 column."""
    units = 0
    for index, ch in enumerate(line):
        if units >= character:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line)


def apply_edits(text: str, edits) -> str:
    """Applies TextEdits (UTF-16 positions) to text, last first."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(position):
        if position.line >= len(lines):
            return len(text)
        return starts[position.line] + utf16_offset(lines[position.line], position.character)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def check(site: Path) -> list[dict]:
    """What `playbook check --format json` reports for the site."""
    run = subprocess.run([BIN, "check", "--format", "json", "--source", str(site)], capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)["diagnostics"]


def as_check(site: Path, path: str, text: str, diagnostic: types.Diagnostic) -> dict:
    """A published diagnostic in the form `check --format json` prints, columns converted back
    from UTF-16 units to code points."""
    line = text.split("\n")[diagnostic.range.start.line]
    column = utf16_offset(line, diagnostic.range.start.character) + 1
    return {
        "file": path,
        "line": diagnostic.range.start.line + 1,
        "column": column,
        "severity": "error" if diagnostic.severity == types.DiagnosticSeverity.Error else "warning",
        "rule": diagnostic.code,
        "message": diagnostic.data["message"],
        "hint": diagnostic.data["hint"],
    }
