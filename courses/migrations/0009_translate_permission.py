"""Give Course Editors Wagtail's "Translate" permission, listed in ROLE_PERMISSIONS."""

from django.db import migrations

from training.users.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0008_offline_completions"),
        ("simple_translation", "0001_initial"),
        ("translations", "0003_roles"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
