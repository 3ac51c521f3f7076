#!/bin/sh
# Same behaviour as dpage/pgadmin4's entrypoint for what the stack uses.
set -e
pkg=/venv/pgadmin4-package
py=/venv/bin/python3

# PGADMIN_CONFIG_FOO=value becomes FOO = value in config_distro.py (values are Python literals).
if [ ! -f /pgadmin4/.config_written ]; then
    env | grep '^PGADMIN_CONFIG_' | while IFS='=' read -r key value; do
        echo "${key#PGADMIN_CONFIG_} = $value" >>"$pkg/config_distro.py"
    done
    touch /pgadmin4/.config_written
fi

if [ ! -f /var/lib/pgadmin/pgadmin4.db ]; then
    if [ -z "${PGADMIN_DEFAULT_EMAIL}" ] || [ -z "${PGADMIN_DEFAULT_PASSWORD}" ]; then
        echo 'You need to define the PGADMIN_DEFAULT_EMAIL and PGADMIN_DEFAULT_PASSWORD environment variables.' >&2
        exit 1
    fi
    cd "$pkg"
    PGADMIN_SETUP_EMAIL=$PGADMIN_DEFAULT_EMAIL PGADMIN_SETUP_PASSWORD=$PGADMIN_DEFAULT_PASSWORD \
        "$py" setup.py setup-db
    servers=${PGADMIN_SERVER_JSON_FILE:-/pgadmin4/servers.json}
    if [ -f "$servers" ]; then
        "$py" setup.py load-servers "$servers" --user "$PGADMIN_DEFAULT_EMAIL"
    fi
    cd /pgadmin4
fi

exec /venv/bin/gunicorn --limit-request-line 8190 --timeout 86400 \
    --bind "[::]:${PGADMIN_LISTEN_PORT:-80}" -w 1 --threads "${GUNICORN_THREADS:-25}" \
    --access-logfile - -c gunicorn_config.py run_pgadmin:app
