from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

# Any constant works as long as every replica uses the same one.
MIGRATION_LOCK_KEY = 0x504444  # "PDD"


class Command(BaseCommand):
    help = ("Run migrate (and makemigrations in dev) while holding a PostgreSQL advisory lock, "
            "so replicas starting together never race on the schema.")

    def add_arguments(self, parser):
        parser.add_argument("--makemigrations", action="store_true")

    def handle(self, *args, makemigrations, **options):
        with connection.cursor() as cursor:
            self.stdout.write("waiting for the migration lock")
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK_KEY])
            try:
                self.stdout.write("migration lock held")
                if makemigrations:
                    call_command("makemigrations", interactive=False)
                call_command("migrate", interactive=False)
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK_KEY])
