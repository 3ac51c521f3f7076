import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the superuser from DJANGO_SUPERUSER_* unless it already exists (safe on every start)."

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "")
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL", "")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        if not username or not password:
            raise CommandError("CREATE_SUPERUSER=1 needs DJANGO_SUPERUSER_USERNAME and DJANGO_SUPERUSER_PASSWORD.")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"superuser {username} already exists")
            return
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(f"superuser {username} created")
