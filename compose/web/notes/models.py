from django.db import models


class Note(models.Model):
    """A tiny table so the stack has something to show and tests can write rows."""

    text = models.CharField(max_length=200)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self):
        return self.text
