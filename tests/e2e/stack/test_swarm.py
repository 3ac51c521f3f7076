"""prod on Docker Swarm (issue 17), on this machine's engine made a single-node
swarm for the run (`docker swarm init --advertise-addr 127.0.0.1`, left again at
the end so the other suites see a plain engine), with Debian's docker-registry
on loopback as the registry every node pulls from.

One deployment is shared by the scenarios, in order: deploy with 3 replicas,
scale 1 and 4, a killed task replaced while requests go on, a rolling update
to a new tag under a request loop, a broken image rolled back by itself, the
migration run once, remove keeping the volume and its rows.

This engine has no IPVS (service VIPs and the routing mesh do not route), so the
stack runs with SWARM_ENDPOINT_MODE=dnsrr and SWARM_PUBLISH_MODE=host."""
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stackfixture as fx  # noqa: E402

SETTINGS = {"WEB_REPLICAS": "3", "SWARM_ENDPOINT_MODE": "dnsrr", "SWARM_PUBLISH_MODE": "host",
            "TLS_MODE": "off", "WAIT_TIMEOUT": "300", "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1"}


def docker(*args, check=True, timeout=120):
    p = subprocess.run(["docker", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout)
    if check and p.returncode != 0:
        raise AssertionError(f"docker {' '.join(args)} failed: {p.stderr}")
    return p.stdout.strip()


class RequestLoop(threading.Thread):
    """GET /healthz through NGINX (Django and the database behind it) one after
    another until stopped or `limit` seconds are over; every answer but a 200 is a failure."""

    def __init__(self, url, limit=60.0):
        super().__init__(daemon=True)
        self.url, self.limit = url, limit
        self.ok, self.failures = 0, []
        self.halt = threading.Event()

    def run(self):
        end = time.monotonic() + self.limit
        while not self.halt.is_set() and time.monotonic() < end:
            try:
                with urllib.request.urlopen(self.url, timeout=10) as r:
                    r.read()
                    if r.status == 200:
                        self.ok += 1
                    else:
                        self.failures.append(r.status)
            except (urllib.error.URLError, OSError) as e:
                self.failures.append(str(e))
            time.sleep(0.02)

    def stop(self):
        self.halt.set()
        self.join(30)


class NotInSwarm(unittest.TestCase):
    """Runs first (classes run by name): the engine as every other suite sees it."""

    def test_deploy_says_how_to_make_a_swarm(self):
        fx.require_docker(self, images=[])
        if docker("info", "-f", "{{.Swarm.LocalNodeState}}") != "inactive":
            raise AssertionError("the engine is in a swarm before this suite made one")
        stack = fx.Stack()
        try:
            p = stack.run("-9", "deploy")
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertIn("run: this engine is not in a swarm (state: inactive). For one node: docker swarm init "
                          "--advertise-addr <this machine's address>", p.stderr)
        finally:
            subprocess.run(["rm", "-rf", stack.dir])


class SwarmFile(unittest.TestCase):
    """docker-compose.swarm.yml is a whole file (docker stack deploy cannot take the
    base as it is): its db and web settings must stay the base's and prod's."""

    def test_same_settings_as_compose_prod(self):
        def load(name):
            with open(os.path.join(fx.SOURCE_DIR, "compose", name)) as f:
                return yaml.safe_load(f)["services"]
        base, prod, swarm = load("docker-compose.yml"), load("docker-compose.prod.yml"), load("docker-compose.swarm.yml")
        as_files = {"POSTGRES_PASSWORD": "POSTGRES_PASSWORD_FILE", "DJANGO_SECRET_KEY": "DJANGO_SECRET_KEY_FILE"}
        for service in ("db", "web", "nginx"):
            with self.subTest(service=service):
                want = dict(base[service]["environment"])
                want.update(prod.get(service, {}).get("environment", {}))
                got = swarm[service]["environment"]
                for plain, file_var in as_files.items():
                    if plain in want:
                        want.pop(plain)
                        self.assertEqual(got.pop(file_var), f"/run/secrets/{plain.lower()}")
                        self.assertIn(plain.lower(), swarm[service]["secrets"])
                got.pop("PDD_WEB_UPSTREAM", None)
                self.assertEqual(got, want)
                self.assertEqual(swarm[service]["image"], base[service]["image"])
                self.assertEqual(swarm[service]["healthcheck"]["test"], base[service]["healthcheck"]["test"])


class Swarm(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        fx.require_docker(cls, images=["POSTGRES_IMAGE", "NGINX_IMAGE", "PYTHON_IMAGE"])
        state = docker("info", "-f", "{{.Swarm.LocalNodeState}}")
        cls.own_swarm = state == "inactive"
        if cls.own_swarm:
            docker("swarm", "init", "--advertise-addr", "127.0.0.1")
        elif fx.IN_CI:
            raise AssertionError(f"CI=true and the engine is already in a swarm ({state}); this suite makes its own")
        cls.stack = fx.Stack()
        cls.stack.env.update(SETTINGS)
        cls.name = cls.stack.name + "-swarm"
        # An interrupted earlier run's volumes (this suite's own names only).
        for vol in docker("volume", "ls", "-q", "--filter", f"label=com.docker.stack.namespace={cls.name}").split():
            docker("volume", "rm", vol)
        cls.url = f"http://127.0.0.1:{fx.PORTS['PROD_HTTP_PORT']}/healthz"
        root = tempfile.mkdtemp(prefix="pdd-e2e-registry-", dir=cls.stack.dir)
        config = os.path.join(root, "config.yml")
        with open(config, "w") as f:
            f.write(f"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {root}/data\n"
                    f"http:\n  addr: 127.0.0.1:{fx.REGISTRY_PORT}\n")
        cls.registry_log = open(os.path.join(root, "log"), "w")
        cls.registry = subprocess.Popen(["docker-registry", "serve", config], stdout=subprocess.DEVNULL,
                                        stderr=cls.registry_log)
        fx.wait_http(f"http://127.0.0.1:{fx.REGISTRY_PORT}/v2/", timeout=30)
        cls.times = {}

    @classmethod
    def tearDownClass(cls):
        if not hasattr(cls, "stack"):
            if getattr(cls, "own_swarm", False):
                docker("swarm", "leave", "--force", check=False)
            return
        cls.stack.run("-9", "remove", "--secrets", "--volumes", f"--yes-remove-data={cls.stack.name}", timeout=600)
        if cls.own_swarm:
            docker("swarm", "leave", "--force", check=False)
        cls.registry.kill()
        cls.registry.wait(10)
        cls.registry_log.close()
        for vol in docker("volume", "ls", "-q", "--filter", f"label=com.docker.stack.namespace={cls.name}",
                          check=False).split():
            docker("volume", "rm", vol, check=False)
        for image in docker("images", "-q", f"127.0.0.1:{fx.REGISTRY_PORT}/{fx.WEB_IMAGE}", check=False).split():
            docker("rmi", "-f", image, check=False)
        print("swarm timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in cls.times.items()), file=sys.stderr)

    def run9(self, *args, env=None, expect=0):
        p = self.stack.run("-9", *args, env=env, timeout=900)
        self.assertEqual(p.returncode, expect, p.stderr[-3000:])
        return p

    def web_tasks(self):
        """(task id, image) of web's tasks that are meant to run and do."""
        out = docker("service", "ps", "-q", "--filter", "desired-state=running", f"{self.name}_web")
        tasks = []
        for t in out.split():
            state, image = docker("inspect", "-f", "{{.Status.State}} {{.Spec.ContainerSpec.Image}}", t).split(" ", 1)
            if state == "running":
                tasks.append((t, image))
        return tasks

    def psql(self, sql):
        cid = docker("ps", "-q", "--filter", f"label=com.docker.swarm.service.name={self.name}_db")
        self.assertTrue(cid, "no running db task")
        user, db = self.stack.db_user_and_name()
        return docker("exec", cid.split()[0], "psql", "-v", "ON_ERROR_STOP=1", "-U", user, "-d", db, "-tAc", sql)

    def test_1_deploy_answers_with_three_replicas(self):
        p = self.stack.run("-9", "status")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"{self.name}: not deployed", p.stdout)
        p = self.run9("deploy")
        self.times["deploy"] = p.seconds
        self.assertIn(f"created the Docker secret {self.name}_postgres_password", p.stderr)
        self.assertIn(f"labelled it postdodjango.db={self.stack.name}", p.stderr)
        self.assertIn(f"{self.name} is up in", p.stderr)
        self.assertEqual(len(self.web_tasks()), 3)
        status, _, body = fx.http(self.url)
        self.assertEqual(status, 200, body)
        # The secrets are files under /run/secrets, in no task's environment.
        values = self.stack.dotenv()
        for t, _ in self.web_tasks():
            cid = docker("inspect", "-f", "{{.Status.ContainerStatus.ContainerID}}", t)
            env = docker("inspect", "-f", "{{json .Config.Env}}", cid)
            self.assertNotIn(values["POSTGRES_PASSWORD"], env)
            self.assertNotIn(values["DJANGO_SECRET_KEY"], env)
        # Three replicas started together on a fresh database: one migrated.
        logs = subprocess.run(["docker", "service", "logs", "--raw", f"{self.name}_web"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=60).stdout
        self.assertEqual(logs.count("Applying contenttypes.0001_initial"), 1, logs[-3000:])
        self.assertEqual(self.psql("SELECT count(*) FROM django_migrations WHERE app = 'contenttypes' "
                                   "AND name = '0001_initial'"), "1")
        p = self.stack.run("-9", "status")
        self.assertRegex(p.stdout, rf"{self.name}_web\s+3/3")
        # A second deploy of the same settings changes nothing and returns once converged.
        self.run9("deploy")

    def test_2_scale_down_and_up_converges(self):
        for n in (1, 4):
            with self.subTest(replicas=n):
                p = self.run9("scale", str(n))
                self.times[f"scale {n}"] = p.seconds
                self.assertEqual(len(self.web_tasks()), n)
                self.assertEqual(fx.http(self.url)[0], 200)
        p = self.stack.run("-9", "scale", "many")
        self.assertEqual(p.returncode, 1)
        self.assertIn("-9 scale takes a number of web replicas, not 'many'", p.stderr)

    def test_3_killed_task_is_replaced_and_requests_go_on(self):
        before = self.web_tasks()
        self.assertEqual(len(before), 4)
        loop = RequestLoop(self.url)
        loop.start()
        time.sleep(2)
        victim = docker("inspect", "-f", "{{.Status.ContainerStatus.ContainerID}}", before[0][0])
        docker("kill", victim)
        t0 = time.monotonic()
        fx.wait_for(lambda: len(self.web_tasks()) == 4 and before[0][0] not in [t for t, _ in self.web_tasks()],
                    120, "Swarm to replace the killed web task")
        self.times["replace killed task"] = time.monotonic() - t0
        time.sleep(2)
        loop.stop()
        self.assertGreater(loop.ok, 20)
        self.assertEqual(loop.failures, [], f"{len(loop.failures)} of {loop.ok + len(loop.failures)} requests failed")

    def test_4_rolling_update_loses_no_request(self):
        reg = f"127.0.0.1:{fx.REGISTRY_PORT}/{fx.WEB_IMAGE}"
        docker("tag", f"{reg}:{fx.WEB_TAG}", f"{reg}:v2")
        loop = RequestLoop(self.url, limit=60)
        loop.start()
        p = self.run9("deploy", env={"WEB_TAG": "v2"})
        loop.stop()
        self.times["rolling update to v2"] = p.seconds
        self.times["requests during update"] = loop.ok + len(loop.failures)
        tasks = self.web_tasks()
        self.assertEqual(len(tasks), 3)  # WEB_REPLICAS again
        self.assertTrue(all(f"{reg}:v2" in image for _, image in tasks), tasks)
        self.assertGreater(loop.ok, 20)
        self.assertEqual(loop.failures, [], f"{len(loop.failures)} of {loop.ok + len(loop.failures)} requests failed")

    def test_5_image_failing_its_healthcheck_is_rolled_back(self):
        reg = f"127.0.0.1:{fx.REGISTRY_PORT}/{fx.WEB_IMAGE}"
        # Starts, migrates, then never listens: its healthcheck never passes.
        build = subprocess.run(["docker", "build", "-q", "-t", f"{reg}:broken", "-"],
                               input=f'FROM {reg}:v2\nCMD ["python", "-c", "import time; time.sleep(3600)"]\n',
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300)
        self.assertEqual(build.returncode, 0, build.stderr)
        t0 = time.monotonic()
        p = self.stack.run("-9", "deploy", env={"WEB_TAG": "broken"}, timeout=900)
        self.times["rollback of a broken image"] = time.monotonic() - t0
        self.assertEqual(p.returncode, 1, p.stderr[-3000:])
        self.assertIn("rolled back", p.stderr)
        tasks = self.web_tasks()
        self.assertEqual(len(tasks), 3)
        self.assertTrue(all(f"{reg}:v2" in image for _, image in tasks), tasks)
        self.assertEqual(fx.http(self.url)[0], 200)
        # The next command does not mistake the old rollback for its own failure.
        self.run9("scale", "3")

    def test_6_remove_keeps_the_volume_and_its_rows(self):
        self.psql("CREATE TABLE pdd_swarm_keep (note text); INSERT INTO pdd_swarm_keep VALUES ('obrigado')")
        p = self.run9("remove")
        self.assertIn("volumes kept, secrets kept", p.stderr)
        self.assertEqual(docker("ps", "-aq", "--filter", f"label=com.docker.stack.namespace={self.name}"), "")
        self.assertIn(f"{self.name}_pgdata", docker("volume", "ls", "-q"))
        self.assertIn(f"{self.name}_postgres_password", docker("secret", "ls", "--format", "{{.Name}}"))
        # Back again: the same database, its rows.
        self.run9("deploy", env={"WEB_TAG": "v2"})
        self.assertEqual(self.psql("SELECT note FROM pdd_swarm_keep"), "obrigado")
        # Removing the data needs the stack name typed, or said.
        p = self.stack.run("-9", "remove", "--volumes")
        self.assertEqual(p.returncode, 1)
        self.assertIn(f"--yes-remove-data={self.stack.name}", p.stderr)
        self.assertIn(f"{self.name}_pgdata", docker("volume", "ls", "-q"))

    def test_7_app_swarm_view_follows_scale(self):
        """The app's Swarm tab on this same deployment (tests/e2e/app/tst_swarm_gui.cpp)."""
        binary = os.environ.get("PDD_SWARM_GUI_TEST", "")
        if not os.access(binary, os.X_OK):
            msg = f"the Swarm GUI test binary is missing (PDD_SWARM_GUI_TEST={binary!r}); build tst_swarm_gui"
            if fx.IN_CI:
                self.fail(msg)
            self.skipTest(msg)
        env = dict(self.stack.env, WEB_TAG="v2", PDD_SWARM_STACK_DIR=self.stack.compose_dir,
                   QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="pdd-e2e-xdg-", dir=self.stack.dir))
        t0 = time.monotonic()
        p = subprocess.run([binary], env=env, cwd=self.stack.dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=900)
        self.times["app swarm view"] = time.monotonic() - t0
        print(p.stdout[-6000:], file=sys.stderr)
        self.assertEqual(p.returncode, 0, p.stdout[-6000:])
        self.assertIn("swarm view: scale", p.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
