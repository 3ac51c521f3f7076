#!/usr/bin/env python3
"""The desktop integration files are what their validators accept (issue 16):
desktop-file-validate, appstreamcli validate --no-net, the macOS Info.plist
through a real plist parser (plistlib) with the keys a bundle needs, the man
page through groff's warnings, and lintian on the .deb (built here with CPack,
seconds after the build): no error; its warnings are printed. Under CI=true a
missing tool fails.

usage: packaging.py SOURCE_DIR BINARY_DIR VERSION"""
import os
import plistlib
import shutil
import subprocess
import sys

source, binary, version = sys.argv[1:4]
problems = []
resources = os.path.join(source, "resources")
desktop = os.path.join(resources, "org.postdodjango.PostDoDjango.desktop")
metainfo = os.path.join(resources, "org.postdodjango.PostDoDjango.metainfo.xml")


def tool(name, package):
    if shutil.which(name):
        return True
    problems.append(f"{name} is not installed (apt install {package})")
    return False


def check(cmd, what):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(f"{what}: {p.stdout.strip() or 'clean'}")
    if p.returncode != 0 or any(line.startswith(("E:", "W:")) for line in p.stdout.splitlines()):
        problems.append(f"{what} is not clean: {p.stdout.strip()}")


if tool("desktop-file-validate", "desktop-file-utils"):
    check(["desktop-file-validate", desktop], "desktop-file-validate")
if tool("appstreamcli", "appstream"):
    check(["appstreamcli", "validate", "--no-net", metainfo], "appstreamcli validate")

plist = os.path.join(binary, "packaging", "Info.plist")
try:
    with open(plist, "rb") as f:
        info = plistlib.load(f)
    want = {"CFBundleIdentifier": "org.postdodjango.PostDoDjango", "CFBundleExecutable": "postdodjango",
            "CFBundleShortVersionString": version, "CFBundleVersion": version, "CFBundlePackageType": "APPL",
            "NSHighResolutionCapable": True, "CFBundleIconFile": "postdodjango.icns"}
    for key, value in want.items():
        if info.get(key) != value:
            problems.append(f"Info.plist: {key} is {info.get(key)!r}, expected {value!r}")
    if not str(info.get("LSMinimumSystemVersion", "")).replace(".", "").isdigit():
        problems.append(f"Info.plist: LSMinimumSystemVersion is {info.get('LSMinimumSystemVersion')!r}")
    left = [k for k, v in info.items() if isinstance(v, str) and "${" in v]
    if left:
        problems.append(f"Info.plist: unfilled values in {left}")
    print(f"Info.plist: {len(info)} keys, {info.get('CFBundleIdentifier')} {info.get('CFBundleShortVersionString')}")
except (OSError, plistlib.InvalidFileException, ValueError) as e:
    problems.append(f"{plist} does not parse as a plist: {e}")

man = os.path.join(binary, "app", "postdodjango.1")
if tool("groff", "groff-base"):
    p = subprocess.run(["groff", "-man", "-ww", "-z", man], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    print(f"groff -man -ww: {p.stdout.strip() or 'clean'}")
    if p.returncode != 0 or p.stdout.strip():
        problems.append(f"the man page has warnings: {p.stdout.strip()}")

# The package itself: what Debian's own checker says of it.
if tool("lintian", "lintian") and tool("dpkg-shlibdeps", "dpkg-dev"):
    for old in os.listdir(binary):
        if old.startswith("postdodjango_") and old.endswith(".deb"):
            os.remove(os.path.join(binary, old))
    p = subprocess.run(["cmake", "--build", binary, "--target", "package"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    debs = [f for f in os.listdir(binary) if f.startswith("postdodjango_") and f.endswith(".deb")]
    if p.returncode != 0 or not debs:
        problems.append("cmake --target package failed: " + p.stdout[-2000:])
    else:
        deb = os.path.join(binary, debs[0])
        out = subprocess.run(["lintian", "--no-tag-display-limit", deb], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True).stdout
        tags = [line for line in out.splitlines() if line[:2] in ("E:", "W:")]
        print(f"lintian {debs[0]}: {sum(t.startswith('E:') for t in tags)} error(s), "
              f"{sum(t.startswith('W:') for t in tags)} warning(s)")
        for t in tags:
            print("  " + t)
        problems += [f"lintian: {t}" for t in tags if t.startswith("E:")]

for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
