#!/bin/sh
# Start-up of the web container, dev and prod alike (DJANGO_MODE=dev|prod):
# wait for the database, migrate under an advisory lock, collect static files
# (prod), create the superuser when asked, then run the command (runserver/gunicorn).
set -e
cd /app
python manage.py wait_for_db --timeout "${DB_WAIT_TIMEOUT:-60}"
if [ "${DJANGO_MODE:-prod}" = dev ]; then
    python manage.py migrate_locked --makemigrations
else
    python manage.py migrate_locked
    python manage.py collectstatic --noinput --verbosity 0
fi
if [ "${CREATE_SUPERUSER:-0}" = 1 ]; then
    python manage.py ensure_superuser
fi
exec "$@"
