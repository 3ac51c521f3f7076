#!/bin/sh
# Scenario 8 and static checks of the stack: the systemd unit verifies, the
# shell scripts are shellcheck-clean, and the compose files (base + dev, base +
# prod, base alone) are accepted by the compose CLI(s) present and give each
# mode exactly its services and published ports.
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
# Every shell script of the tree (by name or by its #! line), so a new one is
# checked without anyone remembering to list it.
shell_scripts() {
    { git ls-files --cached --others --exclude-standard 2>/dev/null || find . -type f -not -path './build*' -not -path './.git/*'; } \
        | sed 's#^\./##' | while IFS= read -r f; do
            [ -f "$f" ] || continue
            case $f in build*/*) continue ;; *.sh) echo "$f"; continue ;; esac
            if head -n1 "$f" 2>/dev/null | grep -qE '^#!.*[/ ](ba|da)?sh( |$)'; then echo "$f"; fi
        done
}
scripts=$(shell_scripts)
case $scripts in *compose/run*) ;; *) echo "FAIL the shell script list is missing compose/run: $scripts"; fail=1 ;; esac
# shellcheck disable=SC2086 # one path per word; the tree has no spaces in script names
check "shellcheck $(printf '%s\n' "$scripts" | wc -l) scripts (compose/run, packaging/*, tests/*)" shellcheck -x $scripts
check "sh -n run" sh -n "$src/compose/run"

# The compose files with dummy secrets (only interpolation, schema and the
# merged result are checked). Each mode is the base plus its overlay; the base
# alone must also pass and publish neither the database nor Django.
export POSTGRES_PASSWORD=x DJANGO_SECRET_KEY=x PGADMIN_DEFAULT_PASSWORD=x
unset DEV_DB_PORT DEV_WEB_PORT PGADMIN_PORT PROD_HTTP_PORT PROD_HTTPS_PORT TLS_MODE
cc="$src/tests/e2e/stack/compose_config.py"
compose_checks() { # LABEL STRICT CLI...
    label=$1 strict=$2
    shift 2
    for mode in dev prod; do
        case $mode in dev) want=db,web,pgadmin ;; prod) want=db,web,nginx ;; esac
        base="$src/compose/docker-compose.yml" overlay="$src/compose/docker-compose.$mode.yml"
        check "$label config base+$mode: services {$want}, ports" python3 "$cc" --mode "$mode" \
            --services "$want" ${strict:+"$strict"} --publish "$mode" -- "$@" -f "$base" -f "$overlay" \
            -p "pddlint-$mode" --profile "$mode"
        check "$label config base alone --profile $mode: db and web unpublished" python3 "$cc" --mode "$mode" \
            --services "$want" ${strict:+"$strict"} --publish none -- "$@" -f "$base" -p "pddlint-$mode" --profile "$mode"
    done
    # prod with TLS: the overlay compose/run adds for TLS_MODE (self-signed and files; letsencrypt).
    base="$src/compose/docker-compose.yml" overlay="$src/compose/docker-compose.prod.yml"
    for tls in tls:db,web,nginx letsencrypt:db,web,nginx,certbot; do
        file=${tls%%:*} want=${tls#*:}
        check "$label config base+prod+$file: services {$want}, ports 80 and 443" env PDD_TLS_CERT=/dev/null PDD_TLS_KEY=/dev/null \
            python3 "$cc" --mode prod --services "$want" ${strict:+"$strict"} --publish prod-tls -- "$@" -f "$base" \
            -f "$overlay" -f "$src/compose/docker-compose.$file.yml" -p pddlint-prod --profile prod
    done
}
ran=0
if command -v docker-compose >/dev/null 2>&1; then
    # v1's `config --services` ignores profiles: compose_config.py reads them from `config`.
    compose_checks "docker-compose (v1)" "" docker-compose
    ran=1
fi
# v2: the user's own, or the one tests/support/forge-images fetched.
for cfg in "${DOCKER_CONFIG:-$HOME/.docker}" "${PDD_COMPOSE_V2_CONFIG:-}"; do
    [ -n "$cfg" ] || continue
    if DOCKER_CONFIG=$cfg docker compose version >/dev/null 2>&1; then
        compose_checks "docker compose (v2, $cfg)" --strict-services env DOCKER_CONFIG="$cfg" docker compose
        ran=1
    fi
done
# The Swarm stack file, as `docker stack deploy` reads it (the docker CLI's own
# loader and v3 schema; no swarm needed): web replicated WEB_REPLICAS times,
# rolled back by itself, NGINX the only published port, no secret in the file.
# shellcheck disable=SC2317 # called through check
swarm_check() {
    out=$(cd "$src/compose" && STACK_NAME=pddlint WEB_REPLICAS=3 SWARM_ENDPOINT_MODE=dnsrr SWARM_PUBLISH_MODE=host \
        PROD_HTTP_PORT=18080 docker stack config -c docker-compose.swarm.yml) || { printf '%s\n' "$out"; return 1; }
    for want in "replicas: 3" "endpoint_mode: dnsrr" "failure_action: rollback" "order: start-first" \
        "published: 18080" "mode: host" "POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password" \
        "DJANGO_SECRET_KEY_FILE: /run/secrets/django_secret_key" "name: pddlint-swarm_postgres_password" \
        "node.labels.postdodjango.db == pddlint" "PDD_WEB_UPSTREAM: web:8000"; do
        case $out in *"$want"*) ;; *) echo "docker stack config has no '$want'"; return 1 ;; esac
    done
    [ "$(printf '%s\n' "$out" | grep -c 'published:')" = 1 ] || { echo "more than NGINX's port is published"; return 1; }
    case $out in *"POSTGRES_PASSWORD: "*|*"DJANGO_SECRET_KEY: "*) echo "a secret is in the environment"; return 1 ;; esac
}
if docker stack config --help >/dev/null 2>&1; then
    check "docker stack config docker-compose.swarm.yml: replicas, rollback, secrets as files" swarm_check
else
    echo "FAIL docker stack config is missing (docker CLI 20.10 or later needed)"; fail=1
fi
[ $ran = 1 ] || { echo "FAIL no compose CLI (docker-compose or docker compose) to check the files with"; fail=1; }
exit $fail
