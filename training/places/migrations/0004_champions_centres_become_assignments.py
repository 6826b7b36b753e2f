"""A champion's working centre is now a staff assignment made by a Manager.

Until now a Digital Champion's ``User.community_centre`` was also where they worked, and they
could change it themselves. Each existing champion's centre becomes their assignment, so the
demo and existing databases keep working; ``community_centre`` stays the centre they learn at.
Managers get the permissions to manage assignments in the admin.
"""

from django.db import migrations

from training.users.roles import roles_sync

DIGITAL_CHAMPION = "Digital Champion"


def centres_to_assignments(apps, schema_editor):
    User = apps.get_model("users", "User")
    StaffAssignment = apps.get_model("places", "StaffAssignment")
    champions = User.objects.filter(
        groups__name=DIGITAL_CHAMPION, community_centre__isnull=False
    ).distinct()
    for champion in champions.iterator():
        if not StaffAssignment.objects.filter(person=champion, centre__isnull=False).exists():
            StaffAssignment.objects.create(person=champion, centre_id=champion.community_centre_id)


class Migration(migrations.Migration):
    dependencies = [
        ("places", "0003_staff_assignment"),
        ("users", "0002_roles"),
    ]

    operations = [
        migrations.RunPython(centres_to_assignments, migrations.RunPython.noop),
        migrations.RunPython(roles_sync, migrations.RunPython.noop),
    ]
