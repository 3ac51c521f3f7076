"""`postdodjango --new-stack` (what File > New stack… runs) end to end: two
stacks created side by side from the template get their own names, ports and
secrets, and both come up healthy with `run -1` at the same time on the forged
images; a non-empty folder and a name the engine already has are refused with
one sentence and leave nothing behind."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stackfixture as fx  # noqa: E402

APP = os.path.join(fx.BINARY_DIR, "app", "postdodjango")
NAMES = ("pddtest-newa", "pddtest-newb")


def log(msg):
    print(f"[new-stack-e2e] {msg}", file=sys.stderr, flush=True)


def remove_stack(name):
    for mode in ("dev", "prod"):
        label = f"label=com.docker.compose.project={name}-{mode}"
        ids = subprocess.run(["docker", "ps", "-aq", "--filter", label], stdout=subprocess.PIPE, text=True).stdout.split()
        if ids:
            subprocess.run(["docker", "rm", "-f", *ids], stdout=subprocess.DEVNULL)
        vols = subprocess.run(["docker", "volume", "ls", "-q", "--filter", label], stdout=subprocess.PIPE,
                              text=True).stdout.split()
        if vols:
            subprocess.run(["docker", "volume", "rm", *vols], stdout=subprocess.DEVNULL)
        subprocess.run(["docker", "network", "rm", f"{name}-{mode}_default"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)


class NewStackEndToEnd(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        fx.require_docker(cls, images={"POSTGRES_IMAGE", "PGADMIN_IMAGE", "PYTHON_IMAGE"})
        if not os.access(APP, os.X_OK):
            raise AssertionError(f"{APP} is not built")
        cls.tmp = tempfile.mkdtemp(prefix="pdd-new-stack-")
        # The app's settings (its recent stacks) stay in the test's own folder.
        cls.env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(cls.tmp, "config"), QT_QPA_PLATFORM="offscreen")
        for k in ("STACK_NAME", "DOCKER_HOST"):
            cls.env.pop(k, None)
        for name in NAMES:
            remove_stack(name)

    @classmethod
    def tearDownClass(cls):
        for name in NAMES:
            remove_stack(name)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def new_stack(self, folder, *args):
        return subprocess.run([APP, "--new-stack", os.path.join(self.tmp, folder), *args], env=self.env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300)

    def run_script(self, folder, *args):
        e = dict(self.env)
        e.update(fx.forge_env())  # the forged images stand in for Docker Hub's
        return subprocess.run(["sh", os.path.join(self.tmp, folder, "run"), *args], env=e, cwd=self.tmp,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=1500)

    def test_1_two_stacks_side_by_side(self):
        a = self.new_stack("Loja A", "--name", NAMES[0], "--git")
        self.assertEqual(a.returncode, 0, a.stderr + a.stdout)
        self.assertIn(f"Created the stack {NAMES[0]}", a.stdout)
        b = self.new_stack("loja-b", "--name", NAMES[1])
        self.assertEqual(b.returncode, 0, b.stderr + b.stdout)
        env_a, env_b = fx.read_dotenv(os.path.join(self.tmp, "Loja A")), fx.read_dotenv(os.path.join(self.tmp, "loja-b"))
        self.assertEqual((env_a["STACK_NAME"], env_b["STACK_NAME"]), NAMES)
        keys = ("DEV_WEB_PORT", "DEV_HOST_WEB_PORT", "DEV_DB_PORT", "PGADMIN_PORT", "PROD_HTTP_PORT", "PROD_HTTPS_PORT")
        ports_a, ports_b = {env_a[k] for k in keys}, {env_b[k] for k in keys}
        self.assertEqual(len(ports_a), 6, env_a)
        self.assertFalse(ports_a & ports_b, f"the second stack took the first one's ports: {ports_a & ports_b}")
        self.assertNotEqual(env_a["POSTGRES_PASSWORD"], env_b["POSTGRES_PASSWORD"])
        self.assertTrue(os.path.isdir(os.path.join(self.tmp, "Loja A", ".git")))
        self.assertFalse(os.path.isdir(os.path.join(self.tmp, "loja-b", ".git")))
        for folder, env in (("Loja A", env_a), ("loja-b", env_b)):
            log(f"run -1 in {folder}")
            p = self.run_script(folder, "-1")
            self.assertEqual(p.returncode, 0, p.stderr[-3000:])
        # Both at once: each one's web answers on its own port, each db healthy.
        for env in (env_a, env_b):
            status, _, body = fx.wait_http(f"http://127.0.0.1:{env['DEV_WEB_PORT']}/", timeout=120)
            self.assertEqual(status, 200)
            db = subprocess.run(["docker", "ps", "-q", "--filter",
                                 f"label=com.docker.compose.project={env['STACK_NAME']}-dev",
                                 "--filter", "label=com.docker.compose.service=db"],
                                stdout=subprocess.PIPE, text=True).stdout.split()
            self.assertEqual(len(db), 1)
            self.assertEqual(fx.inspect(db[0], "{{.State.Health.Status}}"), "healthy")
        for folder in ("Loja A", "loja-b"):
            p = self.run_script(folder, "-5", "dev")
            self.assertEqual(p.returncode, 0, p.stderr[-2000:])

    def test_2_refusals_leave_nothing(self):
        full = os.path.join(self.tmp, "cheia")
        os.makedirs(full)
        with open(os.path.join(full, "notas.txt"), "w") as f:
            f.write("meu\n")
        p = self.new_stack("cheia")
        self.assertEqual(p.returncode, 1)
        self.assertIn("is not empty", p.stderr)
        self.assertEqual(os.listdir(full), ["notas.txt"])
        # NAMES[0] has volumes on the engine now (test_1 left them): refused.
        p = self.new_stack("outra", "--name", NAMES[0])
        self.assertEqual(p.returncode, 1)
        self.assertIn(f"already has volumes of a stack named {NAMES[0]}", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "outra")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
