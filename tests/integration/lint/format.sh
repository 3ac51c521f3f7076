#!/bin/sh
# The C++ tree is as .clang-format says (clang-format 14, Debian bookworm's).
# Lists every file that is not, with the first lines clang-format would change,
# and the one command that fixes them all. Under CI=true a missing clang-format
# is a failure; elsewhere the check says so and is skipped (exit 77).
set -eu
src=${PDD_SOURCE_DIR:-$(cd "$(dirname "$0")/../../.." && pwd)}
cd "$src"
cf=${CLANG_FORMAT:-clang-format}
if ! command -v "$cf" >/dev/null 2>&1; then
    echo "format.sh: $cf not found (apt install clang-format)." >&2
    [ "${CI:-}" = "true" ] && exit 1
    exit 77
fi
bad=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for f in $(git ls-files '*.cpp' '*.h'); do
    "$cf" --style=file "$f" > "$tmp"
    if ! cmp -s "$f" "$tmp"; then
        echo "not formatted: $f"
        diff -u "$f" "$tmp" | sed -n '3,14p' | sed 's/^/    /'
        bad=$((bad + 1))
    fi
done
if [ "$bad" -gt 0 ]; then
    echo "$bad file(s) differ from .clang-format. Fix: git ls-files '*.cpp' '*.h' | xargs $cf -i"
    exit 1
fi
echo "ok   $(git ls-files '*.cpp' '*.h' | wc -l) C++ files follow .clang-format ($("$cf" --version | sed 's/.*version //'))"
