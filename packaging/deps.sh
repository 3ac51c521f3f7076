# Debian/Ubuntu package lists, sourced by packaging/setup and tests/run so the
# two never disagree about what the project needs.
# shellcheck shell=sh
# shellcheck disable=SC2034 # the lists are read by the scripts that source this file
# qt6-tools-dev, qt6-l10n-tools: Qt Linguist's lupdate/lrelease for the UI's translations;
# dpkg-dev: dpkg-shlibdeps, which computes the .deb's dependencies (cmake --target package).
PDD_BUILD_DEPS="cmake ninja-build g++ pkg-config qt6-base-dev qt6-base-dev-tools libgl-dev \
libyaml-cpp-dev libpqxx-dev libcurl4-openssl-dev qtkeychain-qt6-dev libarchive-dev \
qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools dpkg-dev"
# packaging/local-images, when no image registry is reachable.
PDD_LOCAL_IMAGE_DEPS="debootstrap curl ca-certificates"
# `postgresql` gives the server binaries for tests/support/pg-test-server; pdd_apt_install
# installs it without the packaged cluster, which would listen on 5432 (the dev database's port).
PDD_TEST_DEPS="debootstrap podman shellcheck docker-registry systemd postgresql postgresql-client \
xvfb xauth curl clang clang-format libclang-rt-14-dev python3 python3-venv python3-yaml busybox-static \
gnome-keyring dbus-daemon libsecret-1-0 golang-docker-credential-helpers apache2-utils \
pkexec polkitd procps dbus-bin pebble \
qt6-translations-l10n lintian desktop-file-utils appstream groff-base"

pdd_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

# pdd_stack_deps: the stack's packages, leaving alone what the machine already
# has: Docker CE (docker-ce conflicts with Debian's docker.io) or any other
# docker CLI, and compose v2 (`docker compose`) or v1.
pdd_stack_deps() {
    deps="iproute2 curl openssl" # openssl: run makes and checks prod's TLS certificate
    if ! command -v docker >/dev/null 2>&1 && ! pdd_installed docker-ce && ! pdd_installed moby-engine; then
        deps="$deps docker.io"
    fi
    if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1 \
        && ! pdd_installed docker-compose-plugin; then
        deps="$deps docker-compose"
    fi
    echo "$deps"
}

# pdd_apt_install PKG... : installs whatever is missing, quietly, once.
pdd_apt_install() {
    missing=""
    for p in "$@"; do
        pdd_installed "$p" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "Installing:$missing"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    case " $missing " in
        *" postgresql "*)
            # Tell postgresql-common not to create (and start) a main cluster on 5432.
            # shellcheck disable=SC2086
            DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql-common
            if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
                $SUDO pg_conftool /etc/postgresql-common/createcluster.conf set create_main_cluster false
            fi
            ;;
    esac
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
}
