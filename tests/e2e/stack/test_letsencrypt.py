"""TLS_MODE=letsencrypt end to end against a real ACME server: Pebble, Let's
Encrypt's own test server (Debian's pebble package), on this machine, with its
mock DNS (pebble-challtestsrv) answering 127.0.0.1 for every name. Nothing
reaches the internet: ACME_SERVER points certbot (Debian's certbot, in
tests/support/certbot-image on the forged Debian base) at Pebble, and
ACME_CA_FILE at the certificate Pebble's own HTTPS uses.

What is checked is what a server on the internet would do: the first
certificate is asked for by run -0 with certbot's standalone server on
PROD_HTTP_PORT before NGINX starts (Pebble validates HTTP-01 there), NGINX
then serves it with its chain, a renewal goes through NGINX's
/.well-known/acme-challenge/ webroot and reaches browsers after NGINX's
reload, and a second run -0 asks for nothing."""
import json
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stackfixture as fx  # noqa: E402

BASE = 18700
PORTS = {"DEV_WEB_PORT": BASE, "DEV_DB_PORT": BASE + 1, "PGADMIN_PORT": BASE + 2, "PROD_HTTP_PORT": BASE + 3,
         "DEV_HOST_WEB_PORT": BASE + 4, "PROD_HTTPS_PORT": BASE + 6}
ACME_PORT, MGMT_PORT, DNS_PORT, CHALL_MGMT_PORT = BASE + 10, BASE + 11, BASE + 12, BASE + 13
DOMAIN = "shop.example.org"
CERTBOT_IMAGE = "pddtest-certbot:e2e"


def log(msg):
    print(f"[letsencrypt-e2e] {msg}", file=sys.stderr, flush=True)


