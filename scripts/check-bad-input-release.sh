#!/bin/sh
# Runs the bad-input cases that depend on stack size and speed against a RELEASE build of the
# real binary (the test suite runs them in debug, in-process): a list nested 10,000 deep, a
# block quote 20,000 deep, one line of `* ` and of `1. `, 480 KB of `![[]()`, and a YAML
# "billion laughs" in front matter and in playbook.yml. Each must end with exit status 1 and the
# expected rule, never a signal, within the time limit.
#   scripts/check-bad-input-release.sh        (builds with `swift build -c release` first)
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product playbook >&2
bin=$(swift build -c release --show-bin-path)/playbook
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
# case NAME RULE PYTHON-EXPRESSION-FOR-THE-PAGE [CONFIG-EXPRESSION]
run_case() {
    site="$work/$1"
    mkdir -p "$site/content"
    python3 -c "import sys; sys.stdout.write($3)" > "$site/content/page.md"
    printf '# 首页\n' > "$site/content/index.md"
    if [ $# -ge 4 ]; then python3 -c "import sys; sys.stdout.write($4)" > "$site/playbook.yml"; fi
    set +e
    timeout 60 "$bin" check --source "$site" --format json > "$site/out.json" 2> "$site/err.txt"
    status=$?
    set -e
    if [ "$status" -ne "$5" ] || ! grep -q "\"rule\" *: *\"$2\"" "$site/out.json"; then
        echo "FAIL $1: exit $status (want $5), rule $2 $(grep -c "$2" "$site/out.json") times" >&2
        head -c 400 "$site/err.txt" >&2
        failed=1
    else
        echo "ok   $1: exit $status, $2"
    fi
}
laughs='"".join(f"{c}: &{c} [" + ",".join([f"*{p}"] * 10 if p else ["\"lol\""] * 10) + "]\n" for p, c in zip([""] + list("abcdefgh"), "abcdefghi"))'
run_case list-10000-deep markdown.nesting '"# L\n\n" + "* " * 10000 + "x\n"' '"title: t\n"' 1
run_case ordered-5000-deep markdown.nesting '"# O\n\n" + "1. " * 5000 + "x\n"' '"title: t\n"' 1
run_case quote-20000-deep markdown.nesting '"# Q\n\n" + "> " * 20000 + "x\n"' '"title: t\n"' 1
run_case indented-list-3000-deep markdown.nesting '"# I\n\n" + "".join("  " * i + "- x\n" for i in range(3000))' '"title: t\n"' 1
run_case brackets-480kb markdown.brackets '"# B\n\n" + "![[]()" * 80000 + "\n"' '"title: t\n"' 1
run_case frontmatter-laughs frontmatter.yaml '"---\n" + '"$laughs"' + "---\n# F\n"' '"title: t\n"' 1
run_case config-laughs config.yaml '"# C\n"' "$laughs" 2
# Nesting just under the limit is read, rendered and written by `build`.
site="$work/just-under-the-limit"
mkdir -p "$site/content"
python3 -c 'import sys; sys.stdout.write("# D\n\n" + "> - " * 31 + "**[*~~x~~*](index.md)**\n")' > "$site/content/deep.md"
printf '# 首页\n' > "$site/content/index.md"
if timeout 60 "$bin" build --source "$site" --output "$site/public" -q && grep -q '<del>x</del>' "$site/public/deep/index.html"; then
    echo "ok   just-under-the-limit: built"
else
    echo "FAIL just-under-the-limit: not built" >&2
    failed=1
fi
exit $failed
