#!/usr/bin/env python3
"""Writes Sources/PlaybookModel/RegionalPhrases.swift from OpenCC's Taiwan phrase dictionaries.

OpenCC's `TWPhrases` (mainland phrase in Traditional characters → Taiwan phrase) and
`TWPhrasesRev` (the reverse) are dumped with OpenCC's own `opencc_dict` and written as pairs;
search indexes a page holding one side of a pair under the other too (伺服器 / 服务器).
`PlaybookEditionsTests` checks every pair against the OpenCC the binary links.

    scripts/regional-phrases.py [--opencc-data /usr/share/opencc]
"""
import argparse
import pathlib
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]


def dump(data, name):
    with tempfile.TemporaryDirectory() as scratch:
        out = pathlib.Path(scratch) / "dict.txt"
        subprocess.run(["opencc_dict", "-i", str(data / f"{name}.ocd2"), "-o", str(out), "-f", "ocd2", "-t", "text"],
                       check=True)
        pairs = []
        for line in out.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            for value in values.split():
                if value != key:
                    pairs.append((key, value))
        return pairs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--opencc-data", default="/usr/share/opencc")
    args = ap.parse_args()
    data = pathlib.Path(args.opencc_data)
    pairs = set()
    for key, value in dump(data, "TWPhrases"):
        pairs.add((key, value))
    for key, value in dump(data, "TWPhrasesRev"):
        pairs.add((value, key))
    lines = [
        "// Generated from OpenCC's TWPhrases and TWPhrasesRev dictionaries by scripts/regional-phrases.py; do not edit.",
        "// OpenCC's dictionaries are Apache-2.0 licensed.",
        "",
        "/// Phrases that mainland and Taiwan usage write differently (服務器 / 伺服器, 文件夾 / 資料夾),",
        "/// as OpenCC's regional phrase dictionaries pair them: the mainland phrase (in Traditional",
        "/// characters, as OpenCC keys it) and the Taiwan phrase. Search indexes a page holding one side",
        "/// under the other as well, so each edition finds both.",
        "public enum RegionalPhrases {",
        f"    /// {len(pairs)} pairs.",
        "    public static let pairs: [(mainland: String, regional: String)] = [",
    ]
    for key, value in sorted(pairs):
        lines.append(f"        ({swift(key)}, {swift(value)}),")
    lines += ["    ]", "}", ""]
    (ROOT / "Sources/PlaybookModel/RegionalPhrases.swift").write_text("\n".join(lines), encoding="utf-8")


def swift(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    main()
