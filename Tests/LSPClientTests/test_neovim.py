"""The Neovim configuration the README gives, run in headless Neovim (Debian's 0.7), against the
real server: the snippet is taken from the README itself, so the README stays true."""

import json
import os
import re
import subprocess
from pathlib import Path

from conftest import BIN, REPO


def readme_snippet(version_note: str) -> str:
    """The Lua block of the README's Neovim section that follows `version_note`."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Neovim") :]
    after = section[section.index(version_note) :]
    return re.search(r"```lua\n(.*?)```", after, re.S).group(1)


def test_the_readme_neovim_07_configuration_shows_the_findings(site, tmp_path):
    page = site / "content/groups/chengdu/rules.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## 奖励 Rewards", "## 其他"), encoding="utf-8")
    init = tmp_path / "init.lua"
    init.write_text(readme_snippet("Neovim 0.7 has no `vim.lsp.start`"), encoding="utf-8")
    out = tmp_path / "diagnostics.json"
    probe = tmp_path / "probe.lua"
    probe.write_text(
        f"""
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local found = {{}}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(found, {{ line = d.lnum, col = d.col, message = d.message,
    code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) }})
end
local file = io.open("{out}", "w")
file:write(vim.fn.json_encode(found))
file:close()
""",
        encoding="utf-8",
    )
    env = dict(os.environ, PATH=str(Path(BIN).parent) + os.pathsep + os.environ["PATH"], XDG_CONFIG_HOME=str(tmp_path))
    subprocess.run(
        ["nvim", "--headless", "-n", "-i", "NONE", "-u", str(init), str(page), "-c", f"luafile {probe}", "-c", "qa!"],
        cwd=site, env=env, check=True, timeout=60, capture_output=True,
    )
    found = json.loads(out.read_text(encoding="utf-8"))
    assert [(d["code"], d["line"]) for d in found] == [("rules.missing-section", 17)]
    assert found[0]["message"].startswith("缺少「奖励」一节")
