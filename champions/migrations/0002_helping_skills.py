"""Skills for helping others get online: a new area of the skills framework, in our own words.

Added the way the framework's skills are (courses 0002): an area and its skills, with stable
codes that are never reused. The framework itself has no area for helping others.
"""

from django.db import migrations

AREA = (
    "HLP",
    "Helping others get online",
    "Helping neighbours and learners get online safely, the way Digital Champions do.",
)

SKILLS = [
    ("HLP-1", "I can help someone use their own device without taking over"),
    (
        "HLP-2",
        "I know what to do if someone tells me they are at risk, and whom to tell",
    ),
    (
        "HLP-3",
        "I never keep anyone's passwords, and I look after the personal details I see when I help",
    ),
    ("HLP-4", "I can make an assisted account and record the help I give honestly"),
    ("HLP-5", "I can plan and run a drop-in help session"),
]


def skills_add(apps, schema_editor):
    SkillArea = apps.get_model("courses", "SkillArea")
    Skill = apps.get_model("courses", "Skill")
    code, name, description = AREA
    last = SkillArea.objects.order_by("-sort_order").values_list("sort_order", flat=True).first()
    area, _created = SkillArea.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "description": description,
            "is_foundation": False,
            "sort_order": (last or 0) + 1,
        },
    )
    for skill_code, statement in SKILLS:
        Skill.objects.update_or_create(
            code=skill_code,
            defaults={
                "area": area,
                "statement": statement,
                "wording_source": "ours",
                "sort_order": int(skill_code.split("-")[1]),
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("champions", "0001_initial"),
        ("courses", "0002_skills_framework"),
    ]

    operations = [migrations.RunPython(skills_add, migrations.RunPython.noop)]
