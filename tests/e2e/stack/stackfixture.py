"""Shared plumbing for the compose stack e2e tests: a private copy of compose/,
the test stack's name and ports, and small helpers around docker, psql and HTTP.

The tests never touch a user's stack: they copy compose/ to a temporary folder
(so .env and the venv are theirs), use STACK_NAME=pddtest-e2e and
ports 18000-18099, and remove only their own containers and volumes."""
import json
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request

SOURCE_DIR = os.environ.get("PDD_SOURCE_DIR") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
BINARY_DIR = os.environ.get("PDD_BINARY_DIR") or os.path.join(SOURCE_DIR, "build")
IN_CI = os.environ.get("CI") == "true"

# The v2 run of the suite uses another name and port block, so the two never collide.
STACK = os.environ.get("PDD_E2E_STACK", "pddtest-e2e")
_BASE = int(os.environ.get("PDD_E2E_PORT_BASE", "18000"))
PORTS = {
    "DEV_WEB_PORT": _BASE,
    "DEV_DB_PORT": _BASE + 1,
    "PGADMIN_PORT": _BASE + 2,
    "PROD_HTTP_PORT": _BASE + 3,
    "DEV_HOST_WEB_PORT": _BASE + 4,
    "PROD_HTTPS_PORT": _BASE + 6,
}
REGISTRY_PORT = _BASE + 5
WEB_IMAGE = "pddtest-e2e-web"
WEB_TAG = "e2e"

# PDD_E2E_HOSTILE=1 runs the whole suite as a real user might set things up: the
# stack in a folder whose path has a space and non-ASCII letters, a umask-077
# checkout and shell, DJANGO_ALLOWED_HOSTS set to a real-looking domain only (every
# request then says Host: that domain), and POSTGRES_USER / POSTGRES_DB left out
# of .env (the compose file's defaults apply).
HOSTILE = os.environ.get("PDD_E2E_HOSTILE") == "1"
DOMAIN = "shop.example.org"
# Settings the suite gives the stack beside ports and names: small log caps (the
# log-cap scenario fills them), and in the hostile run an admin path of its own.
LOG_MAX_SIZE, LOG_MAX_FILE = "1m", "2"
SETTINGS = {"LOG_MAX_SIZE": LOG_MAX_SIZE, "LOG_MAX_FILE": LOG_MAX_FILE}
ADMIN_PATH = "gestao-7f3a" if HOSTILE else "admin"
if HOSTILE:
    SETTINGS["DJANGO_ADMIN_PATH"] = ADMIN_PATH
if HOSTILE:
    os.umask(0o077)


def forge_env():
    """The image variables from tests/support/forge.env (export KEY=VALUE lines)."""
    env = {}
    with open(os.path.join(SOURCE_DIR, "tests", "support", "forge.env")) as f:
        for line in f:
            line = line.strip()
            if line.startswith("export ") and "=" in line:
                key, value = line[len("export "):].split("=", 1)
                env[key] = value
    return env


def read_dotenv(stack_dir):
    """KEY=VALUE lines of stack_dir/.env (the plain ones run and the wizard write)."""
    values = {}
    with open(os.path.join(stack_dir, ".env")) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                k, v = line.split("=", 1)
                values[k] = v
    return values


