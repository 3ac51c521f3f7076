"""compose/run without a Docker daemon: how it reads .env (against both Compose
CLIs on the same files), where it finds itself, what it refuses before touching
the engine, the pgAdmin server file, the settings lists, the boot unit.

Compose CLIs: `docker-compose` (v1) and `docker compose` (v2, from the user's
DOCKER_CONFIG or PDD_COMPOSE_V2_CONFIG, which tests/support/forge-images fills).
Under CI=true both must be there."""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stackfixture as fx  # noqa: E402

COMPOSE = os.path.join(fx.SOURCE_DIR, "compose")
RUN = os.path.join(COMPOSE, "run")

# (case, .env bytes, expected value of KEY) — Compose's documented .env rules.
DOTENV_CASES = [
    ("plain", b"KEY=value\n", "value"),
    ("crlf", b"A=1\r\nKEY=value\r\n", "value"),
    ("crlf quoted", b'KEY="value"\r\n', "value"),
    ("inline comment", b"KEY=19080  # the port\n", "19080"),
    ("hash without space", b"KEY=a#b\n", "a#b"),
    ("double quotes and comment", b'KEY="v" # c\n', "v"),
    ("single quotes and comment", b"KEY='v' # c\n", "v"),
    ("hash inside quotes", b'KEY="a # b"\n', "a # b"),
    ("spaces around =", b"KEY = value\n", "value"),
    ("leading spaces", b"   KEY=value\n", "value"),
    ("trailing spaces", b"KEY=value   \n", "value"),
    ("export", b"export KEY=value\n", "value"),
    ("duplicate: last wins", b"KEY=first\nKEY=second\n", "second"),
    ("empty", b"KEY=\n", ""),
    ("empty quotes", b'KEY=""\n', ""),
    ("no final newline", b"KEY=value", "value"),
    ("comment lines", b"# KEY=no\nKEY=yes\n#KEY=no\n", "yes"),
    ("escaped newline in double quotes", b'KEY="a\\nb"\n', "a\nb"),
    ("escaped quote in double quotes", b'KEY="say \\"hi\\""\n', 'say "hi"'),
    ("interpolation", b"OTHER=x\nKEY=${OTHER}-y\n", "x-y"),
    ("interpolation default", b"KEY=${PDD_NOT_SET_ANYWHERE:-dflt}\n", "dflt"),
    ("equals in value", b"KEY=a=b=c\n", "a=b=c"),
    ("utf-8 BOM", b"\xef\xbb\xbfKEY=value\n", "value"),
    ("non-ASCII", "KEY=ção\n".encode(), "ção"),
]


