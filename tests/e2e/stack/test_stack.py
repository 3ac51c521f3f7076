"""The compose stack end to end on the real Docker daemon, with the forged images.

One bring-up of each mode is shared by the scenarios (CI time is precious), so
the tests run in the order of their names and each builds on the previous state:
build+push, dev (-1), dev outside Docker (-2), prod (-0), volumes across -5,
replicas under the advisory lock, bad input. Timings are printed for the report."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stackfixture as fx  # noqa: E402


def log(msg):
    print(f"[stack-e2e] {msg}", file=sys.stderr, flush=True)


class StackEndToEnd(unittest.TestCase):
    dev_row = "dev-row-" + uuid.uuid4().hex[:8]
    prod_row = "prod-row-" + uuid.uuid4().hex[:8]

    @classmethod
    def setUpClass(cls):
        fx.require_docker(cls)
        cls.stack = fx.Stack()
        cls.stack.destroy()  # leftovers of an interrupted earlier run
        cls.registry = None

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "registry", None):
            cls.registry.terminate()
            cls.registry.wait(10)
            cls.registry_log.close()
        if hasattr(cls, "stack"):
            cls.stack.destroy()
            shutil.rmtree(cls.stack.dir, ignore_errors=True)

    # ------------------------------------------------------------------ -3 / -4
    def start_registry(self):
        """Debian's docker-registry on loopback (dockerd treats 127.0.0.0/8 as insecure-allowed)."""
        root = tempfile.mkdtemp(prefix="pdd-e2e-registry-", dir=self.stack.dir)
        config = os.path.join(root, "config.yml")
        with open(config, "w") as f:
            f.write(f"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {root}/data\n"
                    f"http:\n  addr: 127.0.0.1:{fx.REGISTRY_PORT}\n")
        type(self).registry_log = open(os.path.join(root, "log"), "w")
        type(self).registry = subprocess.Popen(["docker-registry", "serve", config], stdout=subprocess.DEVNULL,
                                               stderr=self.registry_log)
        fx.wait_http(f"http://127.0.0.1:{fx.REGISTRY_PORT}/v2/", timeout=30)

    def test_1_build_and_push(self):
        p = self.stack.run("-3")
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        # No .env in the fresh copy: the first run made one with fresh secrets and said so.
        self.assertIn("created", p.stderr)
        self.assertIn(".env", p.stderr)
        env_path = os.path.join(self.stack.compose_dir, ".env")
        self.assertEqual(os.stat(env_path).st_mode & 0o777, 0o600)
        values = self.stack.dotenv()
        for key in ("POSTGRES_PASSWORD", "DJANGO_SECRET_KEY", "PGADMIN_DEFAULT_PASSWORD", "DJANGO_SUPERUSER_PASSWORD"):
            self.assertRegex(values[key], r"^[0-9a-f]{48}$", key)
        self.assertEqual(len({values["POSTGRES_PASSWORD"], values["DJANGO_SECRET_KEY"]}), 2)
        ref = f"127.0.0.1:{fx.REGISTRY_PORT}/{fx.WEB_IMAGE}:{fx.WEB_TAG}"
        user = subprocess.run(["docker", "image", "inspect", "-f", "{{.Config.User}}", ref], stdout=subprocess.PIPE,
                              text=True)
        self.assertEqual(user.returncode, 0, f"-3 did not produce {ref}")
        self.assertEqual(user.stdout.strip(), "app", "the web image must run as the non-root user")
        log(f"-3 build: {p.seconds:.1f} s")

        self.start_registry()
        status, tags = fx.registry_tags(fx.REGISTRY_PORT, fx.WEB_IMAGE)
        self.assertNotEqual((status, tags.get("tags")), (200, [fx.WEB_TAG]), "registry must start empty")
        p = self.stack.run("-4")
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        status, tags = fx.registry_tags(fx.REGISTRY_PORT, fx.WEB_IMAGE)
        self.assertEqual(status, 200)
        self.assertEqual(tags, {"name": fx.WEB_IMAGE, "tags": [fx.WEB_TAG]})
        log(f"-4 push: {p.seconds:.1f} s")

    # ------------------------------------------------------------------ -1
    def superusers(self, mode):
        return self.stack.psql(mode, "SELECT count(*) FROM auth_user WHERE username='admin' AND is_superuser")

    def test_2_dev_in_docker(self):
        p = self.stack.run("-1", env={"CREATE_SUPERUSER": "1"})
        self.assertEqual(p.returncode, 0, p.stderr[-3000:])
        log(f"-1 to healthy (first start, pgAdmin initialising): {p.seconds:.1f} s")

        db = self.stack.container("dev", "db")
        # The compose CLI asked for really ran: v2 names containers <project>-<service>-1, v1 <project>_<service>_1.
        name = subprocess.run(["docker", "inspect", "-f", "{{.Name}}", db], stdout=subprocess.PIPE, text=True).stdout.strip()
        expected = f"/{self.stack.project('dev')}-db-1" if os.environ.get("PDD_COMPOSE") == "v2" else f"/{self.stack.project('dev')}_db_1"
        self.assertEqual(name, expected)
        state = subprocess.run(["docker", "inspect", "-f", "{{.State.Health.Status}}", db], stdout=subprocess.PIPE,
                               text=True).stdout.strip()
        self.assertEqual(state, "healthy")
        self.assertEqual(self.stack.psql("dev", "SELECT count(*) FROM django_migrations WHERE app='notes' AND name='0001_initial'"), "1")
        self.assertEqual(fx.docker_port(db, 5432), [f"127.0.0.1:{fx.PORTS['DEV_DB_PORT']}"])
        self.assertEqual(self.superusers("dev"), "1", "CREATE_SUPERUSER=1 must create DJANGO_SUPERUSER_USERNAME")

        base = f"http://127.0.0.1:{fx.PORTS['DEV_WEB_PORT']}"
        status, _, body = fx.http(base + "/healthz")
        self.assertEqual((status, body), (200, b'{"status": "ok", "database": "ok"}'))
        self.stack.psql("dev", f"INSERT INTO notes_note (text, created) VALUES ('{self.dev_row}', now())")
        status, _, body = fx.http(base + "/")
        self.assertEqual(status, 200)
        self.assertIn(b"PostDoDjango is running", body)
        self.assertIn(self.dev_row.encode(), body)

        pga = self.stack.container("dev", "pgadmin")
        self.assertEqual(fx.docker_port(pga, 80), [f"127.0.0.1:{fx.PORTS['PGADMIN_PORT']}"])
        status, _, body = fx.http(f"http://127.0.0.1:{fx.PORTS['PGADMIN_PORT']}/login")
        self.assertEqual(status, 200)
        self.assertIn(b"<title>pgAdmin 4", body)
        lan = fx.host_lan_ip()
        if not lan.startswith("127."):
            self.assertFalse(fx.can_connect(lan, fx.PORTS["PGADMIN_PORT"]), f"pgAdmin answers on {lan}")
            self.assertFalse(fx.can_connect(lan, fx.PORTS["DEV_DB_PORT"]), f"the dev database answers on {lan}")
        logs = subprocess.run(["docker", "logs", pga], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
        self.assertIn("Added 0 Server Group(s) and 1 Server(s)", logs, "servers.json was not loaded")

    # ------------------------------------------------------------------ -2
    def test_3_dev_outside_docker(self):
        e = dict(self.stack.env)
        t0 = time.monotonic()
        proc = subprocess.Popen(["sh", os.path.join(self.stack.compose_dir, "run"), "-2"], env=e, cwd=self.stack.dir,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        try:
            url = f"http://127.0.0.1:{fx.PORTS['DEV_HOST_WEB_PORT']}/"
            try:
                status, headers, body = fx.wait_http(url, timeout=600)
            except AssertionError:
                os.killpg(proc.pid, signal.SIGTERM)
                raise AssertionError("run -2 never served Django; its output:\n" + proc.communicate(timeout=30)[0][-3000:])
            log(f"-2 to serving (venv cached in the build dir after the first run): {time.monotonic() - t0:.1f} s")
            self.assertIn(self.dev_row.encode(), body, "Django on the host must see the rows -1 wrote")
            self.assertTrue(any("WSGIServer" in v for v in fx.header_values(headers, "Server")))
            # It is the host's Django: no container publishes this port.
            published = subprocess.run(["docker", "ps", "--format", "{{.Ports}}"], stdout=subprocess.PIPE, text=True).stdout
            self.assertNotIn(f":{fx.PORTS['DEV_HOST_WEB_PORT']}->", published)
            self.assertIsNone(proc.poll(), "run -2 stays in the foreground")
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGINT)
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(10)
            if proc.stdout:
                proc.stdout.close()

    # ------------------------------------------------------------------ -0
    def test_4_prod_behind_nginx(self):
        p = self.stack.run("-0")
        self.assertEqual(p.returncode, 0, p.stderr[-3000:])
        log(f"-0 to healthy (dev still running): {p.seconds:.1f} s")
        base = f"http://127.0.0.1:{fx.PORTS['PROD_HTTP_PORT']}"

        status, headers, body = fx.http(base + "/")
        self.assertEqual(status, 200)
        self.assertEqual(fx.header_values(headers, "Server"), ["nginx"])
        self.assertIn(b"PostDoDjango is running", body)
        self.assertNotIn(self.dev_row.encode(), body, "prod must not see dev data")
        self.assertEqual(fx.header_values(headers, "X-Frame-Options"), ["DENY"])
        self.assertEqual(fx.header_values(headers, "X-Content-Type-Options"), ["nosniff"])

        status, headers, body = fx.http(base + "/static/admin/css/base.css", headers={"Accept-Encoding": "gzip"})
        self.assertEqual(status, 200)
        self.assertEqual(fx.header_values(headers, "Server"), ["nginx"])
        self.assertEqual(fx.header_values(headers, "Cache-Control"), ["max-age=2592000"])
        self.assertEqual(len(fx.header_values(headers, "Expires")), 1)
        self.assertEqual(fx.header_values(headers, "Content-Encoding"), ["gzip"])
        self.assertEqual(body[:2], b"\x1f\x8b")
        status, _, body = fx.http(base + "/static/notes/site.css")
        self.assertEqual(status, 200)
        self.assertIn(b"font-family", body)

        status, _, body = fx.http(base + "/admin/login/")
        self.assertEqual(status, 200)
        self.assertIn(b'name="username"', body)
        self.assertIn(b"Django administration", body)

        status, _, body = fx.http(base + "/no-such-page-" + uuid.uuid4().hex)
        self.assertEqual(status, 404)
        self.assertNotIn(b"URLconf", body, "DEBUG must be off in prod (no technical 404 page)")
        self.assertNotIn(b"DEBUG = True", body)

        # Only NGINX is published; gunicorn and the database are not.
        self.assertEqual(self.superusers("prod"), "0", "no superuser unless CREATE_SUPERUSER=1")
        self.assertEqual(fx.docker_port(self.stack.container("prod", "web"), 8000), [])
        self.assertEqual(fx.docker_port(self.stack.container("prod", "db"), 5432), [])
        self.assertTrue(fx.docker_port(self.stack.container("prod", "nginx"), 80))
        self.stack.psql("prod", f"INSERT INTO notes_note (text, created) VALUES ('{self.prod_row}', now())")
        status, _, body = fx.http(base + "/")
        self.assertIn(self.prod_row.encode(), body)

    # ------------------------------------------------------------------ volumes
    def count(self, mode, text):
        return self.stack.psql(mode, f"SELECT count(*) FROM notes_note WHERE text = '{text}'")

    def test_5_volumes_are_per_mode_and_survive_stop(self):
        self.assertEqual(self.count("dev", self.dev_row), "1")
        self.assertEqual(self.count("prod", self.dev_row), "0")
        self.assertEqual(self.count("prod", self.prod_row), "1")
        self.assertEqual(self.count("dev", self.prod_row), "0")

        p = self.stack.run("-5")
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        self.assertEqual(self.stack.containers("dev") + self.stack.containers("prod"), [])
        for mode in ("dev", "prod"):
            vol = f"{self.stack.project(mode)}_pgdata"
            self.assertEqual(subprocess.run(["docker", "volume", "inspect", vol], stdout=subprocess.DEVNULL).returncode, 0,
                             f"-5 removed {vol}")

        p = self.stack.run("-0")
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        log(f"-0 to healthy (existing volume): {p.seconds:.1f} s")
        p = self.stack.run("-1", env={"CREATE_SUPERUSER": "1"})
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        log(f"-1 to healthy (existing volumes): {p.seconds:.1f} s")
        # A second start with CREATE_SUPERUSER=1 neither fails nor duplicates the user.
        self.assertEqual(self.superusers("dev"), "1")
        web_log = subprocess.run(["docker", "logs", self.stack.container("dev", "web")], stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True).stdout
        self.assertIn("superuser admin already exists", web_log)
        self.assertEqual(self.count("dev", self.dev_row), "1")
        self.assertEqual(self.count("prod", self.prod_row), "1")
        self.assertEqual(self.count("prod", self.dev_row), "0")

        # -5 prod stops only prod.
        p = self.stack.run("-5", "prod")
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        self.assertEqual(self.stack.containers("prod"), [])
        self.assertEqual(len(self.stack.containers("dev")), 3)
        p = self.stack.run("-0")
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])

    # ------------------------------------------------------------------ replicas
    def test_6_two_replicas_migrate_once(self):
        rep = fx.Stack(stack_name=fx.STACK + "-rep")
        self.addCleanup(shutil.rmtree, rep.dir, True)
        rep.destroy()
        try:
            shutil_env = os.path.join(self.stack.compose_dir, ".env")
            with open(shutil_env) as src, open(os.path.join(rep.compose_dir, ".env"), "w") as dst:
                dst.write(src.read())
            rep.env["STACK_NAME"] = rep.name
            cmd = rep.compose_cmd("prod")
            t0 = time.monotonic()
            p = subprocess.run(cmd + ["up", "-d", "--scale", "web=2", "db", "web"], env=rep.env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
            self.assertEqual(p.returncode, 0, p.stdout[-2000:])
            webs = rep.containers("prod", "web")
            self.assertEqual(len(webs), 2)
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                health = [subprocess.run(["docker", "inspect", "-f", "{{.State.Health.Status}} {{.RestartCount}}", w],
                                         stdout=subprocess.PIPE, text=True).stdout.split() for w in webs]
                if all(h == ["healthy", "0"] for h in health):
                    break
                self.assertFalse(any(h[0] == "unhealthy" or h[1] != "0" for h in health), health)
                time.sleep(1)
            else:
                self.fail(f"replicas not healthy: {health}")
            log(f"two replicas healthy: {time.monotonic() - t0:.1f} s")
            logs = [subprocess.run(["docker", "logs", w], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True).stdout for w in webs]
            for text in logs:
                self.assertIn("migration lock held", text)
            applied = [text.count("Applying notes.0001_initial") for text in logs]
            self.assertEqual(sorted(applied), [0, 1], "exactly one replica applies the migrations")
            self.assertIn("No migrations to apply", logs[applied.index(0)])
            self.assertEqual(rep.psql("prod", "SELECT count(*) FROM django_migrations WHERE app='notes'"), "1")
        finally:
            rep.destroy(modes=("prod",))

    # ------------------------------------------------------------------ bad input
    def test_7_bad_input_changes_nothing(self):
        # This stack's projects and everything that is not another test's.
        own = {self.stack.project("dev"), self.stack.project("prod")}
        before = fx.engine_snapshot(own)
        self.assertEqual(len(self.stack.containers("dev")), 3, "the dev stack must be running for this check")

        p = self.stack.run("-9")
        self.assertEqual(p.returncode, 2)
        self.assertIn("Usage: sh run", p.stderr)
        self.assertEqual(p.stdout, "")

        p = self.stack.run("-1", env={"DOCKER_HOST": "unix:///nonexistent/pdd-dead.sock"})
        self.assertNotEqual(p.returncode, 0)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        self.assertIn("Docker daemon is not reachable", p.stderr)

        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
            busy.bind(("127.0.0.1", 0))
            busy.listen(1)
            port = busy.getsockname()[1]
            p = self.stack.run("-0", env={"PROD_HTTP_PORT": str(port)})
        self.assertEqual(p.returncode, 1)
        self.assertIn(f"port {port} is already in use", p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)

        # Missing .env in a fresh copy: generated with new secrets, and said so.
        other = fx.Stack()
        self.addCleanup(shutil.rmtree, other.dir, True)
        p = other.run("-6")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("created", p.stderr)
        self.assertNotEqual(other.dotenv()["POSTGRES_PASSWORD"], self.stack.dotenv()["POSTGRES_PASSWORD"])
        with open(os.path.join(other.compose_dir, ".env")) as f:
            self.assertNotRegex(f.read(), r"(?m)^[A-Z_]+=__GENERATE__$")
        # ... and without .env.example either: a clear error.
        os.remove(os.path.join(other.compose_dir, ".env"))
        os.remove(os.path.join(other.compose_dir, ".env.example"))
        p = other.run("-1")
        self.assertEqual(p.returncode, 1)
        self.assertIn("neither .env nor .env.example exists", p.stderr)

        self.assertEqual(fx.engine_snapshot(own), before, "bad input changed containers or volumes")


# The whole suite runs under both CLIs: `docker-compose` 1.29 (this machine's
# Debian package) and `docker compose` v2 (what most users have), see CMakeLists.txt.
if __name__ == "__main__":
    unittest.main(verbosity=2)
