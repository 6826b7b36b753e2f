"""Write every encrypted value of the confidential reports again with the first key.

After putting a new key first in ``REPORTS_ENCRYPTION_KEY`` (old keys after it), run this; then
the old keys can be dropped. Each value is read (any key opens it) and written back (the first key
seals it), one row at a time, so running it twice or stopping half-way does no harm. Prints
counts only, never content.
"""

from django.apps import apps
from django.core.management.base import BaseCommand

from safeguarding import crypto


def encrypted_fields() -> list[tuple[type, list[str]]]:
    """Every model of the app with its encrypted fields (the officers' models too)."""
    found = []
    for model in apps.get_app_config("safeguarding").get_models():
        names = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, crypto.EncryptedTextField)
        ]
        if names:
            found.append((model, names))
    return found


class Command(BaseCommand):
    help = "Re-encrypts every confidential report value with the first REPORTS_ENCRYPTION_KEY."

    def handle(self, *args, **options) -> None:
        total = 0
        for model, names in encrypted_fields():
            rewritten = 0
            # values_list decrypts (from_db_value); update() encrypts again with the first key.
            rows = model._base_manager.values_list("pk", *names).iterator(chunk_size=500)
            for pk, *values in rows:
                filled = {name: value for name, value in zip(names, values, strict=True) if value}
                if filled:
                    model._base_manager.filter(pk=pk).update(**filled)
                    rewritten += 1
            total += rewritten
            self.stdout.write(f"{model._meta.label}: {rewritten} rows rewritten")
        self.stdout.write(self.style.SUCCESS(f"{total} rows rewritten with the first key."))