class LetsEncryptWithPebble(unittest.TestCase):
    procs = []

    @classmethod
    def setUpClass(cls):
        fx.require_docker(cls, images=["POSTGRES_IMAGE", "NGINX_IMAGE", "PYTHON_IMAGE"])
        missing = [t for t in ("pebble", "pebble-challtestsrv", "openssl", "curl") if shutil.which(t) is None]
        if missing:
            msg = "missing " + ", ".join(missing) + " (Debian: apt-get install pebble openssl curl)"
            if fx.IN_CI:
                raise AssertionError("CI=true and " + msg)
            raise unittest.SkipTest(msg)
        cls.tmp = tempfile.mkdtemp(prefix="pdd-le-e2e-")
        t0 = time.monotonic()
        build = subprocess.run(["docker", "build", "-q", "-t", CERTBOT_IMAGE, os.path.join(fx.SOURCE_DIR, "tests", "support",
                                                                                      "certbot-image")],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900)
        if build.returncode != 0:
            raise AssertionError("the certbot test image did not build:\n" + build.stdout[-3000:])
        log(f"certbot image (Debian's certbot): {time.monotonic() - t0:.1f} s")

        # Pebble's own HTTPS, reached by certbot in its container at this machine's address.
        cls.lan = fx.host_lan_ip()
        cls.acme_ca = os.path.join(cls.tmp, "pebble-https.pem")
        key = os.path.join(cls.tmp, "pebble-https.key")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=pebble",
                        "-addext", f"subjectAltName=IP:{cls.lan},IP:127.0.0.1,DNS:localhost", "-keyout", key,
                        "-out", cls.acme_ca], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        config = os.path.join(cls.tmp, "pebble.json")
        with open(config, "w") as f:
            json.dump({"pebble": {"listenAddress": f"0.0.0.0:{ACME_PORT}",
                                  "managementListenAddress": f"127.0.0.1:{MGMT_PORT}",
                                  "certificate": cls.acme_ca, "privateKey": key,
                                  "httpPort": PORTS["PROD_HTTP_PORT"], "tlsPort": BASE + 14,
                                  "ocspResponderURL": "", "externalAccountBindingRequired": False}}, f)
        cls.pebble_log = open(os.path.join(cls.tmp, "pebble.log"), "w")
        cls.procs.append(subprocess.Popen(
            ["pebble-challtestsrv", "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "", "-dns01", f"127.0.0.1:{DNS_PORT}",
             "-http01", "", "-https01", "", "-tlsalpn01", "", "-management", f"127.0.0.1:{CHALL_MGMT_PORT}"],
            stdout=cls.pebble_log, stderr=subprocess.STDOUT, start_new_session=True))
        # Every order validated afresh (Pebble reuses half of the valid authorizations by default,
        # so a renewal might not go through NGINX at all), no nonces refused at random.
        env = dict(os.environ, PEBBLE_VA_NOSLEEP="1", PEBBLE_WFE_NONCEREJECT="0", PEBBLE_AUTHZREUSE="0")
        cls.procs.append(subprocess.Popen(["pebble", "-config", config, "-dnsserver", f"127.0.0.1:{DNS_PORT}"],
                                          env=env, stdout=cls.pebble_log, stderr=subprocess.STDOUT,
                                          start_new_session=True))
        context = ssl.create_default_context(cafile=cls.acme_ca)
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"https://127.0.0.1:{ACME_PORT}/dir", context=context, timeout=3) as r:
                    json.load(r)
                break
            except OSError:
                if time.monotonic() > deadline:
                    with open(cls.pebble_log.name) as f:
                        raise AssertionError("Pebble did not start:\n" + f.read()[-2000:])
                time.sleep(0.3)

        cls.stack = fx.Stack(stack_name="pddtest-le")
        cls.stack.env.update({k: str(v) for k, v in PORTS.items()})
        cls.stack.env.update({
            "TLS_MODE": "letsencrypt", "TLS_DOMAINS": DOMAIN, "LETSENCRYPT_EMAIL": "e2e@example.org",
            "ACME_SERVER": f"https://{cls.lan}:{ACME_PORT}/dir", "ACME_CA_FILE": cls.acme_ca,
            "CERTBOT_IMAGE": CERTBOT_IMAGE, "DJANGO_ALLOWED_HOSTS": DOMAIN,
            "WEB_IMAGE": "pddtest-le-web"})
        cls.stack.destroy()

    @classmethod
    def tearDownClass(cls):
        if hasattr(cls, "stack"):
            cls.stack.destroy()
            shutil.rmtree(cls.stack.dir, ignore_errors=True)
        for p in cls.procs:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            p.wait(10)
        if hasattr(cls, "pebble_log"):
            cls.pebble_log.close()
        if hasattr(cls, "tmp"):
            shutil.rmtree(cls.tmp, ignore_errors=True)

    def pebble_root(self):
        """The root Pebble made at start: what a browser would trust in place of ISRG's."""
        context = ssl.create_default_context(cafile=self.acme_ca)
        with urllib.request.urlopen(f"https://127.0.0.1:{MGMT_PORT}/roots/0", context=context, timeout=10) as r:
            path = os.path.join(self.tmp, "pebble-root.pem")
            with open(path, "wb") as f:
                f.write(r.read())
        return path

    def served(self, root):
        """(serial, issuer) of what NGINX presents for DOMAIN, verified against Pebble's root."""
        p = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{PORTS['PROD_HTTPS_PORT']}", "-servername",
                            DOMAIN, "-CAfile", root, "-verify_return_error", "-verify_hostname", DOMAIN],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           encoding="utf-8", errors="replace", timeout=30)
        self.assertEqual(p.returncode, 0, p.stdout[-2000:])
        self.assertIn("Verify return code: 0 (ok)", p.stdout)
        pem = re.search(r"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", p.stdout, re.S).group(0)
        info = subprocess.run(["openssl", "x509", "-noout", "-serial", "-issuer"], input=pem, stdout=subprocess.PIPE,
                              text=True, check=True).stdout
        return info

    def test_first_certificate_renewal_and_restart(self):
        p = self.stack.run("-0", timeout=1200)
        with open(self.pebble_log.name) as f:
            self.assertEqual(p.returncode, 0, p.stderr[-4000:] + "\nPebble:\n" + f.read()[-2000:])
        log(f"-0 with a first certificate from Pebble: {p.seconds:.1f} s")
        self.assertIn(f"asking https://{self.lan}:{ACME_PORT}/dir for a certificate for {DOMAIN} (certbot's own server on port "
                      f"{PORTS['PROD_HTTP_PORT']}, before NGINX starts)", p.stderr)
        root = self.pebble_root()
        first = self.served(root)
        self.assertIn("Pebble Intermediate CA", first)
        url = f"https://{DOMAIN}:{PORTS['PROD_HTTPS_PORT']}/"
        curl = subprocess.run(["curl", "-sS", "--cacert", root, "--resolve", f"{DOMAIN}:{PORTS['PROD_HTTPS_PORT']}:127.0.0.1",
                               "-o", "/dev/null", "-w", "%{http_code}", url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, timeout=30)
        self.assertEqual(curl.stdout, "200", curl.stderr)

        # The renewal service runs; a renewal through NGINX's webroot (forced: the
        # certificate is new) reaches browsers on NGINX's reload.
        certbot = self.stack.container("prod", "certbot")
        nginx = self.stack.container("prod", "nginx")
        # Without a terminal certbot waits a random while (up to 8 min) before renewing, to spread
        # the load on Let's Encrypt: right for the service's loop, not for a test.
        renew = subprocess.run(["docker", "exec", certbot, "certbot", "renew", "--force-renewal", "--webroot", "-w",
                                "/var/www/acme", "--non-interactive", "--no-random-sleep-on-renew"],
                               stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, timeout=300)
        self.assertEqual(renew.returncode, 0, renew.stdout[-3000:])
        self.assertIn("Congratulations, all renewals succeeded", renew.stdout)
        access = fx.docker_logs(nginx)
        self.assertRegex(access, r'"uri":"/\.well-known/acme-challenge/[^"]+".*"status":200',
                         "Pebble did not validate through NGINX's webroot")
        self.assertEqual(self.served(root), first, "NGINX serves the old certificate until it reloads")
        subprocess.run(["docker", "exec", nginx, "nginx", "-s", "reload"], check=True, stdout=subprocess.DEVNULL)
        fx.wait_for(lambda: self.served(root) != first, 20, "the renewed certificate after NGINX's reload")

        # A second start has its certificate: it asks for none.
        p = self.stack.run("-0", timeout=600)
        self.assertEqual(p.returncode, 0, p.stderr[-3000:])
        self.assertNotIn("asking ", p.stderr)
        self.assertEqual(curl.returncode, 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
