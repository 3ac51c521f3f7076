"""The compose stack end to end on the real Docker daemon, with the forged images.

One bring-up of each mode is shared by the scenarios (CI time is precious), so
the tests run in the order of their names and each builds on the previous state:
build+push, dev (-1), dev outside Docker (-2), prod (-0), volumes across -5,
replicas under the advisory lock, bad input. Timings are printed for the report."""
import json
import shlex
import os
import pwd
import re
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
            self.assertRegex(values[key], r"^[0-9a-f]{64}$", key)
        self.assertEqual(len({values["POSTGRES_PASSWORD"], values["DJANGO_SECRET_KEY"]}), 2)
        ref = f"127.0.0.1:{fx.REGISTRY_PORT}/{fx.WEB_IMAGE}:{fx.WEB_TAG}"
        user = subprocess.run(["docker", "image", "inspect", "-f", "{{.Config.User}}", ref], stdout=subprocess.PIPE,
                              text=True)
        self.assertEqual(user.returncode, 0, f"-3 did not produce {ref}")
        self.assertEqual(user.stdout.strip(), "app", "the web image must run as the non-root user")
        code = subprocess.run(["docker", "run", "--rm", "--entrypoint", "python", ref, "-c",
                               "import os; print(os.access('/app', os.W_OK), os.access('/app/manage.py', os.W_OK))"],
                              stdout=subprocess.PIPE, text=True)
        self.assertEqual(code.stdout.split(), ["False", "False"], "the app must not be able to rewrite its own code")
        log(f"-3 build: {p.seconds:.1f} s")
        if fx.HOSTILE:  # the compose file's defaults must hold for -1 and -2 alike
            with open(env_path) as f:
                kept = [line for line in f if not line.startswith(("POSTGRES_USER=", "POSTGRES_DB="))]
            with open(env_path, "w") as f:
                f.writelines(kept)

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
        web = self.stack.container("dev", "web")
        web_env = fx.inspect(web, "{{json .Config.Env}}")
        self.assertNotIn("DJANGO_SUPERUSER_PASSWORD", web_env, "the superuser password is in docker inspect")
        self.assertNotIn(self.stack.dotenv()["DJANGO_SUPERUSER_PASSWORD"], web_env)

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
        servers = subprocess.run(["docker", "exec", pga, "cat", "/tmp/pdd-servers.json"], stdout=subprocess.PIPE,
                                 text=True, check=True).stdout
        server = json.loads(servers)["Servers"]["1"]
        self.assertEqual((server["Username"], server["MaintenanceDB"]), self.stack.db_user_and_name())

        # Django's log lines come out once in dev (they came twice: Django's handler and the root's).
        missing = "/no-such-page-" + uuid.uuid4().hex[:8]
        self.assertEqual(fx.http(base + missing)[0], 404)
        fx.wait_for(lambda: f"Not Found: {missing}" in fx.docker_logs(web), 10, "the 404 in the log")
        time.sleep(0.5)
        self.assertEqual(fx.docker_logs(web).count(f"Not Found: {missing}"), 1, "a dev log line appears twice")

    # ------------------------------------------------------------------ -2
    def test_3_dev_outside_docker(self):
        e = dict(self.stack.env)
        t0 = time.monotonic()
        proc = subprocess.Popen(["sh", os.path.join(self.stack.compose_dir, "run"), "-2"], env=e, cwd=self.stack.dir,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        try:
            url = f"http://127.0.0.1:{fx.PORTS['DEV_HOST_WEB_PORT']}/"
            try:
                status, headers, body = fx.wait_http(url, timeout=600, alive=lambda: proc.poll() is None)
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
    @property
    def ca(self):
        """The self-signed certificate run made, which a client trusts to reach prod."""
        return os.path.join(self.stack.compose_dir, "tls", "self-signed", "fullchain.pem")

    def prod_url(self, path="/"):
        return f"https://127.0.0.1:{fx.PORTS['PROD_HTTPS_PORT']}{path}"

    def prod(self, path="/", cafile=None, **kw):
        return fx.http(self.prod_url(path), cafile=cafile or self.ca, **kw)

    def s_client(self, *args, cafile=None):
        """openssl s_client against prod's HTTPS port: (exit code, everything it printed)."""
        p = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{fx.PORTS['PROD_HTTPS_PORT']}",
                            "-servername", fx.DOMAIN if fx.HOSTILE else "localhost", "-CAfile", cafile or self.ca,
                            *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           encoding="utf-8", errors="replace", timeout=30)  # it prints the session's raw bytes too
        return p.returncode, p.stdout

    def test_4_prod_behind_nginx(self):
        p = self.stack.run("-0")
        self.assertEqual(p.returncode, 0, p.stderr[-3000:])
        log(f"-0 to healthy (dev still running): {p.seconds:.1f} s")
        https_port, http_port = fx.PORTS["PROD_HTTPS_PORT"], fx.PORTS["PROD_HTTP_PORT"]
        self.assertIn("made a self-signed certificate", p.stderr)
        self.assertIn(f"prod is up: https://127.0.0.1:{https_port}/ (NGINX, TLS_MODE=self-signed;", p.stderr)
        key = os.path.join(os.path.dirname(self.ca), "privkey.pem")
        self.assertEqual(os.stat(key).st_mode & 0o777, 0o600, "the private key must be private")
        nginx = self.stack.container("prod", "nginx")
        self.assertEqual(fx.inspect(nginx, "{{.State.Health.Status}}"), "healthy", "run -0 waits for NGINX's healthcheck")

        # Plain HTTP only redirects, to the same path on the HTTPS port.
        host = fx.DOMAIN if fx.HOSTILE else "127.0.0.1"
        status, headers, _ = fx.http(f"http://127.0.0.1:{http_port}/some/page?q=1", follow=False)
        self.assertEqual(status, 301)
        self.assertEqual(fx.header_values(headers, "Location"), [f"https://{host}:{https_port}/some/page?q=1"])

        status, headers, body = self.prod("/")
        self.assertEqual(status, 200)
        self.assertEqual(fx.header_values(headers, "Server"), ["nginx"])
        self.assertIn(b"PostDoDjango is running", body)
        self.assertNotIn(self.dev_row.encode(), body, "prod must not see dev data")
        self.assertEqual(fx.header_values(headers, "X-Frame-Options"), ["DENY"])
        self.assertEqual(fx.header_values(headers, "X-Content-Type-Options"), ["nosniff"])
        self.assertEqual(fx.header_values(headers, "Strict-Transport-Security"), ["max-age=86400"])
        self.assertEqual(fx.header_values(headers, "Cache-Control"), ["no-store"], "HTML is never cached")

        # TLS: 1.2 and 1.3 with HTTP/2 offered; 1.0 and 1.1 refused by the server (the
        # client is allowed them: SECLEVEL=0).
        for proto, want in (("-tls1_2", "TLSv1.2"), ("-tls1_3", "TLSv1.3")):
            rc, out = self.s_client(proto, "-alpn", "h2,http/1.1", "-verify_return_error")
            self.assertEqual(rc, 0, out[-1500:])
            self.assertIn(f"New, {want}, Cipher is", out)
            self.assertIn("ALPN protocol: h2", out)
            self.assertIn("Verify return code: 0 (ok)", out)
        for proto in ("-tls1", "-tls1_1"):
            rc, out = self.s_client(proto, "-cipher", "DEFAULT@SECLEVEL=0")
            self.assertNotEqual(rc, 0, f"{proto} was accepted:\n{out[-1500:]}")
            self.assertRegex(out, r"alert protocol version|unsupported protocol|no protocols available", out[-1500:])
        curl = subprocess.run(["curl", "-sS", "--http2", "--cacert", self.ca, "-o", "/dev/null", "-w", "%{http_version} %{http_code}",
                               "--resolve", f"{host}:{https_port}:127.0.0.1", f"https://{host}:{https_port}/"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=30)
        self.assertEqual(curl.stdout, "2 200", curl.stderr)

        # Django's own deployment checklist, inside the prod container: nothing left. The two
        # silenced checks are HSTS preload and includeSubDomains, off by choice (README).
        web = self.stack.container("prod", "web")
        check = subprocess.run(["docker", "exec", web, "python", "manage.py", "check", "--deploy"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        log(f"check --deploy, TLS on: {check.stdout.strip()}")
        self.assertEqual(check.returncode, 0, check.stdout)
        self.assertEqual(check.stdout.strip(), "System check identified no issues (2 silenced).")
        # With TLS_MODE=off what is left is the proxy's business, and only that.
        off = subprocess.run(["docker", "exec", "-e", "DJANGO_TLS=0", web, "python", "manage.py", "check", "--deploy"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.assertEqual(sorted(set(re.findall(r"\(security\.(W\d+)\)", off.stdout))), ["W004", "W008", "W012", "W016"],
                         off.stdout)

        # Static files: hashed names, kept a year; the unhashed copies a few minutes.
        hashed = re.search(rb'href="(/static/notes/site\.[0-9a-f]{12}\.css)"', body)
        self.assertIsNotNone(hashed, body[:600])
        status, headers, css = self.prod(hashed.group(1).decode())
        self.assertEqual(status, 200)
        self.assertIn(b"font-family", css)
        self.assertEqual(fx.header_values(headers, "Cache-Control"), ["public, max-age=31536000, immutable"])
        self.assertEqual(fx.header_values(headers, "Permissions-Policy"), ["geolocation=(), camera=(), microphone=()"])
        self.assertEqual(fx.header_values(headers, "Strict-Transport-Security"), ["max-age=86400"])
        status, headers, body = self.prod("/static/admin/css/base.css", headers={"Accept-Encoding": "gzip"})
        self.assertEqual(status, 200)
        self.assertEqual(fx.header_values(headers, "Server"), ["nginx"])
        self.assertEqual(fx.header_values(headers, "Cache-Control"), ["public, max-age=300"])
        self.assertEqual(fx.header_values(headers, "Content-Encoding"), ["gzip"])
        self.assertEqual(body[:2], b"\x1f\x8b")

        workers = fx.docker_logs(web).count("Booting worker with pid")
        self.assertEqual(workers, min(2 * len(os.sched_getaffinity(0)) + 1, 8), "gunicorn's default worker count")
        if fx.HOSTILE:
            # Prod came up with only the domain allowed, and the domain alone is allowed.
            self.assertEqual(self.prod("/", headers={"Host": f"127.0.0.1:{https_port}"})[0], 400)
            self.assertEqual(self.prod("/healthz", headers={"Host": "evil.example.com"})[0], 400)

        # /healthz tells the world "error", never the database's own message.
        db = self.stack.container("prod", "db")
        subprocess.run(["docker", "stop", db], stdout=subprocess.DEVNULL, check=True)
        try:
            status, _, body = self.prod("/healthz")
            self.assertEqual((status, json.loads(body)), (503, {"status": "error", "database": "error"}))
            fx.wait_for(lambda: "health check: the database does not answer" in fx.docker_logs(web), 10,
                        "the database error in web's log")
        finally:
            subprocess.run(["docker", "start", db], stdout=subprocess.DEVNULL, check=True)
        fx.wait_for(lambda: self.prod("/healthz")[0] == 200, 120, "healthz back to 200 after the database")

        status, _, body = self.prod("/no-such-page-" + uuid.uuid4().hex)
        self.assertEqual(status, 404)
        self.assertNotIn(b"URLconf", body, "DEBUG must be off in prod (no technical 404 page)")
        self.assertNotIn(b"DEBUG = True", body)

        # Only NGINX is published; gunicorn and the database are not.
        self.assertEqual(self.superusers("prod"), "0", "no superuser unless CREATE_SUPERUSER=1")
        self.assertEqual(fx.docker_port(self.stack.container("prod", "web"), 8000), [])
        self.assertEqual(fx.docker_port(self.stack.container("prod", "db"), 5432), [])
        self.assertTrue(fx.docker_port(nginx, 80))
        self.assertTrue(fx.docker_port(nginx, 443))
        self.stack.psql("prod", f"INSERT INTO notes_note (text, created) VALUES ('{self.prod_row}', now())")
        status, _, body = self.prod("/")
        self.assertIn(self.prod_row.encode(), body)

        # Memory caps a 2 GB server survives, as the compose file sets them.
        for service, limit in (("db", 512), ("web", 768), ("nginx", 128)):
            self.assertEqual(fx.inspect(self.stack.container("prod", service), "{{.HostConfig.Memory}}"),
                             str(limit * 1024 * 1024), service)

        # The admin, at DJANGO_ADMIN_PATH; its login page is rate-limited by NGINX.
        login = f"/{fx.ADMIN_PATH}/login/"
        status, _, body = self.prod(login)
        self.assertEqual(status, 200)
        self.assertIn(b'name="username"', body)
        self.assertIn(b"Django administration", body)
        if fx.ADMIN_PATH != "admin":
            self.assertEqual(self.prod("/admin/login/")[0], 404, "the admin moved; the old path must not answer")
        burst = 5  # ADMIN_LOGIN_BURST's default, at ADMIN_LOGIN_RATE=10r/m
        statuses = [self.prod(login)[0] for _ in range(3 * burst)]
        log(f"login flood, {len(statuses)} requests: {statuses}")
        self.assertIn(429, statuses, "a login flood must be refused")
        first = statuses.index(429)
        self.assertLessEqual(first, burst + 1, f"the limit let {first} requests through past the first")
        self.assertEqual(set(statuses[:first]), {200})
        self.assertEqual(self.prod("/")[0], 200, "the limit is on the login page only")

    # ------------------------------------------------------------------ own certificate
    def make_ca(self, d):
        ca_key, ca = os.path.join(d, "ca.key"), os.path.join(d, "ca.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3",
                        "-subj", "/O=PostDoDjango tests/CN=PostDoDjango test CA", "-keyout", ca_key, "-out", ca,
                        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return ca, ca_key

    def make_leaf(self, d, ca, ca_key, name, days=3):
        key, csr, cert, ext = (os.path.join(d, f"{name}.{e}") for e in ("key", "csr", "pem", "ext"))
        with open(ext, "w") as f:
            f.write(f"subjectAltName=DNS:{fx.DOMAIN},DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
        subprocess.run(["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={fx.DOMAIN}", "-keyout", key,
                        "-out", csr], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["openssl", "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-sha256",
                        "-days", str(days), "-extfile", ext, "-out", cert], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        return cert, key

    def serial_served(self, cafile):
        rc, out = self.s_client("-showcerts", cafile=cafile)
        pem = re.search(r"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", out, re.S)
        self.assertIsNotNone(pem, out[-1500:])
        p = subprocess.run(["openssl", "x509", "-noout", "-serial", "-issuer"], input=pem.group(0),
                           stdout=subprocess.PIPE, text=True, check=True)
        return p.stdout

    def test_4a_own_certificate_files(self):
        d = tempfile.mkdtemp(prefix="pdd-e2e-ca-", dir=self.stack.dir)
        ca, ca_key = self.make_ca(d)
        cert, key = self.make_leaf(d, ca, ca_key, "site")
        files = {"TLS_MODE": "files", "TLS_CERT_FILE": cert, "TLS_KEY_FILE": key}

        # The wrong key for the certificate: one sentence, and NGINX keeps serving the old one.
        nginx = self.stack.container("prod", "nginx")
        _, other_key = self.make_leaf(d, ca, ca_key, "other")
        p = self.stack.run("-0", env=dict(files, TLS_KEY_FILE=other_key))
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(p.stderr.strip().splitlines()[-1],
                         f"run: TLS_KEY_FILE={other_key} is not the key of TLS_CERT_FILE={cert}; prod was not started.")
        self.assertEqual(self.stack.container("prod", "nginx"), nginx)
        self.assertEqual(self.prod("/")[0], 200)
        # A key with a passphrase: refused at once (NGINX could not ask for it), no prompt.
        encrypted = os.path.join(d, "site-encrypted.key")
        subprocess.run(["openssl", "pkey", "-in", key, "-aes256", "-passout", "pass:secret", "-out", encrypted],
                       check=True)
        p = self.stack.run("-0", env=dict(files, TLS_KEY_FILE=encrypted), timeout=60)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(p.stderr.strip().splitlines()[-1],
                         f"run: TLS_KEY_FILE={encrypted} is not an unencrypted PEM private key (NGINX cannot ask for a "
                         "passphrase); prod was not started.")

        p = self.stack.run("-0", env=files)
        self.assertEqual(p.returncode, 0, p.stderr[-3000:])
        log(f"-0 switching to TLS_MODE=files: {p.seconds:.1f} s")
        status, _, body = self.prod("/", cafile=ca)
        self.assertEqual(status, 200)
        self.assertIn(self.prod_row.encode(), body)
        first = self.serial_served(ca)
        self.assertIn("CN = PostDoDjango test CA", first)

        # Renewed in place (a new file under the same name, as an ACME client does): the
        # next -0 sees NGINX serving the old one and starts it again with the new one.
        renewed, renewed_key = self.make_leaf(d, ca, ca_key, "renewed")
        os.replace(renewed, cert)
        os.replace(renewed_key, key)
        p = self.stack.run("-0", env=files)
        self.assertEqual(p.returncode, 0, p.stderr[-3000:])
        self.assertIn("the certificate changed; starting NGINX again with it", p.stderr)
        second = self.serial_served(ca)
        self.assertNotEqual(first, second)

        # Back to the self-signed certificate for the scenarios after this one.
        p = self.stack.run("-0")
        self.assertEqual(p.returncode, 0, p.stderr[-3000:])
        self.assertNotIn("made a self-signed certificate", p.stderr, "it is made once, not on every start")
        self.assertEqual(self.prod("/")[0], 200)

    # ------------------------------------------------------------------ log cap
    def test_4b_logs_never_outgrow_their_cap(self):
        nginx = self.stack.container("prod", "nginx")
        self.assertEqual(json.loads(fx.inspect(nginx, "{{json .HostConfig.LogConfig}}")),
                         {"Type": "json-file", "Config": {"max-file": fx.LOG_MAX_FILE, "max-size": fx.LOG_MAX_SIZE}})
        if os.geteuid() != 0:
            if fx.IN_CI:
                raise AssertionError("CI=true and not root: the log files under /var/lib/docker cannot be read")
            self.skipTest("not root: the log files under /var/lib/docker cannot be read")
        path = fx.inspect(nginx, "{{.LogPath}}")
        cap = 1024 * 1024
        line = "x" * 200
        # 20 s of lines as fast as a shell writes them, into the container's own stdout.
        flood = subprocess.Popen(["docker", "exec", nginx, "sh", "-c",
                                  f"timeout 20 sh -c 'while :; do echo {line}; done' >/proc/1/fd/1; true"])
        biggest, rotations, inode = 0, 0, None
        try:
            while flood.poll() is None:
                try:
                    st = os.stat(path)
                except FileNotFoundError:
                    continue  # between the rename and the new file
                if inode is not None and st.st_ino != inode:
                    rotations += 1
                inode = st.st_ino
                biggest = max(biggest, st.st_size)
                time.sleep(0.02)
        finally:
            flood.wait(60)
        files = sorted(f for f in os.listdir(os.path.dirname(path)) if f.startswith(os.path.basename(path)))
        log(f"log cap {fx.LOG_MAX_SIZE} x {fx.LOG_MAX_FILE}: 20 s of logging, {rotations} rotations seen, "
            f"largest file {biggest} bytes, files {files}")
        self.assertGreaterEqual(rotations, 3, "the flood did not fill the cap several times over")
        # Docker rotates before a write once the file has reached max-size: one log entry of slack.
        self.assertLessEqual(biggest, cap + 1024)
        self.assertLessEqual(len(files), int(fx.LOG_MAX_FILE))
        self.assertEqual(self.prod("/")[0], 200)

    # ------------------------------------------------------------------ volumes
    def count(self, mode, text):
        return self.stack.psql(mode, f"SELECT count(*) FROM notes_note WHERE text = '{text}'")

    def test_5_volumes_are_per_mode_and_survive_stop(self):
        self.assertEqual(self.count("dev", self.dev_row), "1")
        self.assertEqual(self.count("prod", self.dev_row), "0")
        self.assertEqual(self.count("prod", self.prod_row), "1")
        self.assertEqual(self.count("dev", self.prod_row), "0")

        # A stopped (not removed) mode is stopped too: its containers and network go.
        subprocess.run(["docker", "stop", *self.stack.containers("prod")], stdout=subprocess.DEVNULL, check=True)
        p = self.stack.run("-5")
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        self.assertEqual(self.stack.containers("dev", running_only=False) + self.stack.containers("prod", running_only=False), [])
        for mode in ("dev", "prod"):
            nets = subprocess.run(["docker", "network", "ls", "-q", "--filter",
                                   f"label=com.docker.compose.project={self.stack.project(mode)}"],
                                  stdout=subprocess.PIPE, text=True).stdout.split()
            self.assertEqual(nets, [], f"-5 left the {mode} network")
        for mode in ("dev", "prod"):
            vol = f"{self.stack.project(mode)}_pgdata"
            self.assertEqual(subprocess.run(["docker", "volume", "inspect", vol], stdout=subprocess.DEVNULL).returncode, 0,
                             f"-5 removed {vol}")

        p = self.stack.run("-0", env={"GUNICORN_WORKERS": "3"})
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        log(f"-0 to healthy (existing volume): {p.seconds:.1f} s")
        self.assertEqual(fx.docker_logs(self.stack.container("prod", "web")).count("Booting worker with pid"), 3)
        p = self.stack.run("-1", env={"CREATE_SUPERUSER": "1"})
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        log(f"-1 to healthy (existing volumes): {p.seconds:.1f} s")
        # A second start with CREATE_SUPERUSER=1 neither fails nor duplicates the user.
        self.assertEqual(self.superusers("dev"), "1")
        self.assertIn("superuser admin already exists", p.stderr)
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

        # One crash and restart of web (its restart policy brings it back): Docker never
        # resets RestartCount, and later starts must not count that old restart.
        web = self.stack.container("prod", "web")
        subprocess.run(["docker", "exec", web, "sh", "-c", "kill -TERM 1"], check=True)
        fx.wait_for(lambda: fx.inspect(web, "{{.RestartCount}} {{.State.Health.Status}}") == "1 healthy", 120,
                    "web restarted once and healthy")
        p = self.stack.run("-0")
        self.assertEqual(p.returncode, 0, "a restart before this start failed it: " + p.stderr[-2000:])

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
            p = subprocess.run(cmd + ["up", "-d", "--scale", "web=3", "db", "web"], env=rep.env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
            self.assertEqual(p.returncode, 0, p.stdout[-2000:])
            webs = rep.containers("prod", "web")
            self.assertEqual(len(webs), 3)
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
            log(f"three replicas healthy: {time.monotonic() - t0:.1f} s")
            logs = [subprocess.run(["docker", "logs", w], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True).stdout for w in webs]
            for text in logs:
                self.assertIn("migration lock held", text)
            applied = [text.count("Applying notes.0001_initial") for text in logs]
            self.assertEqual(sorted(applied), [0, 0, 1], "exactly one replica applies the migrations")
            self.assertIn("No migrations to apply", logs[applied.index(0)])
            self.assertEqual(rep.psql("prod", "SELECT count(*) FROM django_migrations WHERE app='notes'"), "1")
            # The superuser, asked of every replica at once: one is created, none fails.
            password = rep.dotenv()["DJANGO_SUPERUSER_PASSWORD"].encode()
            procs = [subprocess.Popen(["docker", "exec", "-i", "-e", "DJANGO_SUPERUSER_USERNAME=admin", w, "python",
                                       "manage.py", "ensure_superuser", "--password-stdin"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for w in webs]
            outs = [pr.communicate(password, timeout=120)[0].decode() for pr in procs]
            self.assertEqual([pr.returncode for pr in procs], [0, 0, 0], outs)
            self.assertEqual(sorted(o.strip().splitlines()[-1] for o in outs),
                             ["superuser admin already exists"] * 2 + ["superuser admin created"], outs)
            self.assertEqual(rep.psql("prod", "SELECT count(*) FROM auth_user WHERE username='admin'"), "1")
        finally:
            rep.destroy(modes=("prod",))

    # ------------------------------------------------------------------ bad input
    def test_7_bad_input_changes_nothing(self):
        self.maxDiff = None  # a difference names the container
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

        # TLS settings run cannot use: one sentence each, before anything starts.
        for env, sentence in (
                ({"TLS_MODE": "https"}, f"run: TLS_MODE=https in {self.stack.compose_dir}/.env is none of self-signed, "
                                        "files, letsencrypt, off."),
                ({"TLS_MODE": "files", "TLS_CERT_FILE": "", "TLS_KEY_FILE": ""},
                 f"run: TLS_MODE=files needs TLS_CERT_FILE (the certificate chain, PEM) and TLS_KEY_FILE (its private "
                 f"key) in {self.stack.compose_dir}/.env; prod was not started."),
                ({"TLS_MODE": "files", "TLS_CERT_FILE": "certs/none.pem", "TLS_KEY_FILE": "certs/none.key"},
                 f"run: TLS_CERT_FILE={self.stack.compose_dir}/certs/none.pem cannot be read (missing, or not readable "
                 f"by {pwd.getpwuid(os.getuid()).pw_name}); prod was not started."),
                ({"TLS_MODE": "files", "TLS_CERT_FILE": os.path.join(self.stack.compose_dir, "run"),
                  "TLS_KEY_FILE": os.path.join(self.stack.compose_dir, "run")},
                 f"run: TLS_CERT_FILE={self.stack.compose_dir}/run is not a PEM certificate; prod was not started."),
                ({"TLS_MODE": "letsencrypt", "TLS_DOMAINS": "shop.example.org", "LETSENCRYPT_EMAIL": ""},
                 f"run: TLS_MODE=letsencrypt needs LETSENCRYPT_EMAIL in {self.stack.compose_dir}/.env (Let's "
                 "Encrypt's account address); prod was not started.")):
            with self.subTest(tls=env):
                p = self.stack.run("-0", env=dict(env, CERTBOT_IMAGE=fx.forge_env()["NGINX_IMAGE"]))
                self.assertEqual(p.returncode, 1, p.stderr)
                self.assertEqual(p.stderr.strip().splitlines(), [sentence])

        # A copy without .env of a stack whose database volumes exist: no new secrets
        # (the volume keeps the old password), one sentence, nothing created.
        same = fx.Stack()
        self.addCleanup(shutil.rmtree, same.dir, True)
        p = same.run("-0")
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn(f"the database volume {self.stack.project('dev')}_pgdata exists", p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
        self.assertFalse(os.path.exists(os.path.join(same.compose_dir, ".env")))

        # Missing .env in a fresh stack, from a CRLF .env.example (core.autocrlf):
        # generated with new secrets, no placeholder left, and said so.
        other = fx.Stack(stack_name=fx.STACK + "-other")
        self.addCleanup(shutil.rmtree, other.dir, True)
        example = os.path.join(other.compose_dir, ".env.example")
        with open(example, "rb") as f:
            crlf = f.read().replace(b"\n", b"\r\n")
        with open(example, "wb") as f:
            f.write(crlf)
        p = other.run("-3")
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        self.assertIn("created", p.stderr)
        with open(os.path.join(other.compose_dir, ".env"), "rb") as f:
            text = f.read()
        self.assertNotRegex(text, rb"(?m)^[A-Z_]+=__GENERATE__")
        self.assertNotIn(b"\r", text)
        self.assertRegex(other.dotenv()["POSTGRES_PASSWORD"], r"^[0-9a-f]{64}$")
        self.assertNotEqual(other.dotenv()["POSTGRES_PASSWORD"], self.stack.dotenv()["POSTGRES_PASSWORD"])
        # ... and without .env.example either: a clear error.
        os.remove(os.path.join(other.compose_dir, ".env"))
        os.remove(os.path.join(other.compose_dir, ".env.example"))
        p = other.run("-1")
        self.assertEqual(p.returncode, 1)
        self.assertIn("neither .env nor .env.example exists", p.stderr)

        # A base image that can be neither found nor pulled (no registry is reachable
        # here; where one is, the registry has no such image): one sentence naming the
        # image, the daemon's reason and what to set, exit 1, nothing started or stopped,
        # for each mode's own images and for the image web is built from.
        for runner, flag, key in ((self.stack, "-1", "POSTGRES_IMAGE"), (self.stack, "-1", "PGADMIN_IMAGE"),
                                  (self.stack, "-0", "NGINX_IMAGE"), (other, "-3", "PYTHON_IMAGE")):
            image = f"pddtest-unpullable/{key.lower()}:0"
            with self.subTest(flag=flag, key=key):
                if runner is other:
                    with open(os.path.join(other.compose_dir, ".env.example"), "wb") as f:
                        f.write(crlf)
                p = runner.run(flag, env={key: image})
                self.assertEqual(p.returncode, 1, p.stderr)
                self.assertRegex(
                    p.stderr.strip().splitlines()[-1],
                    rf"^run: could not pull {re.escape(image)}: (no registry reachable|the registry has no such image "
                    rf"or refuses it) \(.+\)\. Set {key} in {re.escape(runner.compose_dir)}/\.env to a mirror or a "
                    rf"local image, or run packaging/setup --local-images\.$")
                self.assertNotIn("Creating", p.stderr, "compose was started before the images were checked")

        self.assertEqual(fx.engine_snapshot(own), before, "bad input changed containers, volumes or networks")

    # ------------------------------------------------------------------ WAIT_TIMEOUT
    def test_8_wait_timeout_holds_and_names_the_container(self):
        # web listens on the wrong port, so it runs but never becomes healthy. Compose
        # (v1 and v2 alike) would wait inside `up` for NGINX's service_healthy dependency,
        # for minutes and in its own words; run gives up after WAIT_TIMEOUT with its sentence.
        p = self.stack.run("-0", env={"WAIT_TIMEOUT": "15", "GUNICORN_CMD_ARGS": "--bind 0.0.0.0:9999"}, timeout=300)
        self.assertEqual(p.returncode, 1, p.stderr[-2000:])
        self.assertLess(p.seconds, 60, "WAIT_TIMEOUT=15 did not hold")
        self.assertRegex(p.stderr.strip().splitlines()[-1],
                         rf"^run: not healthy after 15 s \(WAIT_TIMEOUT\): {self.stack.project('prod')}[-_]web[-_]1;")
        log(f"-0 failing on WAIT_TIMEOUT=15: {p.seconds:.1f} s")

    # ------------------------------------------------------------------ boot (issue 12)
    def test_9_boot_as_systemd_runs_it(self):
        """The unit's ExecStart/ExecStop exactly as systemd runs them: empty environment (env -i),
        WorkingDirectory as cwd, no TTY. Everything the stack needs is in .env then, as on a server."""
        p = self.stack.run("-5", "prod")
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        unit = self.stack.run("-7", "print").stdout
        fields = dict(line.split("=", 1) for line in unit.splitlines() if "=" in line and not line.startswith("#"))
        self.assertEqual(fields["Type"], "oneshot")
        self.assertEqual(fields["Restart"], "on-failure")
        workdir = fields["WorkingDirectory"].replace("%%", "%")
        self.assertEqual(workdir, self.stack.compose_dir)
        start = shlex.split(fields["ExecStart"].replace("%%", "%").replace("$$", "$"))
        stop = shlex.split(fields["ExecStop"].replace("%%", "%").replace("$$", "$"))
        self.assertEqual(start, ["/bin/sh", os.path.join(self.stack.compose_dir, "run"), "-0"])
        self.assertEqual(stop, ["/bin/sh", os.path.join(self.stack.compose_dir, "run"), "-5", "prod"])
        # What the test's environment gave the stack goes into .env, where a server keeps it.
        keep = {k: v for k, v in self.stack.env.items()
                if k in fx.forge_env() or k in fx.PORTS or k in fx.SETTINGS
                or k in ("STACK_NAME", "REGISTRY", "WEB_IMAGE", "WEB_TAG", "DJANGO_ALLOWED_HOSTS")}
        with open(os.path.join(self.stack.compose_dir, ".env"), "a") as f:
            f.write("\n" + "".join(f"{k}={v}\n" for k, v in sorted(keep.items())))

        def as_systemd(argv, timeout=900):
            t0 = time.monotonic()
            p = subprocess.run(["env", "-i"] + argv, cwd=workdir, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, timeout=timeout, start_new_session=True)
            p.seconds = time.monotonic() - t0
            return p

        # First boot fails: something else holds the HTTP port. systemd would retry (Restart=on-failure).
        port = fx.PORTS["PROD_HTTP_PORT"]
        squatter = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        squatter.bind(("0.0.0.0", port))
        squatter.listen(1)
        try:
            failed = as_systemd(start, timeout=600)
        finally:
            squatter.close()
        self.assertNotEqual(failed.returncode, 0, "a start with the port taken must fail, so systemd retries it")
        self.assertIn(f"port {port} is already in use", failed.stderr, "the failure says why")
        log(f"ExecStart with the port taken: exit {failed.returncode} after {failed.seconds:.1f} s")

        # The retry: the port is free now.
        ok = as_systemd(start)
        self.assertEqual(ok.returncode, 0, ok.stderr[-3000:])
        log(f"ExecStart under env -i to healthy: {ok.seconds:.1f} s")
        status, _, body = self.prod("/")
        self.assertEqual(status, 200)
        self.assertIn(self.prod_row.encode(), body)

        down = as_systemd(stop, timeout=300)
        self.assertEqual(down.returncode, 0, down.stderr[-2000:])
        self.assertEqual(self.stack.containers("prod"), [], "ExecStop stops every prod container")
        volumes = subprocess.run(["docker", "volume", "ls", "-q", "--filter", f"label=com.docker.compose.project={self.stack.project('prod')}"],
                                 stdout=subprocess.PIPE, text=True).stdout.split()
        self.assertTrue(volumes, "the prod volume is kept")
        again = as_systemd(start)
        self.assertEqual(again.returncode, 0, again.stderr[-3000:])
        self.assertEqual(self.count("prod", self.prod_row), "1", "the rows survive a stop and a boot")


# The whole suite runs under both CLIs: `docker-compose` 1.29 (this machine's
# Debian package) and `docker compose` v2 (what most users have), see CMakeLists.txt.
if __name__ == "__main__":
    unittest.main(verbosity=2)
