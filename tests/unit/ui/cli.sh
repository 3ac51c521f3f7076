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
for word in --project --version --help --verbose; do
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
# --verbose turns the areas' diagnostics on; without it they stay quiet.
stack=$tmp/stack
mkdir -p "$stack"
printf 'services:\n\tdb:\n' >"$stack/docker-compose.yml"
printf '#!/bin/sh\n' >"$stack/run"
for flag in "" --verbose; do
    # shellcheck disable=SC2086
    QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$tmp DOCKER_HOST=unix://$tmp/none.sock QT_MESSAGE_PATTERN='%{category}: %{message}' \
        timeout 4 "$app" --project "$stack" $flag >"$tmp/out.$flag" 2>&1
    if [ -n "$flag" ]; then
        grep -q '^pdd.compose: compose model not loaded' "$tmp/out.$flag" || fail "--verbose printed: $(cat "$tmp/out.$flag")"
        grep -q '^pdd.engine: ' "$tmp/out.$flag" || fail "--verbose printed nothing of the engine: $(cat "$tmp/out.$flag")"
    elif grep -q '^pdd\.' "$tmp/out.$flag"; then
        fail "diagnostics without --verbose: $(cat "$tmp/out.$flag")"
    fi
done
echo "ok"
