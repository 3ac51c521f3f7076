#!/bin/sh
# The Debian package on a clean Debian 12 (issue 16): build it with CPack
# (lintian runs on it in the lint suite, packaging_lint), install it with apt
# into a container of the forged clean Debian image (every dependency from the
# distribution), run --version and the window
# offscreen to its first frame (screenshot saved from inside), then purge it
# and check that no file of it is left.
# usage: test_deb.sh BINARY_DIR
set -u
build=$1
image=${PDD_DEB_TEST_IMAGE:-postdodjango-local/debian:bookworm}
say() { echo "[deb-e2e] $*" >&2; }
fail() { echo "FAIL: $*" >&2; exit 1; }
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    if [ "${CI:-}" = true ]; then fail "$1 is not installed (apt install $2)"; fi
    say "$1 is not installed (apt install $2): skipping"; exit 77
}
need docker docker.io
need dpkg-shlibdeps dpkg-dev
docker image inspect "$image" >/dev/null 2>&1 || {
    [ "${CI:-}" = true ] && fail "$image is missing (tests/support/forge-images builds it)"
    say "$image is missing: skipping"; exit 77
}

# ---------------------------------------------------------------- build
rm -f "$build"/postdodjango_*.deb
t0=$(date +%s)
cmake --build "$build" --target package >"$build/deb-package.log" 2>&1 || fail "cpack failed: $(tail -n 30 "$build/deb-package.log")"
deb=""
for f in "$build"/postdodjango_*.deb; do [ -f "$f" ] && deb=$f; done
[ -f "$deb" ] || fail "no postdodjango_*.deb in $build"
say "built $(basename "$deb") in $(( $(date +%s) - t0 )) s: $(du -k "$deb" | cut -f1) KiB, installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"
say "Depends: $(dpkg-deb -f "$deb" Depends)"
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/postdodjango ./usr/share/applications/org.postdodjango.PostDoDjango.desktop \
    ./usr/share/metainfo/org.postdodjango.PostDoDjango.metainfo.xml ./usr/share/man/man1/postdodjango.1.gz \
    ./usr/share/icons/hicolor/scalable/apps/postdodjango.svg ./usr/share/icons/hicolor/256x256/apps/postdodjango.png \
    ./usr/share/postdodjango/stack/run ./usr/share/postdodjango/stack/docker-compose.yml ./usr/share/postdodjango/stack/.env.example \
    ./usr/libexec/postdodjango/postdodjango-boot-helper ./usr/share/polkit-1/actions/org.postdodjango.boot.policy \
    ./usr/share/doc/postdodjango/copyright ./usr/share/doc/postdodjango/changelog.gz; do
    echo "$contents" | grep -q " $f\$" || fail "the package lacks $f"
done
echo "$contents" | grep -q "stack/\.env\$" && fail "the package ships a .env (secrets)"

# ---------------------------------------------------------------- clean system
work=$(mktemp -d)
trap 'rm -rf "$work"; docker rm -f pddtest-deb >/dev/null 2>&1' EXIT
cp "$deb" "$work/"
chmod 755 "$work"
docker rm -f pddtest-deb >/dev/null 2>&1
cat >"$work/inside.sh" <<'INSIDE'
set -eu
listing() { find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /pkg -o -path /tmp \) -prune -o -print | LC_ALL=C sort; }
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
listing >/tmp/before
t0=$(date +%s%N)
# Depends only: the app must run with what the package requires (Recommends are
# the Docker Engine and compose, which cannot run in here anyway).
apt-get install -y -qq --no-install-recommends ./pkg/postdodjango_*.deb >/tmp/apt.log 2>&1 || { tail -n 30 /tmp/apt.log; exit 10; }
echo "packages-installed $(grep -c '^Setting up ' /tmp/apt.log)"
t1=$(date +%s%N)
echo "install-ms $(( (t1 - t0) / 1000000 ))"
dpkg -L postdodjango >/tmp/files
postdodjango --version
# The first window, offscreen, on a stack from the packaged template (the
# engine is unreachable in here: the window says so and keeps running).
postdodjango --new-stack /root/meu-site --name pddtest-deb >/tmp/new.log 2>&1 || echo "new-stack: $(tail -n 3 /tmp/new.log)"
t2=$(date +%s%N)
QT_QPA_PLATFORM=offscreen PDD_STARTUP_SCREENSHOT=/pkg/first-window.png DOCKER_HOST=unix:///nonexistent.sock \
    timeout 60 postdodjango --project /usr/share/postdodjango/stack >/tmp/app.log 2>&1 || { cat /tmp/app.log; exit 11; }
t3=$(date +%s%N)
grep -q "screenshot saved" /tmp/app.log || { cat /tmp/app.log; exit 12; }
echo "first-window-ms $(( (t3 - t2) / 1000000 ))"
echo "install-to-first-window-ms $(( (t3 - t0) / 1000000 ))"
apt-get remove --purge -y -qq postdodjango >/tmp/remove.log 2>&1 || { cat /tmp/remove.log; exit 13; }
apt-get autoremove --purge -y -qq >/tmp/remove.log 2>&1 || { cat /tmp/remove.log; exit 14; }
# What the app wrote as the user (its settings) is the user's, not the package's: gone with them.
rm -rf /root/meu-site /root/.config/PostDoDjango
rmdir /root/.config 2>/dev/null || true
apt-get clean
listing >/tmp/after
# Every path of the package is gone, and nothing new is left anywhere
# (apt's and dpkg's own bookkeeping aside).
left=0
while IFS= read -r f; do
    [ "$f" = /. ] && continue
    if [ -e "$f" ] && ! grep -qxF "$f" /tmp/before; then echo "left: $f"; left=$((left + 1)); fi
done </tmp/files
comm -13 /tmp/before /tmp/after | grep -vE '^/var/(lib/(apt|dpkg)|cache/(apt|debconf|ldconfig)|log)(/|$)|^/etc/ld\.so\.cache$|^/root/\.cache' >/tmp/new-files || true
if [ -s /tmp/new-files ]; then sed 's/^/new: /' /tmp/new-files; left=$((left + $(wc -l </tmp/new-files))); fi
echo "left-files $left"
[ "$left" -eq 0 ]
INSIDE
say "installing into a clean $image container"
out=$(docker run --name pddtest-deb -v "$work:/pkg" "$image" sh /pkg/inside.sh 2>&1)
rc=$?
echo "$out" | sed 's/^/  | /' >&2
[ "$rc" -eq 0 ] || fail "the clean-system round trip failed (exit $rc)"
echo "$out" | grep -Eq '^postdodjango [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version did not answer in the container"
[ -f "$work/first-window.png" ] || fail "no screenshot from inside the container"
mkdir -p "$build/screenshots"
cp "$work/first-window.png" "$build/screenshots/deb-first-window.png"
say "screenshot: $build/screenshots/deb-first-window.png"
echo "$out" | grep -E '^(install-ms|first-window-ms|install-to-first-window-ms|left-files) ' >&2
say "ok"
