# Debian/Ubuntu package lists, sourced by packaging/setup and tests/run so the
# two never disagree about what the project needs.
# shellcheck shell=sh
PDD_BUILD_DEPS="cmake ninja-build g++ pkg-config qt6-base-dev qt6-base-dev-tools libgl-dev \
libyaml-cpp-dev libpqxx-dev libcurl4-openssl-dev qtkeychain-qt6-dev libarchive-dev"
PDD_STACK_DEPS="docker.io docker-compose iproute2"
PDD_TEST_DEPS="debootstrap shellcheck docker-registry systemd postgresql postgresql-client \
xvfb xauth curl clang clang-format libclang-rt-14-dev python3 python3-venv python3-yaml busybox-static \
gnome-keyring dbus-daemon libsecret-1-0 golang-docker-credential-helpers apache2-utils \
pkexec polkitd procps dbus-bin"

# pdd_apt_install PKG... : installs whatever is missing, quietly, once.
pdd_apt_install() {
    missing=""
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "Installing:$missing"
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
}
