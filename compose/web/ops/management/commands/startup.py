from django.core.management import call_command
from django.core.management.base import BaseCommand

from ops.startup import startup_lock


class Command(BaseCommand):
    help = ("Start-up writes under one PostgreSQL advisory lock: makemigrations (dev), migrate, "
            "collectstatic (prod), so replicas starting together never race.")

    def add_arguments(self, parser):
        parser.add_argument("--makemigrations", action="store_true")
        parser.add_argument("--collectstatic", action="store_true")

    def handle(self, *args, makemigrations, collectstatic, **options):
        with startup_lock(self.stdout):
            if makemigrations:
                call_command("makemigrations", interactive=False)
            call_command("migrate", interactive=False)
            if collectstatic:
                call_command("collectstatic", interactive=False, verbosity=0)
