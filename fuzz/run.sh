#!/bin/sh
# Builds the fuzz targets with libFuzzer and AddressSanitizer, then fuzzes one of them.
#   fuzz/run.sh TARGET SECONDS [libFuzzer options…]
# TARGET is FrontMatter, Markdown, Check, Placeholders or Merge (or the full FuzzX name).
# New inputs go to fuzz/corpus/TARGET.work/ (ignored by git), seeded from fuzz/corpus/TARGET/;
# a crash is written to fuzz/artifacts/ and the script exits non-zero.
set -eu
cd "$(dirname "$0")"
[ $# -ge 2 ] || { echo "usage: fuzz/run.sh TARGET SECONDS [libFuzzer options…]" >&2; exit 64; }
name=${1#Fuzz}
seconds=$2
shift 2
case $name in
FrontMatter | Markdown | Check | Placeholders | Merge) ;;
*) echo "unknown target $name: FrontMatter, Markdown, Check, Placeholders or Merge" >&2; exit 64 ;;
esac
swift build -c debug --product "Fuzz$name" -Xswiftc -sanitize=fuzzer,address >&2
binary=$(swift build -c debug --show-bin-path)/Fuzz$name
mkdir -p "corpus/$name.work" artifacts
exec "$binary" "corpus/$name.work" "corpus/$name" -max_total_time="$seconds" -max_len=65536 -timeout=20
    -rss_limit_mb=4096 -artifact_prefix=artifacts/"$name"- -print_final_stats=1 "$@"
