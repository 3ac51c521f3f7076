from django.conf import settings
from django.contrib import admin
from django.urls import path

from notes import views
from ops import health

urlpatterns = [
    path("", views.index, name="index"),
    path("healthz", health.healthz, name="healthz"),
    path(settings.ADMIN_PATH, admin.site.urls),
]
