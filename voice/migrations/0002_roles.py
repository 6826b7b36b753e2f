"""The Housing Officer role, and the tenant-voice permissions listed in ROLE_PERMISSIONS:
Managers import the tenancy list; Digital Champions and Housing Officers check tenants in
person."""

from django.db import migrations

from training.users.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("voice", "0001_initial"),
        ("users", "0002_roles"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
