"""gunicorn settings from the environment (compose/.env via docker-compose.prod.yml).
gunicorn reads this file from the working directory; GUNICORN_CMD_ARGS still wins."""
import os


def cpus():
    """CPUs this container may use: its affinity, and its cgroup quota when one is set."""
    n = len(os.sched_getaffinity(0))
    for path, parse in (("/sys/fs/cgroup/cpu.max", lambda t: t.split()),
                        ("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", lambda t: [t.strip(), open(
                            "/sys/fs/cgroup/cpu/cpu.cfs_period_us").read().strip()])):
        try:
            with open(path) as f:
                quota, period = parse(f.read())
            if quota not in ("max", "-1"):
                n = min(n, max(1, int(int(quota) / int(period))))
            break
        except (OSError, ValueError):
            continue
    return n


def setting(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = ["0.0.0.0:8000"]
# gunicorn's advice (2 x CPUs + 1), capped: every worker holds a database connection and memory.
workers = setting("GUNICORN_WORKERS", min(2 * cpus() + 1, 8))
threads = setting("GUNICORN_THREADS", 1)
timeout = setting("GUNICORN_TIMEOUT", 60)
graceful_timeout = setting("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = setting("GUNICORN_KEEPALIVE", 5)
accesslog = "-"
