"""Give Course Editors the skills-framework snippet permissions added to ROLE_PERMISSIONS."""

from django.db import migrations

from training.users.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_courses_index_and_authoring"),
        ("users", "0002_roles"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
