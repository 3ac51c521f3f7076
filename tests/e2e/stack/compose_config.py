"""Checks what one compose CLI makes of the stack's files for one mode.

    python3 compose_config.py --mode prod --services db,web,nginx [--strict-services] -- COMPOSE_CMD...

COMPOSE_CMD is everything before the subcommand (`docker-compose -f a -f b -p x
--profile prod`); this script appends `config --services` and `config` and reads
the latter with a YAML parser, because v1 and v2 print ports differently (v1 a
string "127.0.0.1:5050:80/tcp" or a mapping without host_ip, v2 always a mapping)
and grepping either would miss the other.

Asserted:
- the services of the mode are exactly --services. v1 1.29's `config --services`
  lists every service whatever the profile, so the profiles in the config decide;
  with --strict-services (v2) the plain `config --services` output must match too.
- --publish prod: nothing is published but NGINX's port 80 (on PROD_HTTP_PORT).
- --publish prod-tls: nothing but NGINX's 80 and 443 (base + prod + a TLS overlay).
- --publish dev: everything published is on 127.0.0.1, and it is exactly the
  database, Django and pgAdmin.
- --publish none: neither the database nor Django is published (the base file alone).
- every service of the mode logs to json-file with max-size and max-file (a log
  cannot fill the disk) and has a memory limit.
Prints one line per problem and exits 1 on any."""
import argparse
import subprocess
import sys

import yaml


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr}")
    return p.stdout


def parse_port(entry):
    """(host_ip, published, target) from a short-syntax string or a long-syntax mapping."""
    if isinstance(entry, dict):
        published = entry.get("published")
        return (entry.get("host_ip") or "", str(published) if published is not None else "",
                str(entry.get("target")))
    text = str(entry).split("/", 1)[0]
    parts = text.rsplit(":", 2)
    if len(parts) == 3:
        return parts[0], parts[1], parts[2]
    if len(parts) == 2:
        return "", parts[0], parts[1]
    return "", "", parts[0]  # a container port only: not published on a fixed host port


def active(services, mode):
    return {name for name, svc in services.items() if not svc.get("profiles") or mode in svc["profiles"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", required=True, choices=["dev", "prod"])
    ap.add_argument("--services", required=True)
    ap.add_argument("--strict-services", action="store_true")
    ap.add_argument("--publish", required=True, choices=["dev", "prod", "prod-tls", "none"])
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    expected = set(a.services.split(","))
    problems = []

    listed = set(run(cmd + ["config", "--services"]).split())
    config = yaml.safe_load(run(cmd + ["config"]))
    services = config.get("services") or {}
    if a.strict_services and listed != expected:
        problems.append(f"config --services lists {sorted(listed)}, expected {sorted(expected)}")
    mode_services = active(services, a.mode) & listed
    if mode_services != expected:
        problems.append(f"mode {a.mode} runs {sorted(mode_services)}, expected {sorted(expected)}")

    published = []  # (service, host_ip, published, target)
    for name in sorted(mode_services):
        for entry in services[name].get("ports") or []:
            host_ip, pub, target = parse_port(entry)
            published.append((name, host_ip, pub, target))
    if a.publish == "prod":
        if [(s, t) for s, _, _, t in published] != [("nginx", "80")]:
            problems.append(f"prod must publish only nginx:80, publishes {published}")
    elif a.publish == "prod-tls":
        if sorted((s, t) for s, _, _, t in published) != [("nginx", "443"), ("nginx", "80")]:
            problems.append(f"prod with TLS must publish only nginx:80 and nginx:443, publishes {published}")
    elif a.publish == "dev":
        for s, ip, pub, t in published:
            if ip != "127.0.0.1":
                problems.append(f"dev publishes {s}:{t} on {ip or 'every address'} (host port {pub}), not 127.0.0.1")
        if sorted((s, t) for s, _, _, t in published) != [("db", "5432"), ("pgadmin", "80"), ("web", "8000")]:
            problems.append(f"dev must publish exactly db:5432, web:8000, pgadmin:80; publishes {published}")
    else:
        for s, ip, pub, t in published:
            if s in ("db", "web"):
                problems.append(f"the base file alone publishes {s}:{t} on {ip or '*'}:{pub}")

    for name in sorted(mode_services):
        svc = services[name]
        logging = svc.get("logging") or {}
        options = logging.get("options") or {}
        if logging.get("driver") != "json-file" or not options.get("max-size") or not options.get("max-file"):
            problems.append(f"{name} logs without a size cap: {logging}")
        if not svc.get("mem_limit") and not (((svc.get("deploy") or {}).get("resources") or {}).get("limits") or {}).get("memory"):
            problems.append(f"{name} has no memory limit")

    for p in problems:
        print(p)
    if not problems:
        print(f"{a.mode}: services {sorted(mode_services)}, published {published}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
