# Not a ctest test: it fills a database with ~1 GB and dumps and restores it
# several times. Run by hand: python3 tests/bench/backup/bench_backup.py
"""Backup and restore of a generated database through compose/run -8 and
through the app (bench_backup_app: BackupService, the Backups tab's core)
against pg_dump -Fc / pg_restore run directly in the db container, all in this
run on the same stack, printed as ratios (target <= 1.1x), with the app's
resident memory at the start and its peak while the data streams.

    python3 tests/bench/backup/bench_backup.py [--mb 1024]

Needs the Docker daemon, the forged images (tests/support/forge-images) and a
build (build/tests/bench/backup/bench_backup_app). The stack is pddbench-bak
(ports 18500+), only its db service runs; removed afterwards, volumes included."""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "e2e", "stack"))
import stackfixture as fx  # noqa: E402

PORTS = {"DEV_WEB_PORT": 18500, "DEV_DB_PORT": 18501, "PGADMIN_PORT": 18502, "PROD_HTTP_PORT": 18503,
         "DEV_HOST_WEB_PORT": 18504, "PROD_HTTPS_PORT": 18506}


def timed(cmd, **kw):
    t0 = time.monotonic()
    p = subprocess.run(cmd, **kw)
    if p.returncode != 0:
        raise SystemExit(f"{cmd[:4]}... failed: {getattr(p, 'stderr', '') or ''}")
    return time.monotonic() - t0, p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=1024, help="size of the generated table data (MB)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds; medians are compared")
    opts = ap.parse_args()
    app_bin = os.path.join(fx.BINARY_DIR, "tests", "bench", "backup", "bench_backup_app")
    if not os.access(app_bin, os.X_OK):
        raise SystemExit(f"{app_bin} is missing: cmake --build build first")
    stack = fx.Stack(stack_name="pddbench-bak")
    stack.env.update({k: str(v) for k, v in PORTS.items()})
    stack.destroy()
    try:
        # .env with fresh secrets (as run makes it), then only the database: all a backup reads.
        with open(os.path.join(stack.compose_dir, ".env.example")) as f:
            text = re.sub("__GENERATE__", lambda _: os.urandom(32).hex(), f.read())
        with open(os.path.join(stack.compose_dir, ".env"), "w") as f:
            f.write(text)
        subprocess.run(stack.compose_cmd("dev") + ["up", "-d", "db"], env=stack.env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        fx.wait_for(lambda: fx.inspect(stack.container("dev", "db"), "{{.State.Health.Status}}") == "healthy", 120,
                    "the database")
        db = stack.container("dev", "db")
        rows = opts.mb * 1024 * 1024 // 140  # ~140 bytes a row on disk
        t, _ = timed(["docker", "exec", db, "sh", "-c",
                      'psql -X -q -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "CREATE TABLE bench AS SELECT g AS id, '
                      f"md5(random()::text) || md5(random()::text) || md5(g::text) AS payload, now() AS at "
                      f'FROM generate_series(1, {rows}) g; ALTER TABLE bench ADD PRIMARY KEY (id)"'],
                     stdout=subprocess.DEVNULL)
        size = stack.psql("dev", "SELECT pg_database_size(current_database())")
        print(f"generated {rows} rows, database {int(size) / 1e6:.0f} MB, in {t:.0f} s", flush=True)

        direct = os.path.join(stack.dir, "direct.dump")
        run_sh = os.path.join(stack.compose_dir, "run")
        quiet = dict(stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        t = {k: [] for k in ("dump", "run", "app", "restore", "run_restore", "app_restore")}
        def backup_direct():
            with open(direct, "wb") as out:
                return timed(["docker", "exec", db, "sh", "-c",
                              'exec pg_dump -Fc -U "$POSTGRES_USER" -d "$POSTGRES_DB"'], stdout=out)[0]

        def backup_run():
            s_, p = timed(["sh", run_sh, "-8", "backup", "dev"], env=stack.env, **quiet)
            state["dump"] = p.stdout.strip().splitlines()[-1]
            return s_

        def backup_app():
            _, p = timed([app_bin, stack.compose_dir, "backup", "dev"], env=stack.env, **quiet)
            state["app_backup"] = p.stdout.split()
            return float(p.stdout.split()[1])  # the Job's own time, without the process start-up

        def restore_direct():
            subprocess.run(["docker", "exec", db, "sh", "-c", 'createdb -U "$POSTGRES_USER" bench_direct'], check=True)
            with open(direct, "rb") as inp:
                s_ = timed(["docker", "exec", "-i", db, "sh", "-c",
                            'exec pg_restore --no-owner --exit-on-error --single-transaction '
                            '-U "$POSTGRES_USER" -d bench_direct'], stdin=inp)[0]
            subprocess.run(["docker", "exec", db, "sh", "-c", 'dropdb -U "$POSTGRES_USER" bench_direct'], check=True)
            return s_

        def restore_run():
            return timed(["sh", run_sh, "-8", "restore", state["dump"], "dev"], env=stack.env, **quiet)[0]

        def restore_app():
            _, p = timed([app_bin, stack.compose_dir, "restore", "dev", state["dump"]], env=stack.env, **quiet)
            state["app_restore"] = p.stdout.split()
            return float(p.stdout.split()[1])

        state = {}
        backups = [("dump", backup_direct), ("run", backup_run), ("app", backup_app)]
        restores = [("restore", restore_direct), ("run_restore", restore_run), ("app_restore", restore_app)]
        backup_direct()  # a warm start for all; each round writes the archives again
        for r in range(opts.rounds):
            # Interleaved and rotated, so the page cache and the disk's writeback hit each alike.
            for key, fn in backups[r % 3:] + backups[:r % 3]:
                t[key].append(fn())
            for key, fn in restores[r % 3:] + restores[:r % 3]:
                t[key].append(fn())
        app_backup, app_restore = state["app_backup"], state["app_restore"]
        print(f"dump size {os.path.getsize(direct) / 1e6:.0f} MB (run -8: {os.path.getsize(state['dump']) / 1e6:.0f} MB); "
              f"{opts.rounds} rounds, medians")
        m = {k: statistics.median(v) for k, v in t.items()}
        t_dump, t_run, t_app = m["dump"], m["run"], m["app"]
        t_restore, t_run_restore, t_app_restore = m["restore"], m["run_restore"], m["app_restore"]

        def kv(fields, key):
            return fields[fields.index(key) + 1]
        print()
        print(f"{'':28}{'seconds':>9}{'ratio':>8}")
        print(f"{'pg_dump -Fc (baseline)':28}{t_dump:9.1f}{1:8.2f}")
        print(f"{'run -8 backup':28}{t_run:9.1f}{t_run / t_dump:8.2f}")
        print(f"{'app: Back up now':28}{t_app:9.1f}{t_app / t_dump:8.2f}")
        print(f"{'pg_restore (baseline)':28}{t_restore:9.1f}{1:8.2f}")
        print(f"{'run -8 restore':28}{t_run_restore:9.1f}{t_run_restore / t_restore:8.2f}")
        print(f"{'app: Restore':28}{t_app_restore:9.1f}{t_app_restore / t_restore:8.2f}")
        for name, fields in (("backup", app_backup), ("restore", app_restore)):
            a, b = int(kv(fields, "rss_start_kib")), int(kv(fields, "rss_max_kib"))
            print(f"app RSS during {name}: {a / 1024:.1f} MB at the start, {b / 1024:.1f} MB peak "
                  f"({b / a:.2f}x, {kv(fields, 'samples')} samples)")
    finally:
        stack.destroy()
        shutil.rmtree(stack.dir, ignore_errors=True)


if __name__ == "__main__":
    main()
