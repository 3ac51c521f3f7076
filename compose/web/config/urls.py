from django.contrib import admin
from django.urls import path

from notes import views
from ops import health

urlpatterns = [
    path("", views.index, name="index"),
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
