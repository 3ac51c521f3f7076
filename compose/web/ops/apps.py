from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Start-up chores the entrypoint runs (wait for the database, locked migrate, superuser)."""

    name = "ops"
