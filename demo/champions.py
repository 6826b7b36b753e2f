"""Demo Digital Champions (``content/champions.json``): the "Helping others get online" track
imported from its course files, a learner part-way through it, a pending application, and a
champion approved by the demo Manager who has recorded help. Everything goes through the
champions' and courses' own services. Created only by ``seed_demo``; safe to run again (a person
already there is skipped)."""

import json
from pathlib import Path

from allauth.account.models import EmailAddress

from champions import services as champions_services
from champions.selectors import track_courses
from courses.content_files.services import course_files_import
from courses.models import LessonPage
from courses.progress.services import enrolment_start, lesson_complete
from demo.courses import courses_index
from demo.users import DEMO_PASSWORD
from training.places.models import CommunityCentre
from training.users.models import User
from training.users.services import account_setup, assisted_account_create

CONTENT = Path(__file__).resolve().parent / "content"
CONTENT_FILE = CONTENT / "champions.json"
TRACK_FOLDER = CONTENT / "courses" / "helping-others-get-online"


def _lessons() -> list[LessonPage]:
    return [
        lesson
        for course in track_courses()
        for lesson in LessonPage.objects.live().child_of(course).order_by("path")
    ]


def _person(*, email: str, name: str, centre: CommunityCentre) -> User | None:
    """A new demo learner at the centre, or None if they are there already."""
    if User.objects.filter(email__iexact=email).exists():
        return None
    user = User(
        username=email.split("@")[0],
        email=email,
        display_name=name,
        neighbourhood=centre.neighbourhood,
        community_centre=centre,
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    account_setup(user=user)
    return user


def _track_do(*, person: User, lessons: list[LessonPage]) -> None:
    for course in track_courses():
        enrolment_start(learner=person, course=course)
    for lesson in lessons:
        lesson_complete(learner=person, lesson=lesson)


def demo_seed(*, stdout) -> None:
    course_files_import(path=TRACK_FOLDER, index=courses_index())
    data = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
    centre = CommunityCentre.objects.get(slug=data["centre"])
    manager = User.objects.get(email__iexact=data["manager"])
    lessons = _lessons()
    made = 0
    for item in data["people"]:
        person = _person(email=item["email"], name=item["name"], centre=centre)
        if person is None:
            continue
        made += 1
        if item["stage"] == "part_way":
            _track_do(person=person, lessons=lessons[: item["lessons_done"]])
            continue
        _track_do(person=person, lessons=lessons)
        application = champions_services.application_make(
            applicant=person, centre=centre, note=item["note"]
        )
        if item["stage"] != "champion":
            continue
        champions_services.application_decide(
            application=application,
            by=manager,
            approve=True,
            reason="Welcome to the team at Elm Court.",
        )
        person.refresh_from_db()
        champions_services.champion_consent_set(
            champion=person, named=item.get("named_on_dashboard", False)
        )
        helped = item.get("helped", {})
        for email in helped.get("lessons_for", []):
            learner = User.objects.get(email__iexact=email)
            for lesson in lessons[:2]:
                lesson_complete(learner=learner, lesson=lesson, helper=person)
        for name in helped.get("assisted_accounts", []):
            assisted_account_create(champion=person, display_name=name)
    stdout.write(
        f"Champions: the track ({len(lessons)} lessons), {made} demo people "
        "(jamie@, nia@ and tom@example.com)."
    )
