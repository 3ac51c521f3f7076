#!/bin/sh
# packaging/deps.sh's stack packages leave what the machine has alone (issue 13):
# Docker CE (docker-ce conflicts with Debian's docker.io) and compose v2. The
# machine's states are made with stand-ins for `docker` and `dpkg-query` on PATH.
# shellcheck disable=SC2016 # the stand-ins are written with their own $1, $3
set -eu
src=${PDD_SOURCE_DIR:-$(cd "$(dirname "$0")/../../.." && pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
expect() { # NAME WANT GOT
    if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: want '$2', got '$3'"; fail=1; fi
}
# machine NAME DOCKER(none|cli|compose-v2) INSTALLED-PACKAGES... : a PATH for that machine
machine() {
    bin=$work/$1
    mkdir -p "$bin"
    docker=$2
    shift 2
    printf '#!/bin/sh\ncase " %s " in *" $3 "*) echo "install ok installed" ;; esac\n' "$*" >"$bin/dpkg-query"
    case $docker in
        cli) printf '#!/bin/sh\n[ "$1" = compose ] && exit 1\nexit 0\n' >"$bin/docker" ;;
        compose-v2) printf '#!/bin/sh\nexit 0\n' >"$bin/docker" ;;
    esac
    chmod +x "$bin"/*
    for t in sh grep; do ln -s "$(command -v $t)" "$bin/$t"; done
    echo "$bin"
}
deps() { PATH=$1 sh -c ". '$src/packaging/deps.sh'; pdd_stack_deps"; }

expect "a bare machine gets Debian's Docker and compose" "iproute2 curl openssl docker.io docker-compose" "$(deps "$(machine bare none)")"
expect "Docker CE with the compose plugin: nothing of Debian's" "iproute2 curl openssl" \
    "$(deps "$(machine ce compose-v2 docker-ce docker-ce-cli docker-compose-plugin)")"
expect "Docker CE's package without its CLI on PATH: still no docker.io" "iproute2 curl openssl" \
    "$(deps "$(machine ce-nocli none docker-ce docker-compose-plugin)")"
expect "a docker CLI without compose v2 gets compose v1" "iproute2 curl openssl docker-compose" "$(deps "$(machine cli-only cli)")"
exit $fail
