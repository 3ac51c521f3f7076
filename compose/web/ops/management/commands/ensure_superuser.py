import os
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from ops.startup import startup_lock


class Command(BaseCommand):
    help = ("Create the superuser DJANGO_SUPERUSER_USERNAME unless it exists (safe on every start and "
            "from several replicas). The password is read from stdin with --password-stdin, so it is in "
            "no container's environment and on no command line.")

    def add_arguments(self, parser):
        parser.add_argument("--password-stdin", action="store_true")

    def handle(self, *args, password_stdin, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "")
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "")
        password = sys.stdin.read() if password_stdin else os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        if not username or not password:
            raise CommandError("CREATE_SUPERUSER=1 needs DJANGO_SUPERUSER_USERNAME and DJANGO_SUPERUSER_PASSWORD.")
        User = get_user_model()
        with startup_lock(self.stdout):
            if User.objects.filter(username=username).exists():
                self.stdout.write(f"superuser {username} already exists")
                return
            try:
                User.objects.create_superuser(username=username, email=email, password=password)
            except IntegrityError:  # created meanwhile by a process that does not take the lock
                self.stdout.write(f"superuser {username} already exists")
                return
        self.stdout.write(f"superuser {username} created")
