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
4. Every module says what it is: Sources/<Module>/<Module>.swift (main.swift for the
   executable) opens with the module's header comment, `// <Module>: …` (what it owns, what it
   must not do, its entry points), the way a crate's lib.rs does.
5. Nothing is `public` but what the nested fuzz/ package needs: the qualified names listed in
   .ci/public-api.txt. Everything else the package shares is `package`; a `public` declaration
   outside the list fails the check, and so does a listed name declared nowhere as public.

Usage: .ci/check-modules.py   (exit 0 when all holds; 1 with one line per problem; SWIFT names
the swift binary when it is not on PATH). EndToEndTests runs it too (ModuleGraphTests), on this
tree and on a copy with a stray `public` and a missing header, which must fail.
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
    match = re.search(r"^// (Model\b[^←\n]*←.*?)$", text, re.M)
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


def code_only(text):
    """`text` with comments and string literals blanked (newlines kept), for the declaration scan."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    if text[i] == "\n":
                        out.append("\n")
                    i += 1
        elif text[i] == '"' or (text[i] == "#" and re.match(r'#+"', text[i:])):
            hashes = len(re.match(r'#*', text[i:]).group(0))
            i += hashes
            multi = text.startswith('"""', i)
            close = ('"""' if multi else '"') + "#" * hashes
            i += 3 if multi else 1
            while i < n and not text.startswith(close, i):
                if text[i] == "\\" and hashes == 0:
                    # An interpolation may hold strings of its own: skip it whole.
                    start = i
                    if i + 1 < n and text[i + 1] == "(":
                        depth, i = 1, i + 2
                        while i < n and depth:
                            depth += {"(": 1, ")": -1}.get(text[i], 0)
                            i += 1
                    else:
                        i += 2
                    out.append("\n" * text.count("\n", start, i))
                    continue
                if text[i] == "\n":
                    out.append("\n")
                i += 1
            i += len(close)
            out.append('""')
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[{}();,<>:.=?!@]|\S")
TYPE_WORDS = {"struct", "class", "enum", "protocol", "extension", "actor"}
DECL_WORDS = TYPE_WORDS | {"func", "var", "let", "init", "subscript", "typealias", "case", "associatedtype"}


def public_declarations(path, module):
    """(qualified name, line) of every `public` declaration in the Swift file at `path`."""
    code = code_only(open(path, encoding="utf-8").read())
    tokens = [(m.group(0), code.count("\n", 0, m.start()) + 1) for m in TOKEN.finditer(code)]
    found, stack, depth, pending = [], [], 0, None
    for k, (token, line) in enumerate(tokens):
        previous = tokens[k - 1][0] if k else ""
        following = tokens[k + 1][0] if k + 1 < len(tokens) else ""
        if token in TYPE_WORDS and previous != "." and following not in ("func", "var", "let", "subscript"):
            # The type's name, dotted for an extension of a nested type.
            name, j = [], k + 1
            while j < len(tokens) and re.match(r"[A-Za-z_]", tokens[j][0]):
                name.append(tokens[j][0])
                if j + 1 < len(tokens) and tokens[j + 1][0] == ".":
                    j += 2
                else:
                    break
            pending = ".".join(name) or None
        elif token == "{":
            depth += 1
            if pending:
                stack.append((pending, depth))
                pending = None
        elif token == "}":
            if stack and stack[-1][1] == depth:
                stack.pop()
            depth -= 1
        elif token == ";":
            pending = None
        if token != "public" or previous == ".":
            continue
        j = k + 1
        while j < len(tokens) and tokens[j][0] not in DECL_WORDS:
            j += 1
        if j >= len(tokens):
            continue
        word = tokens[j][0]
        if word in ("init", "subscript"):
            name = word
        elif word == "extension":
            continue
        else:
            name = tokens[j + 1][0] if j + 1 < len(tokens) else "?"
        owner = [n for n, _ in stack]
        found.append((".".join([module] + owner + [name]), line))
    return found


def public_problems(targets, graphed):
    allowed_file = os.path.join(ROOT, ".ci", "public-api.txt")
    allowed = set()
    for line in open(allowed_file, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            allowed.add(line)
    outside, seen = [], set()
    for name in sorted(graphed):
        target = targets[name]
        if target["type"] == "system":
            continue
        folder = os.path.join(ROOT, target.get("path") or os.path.join("Sources", name))
        for path in sorted(swift_files(folder)):
            for qualified, line in public_declarations(path, name):
                seen.add(qualified)
                if qualified not in allowed:
                    outside.append(f"{os.path.relpath(path, ROOT)}:{line}: `{qualified}` is public; make it package (or add it to .ci/public-api.txt if fuzz/ needs it)")
    stale = [f".ci/public-api.txt: {name} is listed but declared nowhere as public" for name in sorted(allowed - seen)]
    return outside, stale


def header_problems(targets, graphed):
    problems = []
    for name in sorted(graphed):
        target = targets[name]
        if target["type"] == "system":
            continue
        folder = target.get("path") or os.path.join("Sources", name)
        file = os.path.join(folder, "main.swift" if target["type"] == "executable" else name + ".swift")
        path = os.path.join(ROOT, file)
        if not os.path.exists(path):
            problems.append(f"{file}: missing; each module has a header file saying what it owns, what it must not do and its entry points")
            continue
        if not open(path, encoding="utf-8").read().startswith(f"// {name}: "):
            problems.append(f"{file}: does not open with the module's header comment, `// {name}: …`")
    return problems


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
        elif module.startswith("Playbook") and module not in ours:
            problems.append(f"{where}: imports {module}, which Package.swift does not declare")

    problems += header_problems(targets, graphed)
    outside, stale = public_problems(targets, graphed)
    problems += stale + outside

    for line in problems:
        print(line)
    if problems:
        sys.exit(1)
    print(f"check-modules: {len(graphed)} modules, {sum(len(declared[n]) for n in graphed)} dependencies, every import declared, every module headed, nothing public but .ci/public-api.txt")


if __name__ == "__main__":
    main()
