#!/usr/bin/env python3
"""Checks that the module graph stays as the README draws it.

1. The graph in README.md ("How it is built", the block after `<!-- module graph -->`) lists
   exactly the targets of Package.swift (test targets and TestSupport aside) with exactly their
   declared dependencies.
2. Every dependency points to a lower tier of that graph: nothing goes sideways or up. Tiers are
   the graph's paragraphs, top first; the header comment of Package.swift names the same tiers.
3. Every `import` of one of the package's own modules, in Sources/, Tests/ and fuzz/, is a
   dependency its target declares (fuzz/: a module of the PlaybookStages product), so no module
   leans on what another one happens to link; and each module of the graph imports every
   dependency it declares, so the graph is the import graph.

Usage: .ci/check-modules.py   (exit 0 when all holds; 1 with one line per problem; SWIFT names
the swift binary when it is not on PATH). EndToEndTests runs it too (ModuleGraphTests).
"""

import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_implementationOnly\s+)?import\s+(?:(?:struct|class|enum|func)\s+)?(\w+)", re.M)


def dump_package():
    # A scratch folder of its own, so the check neither waits for nor disturbs a running build.
    with tempfile.TemporaryDirectory() as scratch:
        out = subprocess.run(
            [os.environ.get("SWIFT", "swift"), "package", "--package-path", ROOT, "--scratch-path", scratch, "dump-package"],
            check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def dependency_name(dep):
    for kind in ("byName", "target"):
        if kind in dep:
            return dep[kind][0]
    if "product" in dep:
        return dep["product"][0]
    raise ValueError(f"unknown dependency form {dep}")


def readme_graph():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    match = re.search(r"<!-- module graph -->\s*```[a-z]*\n(.*?)```", text, re.S)
    if not match:
        sys.exit("check-modules: README.md has no ```block after <!-- module graph -->")
    tiers, edges = [], {}
    for paragraph in re.split(r"\n\s*\n", match.group(1).strip()):
        tier = []
        for line in paragraph.splitlines():
            name, _, deps = line.partition("→")
            name = name.strip()
            tier.append(name)
            edges[name] = [d.strip() for d in deps.split(",") if d.strip()]
        tiers.append(tier)
    return tiers, edges


def header_tiers():
    """The tiers the header comment of Package.swift names, bottom first, without the prefix."""
    text = open(os.path.join(ROOT, "Package.swift"), encoding="utf-8").read()
    match = re.search(r"^// (Model ←.*?)$", text, re.M)
    if not match:
        sys.exit("check-modules: Package.swift's header has no `// Model ← …` line")
    line = match.group(1).rstrip(".")
    return [[name.strip() for name in tier.split(",")] for tier in line.split("←")]


def swift_files(folder):
    for base, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.endswith(".swift"):
                yield os.path.join(base, name)


def imports_in(folder):
    found = {}
    for path in swift_files(folder):
        for module in IMPORT.findall(open(path, encoding="utf-8").read()):
            found.setdefault(module, os.path.relpath(path, ROOT))
    return found


def main():
    package = dump_package()
    targets = {t["name"]: t for t in package["targets"]}
    declared = {name: [dependency_name(d) for d in t["dependencies"]] for name, t in targets.items()}
    ours = set(targets)
    problems = []

    graphed = {n for n, t in targets.items() if t["type"] != "test" and n != "TestSupport"}
    tiers, edges = readme_graph()
    if set(edges) != graphed:
        for name in sorted(graphed - set(edges)):
            problems.append(f"README.md: the module graph lacks {name}")
        for name in sorted(set(edges) - graphed):
            problems.append(f"README.md: the module graph names {name}, which Package.swift does not declare")
    for name in sorted(graphed & set(edges)):
        if sorted(edges[name]) != sorted(declared[name]):
            problems.append(
                f"README.md: {name} → {', '.join(edges[name]) or 'nothing'}; "
                f"Package.swift declares {', '.join(declared[name]) or 'nothing'}")

    rank = {name: len(tiers) - i for i, tier in enumerate(tiers) for name in tier}
    for name in sorted(graphed):
        for dep in declared[name]:
            if dep in ours and dep in rank and name in rank and rank[dep] >= rank[name]:
                way = "sideways" if rank[dep] == rank[name] else "up"
                problems.append(f"Package.swift: {name} depends on {dep}, {way} in the module graph")

    short = lambda n: n[len("Playbook"):] if n.startswith("Playbook") else n
    readme_tiers = [[short(n) for n in tier if not n.startswith("C")] for tier in reversed(tiers)]
    if [sorted(t) for t in header_tiers()] != [sorted(t) for t in readme_tiers]:
        problems.append(
            "Package.swift: the header comment's tiers are not the README's: "
            + " ← ".join(", ".join(t) for t in readme_tiers))

    for name, target in sorted(targets.items()):
        if target["type"] == "system":
            continue
        folder = target.get("path") or os.path.join("Tests" if target["type"] == "test" else "Sources", name)
        imported = imports_in(os.path.join(ROOT, folder))
        for module, where in sorted(imported.items()):
            if module in ours and module != name and module not in declared[name]:
                problems.append(f"{where}: imports {module}, which {name} does not declare in Package.swift")
        if name in graphed:
            for dep in declared[name]:
                # A product is imported under the name of its module, which is the product's here.
                if dep not in imported:
                    problems.append(f"Package.swift: {name} declares {dep}, which none of its files imports")

    stages = next(p["targets"] for p in package["products"] if p["name"] == "PlaybookStages")
    for module, where in sorted(imports_in(os.path.join(ROOT, "fuzz", "Sources")).items()):
        if module in ours and module not in stages:
            problems.append(f"{where}: imports {module}, which the PlaybookStages product does not hold")

    for line in problems:
        print(line)
    if problems:
        sys.exit(1)
    print(f"check-modules: {len(graphed)} modules, {sum(len(declared[n]) for n in graphed)} dependencies, every import declared")


if __name__ == "__main__":
    main()
