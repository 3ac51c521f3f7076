#!/bin/sh
# QtKeychain is optional cleanly (issue 10): wanted but missing fails configure with
# a sentence that says what to do; -DPDD_WITH_KEYCHAIN=OFF configures and builds the
# Database tab's library without it (PasswordStoreDisabled.cpp).
# usage: keychain-optional.sh SOURCE_DIR WORK_DIR
set -u
src=$1
work=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"

if out=$(cmake -S "$src" -B "$work/missing" -G Ninja -DPDD_BUILD_TESTS=OFF -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Keychain=ON 2>&1); then
    fail "configure succeeded without QtKeychain while PDD_WITH_KEYCHAIN=ON"
fi
echo "$out" | tr '\n' ' ' | grep -q "QtKeychain for Qt 6 was not found.*PDD_WITH_KEYCHAIN=OFF" \
    || fail "configure did not say what to do: $out"

cmake -S "$src" -B "$work/off" -G Ninja -DPDD_BUILD_TESTS=OFF -DPDD_WITH_KEYCHAIN=OFF \
    -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Keychain=ON >"$work/off.log" 2>&1 || fail "configure with PDD_WITH_KEYCHAIN=OFF: $(cat "$work/off.log")"
cmake --build "$work/off" --target pdd_ui_db >>"$work/off.log" 2>&1 || fail "build without QtKeychain: $(tail -30 "$work/off.log")"
grep -q "PasswordStoreDisabled" "$work/off/build.ninja" || fail "the keychain-less build did not use PasswordStoreDisabled.cpp"
rm -rf "$work"
echo ok
