import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.utils import OperationalError


class Command(BaseCommand):
    help = "Wait until the database accepts connections (compose healthchecks are not enough after a restart)."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=60.0)

    def handle(self, *args, timeout, **options):
        deadline = time.monotonic() + timeout
        while True:
            try:
                connection.ensure_connection()
                self.stdout.write("database is up")
                return
            except OperationalError as exc:
                if time.monotonic() > deadline:
                    raise CommandError(f"database not reachable after {timeout:.0f} s: {exc}")
                connection.close()
                time.sleep(1)
