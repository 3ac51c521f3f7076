"""Prod's edge under load: requests per second NGINX sustains in front of
gunicorn over HTTPS (TLS_MODE=self-signed), against plain HTTP (TLS_MODE=off)
as the baseline, both measured in this run on the same stack, machine and
wrk settings, and printed as a ratio. Also prints the TLS scan of the HTTPS port
(nmap's ssl-enum-ciphers, when nmap is installed) and check --deploy in both modes.

    python3 tests/bench/edge/bench_edge.py [--seconds 10] [--connections 16]

Needs the Docker daemon, the forged images (tests/support/forge-images), wrk
and openssl (Debian: apt-get install wrk openssl nmap). Loopback only; the test
stack (pddbench-edge, ports 18400+) is removed afterwards, volumes included."""
import argparse
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "e2e", "stack"))
import stackfixture as fx  # noqa: E402

PORTS = {"DEV_WEB_PORT": 18400, "DEV_DB_PORT": 18401, "PGADMIN_PORT": 18402, "PROD_HTTP_PORT": 18403,
         "DEV_HOST_WEB_PORT": 18404, "PROD_HTTPS_PORT": 18406}


def wrk(url, seconds, connections):
    p = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=seconds + 60)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", p.stdout)
    p50 = re.search(r"50%\s+([\d.]+\w+)", p.stdout)
    p99 = re.search(r"99%\s+([\d.]+\w+)", p.stdout)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", p.stdout)
    errors = re.search(r"Socket errors: (.+)", p.stdout)
    if p.returncode != 0 or not rate:
        raise SystemExit(f"wrk failed on {url}:\n{p.stdout}")
    return float(rate.group(1)), p50.group(1), p99.group(1), int(bad.group(1)) if bad else 0, \
        errors.group(1) if errors else "none"


def check_deploy(stack):
    web = stack.container("prod", "web")
    out = subprocess.run(["docker", "exec", web, "python", "manage.py", "check", "--deploy"],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    return sorted(set(re.findall(r"\((security\.W\d+)\)", out))) or [out.strip().splitlines()[-1]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=16)
    a = ap.parse_args()
    for tool in ("wrk", "openssl", "docker"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed (Debian: apt-get install {tool})")
    fx.PORTS.clear()
    fx.PORTS.update(PORTS)
    stack = fx.Stack(stack_name="pddbench-edge")
    stack.env.update({k: str(v) for k, v in PORTS.items()})
    stack.env["DJANGO_ALLOWED_HOSTS"] = "localhost,127.0.0.1"
    stack.destroy()
    try:
        results, static = {}, {}
        for mode in ("off", "self-signed"):
            p = stack.run("-0", env={"TLS_MODE": mode})
            if p.returncode != 0:
                raise SystemExit(f"run -0 with TLS_MODE={mode} failed:\n{p.stderr[-3000:]}")
            url = (f"https://127.0.0.1:{PORTS['PROD_HTTPS_PORT']}/" if mode != "off"
                   else f"http://127.0.0.1:{PORTS['PROD_HTTP_PORT']}/")
            wrk(url, 2, a.connections)  # warm-up: gunicorn workers, connections, TLS session cache
            results[mode] = wrk(url, a.seconds, a.connections)
            # NGINX alone: a static file (gzip off: wrk does not ask for it), where TLS is the cost.
            static[mode] = wrk(url + "static/admin/css/base.css", a.seconds, a.connections)
            print(f"check --deploy, TLS_MODE={mode}: {', '.join(check_deploy(stack))}")
            if mode != "off" and shutil.which("nmap"):
                scan = subprocess.run(["nmap", "-Pn", "-p", str(PORTS["PROD_HTTPS_PORT"]), "--script",
                                       "ssl-enum-ciphers", "127.0.0.1"], stdout=subprocess.PIPE, text=True).stdout
                print("nmap ssl-enum-ciphers:\n" + "\n".join(l for l in scan.splitlines() if l.startswith("|")))
        print(f"\nwrk -t2 -c{a.connections} -d{a.seconds}s on / (a page that reads the database), loopback:")
        for mode, (rate, p50, p99, bad, errors) in results.items():
            scheme = "HTTP " if mode == "off" else "HTTPS"
            print(f"  {scheme} (TLS_MODE={mode:11}) {rate:9.1f} req/s   p50 {p50:>8}  p99 {p99:>8}  "
                  f"non-2xx {bad}  socket errors {errors}")
        ratio = results["self-signed"][0] / results["off"][0]
        print(f"  HTTPS / HTTP = {ratio:.2f}x")
        print("\nthe same on /static/admin/css/base.css (NGINX alone):")
        for mode, (rate, p50, p99, bad, errors) in static.items():
            scheme = "HTTP " if mode == "off" else "HTTPS"
            print(f"  {scheme} (TLS_MODE={mode:11}) {rate:9.1f} req/s   p50 {p50:>8}  p99 {p99:>8}  "
                  f"non-2xx {bad}  socket errors {errors}")
        print(f"  HTTPS / HTTP = {static['self-signed'][0] / static['off'][0]:.2f}x")
    finally:
        stack.destroy()
        shutil.rmtree(stack.dir, ignore_errors=True)


if __name__ == "__main__":
    main()
