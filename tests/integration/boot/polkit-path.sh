#!/bin/sh
# The privilege path for real (issue 12): a non-root user, polkitd on the
# system bus (started here when the machine has none, as in CI containers),
# this product's polkit action, and a test-only rule that first allows and then
# denies that user. tst_boot_pkexec runs as the user for each step.
# Needs root. Changes the machine only for its run (rule, action, test unit) and
# undoes it; under CI=true anything missing is a failure, elsewhere it runs only
# with PDD_POLKIT_TEST=1 (it writes into /etc) and otherwise skips (exit 77).
set -eu
bin=$1
src=${PDD_SOURCE_DIR:?}
if [ "${CI:-}" != true ] && [ "${PDD_POLKIT_TEST:-0}" != 1 ]; then
    echo "polkit-path: writes into /etc and /usr/share/polkit-1; set PDD_POLKIT_TEST=1 (CI does) to run it." >&2
    exit 77
fi
fail() { echo "polkit-path: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (to start polkitd and add the test rule)."
for tool in pkexec dbus-daemon dbus-send runuser useradd; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (packaging/deps.sh installs pkexec, polkitd, dbus-daemon)."
done
polkitd=/usr/lib/polkit-1/polkitd
[ -x "$polkitd" ] || fail "polkitd is missing (apt install polkitd)."

user=pddboottest
id "$user" >/dev/null 2>&1 || useradd --system --create-home --shell /bin/sh "$user"
rules=/etc/polkit-1/rules.d/00-pddtest-boot.rules
action=/usr/share/polkit-1/actions/org.postdodjango.boot.policy
unit=postdodjango-pddtest-polkit.service
# What the user needs, staged where it can read it (the checkout may be under /root).
stage=$(mktemp -d /tmp/pddtest-polkit-XXXXXX)
chmod 755 "$stage"
mkdir -p "$stage/packaging/boot"
cp -a "$src/compose" "$stage/compose"
cp "$src/packaging/boot/postdodjango-boot-helper" "$stage/packaging/boot/"
cp "$bin" "$stage/tst_boot_pkexec"
chmod -R a+rX "$stage"
helper=$stage/packaging/boot/postdodjango-boot-helper
started_bus="" started_polkitd="" had_action=0
[ -f "$action" ] && had_action=1
cleanup() {
    "$helper" remove "$unit" >/dev/null 2>&1 || true
    rm -f "$rules"
    if [ "$had_action" -eq 1 ]; then cp "$stage/action.saved" "$action"; else rm -f "$action"; fi
    [ -z "$started_polkitd" ] || kill "$started_polkitd" 2>/dev/null || true
    if [ -n "$started_bus" ]; then
        kill "$started_bus" 2>/dev/null || true
        rm -f /run/dbus/system_bus_socket /run/dbus/pid
    fi
    rm -rf "$stage"
}
trap cleanup EXIT

bus_alive() {
    dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetId >/dev/null 2>&1
}
if ! bus_alive; then
    # None, or a stale socket left by a bus that is gone.
    rm -f /run/dbus/system_bus_socket /run/dbus/pid
    mkdir -p /run/dbus
    [ -s /etc/machine-id ] || dbus-uuidgen --ensure=/etc/machine-id
    dbus-daemon --system --fork --print-pid > /tmp/pddtest-sysbus.pid
    started_bus=$(cat /tmp/pddtest-sysbus.pid)
    bus_alive || fail "the system bus did not start."
fi
# This run's action names this run's helper (pkexec matches the program's path).
[ "$had_action" -eq 0 ] || cp "$action" "$stage/action.saved"
mkdir -p "$(dirname "$action")"
sed "s|@PDD_BOOT_HELPER_PATH@|$helper|" "$src/packaging/boot/org.postdodjango.boot.policy.in" > "$action"
rule() { # YES|NO
    mkdir -p "$(dirname "$rules")"
    printf 'polkit.addRule(function(action, subject) {\n  if (action.id == "org.postdodjango.boot.manage" && subject.user == "%s") return polkit.Result.%s;\n});\n' \
        "$user" "$1" > "$rules"
}
rule YES
if ! pgrep -x polkitd >/dev/null 2>&1; then
    "$polkitd" --no-debug >/tmp/pddtest-polkitd.log 2>&1 &
    started_polkitd=$!
fi
sleep 2 # polkitd reads the action and the rule

as_user() { (cd "$stage" && runuser -u "$user" -- env CI="${CI:-}" PDD_SOURCE_DIR="$stage" "$stage/tst_boot_pkexec" "$@"); }
as_user installAllowed
rule NO
sleep 2 # polkitd notices rule changes by itself
as_user removeDenied
echo "polkit-path: install allowed through pkexec, then refused in one sentence with nothing changed"
