"""Give Moderators and Managers the community permissions listed in ROLE_PERMISSIONS."""

from django.db import migrations

from training.users.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("users", "0002_roles"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
