"""Give Course Editors and Managers the translation permission listed in ROLE_PERMISSIONS."""

from django.db import migrations

from training.users.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0002_text_and_page_status"),
        ("users", "0005_preferred_language_choices"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
