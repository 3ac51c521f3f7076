#!/bin/sh
# Scenario 8 and static checks of the stack: the systemd unit verifies, the
# shell scripts are shellcheck-clean, and the compose file is accepted by the
# compose CLI(s) present for both profiles.
set -eu
src=${PDD_SOURCE_DIR:-$(cd "$(dirname "$0")/../../.." && pwd)}
fail=0
check() { # NAME COMMAND...
    name=$1
    shift
    if out=$("$@" 2>&1); then
        echo "ok   $name"
    else
        echo "FAIL $name"
        printf '%s\n' "$out" | sed 's/^/     /'
        fail=1
    fi
}
check "systemd-analyze verify run.service" systemd-analyze verify "$src/compose/run.service"
cd "$src"
check "shellcheck run, setup, entrypoints, forge" shellcheck -x compose/run compose/web/entrypoint.sh \
    packaging/setup tests/support/forge-images tests/support/forge/postgres/docker-entrypoint.sh \
    tests/support/forge/pgadmin4/entrypoint.sh tests/e2e/stack/lint.sh
check "sh -n run" sh -n "$src/compose/run"

# The compose file with dummy secrets (only interpolation and schema are checked).
export POSTGRES_PASSWORD=x DJANGO_SECRET_KEY=x PGADMIN_DEFAULT_PASSWORD=x
for mode in dev prod; do
    if command -v docker-compose >/dev/null 2>&1; then
        check "docker-compose (v1) config --profile $mode" \
            docker-compose -f "$src/compose/docker-compose.yml" -p "pddlint-$mode" --profile "$mode" config -q
    fi
    # v2: the user's own, or the one tests/support/forge-images fetched.
    for cfg in "${DOCKER_CONFIG:-$HOME/.docker}" "${PDD_COMPOSE_V2_CONFIG:-}"; do
        [ -n "$cfg" ] || continue
        if DOCKER_CONFIG=$cfg docker compose version >/dev/null 2>&1; then
            check "docker compose (v2, $cfg) config --profile $mode" env DOCKER_CONFIG="$cfg" \
                docker compose -f "$src/compose/docker-compose.yml" -p "pddlint-$mode" --profile "$mode" config -q
        fi
    done
done
exit $fail
