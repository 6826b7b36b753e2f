"""Demo next steps on the demo courses, written by us. Safe to run twice."""

from courses.models import CoursePage, Skill
from practice.models import NextStep, NextStepKind

# (("course", slug) or ("skill", code), kind, title, text)
DEMO_STEPS = [
    (
        ("course", "taking-and-sharing-photos"),
        NextStepKind.SHARE_PHOTO,
        "Share a photo of something better on your estate",
        "New benches, a tidy bin store, flowers on the green: take a photo and show your "
        "neighbours. Remember to ask people before you take their picture.",
    ),
    (
        ("course", "taking-and-sharing-photos"),
        NextStepKind.JOIN_GROUP,
        "Join your neighbourhood group",
        "See what your neighbours are sharing, and ask a question if you are stuck.",
    ),
    (
        ("course", "video-calls-with-family-and-friends"),
        NextStepKind.NEXT_EVENT,
        "Come to the next event at your community centre",
        "Bring your phone or tablet. A Digital Champion can help you make a video call.",
    ),
    (
        ("skill", "COM-3"),
        NextStepKind.JOIN_GROUP,
        "Join your neighbourhood group",
        "You can share photos and posts now. Your neighbourhood group is a friendly place to "
        "start.",
    ),
]


def demo_seed(*, stdout) -> None:
    made = 0
    for position, ((attached, key), kind, title, text) in enumerate(DEMO_STEPS):
        if attached == "course":
            target = {"course": CoursePage.objects.filter(slug=key).first(), "skill": None}
        else:
            target = {"course": None, "skill": Skill.objects.filter(code=key).first()}
        if target["course"] is None and target["skill"] is None:
            stdout.write(f"  next steps: skipped {key} (not in the demo courses)")
            continue
        _step, created = NextStep.objects.update_or_create(
            **target, kind=kind, defaults={"title": title, "text": text, "sort_order": position}
        )
        made += created
    stdout.write(f"Next steps: {made} added.")