def compose_clis():
    """[(label, argv prefix, env)] for every Compose CLI present."""
    clis = []
    if shutil.which("docker-compose"):
        clis.append(("v1", ["docker-compose"], {}))
    seen = set()
    for cfg in (os.environ.get("DOCKER_CONFIG", os.path.expanduser("~/.docker")), os.environ.get("PDD_COMPOSE_V2_CONFIG")):
        if not cfg or cfg in seen or shutil.which("docker") is None:
            continue
        seen.add(cfg)
        env = dict(os.environ, DOCKER_CONFIG=cfg)
        if subprocess.run(["docker", "compose", "version"], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0:
            clis.append(("v2", ["docker", "compose"], {"DOCKER_CONFIG": cfg}))
            break
    return clis


def run_reading(env_path):
    """What compose/run makes of a .env: its dotenv.awk output, evaluated the way run does."""
    p = subprocess.run(["awk", "-f", os.path.join(COMPOSE, "dotenv.awk"), env_path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=True)
    values = {}
    words = shlex.split(p.stdout.decode())
    for i in range(0, len(words), 3):
        assert words[i] == "dotenv_set", words[i:i + 3]
        values[words[i + 1]] = words[i + 2]
    return values


def compose_reading(cli, env_path, key="KEY"):
    """key as the Compose CLI reads it from the .env next to a one-service file
    (written beside env_path: pass a .env in a folder of its own)."""
    label, argv, extra = cli
    d = os.path.dirname(env_path)
    with open(os.path.join(d, "docker-compose.yml"), "w") as f:
        f.write(f"services:\n  s:\n    image: busybox\n    environment:\n      V: ${{{key}-__UNSET__}}\n")
    env = {k: v for k, v in os.environ.items() if k not in ("KEY", "OTHER", "A")}
    env.update(extra)
    p = subprocess.run(argv + ["--project-directory", d, "-f", os.path.join(d, "docker-compose.yml"), "config"],
                       env=env, cwd=d, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise AssertionError(f"{label} config failed: {p.stderr}")
    value = yaml.safe_load(p.stdout)["services"]["s"]["environment"]["V"]
    return str(value).replace("$$", "$")


class DotenvLikeCompose(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.clis = compose_clis()
        names = [c[0] for c in cls.clis]
        if fx.IN_CI and names != ["v1", "v2"]:
            raise AssertionError(f"CI=true needs both compose CLIs to compare .env readings, found {names}")
        if not cls.clis:
            raise unittest.SkipTest("no compose CLI (not CI)")

    def test_cases(self):
        for name, content, expected in DOTENV_CASES:
            with self.subTest(name), tempfile.TemporaryDirectory() as d:
                path = os.path.join(d, ".env")
                with open(path, "wb") as f:
                    f.write(content)
                self.assertEqual(run_reading(path).get("KEY"), expected, f"run's reading of {content!r}")
                for cli in self.clis:
                    self.assertEqual(compose_reading(cli, path), expected, f"{cli[0]}'s reading of {content!r}")


def run(*args, env=None, cwd=None):
    e = {k: v for k, v in os.environ.items() if not k.startswith(("STACK_NAME", "DOCKER_HOST"))}
    e.update(env or {})
    return subprocess.run(["sh", *args], env=e, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


class RunWithoutEngine(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="pdd-run-cli- x%")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.compose = os.path.join(self.tmp, "stack ção", "compose")
        shutil.copytree(COMPOSE, self.compose, ignore=shutil.ignore_patterns(".env", ".venv", "__pycache__"))
        self.run_sh = os.path.join(self.compose, "run")

    def test_finds_itself_through_a_symlink_and_with_cdpath(self):
        other = os.path.join(self.tmp, "elsewhere")
        os.mkdir(other)
        os.symlink(self.run_sh, os.path.join(other, "run"))
        os.mkdir(os.path.join(other, "compose"))  # what CDPATH=. would find first
        for cdpath in ("", ".", other):
            p = run("run", "-h", env={"CDPATH": cdpath}, cwd=other)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(f"Settings: {os.path.realpath(self.compose)}/.env", p.stdout, f"CDPATH={cdpath!r}")

    def test_backup_flags_are_checked_before_anything_runs(self):
        # Each is a usage error (exit 2, the usage on stderr) before the engine is even asked.
        for args in (["-8"], ["-8", "frobnicate"], ["-8", "verify"], ["-8", "verify", "x.dump", "dev"],
                     ["-8", "restore"], ["-8", "backup", "dev", "prod"], ["-8", "backup", "x.dump"],
                     ["-8", "backup", "--json"], ["-8", "list", "--yes-restore-prod=x"],
                     ["-8", "upgrade-postgres"], ["-8", "restore", "a.dump", "b.dump"], ["-8", "backup", "--force"]):
            with self.subTest(args=args):
                p = run(self.run_sh, *args, env={"DOCKER_HOST": "unix:///nonexistent.sock"})
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertIn("-8 backup [dev|prod]", p.stderr)
        p = run(self.run_sh, "-h")
        for line in ("-8 restore FILE [dev|prod]", "-8 verify FILE", "-8 upgrade-postgres IMAGE [dev|prod]",
                     "--yes-restore-prod=STACK_NAME"):
            self.assertIn(line, p.stdout)

    def test_swarm_flags_are_checked_before_anything_runs(self):
        for args in (["-9"], ["-9", "up"], ["-9", "scale"], ["-9", "scale", "2", "3"], ["-9", "deploy", "now"],
                     ["-9", "status", "--json"], ["-9", "remove", "--force"], ["-9", "remove", "volumes"]):
            with self.subTest(args=args):
                p = run(self.run_sh, *args, env={"DOCKER_HOST": "unix:///nonexistent.sock"})
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertIn("-9 scale N", p.stderr)
        p = run(self.run_sh, "-9", "status", env={"DOCKER_HOST": "unix:///nonexistent.sock"})
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("the Docker daemon is not reachable at unix:///nonexistent.sock", p.stderr)
        p = run(self.run_sh, "-h")
        for line in ("-9 deploy", "-9 remove [--secrets] [--volumes]", "--yes-remove-data=STACK_NAME"):
            self.assertIn(line, p.stdout)

    def test_stack_name_compose_would_change_is_refused(self):
        for bad in ("MyShop", "-shop", "shop.v2", "shop name"):
            p = run(self.run_sh, "-5", env={"STACK_NAME": bad, "DOCKER_HOST": "unix:///nonexistent.sock"})
            self.assertEqual(p.returncode, 1, bad)
            self.assertIn("is not a valid Compose project name", p.stderr, bad)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        p = run(self.run_sh, "-7", "print", env={"STACK_NAME": "my_shop-2"})
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_placeholder_left_in_env_is_refused(self):
        with open(os.path.join(self.compose, ".env"), "w") as f:
            f.write("STACK_NAME=pddtest-cli\nPOSTGRES_PASSWORD=__GENERATE__\n")
        p = run(self.run_sh, "-0", env={"DOCKER_HOST": "unix:///nonexistent.sock"})
        self.assertEqual(p.returncode, 1)
        self.assertIn("still holds the placeholder __GENERATE__ for POSTGRES_PASSWORD", p.stderr)

    def write_env(self, text):
        path = os.path.join(self.compose, ".env")
        old = os.umask(0o077)
        try:
            with open(path, "w") as f:
                f.write(text)
        finally:
            os.umask(old)
        return path

    def test_short_secret_key_warns_and_says_how_to_rotate(self):
        short = "0123456789abcdef" * 3  # 48 characters: what run generated before it made 64
        self.write_env(f"STACK_NAME=pddtest-cli\nDJANGO_SECRET_KEY={short}\n")
        dead = {"DOCKER_HOST": "unix:///nonexistent.sock"}
        for flag in ("-0", "-1", "-2"):
            p = run(self.run_sh, flag, env=dead)
            self.assertEqual(p.returncode, 1)
            first = p.stderr.splitlines()[0]
            self.assertEqual(first, f"run: warning: DJANGO_SECRET_KEY in {self.compose}/.env has 48 characters; Django's "
                                    f"deployment check wants at least 50. Rotate it: sh {self.compose}/run "
                                    "--rotate-secret-key (signed-in users stay signed in), then start the stack again.")
            self.assertIn("Docker daemon is not reachable", p.stderr)
        for flag in ("-5", "-6", "-3"):  # stopping, status and building have no use for the key
            self.assertNotIn("warning", run(self.run_sh, flag, env=dead).stderr)
        self.write_env(f"STACK_NAME=pddtest-cli\nDJANGO_SECRET_KEY={'a1' * 32}\n")
        self.assertNotIn("warning", run(self.run_sh, "-0", env=dead).stderr)

    def test_rotate_secret_key_keeps_the_old_one_as_fallback(self):
        p = run(self.run_sh, "--rotate-secret-key")
        self.assertEqual(p.returncode, 1)
        self.assertIn(".env does not exist yet", p.stderr)
        short = "0123456789abcdef" * 3
        path = self.write_env(f"# mine\nSTACK_NAME=pddtest-cli\nDJANGO_SECRET_KEY={short}\nPOSTGRES_PASSWORD=pw\n")
        p = run(self.run_sh, "--rotate-secret-key", env={"DOCKER_HOST": "unix:///nonexistent.sock"})
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("DJANGO_SECRET_KEY_FALLBACKS", p.stderr)
        values = run_reading(path)
        self.assertRegex(values["DJANGO_SECRET_KEY"], r"^[0-9a-f]{64}$")
        self.assertEqual(values["DJANGO_SECRET_KEY_FALLBACKS"], short)
        self.assertEqual((values["STACK_NAME"], values["POSTGRES_PASSWORD"]), ("pddtest-cli", "pw"))
        with open(path) as f:
            self.assertTrue(f.read().startswith("# mine\n"), "the rest of .env is kept as it was")
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        self.assertNotIn(short, p.stderr + p.stdout, "no key is printed")
        # A second rotation: the first new key becomes the fallback, once.
        first = values["DJANGO_SECRET_KEY"]
        self.assertEqual(run(self.run_sh, "--rotate-secret-key").returncode, 0)
        values = run_reading(path)
        self.assertEqual(values["DJANGO_SECRET_KEY_FALLBACKS"], first)
        self.assertNotEqual(values["DJANGO_SECRET_KEY"], first)
        with open(path) as f:
            self.assertEqual(f.read().count("DJANGO_SECRET_KEY_FALLBACKS="), 1)
        # A key with characters .env must quote (Django's own generator uses them) is quoted.
        self.write_env("DJANGO_SECRET_KEY='django-insecure-a#b$c!d'\n")
        self.assertEqual(run(self.run_sh, "--rotate-secret-key").returncode, 0)
        self.assertEqual(run_reading(path)["DJANGO_SECRET_KEY_FALLBACKS"], "django-insecure-a#b$c!d")
        alone = os.path.join(self.tmp, "alone")
        os.mkdir(alone)
        shutil.copy(path, os.path.join(alone, ".env"))
        for cli in compose_clis():
            self.assertEqual(compose_reading(cli, os.path.join(alone, ".env"), "DJANGO_SECRET_KEY_FALLBACKS"),
                             "django-insecure-a#b$c!d", cli[0])

    def test_boot_unit_for_hostile_paths_verifies(self):
        if shutil.which("systemd-analyze") is None:
            if fx.IN_CI:
                raise AssertionError("CI=true and systemd-analyze is missing")
            self.skipTest("systemd-analyze missing")
        p = run(self.run_sh, "-7", "print")
        self.assertEqual(p.returncode, 0, p.stderr)
        unit = p.stdout
        self.assertIn('ExecStart=/bin/sh "' + self.compose.replace("%", "%%") + '/run" -0', unit)
        self.assertIn("WorkingDirectory=" + self.compose.replace("%", "%%") + "\n", unit)
        doc = re.search(r"^Documentation=(\S+)$", unit, re.M)
        self.assertIsNotNone(doc, unit)
        self.assertNotIn(" ", doc.group(1))
        self.assertIn("stack%%20%%C3%%A7%%C3%%A3o", doc.group(1))
        path = os.path.join(self.tmp, "postdodjango-test.service")
        with open(path, "w") as f:
            f.write(unit)
        v = subprocess.run(["systemd-analyze", "verify", path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.assertEqual(v.returncode, 0, v.stdout)
        self.assertNotIn("Invalid URL", v.stdout)


class PgadminServerFile(unittest.TestCase):
    """The compose file's pgAdmin entrypoint writes servers.json with a JSON encoder."""

    def test_hostile_user_name_gives_valid_json(self):
        with open(os.path.join(COMPOSE, "docker-compose.yml")) as f:
            entrypoint = yaml.safe_load(f)["services"]["pgadmin"]["entrypoint"]
        self.assertEqual(entrypoint[:2], ["/venv/bin/python3", "-c"])
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "servers.json")
            user = 'we"ird\\user\n", "Injected": "1'
            env = {"PDD_PGADMIN_SERVER_NAME": "shop dev", "PDD_PGADMIN_SERVER_USER": user,
                   "PDD_PGADMIN_SERVER_DB": "app", "PGADMIN_SERVER_JSON_FILE": out, "PATH": os.environ["PATH"]}
            subprocess.run([sys.executable, "-c", entrypoint[2], "/bin/true"], env=env, check=True)
            with open(out) as f:
                server = json.load(f)["Servers"]["1"]
        self.assertEqual(server["Username"], user)
        self.assertNotIn("Injected", server)
        self.assertEqual((server["Host"], server["Port"], server["MaintenanceDB"]), ("db", 5432, "app"))


class SettingsLists(unittest.TestCase):
    """Every setting the web code reads is passed into the container and listed in
    .env.example, or set by the stack itself (not the user's business)."""
    INTERNAL = {"POSTGRES_HOST", "POSTGRES_PORT", "DJANGO_MODE", "DJANGO_DEBUG", "DJANGO_STATIC_ROOT", "DJANGO_TLS",
                "DJANGO_SETTINGS_MODULE", "PGADMIN_SERVER_JSON_FILE"}
    READ_BY_OTHERS = {"GUNICORN_CMD_ARGS", "HOME"}  # gunicorn itself; the dev server's home

    def read_by_code(self):
        names = set()
        web = os.path.join(COMPOSE, "web")
        for root, _, files in os.walk(web):
            for name in files:
                if not name.endswith((".py", ".sh")):
                    continue
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    text = f.read()
                names |= set(re.findall(r"""(?:env|env_bool|setting|os\.environ\.get)\(\s*["']([A-Z][A-Z0-9_]+)["']""", text))
                names |= set(re.findall(r"""os\.environ\[["']([A-Z][A-Z0-9_]+)["']\]""", text))
                if name.endswith(".sh"):
                    names |= set(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", text))
        return names

    def passed_to_web(self):
        """web's environment in base + overlays: {NAME: the .env variables its value refers to}."""
        passed = {}
        for f in ("docker-compose.yml", "docker-compose.dev.yml", "docker-compose.prod.yml", "docker-compose.tls.yml",
                  "docker-compose.letsencrypt.yml"):
            with open(os.path.join(COMPOSE, f)) as fh:
                env = (yaml.safe_load(fh)["services"].get("web") or {}).get("environment") or {}
            for k, v in env.items():
                passed.setdefault(k, set()).update(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", str(v)))
        return passed

    def in_example(self):
        with open(os.path.join(COMPOSE, ".env.example")) as f:
            return set(re.findall(r"^#?([A-Z][A-Z0-9_]+)=", f.read(), re.M))

    def test_three_lists_agree(self):
        code, passed, example = self.read_by_code(), self.passed_to_web(), self.in_example()
        self.assertIn("DJANGO_LOG_LEVEL", code)  # the scan itself works
        user_facing = code - self.INTERNAL - {"DJANGO_SUPERUSER_PASSWORD"}  # that one comes on stdin
        self.assertEqual(sorted(user_facing - set(passed)), [], "read by the code, never passed into web")
        for name in sorted(user_facing):
            self.assertTrue(passed[name] <= example, f"{name} refers to {passed[name]}, not all in .env.example")
            self.assertIn(name, example, f"{name} is read by the code but not listed in .env.example")
        self.assertEqual(sorted(set(passed) - code - self.READ_BY_OTHERS), [], "passed into web, read by no code")
        self.assertNotIn("DJANGO_SUPERUSER_PASSWORD", passed, "the password must not be in web's environment")


if __name__ == "__main__":
    unittest.main(verbosity=2)
