#!/bin/sh
# postdodjango's command line without any display: --version and --help must
# work over ssh and in CI; a wrong --project must say why and exit 2.
# usage: cli.sh PATH/TO/postdodjango
set -u
app=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM

out=$("$app" --version 2>&1) || fail "--version exited $?: $out"
echo "$out" | grep -Eq '^postdodjango [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version printed: $out"

out=$("$app" --help 2>&1) || fail "--help exited $?: $out"
for word in --project --version --help; do
    echo "$out" | grep -q -- "$word" || fail "--help does not mention $word: $out"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=$(QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$tmp "$app" --project "$tmp/nowhere" 2>&1)
rc=$?
[ "$rc" -eq 2 ] || fail "--project to a missing folder exited $rc, expected 2: $out"
echo "$out" | grep -q "holds no stack" || fail "--project error was: $out"

out=$("$app" --bogus 2>&1)
rc=$?
[ "$rc" -ne 0 ] || fail "an unknown option was accepted"
echo "$out" | grep -q "bogus" || fail "unknown option message was: $out"
echo "ok"
