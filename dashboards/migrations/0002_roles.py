"""Give Managers and Digital Champions the dashboard permissions listed in ROLE_PERMISSIONS."""

from django.db import migrations

from training.users.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("dashboards", "0001_initial"),
        ("users", "0002_roles"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
