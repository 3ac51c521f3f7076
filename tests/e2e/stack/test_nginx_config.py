"""NGINX's prod configuration for every TLS_MODE, checked by the NGINX the stack
runs (the forged NGINX_IMAGE): compose/nginx/entrypoint.sh renders the
templates, then `nginx -t` accepts them and `nginx -T` shows what was rendered.
Values NGINX could not use stop the entrypoint with one sentence."""
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stackfixture as fx  # noqa: E402

NGINX_DIR = os.path.join(fx.SOURCE_DIR, "compose", "nginx")


class NginxConfig(unittest.TestCase):
    maxDiff = 2000

    @classmethod
    def setUpClass(cls):
        fx.require_docker(cls, images=["NGINX_IMAGE"])
        cls.image = fx.forge_env()["NGINX_IMAGE"]
        cls.tmp = tempfile.TemporaryDirectory(prefix="pdd-nginx-lint-")
        d = cls.tmp.name
        os.makedirs(os.path.join(d, "letsencrypt", "live", "pdd"))
        cls.cert, cls.key = os.path.join(d, "fullchain.pem"), os.path.join(d, "privkey.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=lint",
                        "-keyout", cls.key, "-out", cls.cert], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        for name in ("fullchain.pem", "privkey.pem"):
            with open(os.path.join(d, name), "rb") as src, \
                    open(os.path.join(d, "letsencrypt", "live", "pdd", name), "wb") as dst:
                dst.write(src.read())
        os.chmod(cls.key, 0o644)  # read by the container's root either way; keeps the copy simple

    @classmethod
    def tearDownClass(cls):
        if hasattr(cls, "tmp"):
            cls.tmp.cleanup()

    def nginx(self, mode, *command, env=None, certs=True):
        e = {"PDD_TLS_MODE": mode, "PDD_HTTPS_PORT": "8443"}
        e.update(env or {})
        cmd = ["docker", "run", "--rm", "--add-host", "web:127.0.0.1", "-v", f"{NGINX_DIR}:/etc/nginx/pdd:ro"]
        if certs:
            cmd += ["-v", f"{self.cert}:/etc/nginx/tls/fullchain.pem:ro", "-v", f"{self.key}:/etc/nginx/tls/privkey.pem:ro",
                    "-v", f"{self.tmp.name}/letsencrypt:/etc/letsencrypt:ro"]
        for k, v in e.items():
            cmd += ["-e", f"{k}={v}"]
        cmd += ["--entrypoint", "sh", self.image, "/etc/nginx/pdd/entrypoint.sh", *command]
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)

    def test_every_mode_passes_nginx_t(self):
        for mode in ("off", "self-signed", "files", "letsencrypt"):
            with self.subTest(mode=mode):
                p = self.nginx(mode, "nginx", "-t")
                self.assertEqual(p.returncode, 0, p.stderr)
                self.assertIn("test is successful", p.stderr)
                dump = self.nginx(mode, "nginx", "-T").stdout
                self.assertIn("limit_req zone=pdd_admin_login burst=5 nodelay;", dump)
                self.assertIn("location = /admin/login/", dump)
                self.assertIn("log_format pdd_json escape=json", dump)
                self.assertIn("listen 127.0.0.1:8081;", dump)
                self.assertIn('"public, max-age=31536000, immutable"', dump)
                if mode == "off":
                    self.assertNotIn("ssl_certificate", dump)
                    self.assertNotIn("add_header Strict-Transport-Security", dump)
                    continue
                self.assertIn("ssl_protocols TLSv1.2 TLSv1.3;", dump)
                self.assertIn("return 301 https://$host:8443$request_uri;", dump)
                self.assertIn("location ^~ /.well-known/acme-challenge/", dump)
                self.assertIn('add_header Strict-Transport-Security "max-age=86400" always;', dump)
                self.assertRegex(dump, r"listen 443 ssl( http2)?;")
                expected_cert = ("/etc/letsencrypt/live/pdd/fullchain.pem" if mode == "letsencrypt"
                                 else "/etc/nginx/tls/fullchain.pem")
                self.assertIn(f"ssl_certificate {expected_cert};", dump)
                self.assertEqual("ssl_stapling on;" in dump, mode != "self-signed")

    def test_settings_reach_the_configuration(self):
        p = self.nginx("self-signed", "nginx", "-T", env={
            "PDD_HTTPS_PORT": "443", "DJANGO_ADMIN_PATH": "/gestao-7f3a/", "ADMIN_LOGIN_RATE": "3r/s",
            "ADMIN_LOGIN_BURST": "12", "SECURE_HSTS_SECONDS": "63072000", "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
            "SECURE_HSTS_PRELOAD": "true"})
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("return 301 https://$host$request_uri;", p.stdout, "port 443 needs no port in the redirect")
        self.assertIn("location = /gestao-7f3a/login/", p.stdout)
        self.assertIn("rate=3r/s;", p.stdout)
        self.assertIn("burst=12 nodelay;", p.stdout)
        self.assertIn('"max-age=63072000; includeSubDomains; preload"', p.stdout)
        p = self.nginx("self-signed", "nginx", "-T", env={"SECURE_HSTS_SECONDS": "0"})
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertNotIn("add_header Strict-Transport-Security", p.stdout, "SECURE_HSTS_SECONDS=0 sends no HSTS")

    def test_swarm_upstream_is_resolved_at_run_time(self):
        # Compose: one fixed upstream with keepalive. Swarm (PDD_WEB_UPSTREAM):
        # Docker's resolver asked again every 5 s, so new replicas get traffic.
        dump = self.nginx("off", "nginx", "-T").stdout
        self.assertIn("upstream django { server web:8000; keepalive 16; }", dump)
        self.assertIn("proxy_pass http://django;", dump)
        self.assertNotIn("resolver 127.0.0.11", dump)
        for mode in ("off", "files"):
            with self.subTest(mode=mode):
                p = self.nginx(mode, "nginx", "-T", env={"PDD_WEB_UPSTREAM": "web:8000"})
                self.assertEqual(p.returncode, 0, p.stderr)
                self.assertIn("resolver 127.0.0.11 valid=5s ipv6=off;", p.stdout)
                self.assertIn("set $pdd_web web:8000; proxy_pass http://$pdd_web;", p.stdout)
                self.assertIn("proxy_next_upstream error timeout http_502 http_503;", p.stdout)
                self.assertNotIn("upstream django", p.stdout)
        p = self.nginx("off", "nginx", "-t", env={"PDD_WEB_UPSTREAM": "web"})
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(p.stderr.strip(), "nginx entrypoint: PDD_WEB_UPSTREAM=web is not a NAME:PORT like web:8000.")

    def test_bad_values_stop_it_with_one_sentence(self):
        cases = [
            ({"PDD_TLS_MODE": "bogus"}, "PDD_TLS_MODE=bogus is none of off, self-signed, files, letsencrypt."),
            ({"DJANGO_ADMIN_PATH": "my admin"}, "DJANGO_ADMIN_PATH=my admin must be a URL path"),
            ({"DJANGO_ADMIN_PATH": "a|b"}, "DJANGO_ADMIN_PATH=a|b must be a URL path"),
            ({"ADMIN_LOGIN_RATE": "lots"}, "ADMIN_LOGIN_RATE=lots is not a rate"),
            ({"ADMIN_LOGIN_BURST": "-1"}, "ADMIN_LOGIN_BURST=-1 is not a whole number."),
            ({"SECURE_HSTS_SECONDS": "1d"}, "SECURE_HSTS_SECONDS=1d is not a whole number of seconds."),
            ({"PDD_HTTPS_PORT": "https"}, "PROD_HTTPS_PORT=https is not a port number."),
        ]
        for env, sentence in cases:
            with self.subTest(env=env):
                mode = env.pop("PDD_TLS_MODE", "self-signed")
                p = self.nginx(mode, "nginx", "-t", env=env)
                self.assertEqual(p.returncode, 1, p.stderr)
                self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
                self.assertIn(sentence, p.stderr)
        p = self.nginx("files", "nginx", "-t", certs=False)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(p.stderr.strip(), "nginx entrypoint: no certificate at /etc/nginx/tls/fullchain.pem "
                                           "(TLS_MODE=files); compose/run prepares it: start prod with sh run -0.")


if __name__ == "__main__":
    unittest.main(verbosity=2)
