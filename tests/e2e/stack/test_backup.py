"""Backups, restores and the migration gate of compose/run (-8, and -0 before it
migrates) on the real Docker daemon with the forged PostgreSQL.

One bring-up per mode, shared by the scenarios, which run in the order of their
names: dev round trip and the refusals, prod round trip with its typed
confirmation, a model change without a migration, a migration that fails, and
the pruning rule. Row contents are compared byte for byte with COPY ... TO STDOUT."""
import json
import os
import pty
import re
import resource
import select
import shutil
import signal
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stackfixture as fx  # noqa: E402

STACK = "pddtest-bak"
PORT_BASE = 18200


def log(msg):
    print(f"[backup-e2e] {msg}", file=sys.stderr, flush=True)


class BackupEndToEnd(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        fx.require_docker(cls, images={"POSTGRES_IMAGE", "NGINX_IMAGE", "PGADMIN_IMAGE", "PYTHON_IMAGE"})
        cls.stack = fx.Stack(stack_name=STACK)
        ports = {"DEV_WEB_PORT": 0, "DEV_DB_PORT": 1, "PGADMIN_PORT": 2, "PROD_HTTP_PORT": 3,
                 "DEV_HOST_WEB_PORT": 4, "PROD_HTTPS_PORT": 6}
        cls.stack.env.update({k: str(PORT_BASE + v) for k, v in ports.items()})
        cls.stack.env.update({"TLS_MODE": "off", "WEB_IMAGE": "pddtest-bak-web", "REGISTRY": "127.0.0.1:18205"})
        cls.stack.destroy()
        cls.backups = os.path.join(cls.stack.compose_dir, "backups")

    @classmethod
    def tearDownClass(cls):
        if hasattr(cls, "stack"):
            cls.stack.destroy()
            for tag in ("unmigrated", "broken", "old"):
                subprocess.run(["docker", "image", "rm", "-f", f"127.0.0.1:18205/pddtest-bak-web:{tag}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.rmtree(cls.stack.dir, ignore_errors=True)

    # ------------------------------------------------------------------ helpers
    def run_ok(self, *args, env=None):
        p = self.stack.run(*args, env=env)
        self.assertEqual(p.returncode, 0, f"run {' '.join(args)}:\n{p.stderr[-3000:]}")
        return p

    def copy_out(self, mode, table="notes_note"):
        """The table's rows in a fixed order, as PostgreSQL's COPY writes them (bytes)."""
        user, db = self.stack.db_user_and_name()
        p = subprocess.run(["docker", "exec", self.stack.container(mode, "db"), "psql", "-X", "-U", user, "-d", db,
                            "-c", f"COPY (SELECT * FROM {table} ORDER BY id) TO STDOUT"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout

    def dumps(self, mode):
        d = os.path.join(self.backups, mode)
        return sorted(f for f in os.listdir(d) if f.endswith(".dump")) if os.path.isdir(d) else []

    def sidecar(self, path):
        with open(path[: -len(".dump")] + ".json") as f:
            return json.load(f)

    def backup(self, mode, env=None):
        p = self.run_ok("-8", "backup", mode, env=env)
        path = p.stdout.strip().splitlines()[-1]
        self.assertTrue(os.path.isfile(path), p.stdout)
        return path, p

    def web_image(self, mode):
        return fx.inspect(self.stack.container(mode, "web"), "{{.Config.Image}}")

    # ------------------------------------------------------------------ dev
    def test_0_database_django_never_touched(self):
        """Only the database, before Django ever ran on it: no django_migrations table."""
        self.run_ok("-3")  # makes .env too
        subprocess.run(self.stack.compose_cmd("dev") + ["up", "-d", "db"], env=self.stack.env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        fx.wait_for(lambda: fx.inspect(self.stack.container("dev", "db"), "{{.State.Health.Status}}") == "healthy",
                    120, "the dev database")
        path, _ = self.backup("dev")
        self.assertEqual(self.sidecar(path)["migrations"], [])
        os.remove(path)
        os.remove(path[:-5] + ".json")

    def test_1_dev_round_trip(self):
        self.run_ok("-1")
        self.stack.psql("dev", "INSERT INTO notes_note (text, created) SELECT 'row ' || g || ' ' || md5(g::text), "
                               "now() - g * interval '1 minute' FROM generate_series(1, 2000) g")
        self.stack.psql("dev", "INSERT INTO notes_note (text, created) VALUES (E'tab\\tquote'' back\\\\slash ção', now())")
        before = self.copy_out("dev")
        path, p = self.backup("dev")
        log(f"-8 backup dev: {p.seconds:.1f} s")
        self.assertRegex(os.path.basename(path), rf"^{STACK}-dev-\d{{8}}T\d{{6}}Z\.dump$")
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        self.assertEqual(os.stat(os.path.dirname(path)).st_mode & 0o777, 0o700)
        side = self.sidecar(path)
        self.assertEqual(os.stat(path[:-5] + ".json").st_mode & 0o777, 0o600)
        self.assertEqual((side["mode"], side["reason"], side["stack"]), ("dev", "manual", STACK))
        self.assertEqual(side["size"], os.path.getsize(path))
        sha = subprocess.run(["sha256sum", path], stdout=subprocess.PIPE, text=True, check=True).stdout.split()[0]
        self.assertEqual(side["sha256"], sha)
        self.assertIn("notes.0001_initial", side["migrations"])
        self.assertTrue(side["postgres_version"].startswith("15"), side)
        self.assertRegex(p.stderr, r"backup: \[\d+/\d+\] tables")
        self.assertIn(os.path.basename(path), self.run_ok("-8", "list", "dev").stdout)

        # Rows changed, deleted, added; then the restore gives back every byte.
        self.stack.psql("dev", "UPDATE notes_note SET text = 'changed' WHERE id % 3 = 0")
        self.stack.psql("dev", "DELETE FROM notes_note WHERE id % 5 = 0")
        self.stack.psql("dev", "CREATE TABLE after_backup (x int)")
        self.assertNotEqual(self.copy_out("dev"), before)
        web_before = self.stack.container("dev", "web")
        p = self.run_ok("-8", "restore", path)  # the mode comes from the sidecar
        log(f"-8 restore dev: {p.seconds:.1f} s")
        self.assertIn("stopping web", p.stderr)
        self.assertEqual(self.copy_out("dev"), before)
        self.assertEqual(self.stack.psql("dev", "SELECT to_regclass('after_backup') IS NULL"), "t",
                         "the restored database is the one of the backup, not a merge")
        self.assertEqual(self.stack.container("dev", "web"), web_before)
        self.assertEqual(fx.inspect(web_before, "{{.State.Health.Status}}"), "healthy", "web is started again")
        status, _, _ = fx.http(f"http://127.0.0.1:{PORT_BASE}/healthz")
        self.assertEqual(status, 200)
        type(self).dev_dump, type(self).dev_rows = path, before

        plan = json.loads(self.run_ok("-8", "migrations", "dev", "--json").stdout.strip().splitlines()[-1])
        self.assertIn("notes.0001_initial", plan["applied"])
        self.assertEqual((plan["pending"], plan["unmigrated_changes"]), ([], []))

    def test_2_bad_archives_are_refused_before_anything_changes(self):
        good = self.dev_dump
        bad_dir = os.path.join(self.stack.dir, "bad")
        os.makedirs(bad_dir, exist_ok=True)
        with open(good, "rb") as f:
            data = f.read()
        # Truncated, no sidecar: pg_restore into the side database fails; dev is untouched.
        truncated = os.path.join(bad_dir, "truncated.dump")
        with open(truncated, "wb") as f:
            f.write(data[: len(data) // 2])
        self.stack.psql("dev", "INSERT INTO notes_note (text, created) VALUES ('after the backup', now())")
        rows = self.copy_out("dev")
        p = self.stack.run("-8", "restore", truncated, "dev")
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("no sidecar", p.stderr)
        self.assertIn("could not read truncated.dump to its end", p.stderr.splitlines()[-1])
        self.assertIn("the dev database is unchanged", p.stderr.splitlines()[-1])
        self.assertEqual(self.copy_out("dev"), rows)
        self.assertEqual(self.stack.psql("dev", "SELECT count(*) FROM pg_database WHERE datname LIKE '%pdd_restore'"), "0")
        p = self.stack.run("-8", "verify", truncated)
        self.assertEqual(p.returncode, 1)
        self.assertIn("incomplete or damaged", p.stderr)
        # One byte changed, sidecar beside it: the checksum refuses it at once.
        flipped = os.path.join(bad_dir, os.path.basename(good))
        shutil.copy(good[:-5] + ".json", flipped[:-5] + ".json")
        with open(flipped, "wb") as f:
            f.write(data[:100] + bytes([data[100] ^ 0xFF]) + data[101:])
        for verb in (("restore", flipped, "dev"), ("verify", flipped)):
            p = self.stack.run("-8", *verb)
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertIn("SHA-256", p.stderr)
            self.assertIn("nothing was changed", p.stderr)
        self.assertEqual(self.copy_out("dev"), rows)
        p = self.run_ok("-8", "verify", good)
        self.assertIn("is good", p.stderr)

    def test_3_disk_full_leaves_no_partial_file(self):
        self.stack.psql("dev", "INSERT INTO notes_note (text, created) SELECT md5(random()::text) || md5(random()::text), "
                               "now() FROM generate_series(1, 60000)")
        existing = {f: os.path.getsize(os.path.join(self.backups, "dev", f)) for f in self.dumps("dev")}

        def small_files():
            resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))

        e = dict(self.stack.env)
        p = subprocess.run(["sh", os.path.join(self.stack.compose_dir, "run"), "-8", "backup", "dev"], env=e,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=small_files,
                           timeout=300)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("the backup failed", p.stderr.splitlines()[-1])
        self.assertIn("partial file was removed and older backups are untouched", p.stderr)
        d = os.path.join(self.backups, "dev")
        self.assertEqual(sorted(os.listdir(d)), sorted(list(existing) + [f[:-5] + ".json" for f in existing]),
                         "no partial file is left and nothing is listed")
        self.assertEqual({f: os.path.getsize(os.path.join(d, f)) for f in self.dumps("dev")}, existing)

    def test_3a_cancelled_backup_leaves_nothing(self):
        """SIGTERM to the run's process group (what the app's Cancel sends) mid-dump.

        Another session holds a lock on a table, so pg_dump waits for it with its
        file open: the cancel always lands while the dump is in flight."""
        d = os.path.join(self.backups, "dev")
        existing = sorted(os.listdir(d))
        user, db = self.stack.db_user_and_name()
        locker = subprocess.Popen(["docker", "exec", "-i", self.stack.container("dev", "db"), "psql", "-X", "-q", "-U",
                                   user, "-d", db], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.addCleanup(locker.kill)
        locker.stdin.write("BEGIN; LOCK TABLE notes_note IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(120);\n")
        locker.stdin.flush()
        fx.wait_for(lambda: self.stack.psql("dev", "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                                                   "WHERE c.relname = 'notes_note' AND l.mode = 'AccessExclusiveLock' "
                                                   "AND l.granted") == "1", 30, "the lock")
        p = subprocess.Popen(["sh", os.path.join(self.stack.compose_dir, "run"), "-8", "backup", "dev"],
                             env=self.stack.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
        fx.wait_for(lambda: self.stack.psql("dev", "SELECT count(*) FROM pg_stat_activity WHERE application_name "
                                                   "LIKE 'pdd-backup-%' AND wait_event_type = 'Lock'") == "1", 60,
                    "pg_dump waiting for the table")
        self.assertTrue(any(f.endswith(".partial") for f in os.listdir(d)), os.listdir(d))
        os.killpg(p.pid, signal.SIGTERM)
        _, err = p.communicate(timeout=60)
        self.assertNotEqual(p.returncode, 0, err)
        self.assertEqual(sorted(os.listdir(d)), existing, "a cancelled backup leaves no file behind")
        # Nor a pg_dump left waiting in the container (the lock is still held).
        fx.wait_for(lambda: self.stack.psql("dev", "SELECT count(*) FROM pg_stat_activity WHERE application_name "
                                                   "LIKE 'pdd-backup-%'") == "0", 15, "the cancelled pg_dump to end")
        self.stack.psql("dev", "SELECT pg_terminate_backend(pid) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                               "WHERE c.relname = 'notes_note' AND l.mode = 'AccessExclusiveLock'")
        locker.wait(30)

    def test_4_pruning_keeps_backup_keep(self):
        for _ in range(3):
            self.backup("dev", env={"BACKUP_KEEP": "2"})
        self.assertEqual(len(self.dumps("dev")), 2)
        self.assertNotIn(os.path.basename(self.dev_dump), self.dumps("dev"), "the oldest went first")

    # ------------------------------------------------------------------ prod
    def test_5_prod_round_trip_needs_the_stack_name(self):
        p = self.run_ok("-0")
        self.assertIn("a new database: nothing to back up", p.stderr)
        self.assertIn("notes.0001_initial", p.stderr, "the plan is printed")
        self.assertEqual(self.dumps("prod"), [])
        p = self.run_ok("-0")
        self.assertNotIn("pending migrations", p.stderr, "nothing pending: no plan, no backup")
        self.assertEqual(self.dumps("prod"), [])
        self.stack.psql("prod", "INSERT INTO notes_note (text, created) SELECT 'prod ' || g, now() "
                                "FROM generate_series(1, 500) g")
        before = self.copy_out("prod")
        path, _ = self.backup("prod")
        self.stack.psql("prod", "DELETE FROM notes_note WHERE id > 100")
        changed = self.copy_out("prod")

        p = self.stack.run("-8", "restore", path, "prod")  # no terminal, no flag
        self.assertEqual(p.returncode, 1)
        self.assertIn("--yes-restore-prod=" + STACK, p.stderr)
        self.assertIn("nothing was changed", p.stderr)
        p = self.stack.run("-8", "restore", path, "prod", "--yes-restore-prod=some-other-stack")
        self.assertEqual(p.returncode, 1)
        self.assertIn("does not name this stack", p.stderr)
        self.assertEqual(self.copy_out("prod"), changed)

        # At a terminal: the wrong name refuses, the right one restores.
        self.assertEqual(self.restore_at_terminal(path, "nope")[0], 1)
        self.assertEqual(self.copy_out("prod"), changed)
        rc, out = self.restore_at_terminal(path, STACK)
        self.assertEqual(rc, 0, out)
        self.assertIn("Type the stack name", out)
        self.assertEqual(self.copy_out("prod"), before)
        status, _, body = fx.http(f"http://127.0.0.1:{PORT_BASE + 3}/")
        self.assertEqual(status, 200)
        self.assertIn(b"500 notes in the database", body)

        self.stack.psql("prod", "DELETE FROM notes_note")
        self.run_ok("-8", "restore", path, "prod", f"--yes-restore-prod={STACK}")
        self.assertEqual(self.copy_out("prod"), before)
        type(self).prod_rows = before

    def restore_at_terminal(self, path, typed):
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(self.stack.dir)
            os.execvpe("sh", ["sh", os.path.join(self.stack.compose_dir, "run"), "-8", "restore", path, "prod"],
                       self.stack.env)
        out, sent = b"", False
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            r, _, _ = select.select([fd], [], [], 1)
            if r:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
                if not sent and b"to go on: " in out:
                    os.write(fd, typed.encode() + b"\n")
                    sent = True
        _, status = os.waitpid(pid, 0)
        os.close(fd)
        return os.waitstatus_to_exitcode(status), out.decode(errors="replace")

    def build_variant(self, tag, files):
        """The web image of a copy of web/ with FILES (relative path -> text) changed, as WEB_TAG=tag."""
        web = os.path.join(self.stack.compose_dir, "web")
        saved = {}
        for rel, text in files.items():  # text None: the file is left out
            path = os.path.join(web, rel)
            saved[rel] = None
            if os.path.exists(path):
                with open(path) as f:
                    saved[rel] = f.read()
            if text is None:
                os.remove(path)
                continue
            with open(path, "w") as f:
                f.write(text)
        try:
            self.run_ok("-3", env={"WEB_TAG": tag})
        finally:
            for rel, text in saved.items():
                path = os.path.join(web, rel)
                if text is None:
                    if os.path.exists(path):
                        os.remove(path)
                else:
                    with open(path, "w") as f:
                        f.write(text)

    with open(os.path.join(fx.SOURCE_DIR, "compose", "web", "notes", "models.py")) as f:
        MODEL_WITH_TITLE = f.read().replace(
            "    text = models.CharField(max_length=200)\n",
            "    text = models.CharField(max_length=200)\n    title = models.CharField(max_length=50, default='')\n")

    def test_6_model_change_without_a_migration_is_refused(self):
        self.build_variant("unmigrated", {"notes/models.py": self.MODEL_WITH_TITLE})
        good_web = self.stack.container("prod", "web")
        p = self.stack.run("-0", env={"WEB_TAG": "unmigrated"})
        self.assertEqual(p.returncode, 1)
        last = p.stderr.strip().splitlines()[-1]
        self.assertIn("refused: the models of notes have changes without a migration", last)
        self.assertIn("Prod was not started with the new image.", last)
        self.assertEqual(self.stack.container("prod", "web"), good_web)
        self.assertTrue(self.web_image("prod").endswith(":" + fx.WEB_TAG))
        self.assertEqual(self.copy_out("prod"), self.prod_rows)

    def test_6a_image_older_than_the_script_still_starts(self):
        """A web image built before migration_plan existed: one warning, then the old way."""
        self.build_variant("old", {"ops/management/commands/migration_plan.py": None})
        p = self.stack.run("-0", env={"WEB_TAG": "old"})
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        self.assertIn("has no migration_plan command (built before it existed)", p.stderr)
        self.assertTrue(self.web_image("prod").endswith(":old"))
        self.assertEqual(self.copy_out("prod"), self.prod_rows)
        self.run_ok("-0")  # back on the suite's image
        self.assertTrue(self.web_image("prod").endswith(":" + fx.WEB_TAG))

    def test_7_failing_migration_is_named_and_the_backup_brings_prod_back(self):
        migration_2 = (
            "from django.db import migrations, models\n\n\n"
            "class Migration(migrations.Migration):\n"
            "    dependencies = [('notes', '0001_initial')]\n"
            "    operations = [migrations.AddField('note', 'title', models.CharField(max_length=50, default=''))]\n")
        migration_3 = (
            "from django.db import migrations\n\n\n"
            "class Migration(migrations.Migration):\n"
            "    dependencies = [('notes', '0002_note_title')]\n"
            "    operations = [migrations.RunSQL('ALTER TABLE notes_note ADD CONSTRAINT always_fails CHECK (false)')]\n")
        self.build_variant("broken", {"notes/models.py": self.MODEL_WITH_TITLE,
                                      "notes/migrations/0002_note_title.py": migration_2,
                                      "notes/migrations/0003_broken.py": migration_3})
        good_web = self.stack.container("prod", "web")
        p = self.stack.run("-0", env={"WEB_TAG": "broken", "BACKUP_KEEP": "1"})
        self.assertEqual(p.returncode, 1, p.stderr[-3000:])
        self.assertRegex(p.stderr, r"pending migrations, in the order they will be applied:\n\s+notes\.0002_note_title\n"
                                   r"\s+notes\.0003_broken")
        self.assertIn("taking a pre-migration backup first", p.stderr)
        last = p.stderr.strip().splitlines()[-1]
        self.assertIn("migration notes.0003_broken failed", last)
        m = re.search(r"sh run -8 restore '([^']+)' prod --yes-restore-prod=" + STACK, last)
        self.assertTrue(m, last)
        pre = m.group(1)
        side = self.sidecar(pre)
        self.assertEqual(side["reason"], "pre-migration")
        self.assertNotIn("notes.0002_note_title", side["migrations"])
        self.assertEqual(self.stack.container("prod", "web"), good_web, "web keeps running its previous image")
        # 0002 was applied before 0003 failed: the schema is not the one the running code knows.
        self.assertEqual(self.stack.psql("prod", "SELECT count(*) FROM information_schema.columns "
                                                 "WHERE table_name = 'notes_note' AND column_name = 'title'"), "1")

        # A manual backup right after (BACKUP_KEEP=1) never prunes the way back.
        self.backup("prod", env={"BACKUP_KEEP": "1"})
        self.assertIn(os.path.basename(pre), self.dumps("prod"))

        self.run_ok("-8", "restore", pre, "prod", f"--yes-restore-prod={STACK}")
        self.assertEqual(self.stack.psql("prod", "SELECT count(*) FROM information_schema.columns "
                                                 "WHERE table_name = 'notes_note' AND column_name = 'title'"), "0")
        self.assertEqual(self.stack.psql("prod", "SELECT count(*) FROM django_migrations WHERE app = 'notes'"), "1")
        self.assertEqual(self.copy_out("prod"), self.prod_rows)
        p = self.run_ok("-0")  # the previous image again
        self.assertNotIn("pending migrations", p.stderr)
        self.assertTrue(self.web_image("prod").endswith(":" + fx.WEB_TAG))
        status, _, _ = fx.http(f"http://127.0.0.1:{PORT_BASE + 3}/")
        self.assertEqual(status, 200)

    def test_8_stopped_database_is_one_sentence(self):
        type(self).dev_rows_at_stop = self.copy_out("dev")
        type(self).dev_migrations_at_stop = self.stack.psql("dev", "SELECT string_agg(app || '.' || name, ' ' ORDER BY id) FROM django_migrations")
        self.run_ok("-5", "dev")
        p = self.stack.run("-8", "backup", "dev")
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stderr.strip().splitlines(),
                         [f"run: the dev database is not running ({STACK}-dev has no running db container); "
                          "start it with sh run -1 (or -2) first."])
        p = self.stack.run("-8", "frobnicate")
        self.assertEqual(p.returncode, 2)


    def test_9_upgrade_postgres_15_to_17(self):
        if subprocess.run(["docker", "image", "inspect", PG17], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode != 0:
            msg = f"{PG17} is missing (tests/support/forge-images builds it: packaging/local-images postgres17)"
            if fx.IN_CI:
                self.fail("CI=true and " + msg)
            self.skipTest(msg)
        vol = f"{STACK}-dev_pgdata"
        # The newer server cannot open the old data: the start refuses and names the command.
        p = self.stack.run("-1", env={"POSTGRES_IMAGE": PG17})
        self.assertEqual(p.returncode, 1)
        self.assertIn(f"holds PostgreSQL 15 data, but POSTGRES_IMAGE={PG17} runs PostgreSQL 17", p.stderr)
        self.assertIn(f"sh run -8 upgrade-postgres {PG17} dev", p.stderr)
        self.assertEqual(self.stack.containers("dev", running_only=False), [], "nothing was started")

        # As a user would: POSTGRES_IMAGE names 17 already; the old data is read with the 15 image here.
        p = self.run_ok("-8", "upgrade-postgres", PG17, "dev", env={"POSTGRES_IMAGE": PG17})
        self.assertIn(f"starting the dev database on {fx.forge_env()['POSTGRES_IMAGE']} (PostgreSQL 15)", p.stderr)
        log(f"-8 upgrade-postgres 15 -> 17 (dev, {len(self.dev_rows_at_stop)} bytes of notes): {p.seconds:.1f} s")
        self.assertRegex(p.stderr, r"verified: \d+ tables with the same row counts, the same migrations")
        self.assertIn(f"kept in the volume {vol}-pg15", p.stderr)
        self.assertEqual(self.stack.dotenv()["POSTGRES_IMAGE"], PG17)
        db = self.stack.container("dev", "db")
        self.assertEqual(fx.inspect(db, "{{.Config.Image}}"), PG17)
        self.assertGreaterEqual(int(self.stack.psql("dev", "SHOW server_version_num")), 170000)
        self.assertEqual(self.copy_out("dev"), self.dev_rows_at_stop, "every row, byte for byte")
        self.assertEqual(self.stack.psql("dev", "SELECT string_agg(app || '.' || name, ' ' ORDER BY id) FROM django_migrations"),
                         self.dev_migrations_at_stop)
        kept = subprocess.run(["docker", "run", "--rm", "-v", f"{vol}-pg15:/d:ro", "--entrypoint", "cat", PG17,
                               "/d/PG_VERSION"], stdout=subprocess.PIPE, text=True)
        self.assertEqual(kept.stdout.strip(), "15", "the old data is kept as it was")
        self.assertEqual(subprocess.run(["docker", "volume", "inspect", f"{vol}-upgrade"], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL).returncode, 1, "the side volume is gone")
        side = self.sidecar(sorted(os.path.join(self.backups, "dev", f) for f in self.dumps("dev"))[-1])
        self.assertEqual(side["reason"], "pre-upgrade")

        p = self.stack.run("-8", "upgrade-postgres", PG17, "dev", env={"POSTGRES_IMAGE": PG17})
        self.assertEqual(p.returncode, 1)
        self.assertIn("PostgreSQL 17 already", p.stderr)


PG17 = "postdodjango-local/postgres:17"

if __name__ == "__main__":
    unittest.main(verbosity=2)
