"""What `migrate` would do, without doing it: the applied migrations, the
pending ones in the order they would run, and the apps whose models have
changes no migration holds yet. compose/run asks before prod migrates (a
backup is taken first when anything is pending) and the app's Migrations view
shows it. Read-only: it never writes a migration nor touches the schema."""
import json

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import connections, DEFAULT_DB_ALIAS
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.questioner import NonInteractiveMigrationQuestioner
from django.db.migrations.state import ProjectState


def plan(connection):
    executor = MigrationExecutor(connection)
    loader = executor.loader
    targets = loader.graph.leaf_nodes()
    # Dependencies first, as `showmigrations --plan` prints them.
    full = []
    seen = set()
    for target in targets:
        for key in loader.graph.forwards_plan(target):
            if key not in seen:
                seen.add(key)
                full.append(key)
    applied = [f"{a}.{n}" for a, n in full if (a, n) in loader.applied_migrations]
    pending = [f"{m.app_label}.{m.name}" for m, backwards in executor.migration_plan(targets) if not backwards]
    return applied, pending, loader


def unmigrated_changes(loader):
    autodetector = MigrationAutodetector(
        loader.project_state(), ProjectState.from_apps(apps),
        NonInteractiveMigrationQuestioner(specified_apps=None, dry_run=True))
    changes = autodetector.changes(graph=loader.graph)
    return sorted(changes)


class Command(BaseCommand):
    help = ("Applied and pending migrations, and apps with model changes that have no migration "
            "(read-only).")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", dest="as_json", help="one JSON object on stdout")

    def handle(self, *args, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        applied, pending, loader = plan(connection)
        result = {"applied": applied, "pending": pending, "unmigrated_changes": unmigrated_changes(loader)}
        if options["as_json"]:
            self.stdout.write(json.dumps(result, separators=(",", ":")))
            return
        for name in applied:
            self.stdout.write(f"[X] {name}")
        for name in pending:
            self.stdout.write(f"[ ] {name}")
        for app in result["unmigrated_changes"]:
            self.stdout.write(f"model changes without a migration: {app}")

