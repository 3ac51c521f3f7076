"""Settings come from the environment (compose/.env via docker-compose.yml), so
the same image runs dev and prod and no secret is ever committed."""
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    """The variable's value; an empty one counts as unset (compose passes `${X:-}` as "").
    NAME_FILE, when set, names a file holding the value instead (a Docker secret
    under /run/secrets in Swarm), so the secret is in no container's environment."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        if os.environ.get(name):
            raise ImproperlyConfigured(f"Set {name} or {name}_FILE, not both.")
        try:
            with open(path, encoding="utf-8") as f:
                return f.read().rstrip("\r\n")
        except OSError as e:
            raise ImproperlyConfigured(f"{name}_FILE={path} cannot be read: {e.strerror}.") from None
    value = os.environ.get(name) or default
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable (see compose/.env.example).")
    return value


def env_bool(name, default="0"):
    return env(name, default).strip().lower() in ("1", "true", "yes", "on")


DEBUG = env_bool("DJANGO_DEBUG")
PROD = env("DJANGO_MODE", "prod") == "prod"
# TLS_MODE other than off: NGINX terminates HTTPS (compose's TLS overlays set it).
TLS = PROD and env_bool("DJANGO_TLS", "0")
SECRET_KEY = env("DJANGO_SECRET_KEY")
# `sh run --rotate-secret-key` keeps the old key here, so signed-in users stay
# signed in; remove it once their sessions have moved to the new key.
SECRET_KEY_FALLBACKS = [k.strip() for k in env("DJANGO_SECRET_KEY_FALLBACKS", "").split(",") if k.strip()]
ALLOWED_HOSTS = [h.strip() for h in env("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "notes",
    "ops",
]

MIDDLEWARE = [
    "ops.health.HealthCheckMiddleware",  # first: the container's healthcheck skips the host check
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": env("POSTGRES_HOST", "db"),
        "PORT": env("POSTGRES_PORT", "5432"),
        "NAME": env("POSTGRES_DB"),
        "USER": env("POSTGRES_USER"),
        "PASSWORD": env("POSTGRES_PASSWORD"),
        "CONN_MAX_AGE": int(env("DJANGO_CONN_MAX_AGE", "60")),
        "CONN_HEALTH_CHECKS": True,
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles"))
# prod: collectstatic writes name.<hash>.ext copies and a manifest, and {% static %}
# names them, so NGINX can let browsers keep them a year. dev serves them as they are.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage" if PROD
                    else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The admin's URL prefix (DJANGO_ADMIN_PATH); NGINX rate-limits its login page.
ADMIN_PATH = env("DJANGO_ADMIN_PATH", "admin").strip("/") + "/"

# Behind NGINX in prod: trust its X-Forwarded-Proto (NGINX always sets it, so a
# client cannot). With TLS on, NGINX redirects HTTP to HTTPS and Django insists
# too; cookies only travel over HTTPS; HSTS as in .env (the same header NGINX
# sends on static files). TLS_MODE=off leaves these to the proxy in front
# (DJANGO_SECURE_COOKIES=1 when that proxy speaks HTTPS): compose/README.md.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env_bool("DJANGO_USE_X_FORWARDED_HOST", "0")
SESSION_COOKIE_SECURE = TLS or env_bool("DJANGO_SECURE_COOKIES", "0")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SILENCED_SYSTEM_CHECKS = []
if TLS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "86400"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "0")
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", "0")
    # Both are choices about other sites (every subdomain; the browsers' built-in
    # list), off by default and explained in compose/README.md; the check that
    # they are off is silenced only while they are.
    if SECURE_HSTS_SECONDS and not SECURE_HSTS_INCLUDE_SUBDOMAINS:
        SILENCED_SYSTEM_CHECKS.append("security.W005")
    if SECURE_HSTS_SECONDS and not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS.append("security.W021")
    # Forms posted from the site's own HTTPS names (and their port, when not 443).
    port = env("PROD_HTTPS_PORT", "443")
    for host in ALLOWED_HOSTS:
        if host == "*":
            continue
        name = "*" + host if host.startswith(".") else host
        CSRF_TRUSTED_ORIGINS.append(f"https://{name}" + ("" if port == "443" else f":{port}"))
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# One handler, on the root logger. Django's own "django" logger has a console
# handler of its own under DEBUG and propagates to the root too, so in dev every
# line came out twice: it keeps no handler here and only propagates.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django": {"handlers": [], "propagate": True}},
}