def compose_v2_available():
    return subprocess.run(["docker", "compose", "version"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def require_docker(testcase_cls, images=None):
    """Docker and the forged images (all, or the keys of forge.env in images) are
    preconditions: a failure under CI, a skip elsewhere."""
    problem = None
    if shutil.which("docker") is None:
        problem = "docker CLI not installed"
    elif os.environ.get("PDD_COMPOSE") == "v2" and not compose_v2_available():
        problem = ("PDD_COMPOSE=v2 but `docker compose` is missing (tests/support/forge-images installs it "
                   "into DOCKER_CONFIG=" + os.environ.get("DOCKER_CONFIG", "~/.docker") + ")")
    elif subprocess.run(["docker", "info"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        problem = "the Docker daemon is not reachable"
    else:
        missing = [img for key, img in forge_env().items() if (images is None or key in images)
                   and subprocess.run(["docker", "image", "inspect", img], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL).returncode != 0]
        if missing:
            problem = "forged images missing (run tests/support/forge-images): " + ", ".join(missing)
    if problem:
        if IN_CI:
            raise AssertionError("CI=true and " + problem)
        raise unittest.SkipTest(problem + " (not CI, so skipping)")


def require_root_and_docker(why_root):
    """Root and a reachable daemon are preconditions: a failure under CI, a skip elsewhere."""
    problem = None
    if os.geteuid() != 0:
        problem = why_root + ": it needs root"
    elif subprocess.run(["docker", "info"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
        problem = "the Docker daemon is not reachable"
    if problem:
        if IN_CI:
            raise AssertionError("CI=true and " + problem)
        raise unittest.SkipTest(problem + " (not CI, so skipping)")


class Stack:
    """A private copy of compose/ and the environment that points it at the test stack."""

    def __init__(self, stack_name=STACK):
        self.dir = tempfile.mkdtemp(prefix="pdd-e2e-stack-")
        self.compose_dir = os.path.join(self.dir, "minha loja ção", "compose") if HOSTILE else os.path.join(self.dir, "compose")
        shutil.copytree(os.path.join(SOURCE_DIR, "compose"), self.compose_dir,
                        ignore=shutil.ignore_patterns(".env", ".venv", "pgadmin", "__pycache__", "staticfiles", "backups"))
        if HOSTILE:  # as a clone made under umask 077 would be
            subprocess.run(["chmod", "-R", "go-rwx", self.dir], check=True)
        self.name = stack_name
        self.env = dict(os.environ)
        self.env.update(forge_env())
        self.env.update({k: str(v) for k, v in PORTS.items()})
        self.env.update(SETTINGS)
        self.env.update({
            "STACK_NAME": stack_name,
            "REGISTRY": f"127.0.0.1:{REGISTRY_PORT}",
            "WEB_IMAGE": WEB_IMAGE,
            "WEB_TAG": WEB_TAG,
            "PDD_VENV": os.path.join(BINARY_DIR, "e2e-stack-venv"),
        })
        if HOSTILE:
            self.env["DJANGO_ALLOWED_HOSTS"] = DOMAIN
        self.env.pop("DOCKER_HOST", None)

    def run(self, *args, env=None, timeout=900, cwd=None):
        """sh compose/run ARGS from another directory (the script must not care)."""
        e = dict(self.env)
        e.update(env or {})
        t0 = time.monotonic()
        p = subprocess.run(["sh", os.path.join(self.compose_dir, "run"), *args], env=e, cwd=cwd or self.dir,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout)
        p.seconds = time.monotonic() - t0
        return p

    def dotenv(self):
        return read_dotenv(self.compose_dir)

    def project(self, mode):
        return f"{self.name}-{mode}"

    def containers(self, mode, service=None, running_only=True):
        cmd = ["docker", "ps", "-q", "--filter", f"label=com.docker.compose.project={self.project(mode)}"]
        if not running_only:
            cmd.insert(2, "-a")
        if service:
            cmd += ["--filter", f"label=com.docker.compose.service={service}"]
        return subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True).stdout.split()

    def container(self, mode, service):
        ids = self.containers(mode, service)
        if len(ids) != 1:
            raise AssertionError(f"expected one running {service} in {self.project(mode)}, found {len(ids)}")
        return ids[0]

    def db_user_and_name(self):
        env = self.dotenv()
        return env.get("POSTGRES_USER", "postgres"), env.get("POSTGRES_DB", "app")  # compose's defaults

    def psql(self, mode, sql):
        user, db = self.db_user_and_name()
        p = subprocess.run(["docker", "exec", self.container(mode, "db"), "psql", "-v", "ON_ERROR_STOP=1",
                            "-U", user, "-d", db, "-tAc", sql],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            raise AssertionError(f"psql failed: {p.stderr}")
        return p.stdout.strip()

    def compose_cmd(self, mode):
        """The compose CLI the script would pick, for things run has no flag for (scaling)."""
        v2 = self.env.get("PDD_COMPOSE", "") != "v1" and compose_v2_available()
        base = ["docker", "compose"] if v2 else ["docker-compose"]
        return base + ["-f", os.path.join(self.compose_dir, "docker-compose.yml"),
                       "-f", os.path.join(self.compose_dir, f"docker-compose.{mode}.yml"), "--project-directory",
                       self.compose_dir, "-p", self.project(mode), "--profile", mode]

    def destroy(self, modes=("dev", "prod")):
        """Remove this test stack's containers AND its own volumes (never a user's)."""
        for mode in modes:
            if os.path.exists(os.path.join(self.compose_dir, ".env")):
                subprocess.run(self.compose_cmd(mode) + ["down", "-v", "--remove-orphans"], env=self.env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Leftovers of an earlier interrupted run, even without a .env.
            ids = subprocess.run(["docker", "ps", "-aq", "--filter", f"label=com.docker.compose.project={self.project(mode)}"],
                                 stdout=subprocess.PIPE, text=True).stdout.split()
            if ids:
                subprocess.run(["docker", "rm", "-f", *ids], stdout=subprocess.DEVNULL)
            vols = subprocess.run(["docker", "volume", "ls", "-q", "--filter", f"label=com.docker.compose.project={self.project(mode)}"],
                                  stdout=subprocess.PIPE, text=True).stdout.split()
            if vols:
                subprocess.run(["docker", "volume", "rm", *vols], stdout=subprocess.DEVNULL)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def http(url, headers=None, timeout=10, cafile=None, follow=True):
    """(status, headers as a list of (name, value), body text); HTTP errors are results, not exceptions.
    In the hostile run every request names the configured domain, as a browser would.
    cafile: the certificate(s) an https:// URL is verified against; follow=False
    returns a redirect instead of following it."""
    h = {"Host": DOMAIN} if HOSTILE else {}
    h.update(headers or {})
    req = urllib.request.Request(url, headers=h)
    handlers = [] if follow else [_NoRedirect()]
    if cafile:
        handlers.append(urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=cafile)))
    opener = urllib.request.build_opener(*handlers)
    try:
        with opener.open(req, timeout=timeout) as r:
            return r.status, r.getheaders(), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.items(), e.read()


def header_values(headers, name):
    return [v for k, v in headers if k.lower() == name.lower()]


def wait_http(url, timeout=120, expect=200, alive=lambda: True):
    """Until url answers expect; gives up early once alive() says the server's process is gone."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline and alive():
        try:
            status, headers, body = http(url, timeout=5)
            if status == expect:
                return status, headers, body
            last = status
        except (OSError, urllib.error.URLError) as e:
            last = e
        time.sleep(0.5)
    raise AssertionError(f"{url} did not answer {expect} within {timeout} s (last: {last})")


def docker_logs(container):
    return subprocess.run(["docker", "logs", container], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True).stdout


def inspect(container, fmt):
    return subprocess.run(["docker", "inspect", "-f", fmt, container], stdout=subprocess.PIPE, text=True,
                          check=True).stdout.strip()


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.5)
    raise AssertionError(f"{what} not within {timeout} s")


def docker_port(container, port):
    return subprocess.run(["docker", "port", container, str(port)], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True).stdout.split()


def host_lan_ip():
    """An address of this machine that is not loopback, to prove loopback-only binds."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.connect(("192.0.2.1", 9))  # no packet is sent for UDP connect
        return s.getsockname()[0]
    finally:
        s.close()


def can_connect(host, port):
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def engine_snapshot(own_projects):
    """Every container with its state, every volume and every network: what bad input must not change.

    Other test suites' objects (named or compose-labelled pddtest-*, outside
    own_projects) are left out: they may run at the same time and come and go."""
    def foreign(name, project):
        return project not in own_projects and (name.startswith("pddtest-") or project.startswith("pddtest-"))

    label = '{{.Label "com.docker.compose.project"}}'
    ps = subprocess.run(["docker", "ps", "-a", "--format", "{{.ID}} {{.State}} {{.Names}} " + label],
                        stdout=subprocess.PIPE, text=True, check=True).stdout.splitlines()
    containers = []
    for line in ps:
        cid, state, name, project = (line.split(" ") + ["", "", "", ""])[:4]
        if cid and not foreign(name, project):
            containers.append(f"{cid} {state} {name}")
    vl = subprocess.run(["docker", "volume", "ls", "--format", "{{.Name}} " + label], stdout=subprocess.PIPE,
                        text=True, check=True).stdout.splitlines()
    vols = []
    for line in vl:
        name, project = (line.split(" ") + ["", ""])[:2]
        if name and not foreign(name, project):
            vols.append(name)
    nl = subprocess.run(["docker", "network", "ls", "--no-trunc", "--format", "{{.ID}} {{.Name}} " + label],
                        stdout=subprocess.PIPE, text=True, check=True).stdout.splitlines()
    nets = []
    for line in nl:
        nid, name, project = (line.split(" ") + ["", "", ""])[:3]
        if nid and not foreign(name, project):
            nets.append(f"{nid} {name}")
    return sorted(containers), sorted(vols), sorted(nets)


def registry_tags(port, name):
    status, _, body = http(f"http://127.0.0.1:{port}/v2/{name}/tags/list")
    return status, json.loads(body or b"{}")
