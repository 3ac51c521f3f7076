"""One PostgreSQL advisory lock for everything a starting web container writes
(migrations, static files, the superuser), so N replicas starting together on a
fresh database do each thing once and never race."""
from contextlib import contextmanager

from django.db import connection

# Any constant works as long as every replica uses the same one.
STARTUP_LOCK_KEY = 0x504444  # "PDD"


@contextmanager
def startup_lock(stdout):
    with connection.cursor() as cursor:
        stdout.write("waiting for the migration lock")
        cursor.execute("SELECT pg_advisory_lock(%s)", [STARTUP_LOCK_KEY])
        try:
            stdout.write("migration lock held")
            yield
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [STARTUP_LOCK_KEY])
