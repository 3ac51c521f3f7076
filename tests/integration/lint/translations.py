#!/usr/bin/env python3
"""The UI's translations are complete (issue 16).

1. lupdate runs over the sources into copies of resources/translations/*.ts,
   exactly as `cmake --build build --target pdd_lupdate` would: a string added
   or changed in the code without its translation shows up as unfinished here.
2. Every message is finished: no type="unfinished"/"vanished"/"obsolete", no
   empty translation or plural form.
3. A translation keeps the source's placeholders (%1, %L2, %n, %Ln) and has a
   mnemonic (&) exactly when the source has one.
4. No user-visible setter in app/ui is given a literal, and no sentence
   anywhere in app/ is a literal (diagnostics aside): they go through tr().

usage: translations.py LUPDATE SOURCE_DIR
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

lupdate, source = sys.argv[1], pathlib.Path(sys.argv[2])
ts_dir = source / "resources" / "translations"
problems = []

PLACEHOLDER = re.compile(r"%L?(?:\d+|n)")
MNEMONIC = re.compile(r"&(?!&)[^\s&]")


def tokens(text):
    return sorted(PLACEHOLDER.findall(text or ""))


ts_files = sorted(ts_dir.glob("postdodjango_*.ts"))
if not any(f.name == "postdodjango_pt_BR.ts" for f in ts_files):
    problems.append("resources/translations/postdodjango_pt_BR.ts is missing")

with tempfile.TemporaryDirectory() as tmp:
    for ts in ts_files:
        copy = pathlib.Path(tmp) / ts.name
        shutil.copy(ts, copy)
        language = ts.stem.split("_", 1)[1]
        cmd = [lupdate, "-recursive", str(source / "app"), str(source / "forms"), "-locations", "none",
               "-no-obsolete", "-source-language", "en", "-target-language", language]
        if language == "en":
            cmd.append("-pluralonly")  # English is the source: only its plural forms are translated
        out = subprocess.run(cmd + ["-ts", str(copy)], capture_output=True, text=True)
        if out.returncode != 0:
            problems.append(f"lupdate failed on {ts.name}: {out.stderr.strip()}")
            continue
        messages = 0
        for context in ET.parse(copy).getroot().iter("context"):
            name = context.findtext("name")
            for m in context.iter("message"):
                messages += 1
                src = m.findtext("source") or ""
                tr = m.find("translation")
                where = f"{ts.name}: {name}: {src!r}"
                kind = tr.get("type") if tr is not None else "missing"
                if kind in ("unfinished", "vanished", "obsolete", "missing"):
                    problems.append(f"{where} is {kind} (run the pdd_lupdate target, then translate it)")
                    continue
                forms = [f.text or "" for f in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text or ""]
                for form in forms:
                    if not form.strip():
                        problems.append(f"{where} has an empty translation")
                    elif tokens(form) != tokens(src) and not (m.get("numerus") == "yes" and
                                                               tokens(form) == [t for t in tokens(src) if t not in ("%n", "%Ln")]):
                        problems.append(f"{where}: placeholders {tokens(src)} became {tokens(form)} in {form!r}")
                    elif bool(MNEMONIC.search(src)) != bool(MNEMONIC.search(form)):
                        problems.append(f"{where}: the mnemonic (&) is in only one of source and {form!r}")
        print(f"{ts.name}: {messages} messages checked")

# A literal handed straight to what the user reads.
SETTER = re.compile(r"\b(setText|setWindowTitle|setToolTip|setPlaceholderText|setStatusTip|setTitle|showMessage|"
                    r"setAccessibleName|addAction|addTab|setHorizontalHeaderLabels|information|warning|question|critical)"
                    r"\(\s*(?:[\w>.-]+,\s*)?(QStringLiteral|QLatin1String|u?)\(?\"([^\"]*)\"")
for cpp in sorted((source / "app" / "ui").rglob("*.cpp")):
    for number, line in enumerate(cpp.read_text(encoding="utf-8").splitlines(), 1):
        for m in SETTER.finditer(line):
            if re.search(r"[A-Za-z]{3,}", m.group(3)) and "tr(" not in line[: m.start()]:
                problems.append(f"{cpp.relative_to(source)}:{number}: {m.group(1)} gets a literal, not tr(): {m.group(3)!r}")

# A sentence (a capital, then three words or more) written as a literal anywhere
# in the app is a sentence nobody translates; diagnostics (qCDebug...) are not
# for users and stay English.
SENTENCE = re.compile(r"(QStringLiteral|QLatin1String)\(\"([A-Z][a-z]+(?: [A-Za-z0-9%,;:()'./-]+){3,})")
# ... nor is a foreign program's message the code looks for (libpq's, the daemon's).
LOGGING = re.compile(r"qC(Debug|Info|Warning|Critical)|qDebug|qWarning|qInfo|\.(contains|startsWith|endsWith|indexOf)\(")
for cpp in sorted((source / "app").rglob("*.cpp")):
    for number, line in enumerate(cpp.read_text(encoding="utf-8").splitlines(), 1):
        m = SENTENCE.search(line)
        if m and not LOGGING.search(line):
            problems.append(f"{cpp.relative_to(source)}:{number}: a sentence as a literal, not tr(): {m.group(2)!r}")

for p in problems:
    print("FAIL:", p)
print(f"{len(problems)} problem(s)")
sys.exit(1 if problems else 0)
