# Defaults the official container ships; PGADMIN_CONFIG_* lines are appended by the entrypoint.
SERVER_MODE = True
DATA_DIR = '/var/lib/pgadmin'
LOG_FILE = '/dev/null'
UPGRADE_CHECK_ENABLED = False
CA_FILE = '/etc/ssl/certs/ca-certificates.crt'
