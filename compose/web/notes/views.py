from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .models import Note


def index(request):
    notes = Note.objects.all()[:50]
    return render(request, "notes/index.html", {"notes": notes, "count": Note.objects.count()})


@never_cache
def healthz(request):
    """Healthy only when the database answers, so compose and the app see a real state."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means unhealthy
        return JsonResponse({"status": "error", "database": str(exc).splitlines()[0]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
