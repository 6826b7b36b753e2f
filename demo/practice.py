"""Demo next steps on the demo courses, written by us. Safe to run twice."""

from django.urls import reverse

from courses.models import CoursePage, Skill
from practice.models import NextStep, NextStepKind
from translations.routing import in_english

# Tenant voice's pages, by their names (practice never imports voice: a step is "A link").
RATE_YOUR_ESTATE = "voice:estate_checks"
REPORT_A_PROBLEM = "voice:report_new"

# (("course", slug) or ("skill", code), kind, title, text), and for "A link" the address's name
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
        ("course", "taking-and-sharing-photos"),
        NextStepKind.LINK,
        "Report a problem on your estate",
        "A broken light or rubbish left by the bins? Take a photo of it, not of people, and "
        "tell the Housing Officer. Everyone can see when it is fixed.",
        REPORT_A_PROBLEM,
    ),
    (
        ("course", "taking-and-sharing-photos"),
        NextStepKind.LINK,
        "Rate your estate",
        "Say how clean, safe and well kept your estate is, and add a photo of what needs doing.",
        RATE_YOUR_ESTATE,
    ),
    (
        ("course", "filling-in-forms-online"),
        NextStepKind.LINK,
        "Report a problem on your estate",
        "Use what you learned about forms: say what is wrong and where, and follow what the "
        "Housing Officer does about it.",
        REPORT_A_PROBLEM,
    ),
    (
        ("course", "filling-in-forms-online"),
        NextStepKind.LINK,
        "Rate your estate",
        "A short form of a few questions: how clean, safe and well kept is your estate?",
        RATE_YOUR_ESTATE,
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
    for position, ((attached, key), kind, title, text, *link) in enumerate(DEMO_STEPS):
        if attached == "course":
            target = {
                "course": CoursePage.objects.filter(in_english(), slug=key).first(),
                "skill": None,
            }
        else:
            target = {"course": None, "skill": Skill.objects.filter(code=key).first()}
        if target["course"] is None and target["skill"] is None:
            stdout.write(f"  next steps: skipped {key} (not in the demo courses)")
            continue
        # A course has one step of each kind, or of each address for "A link".
        lookup = {**target, "kind": kind, "url": reverse(link[0]) if link else ""}
        _step, created = NextStep.objects.update_or_create(
            **lookup, defaults={"title": title, "text": text, "sort_order": position}
        )
        made += created
    stdout.write(f"Next steps: {made} added.")
