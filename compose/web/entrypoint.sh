#!/bin/sh
# Start-up of the web container, dev and prod alike (DJANGO_MODE=dev|prod):
# wait for the database; then, under one advisory lock, migrate (makemigrations
# in dev, collectstatic in prod); then run the command (runserver/gunicorn).
# The superuser is created by `run` after start-up (its password never enters
# this container's environment).
set -e
cd /app
python manage.py wait_for_db --timeout "${DB_WAIT_TIMEOUT:-60}"
if [ "${DJANGO_MODE:-prod}" = dev ]; then
    python manage.py startup --makemigrations
else
    python manage.py startup --collectstatic
fi
exec "$@"
