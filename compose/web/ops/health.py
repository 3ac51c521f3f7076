"""/healthz: 200 when the database answers, 503 otherwise.

Two audiences. The container's own healthcheck asks over loopback, with whatever
Host header it likes: it must work whatever DJANGO_ALLOWED_HOSTS says (a real
deployment lists only its domain), so HealthCheckMiddleware answers loopback
requests before Django validates the host; everyone else goes through the
normal host check. The world (through NGINX) learns only "error": the database's
own message names internal addresses and users, so it goes to the log."""
import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

log = logging.getLogger("ops.health")
PATH = "/healthz"
LOOPBACK = ("127.0.0.1", "::1")


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    except Exception:  # any database failure means unhealthy
        log.warning("health check: the database does not answer", exc_info=True)
        return False


@never_cache
def healthz(request):
    if database_status():
        return JsonResponse({"status": "ok", "database": "ok"})
    return JsonResponse({"status": "error", "database": "error"}, status=503)


class HealthCheckMiddleware:
    """First in MIDDLEWARE: loopback GET/HEAD /healthz never reaches the host check."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (request.path_info == PATH and request.method in ("GET", "HEAD")
                and request.META.get("REMOTE_ADDR") in LOOPBACK):
            return healthz(request)
        return self.get_response(request)
