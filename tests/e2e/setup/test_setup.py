"""packaging/setup end to end on the real Docker daemon, as on a machine that
can reach no image registry (issue 13).

A fresh copy of the checkout (what git tracks, nothing built), the local base
images under names no other suite uses (PDD_LOCAL_IMAGES_PREFIX) and a cache of
their own (so the Debian root file system is bootstrapped too), the app
installed into a temporary prefix, and a stack name and ports of its own:
`packaging/setup --local-images` must end with Django, /healthz and pgAdmin
answering on 127.0.0.1 only; run again it must change nothing and take at most
a minute; --uninstall must remove exactly what its manifest lists. Timings are
printed for the report."""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "stack"))
import stackfixture as fx  # noqa: E402

PREFIX = "pddtest-setup-local"
STACK = "pddtest-setup"
PORTS = {"DEV_WEB_PORT": 18300, "DEV_DB_PORT": 18301, "PGADMIN_PORT": 18302, "PROD_HTTP_PORT": 18303}
NAMES = ("debian", "postgres", "nginx", "python", "pgadmin4")


def log(msg):
    print(f"[setup-e2e] {msg}", file=sys.stderr, flush=True)


def sh(*args, **kw):
    return subprocess.run(list(args), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


class SetupEndToEnd(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        fx.require_root_and_docker("packaging/setup installs packages and bootstraps Debian")
        cls.dir = tempfile.mkdtemp(prefix="pdd-e2e-setup-")
        cls.clone = os.path.join(cls.dir, "PostDoDjango")
        cls.prefix = os.path.join(cls.dir, "prefix")
        cls.polkit = os.path.join(cls.dir, "polkit-1", "actions")  # where polkitd would read the action
        os.makedirs(cls.polkit)
        # What a fresh clone holds: the tracked files (and new ones not ignored), no build, no .env.
        files = subprocess.run(["git", "-C", fx.SOURCE_DIR, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                               stdout=subprocess.PIPE, check=True).stdout
        os.makedirs(cls.clone)
        listing = os.path.join(cls.dir, "files")
        with open(listing, "wb") as f:
            f.write(files)
        subprocess.run(f"tar -C {shlex.quote(fx.SOURCE_DIR)} --null -T {shlex.quote(listing)} -cf - "
                       f"| tar -C {shlex.quote(cls.clone)} -xf -", shell=True, check=True)
        cls.env = dict(os.environ)
        for k in ("POSTGRES_IMAGE", "NGINX_IMAGE", "PGADMIN_IMAGE", "PYTHON_IMAGE", "DOCKER_HOST", "SUDO_USER"):
            cls.env.pop(k, None)
        cls.env.update({k: str(v) for k, v in PORTS.items()})
        cls.env.update({
            "STACK_NAME": STACK, "WEB_IMAGE": STACK + "-web", "WEB_TAG": "e2e",
            "PDD_PREFIX": cls.prefix,
            "PDD_POLKIT_ACTIONS_DIR": cls.polkit,
            "PDD_LOCAL_IMAGES_PREFIX": PREFIX,
            "PDD_LOCAL_IMAGES_CACHE": os.path.join(cls.dir, "local-images-cache"),
        })
        cls.cleanup()
        cls.tags = sh(os.path.join(cls.clone, "packaging", "local-images"), "--env", env=cls.env).stdout.split()
        cls.remove_images()
        for tag in cls.image_tags():
            assert sh("docker", "image", "inspect", tag).returncode != 0, tag + " exists before the test"

    @classmethod
    def image_tags(cls):
        """This suite's local images, each built on an earlier one (pgadmin4 on python, the rest on debian)."""
        return [f"{PREFIX}/debian:bookworm"] + [t.split("=", 1)[1] for t in cls.tags]

    @classmethod
    def remove_images(cls):
        # Children before their bases (a base with a child cannot go), and web, built on python.
        for tag in [f"localhost:5000/{STACK}-web:e2e"] + sorted(cls.image_tags(), key=lambda t: ("pgadmin4" not in t,
                                                                                                  "debian" in t)):
            sh("docker", "image", "rm", "-f", tag)

    @classmethod
    def cleanup(cls):
        for mode in ("dev", "prod"):
            project = f"{STACK}-{mode}"
            for kind, flt in (("ps", "-aq"), ("volume", "ls -q"), ("network", "ls -q")):
                args = ["docker", kind] + flt.split() + ["--filter", f"label=com.docker.compose.project={project}"]
                ids = subprocess.run(args, stdout=subprocess.PIPE, text=True).stdout.split()
                if ids:
                    rm = {"ps": ["docker", "rm", "-f"], "volume": ["docker", "volume", "rm", "-f"],
                          "network": ["docker", "network", "rm"]}[kind]
                    subprocess.run(rm + ids, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    @classmethod
    def tearDownClass(cls):
        if not hasattr(cls, "clone"):
            return
        cls.cleanup()
        cls.remove_images()
        left = [t for t in cls.image_tags() if sh("docker", "image", "inspect", t).returncode == 0]
        shutil.rmtree(cls.dir, ignore_errors=True)
        assert not left, "could not remove " + ", ".join(left)

    def setup(self, *args, timeout=1800):
        t0 = time.monotonic()
        p = subprocess.run([os.path.join(self.clone, "packaging", "setup"), *args], env=self.env, cwd=self.dir,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout,
                           stdin=subprocess.DEVNULL)
        return p, time.monotonic() - t0

    def state(self):
        """What a second run must leave as it is: the images, the stack's containers, .env, the install."""
        images = {t: sh("docker", "image", "inspect", "-f", "{{.Id}}", t).stdout.strip() for t in self.image_tags()}
        containers = sh("docker", "ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.State}}", "--filter",
                        f"label=com.docker.compose.project={STACK}-dev").stdout.split("\n")
        with open(os.path.join(self.clone, "compose", ".env")) as f:
            env = f.read()
        binary = os.stat(os.path.join(self.prefix, "bin", "postdodjango"))
        return images, sorted(containers), env, (binary.st_mtime_ns, binary.st_size)

    def fallback_to_local_images(self, before, env_path):
        # --no-local-images refuses them: compose/run's sentence, exit 1, nothing started or stopped.
        p, _ = self.setup("--no-local-images")
        self.assertEqual(p.returncode, 1, p.stdout[-4000:])
        self.assertIn("setup: not building local images (--no-local-images); compose/run will say what to set.", p.stdout)
        self.assertRegex(p.stdout, r"(?m)^run: could not pull postgres:16: no registry reachable \(.+\)\. Set POSTGRES_IMAGE in "
                                   r".*/compose/\.env to a mirror or a local image, or run packaging/setup --local-images\.$")
        self.assertRegex(p.stdout, r"(?m)^setup: the stack did not start \(compose/run said why, above\)")
        self.assertEqual(self.state()[:2], before[:2], "--no-local-images changed the images or the containers")

        p, fallback = self.setup()
        log(f"auto setup falling back to the local images: {fallback:.1f} s")
        self.assertEqual(p.returncode, 0, p.stdout[-4000:])
        self.assertRegex(p.stdout, r"setup: postgres:16 \(POSTGRES_IMAGE\) can be neither found nor pulled: .+")
        self.assertRegex(p.stdout, r"(?m)^setup: no image registry is reachable \(.+\); using the local base images built "
                                   r"earlier from the distribution's packages \(packaging/local-images --list shows them\)\.$")
        self.assertEqual(self.state()[:2], before[:2], "falling back again changed the images or the containers")
        with open(env_path) as f:
            self.assertEqual(f.read().count("# >>> local base images"), 1)
        for line in re.findall(r"(?m)^setup: .*(?:pulled|reachable).*$", p.stdout):
            log(line)

    def test_1_cold_then_warm_then_uninstall(self):
        p, cold = self.setup("--local-images")
        log(f"cold setup --local-images: {cold:.0f} s")
        # What a user sees, kept for the report.
        with open(os.path.join(fx.BINARY_DIR, "setup-e2e-cold.log"), "w") as f:
            f.write(p.stdout)
        self.assertEqual(p.returncode, 0, p.stdout[-4000:])
        out = p.stdout
        self.assertRegex(out, r"setup: \(--local-images\) building local base images from the distribution's packages, "
                              r"about \d+ minutes, while the app builds\.")
        for name in NAMES:  # progress per image, with its time and size
            self.assertRegex(out, rf"local-images: \[\d/5\] {re.escape(PREFIX)}/{name}:\S+ built in \d+ s \(\d+ MB\)")
        self.assertIn("local-images:   debian Base system installed successfully.", out)
        self.assertRegex(out, r"local-images:   postgres (Step \d+/\d+|\[\S+ \d+/\d+\]) ")
        self.assertIn("start it with: postdodjango", out)
        self.assertIn("Images:     local, built from Debian's packages", out)
        for line in re.findall(r"(?m)^(?:==> .*|local-images: .* built in .*|local-images: done in .*)$", out):
            log(line)

        # compose/.env says which images and why.
        with open(os.path.join(self.clone, "compose", ".env")) as f:
            env = f.read()
        self.assertIn("# >>> local base images (packaging/setup, ", env)
        self.assertIn("No image registry was reachable", env)
        for line in self.tags:
            self.assertRegex(env, rf"(?m)^{re.escape(line)}$")
        self.assertEqual(os.stat(os.path.join(self.clone, "compose", ".env")).st_mode & 0o777, 0o600)

        # The stack answers, on loopback only.
        base = f"http://127.0.0.1:{PORTS['DEV_WEB_PORT']}"
        self.assertEqual(fx.http(base + "/healthz")[0:3:2], (200, b'{"status": "ok", "database": "ok"}'))
        status, _, body = fx.http(base + "/")
        self.assertEqual(status, 200)
        self.assertIn(b"PostDoDjango is running", body)
        status, _, body = fx.http(f"http://127.0.0.1:{PORTS['PGADMIN_PORT']}/login")
        self.assertEqual(status, 200)
        self.assertIn(b"<title>pgAdmin 4", body)
        published = sh("docker", "ps", "--format", "{{.Ports}}", "--filter",
                       f"label=com.docker.compose.project={STACK}-dev").stdout
        binds = re.findall(r"([0-9.:\[\]]+):(\d+)->", published)
        self.assertEqual(sorted(int(port) for _, port in binds),
                         sorted([PORTS["DEV_WEB_PORT"], PORTS["DEV_DB_PORT"], PORTS["PGADMIN_PORT"]]), published)
        self.assertEqual({host for host, _ in binds}, {"127.0.0.1"}, published)
        for service in ("db", "pgadmin"):
            cid = sh("docker", "ps", "-q", "--filter", f"label=com.docker.compose.project={STACK}-dev",
                     "--filter", f"label=com.docker.compose.service={service}").stdout.strip()
            image = fx.inspect(cid, "{{.Config.Image}}")
            self.assertTrue(image.startswith(PREFIX + "/"), f"{service} runs {image}")

        # The app is installed and starts.
        app = os.path.join(self.prefix, "bin", "postdodjango")
        p = sh(app, "--help", env=dict(self.env, QT_QPA_PLATFORM="offscreen"))
        self.assertEqual(p.returncode, 0, p.stdout)
        manifest = os.path.join(self.prefix, "share", "postdodjango", "install-manifest.txt")
        with open(manifest) as f:
            installed = [line.strip() for line in f if line.strip()]
        self.assertIn(app, installed)
        self.assertIn(manifest, installed)
        policy = os.path.join(self.polkit, "org.postdodjango.boot.policy")
        self.assertIn(policy, installed)
        with open(policy) as f:
            self.assertIn(os.path.join(self.prefix, "libexec", "postdodjango", "postdodjango-boot-helper"), f.read())

        # Again: nothing changes, and quickly.
        before = self.state()
        p, warm = self.setup("--local-images")
        log(f"warm setup --local-images: {warm:.1f} s (cold/warm {cold / warm:.1f}x)")
        self.assertEqual(p.returncode, 0, p.stdout[-4000:])
        self.assertLessEqual(warm, 60, "a second run must take at most a minute")
        self.assertRegex(p.stdout, rf"local-images: {re.escape(PREFIX)}/postgres:15 is current \(\d+ MB\), skipped")
        self.assertEqual(self.state(), before, "a second run changed images, containers, .env or the installed app")
        for line in re.findall(r"(?m)^local-images: .*current.*$", p.stdout):
            log(line)

        # Plain setup (auto) on the same machine: the local images are here, so nothing is built.
        p, auto = self.setup()
        self.assertEqual(p.returncode, 0, p.stdout[-4000:])
        self.assertRegex(p.stdout, rf"setup: {re.escape(PREFIX)}/postgres:15 \(POSTGRES_IMAGE\) is here")
        self.assertNotIn("building local base images", p.stdout)
        self.assertEqual(self.state(), before)
        log(f"warm setup (auto): {auto:.1f} s")

        # The block removed, as its comment says to go back to the official images: where
        # no registry is reachable, auto mode says so in one sentence and falls back again.
        env_path = os.path.join(self.clone, "compose", ".env")
        with open(env_path) as f:
            text = f.read()
        with open(env_path, "w") as f:
            f.write(re.sub(r"(?ms)^# >>> local base images.*?^# <<< local base images\n", "", text))
        if sh("docker", "pull", "postgres:16").returncode == 0:
            log("an image registry is reachable here: the fallback is not shown")
        else:
            self.fallback_to_local_images(before, env_path)

        # Uninstall: exactly the manifest's files go; what stays is said, with commands.
        p, _ = self.setup("--uninstall")
        self.assertEqual(p.returncode, 0, p.stdout)
        for f in installed:
            self.assertFalse(os.path.lexists(f), f + " is still there after --uninstall")
        self.assertIn(f"docker volume rm {STACK}-dev_pgdata {STACK}-prod_pgdata", p.stdout)
        self.assertIn("compose/.env", p.stdout)
        self.assertIn("gpasswd -d", p.stdout)
        self.assertTrue(os.path.isdir(self.prefix), "the prefix itself must stay")
        self.assertEqual(sh("docker", "volume", "inspect", f"{STACK}-dev_pgdata").returncode, 0,
                         "--uninstall must keep the data")
        # Only the app: no Docker step, no images, no stack; then gone again.
        p, app_only = self.setup("--no-stack")
        self.assertEqual(p.returncode, 0, p.stdout[-4000:])
        self.assertIn("(the app only, --no-stack)", p.stdout)
        self.assertNotIn("==> Checking the stack's base images", p.stdout)
        self.assertNotIn("==> Starting the stack", p.stdout)
        self.assertTrue(os.path.isfile(app))
        log(f"setup --no-stack (build folder there): {app_only:.1f} s")
        p, _ = self.setup("--uninstall")
        self.assertEqual(p.returncode, 0, p.stdout)
        self.assertFalse(os.path.lexists(app))
        p, _ = self.setup("--uninstall")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("no install manifest", p.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
