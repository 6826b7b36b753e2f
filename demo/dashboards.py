"""Demo figures for the dashboard: learners in the demo neighbourhoods with back-dated progress.

The dashboard hides any figure about fewer than 5 learners, so a fresh demo would show almost
nothing. This adds 48 demo learners (no email, no password: they cannot sign in) across Elm
Court, Riverside and Hillview, who started the demo courses over the last ten months: most
finished, some stalled, some were helped by the demo Digital Champion, and many went on to take
part in the community. Records follow the progress tracker's rules (a course is finished when
every lesson is; a skill when every lesson teaching it is) and go into the activity stream.

Idempotent: learners are found by username, and a learner who already has progress is left alone.
"""

import random
from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from community.verbs import GROUP_JOINED, POST_CREATED
from courses.models import (
    CompletionMethod,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    SkillEvidence,
    SkillRecord,
)
from courses.verbs import COURSE_COMPLETED, COURSE_STARTED, LESSON_COMPLETED, SKILL_ACHIEVED
from dashboards.facts import facts_rebuild
from events.verbs import EVENT_BOOKED
from training.core.models import ActivityEvent
from training.core.services import activity_record_many
from training.places.models import CommunityCentre, Neighbourhood
from training.users import roles
from training.users.models import User
from translations.routing import in_english

PREFIX = "demo-learner-"
FIRST_NAMES = [
    "Aisha",
    "Ben",
    "Carmen",
    "Dev",
    "Eileen",
    "Femi",
    "Grace",
    "Hassan",
    "Ivy",
    "Jamal",
    "Kath",
    "Leon",
    "Maryam",
    "Nell",
    "Owen",
    "Priya",
    "Quentin",
    "Rosa",
    "Sid",
    "Tess",
    "Uma",
    "Vic",
    "Wendy",
    "Yusuf",
]
# neighbourhood slug, centre slug or None, how many learners
PLACES = [
    ("elm-court", "elm-court-community-centre", 20),
    ("riverside", "riverside-hub", 16),
    ("hillview", None, 12),
]
COMMUNITY_VERBS = [GROUP_JOINED, POST_CREATED, EVENT_BOOKED]


def _learners() -> list[User]:
    learner_group = Group.objects.get(name=roles.LEARNER)
    people, number = [], 0
    for neighbourhood_slug, centre_slug, count in PLACES:
        neighbourhood = Neighbourhood.objects.get(slug=neighbourhood_slug)
        centre = CommunityCentre.objects.get(slug=centre_slug) if centre_slug else None
        for _ in range(count):
            number += 1
            name = FIRST_NAMES[number % len(FIRST_NAMES)]
            person, created = User.objects.get_or_create(
                username=f"{PREFIX}{number:02d}",
                defaults={
                    "display_name": f"{name} ({neighbourhood.name})",
                    "neighbourhood": neighbourhood,
                    "community_centre": centre,
                    "is_staff_member": number % 6 == 0,
                },
            )
            if created:
                person.set_unusable_password()
                person.save(update_fields=["password"])
                person.groups.add(learner_group)
            people.append(person)
    return people


def _course_lessons() -> list[tuple[CoursePage, list[LessonPage]]]:
    courses = []
    for course in CoursePage.objects.live().filter(in_english()).order_by("path"):
        lessons = list(
            LessonPage.objects.live().child_of(course).order_by("path").prefetch_related("skills")
        )
        if lessons:
            courses.append((course, lessons))
    return courses


def _progress_add(*, learner, courses, rng: random.Random, helper, now, skill_lessons) -> None:
    events, done = [], set()
    chosen = rng.sample(courses, k=min(len(courses), rng.choice([1, 1, 2, 2, 3])))
    start = now - timedelta(days=rng.randint(40, 300), hours=rng.randint(0, 10))
    for course, lessons in chosen:
        started = start
        # Most finish; about one in five stops part-way (some of them "stalled").
        stop_after = len(lessons) if rng.random() < 0.8 else rng.randint(1, len(lessons) - 1 or 1)
        moment = started
        last_lesson = lessons[0]
        for lesson in lessons[:stop_after]:
            moment += timedelta(days=rng.randint(0, 4), hours=rng.randint(1, 5))
            if moment >= now:
                break
            helped = helper is not None and rng.random() < 0.35
            LessonCompletion.objects.create(
                learner=learner,
                lesson=lesson,
                course=course,
                lesson_title=lesson.title,
                revision_id=lesson.live_revision_id,
                completed_at=moment,
                method=CompletionMethod.CHAMPION if helped else CompletionMethod.DONE,
                assisted=helped,
                helper=helper if helped else None,
            )
            done.add(lesson.pk)
            last_lesson = lesson
            context = {"course_id": course.pk, "assisted": helped}
            events.append(
                ActivityEvent(
                    actor=learner, verb=LESSON_COMPLETED, context=context, occurred_at=moment
                )
            )
            for skill in lesson.skills.all():
                if (
                    skill_lessons[skill.pk] <= done
                    and not SkillRecord.objects.filter(learner=learner, skill=skill).exists()
                ):
                    SkillRecord.objects.create(
                        learner=learner,
                        skill=skill,
                        achieved_at=moment,
                        evidence=SkillEvidence.LESSONS,
                        assisted=helped,
                        helper=helper if helped else None,
                    )
                    events.append(
                        ActivityEvent(
                            actor=learner,
                            verb=SKILL_ACHIEVED,
                            context={"skill_id": skill.pk},
                            occurred_at=moment,
                        )
                    )
        finished = all(lesson.pk in done for lesson in lessons)
        Enrolment.objects.create(
            learner=learner,
            course=course,
            started_at=started,
            last_activity_at=moment,
            last_lesson=last_lesson,
            completed_at=moment if finished else None,
            lessons_completed=sum(lesson.pk in done for lesson in lessons),
        )
        events.append(
            ActivityEvent(
                actor=learner,
                verb=COURSE_STARTED,
                context={"course_id": course.pk},
                occurred_at=started,
            )
        )
        if finished:
            events.append(
                ActivityEvent(
                    actor=learner,
                    verb=COURSE_COMPLETED,
                    context={"course_id": course.pk},
                    occurred_at=moment,
                )
            )
            # Many go on to take part, some weeks later.
            if rng.random() < 0.6:
                later = moment + timedelta(days=rng.randint(2, 120))
                if later < now:
                    events.append(
                        ActivityEvent(
                            actor=learner,
                            verb=rng.choice(COMMUNITY_VERBS),
                            context={},
                            occurred_at=later,
                        )
                    )
        start = moment + timedelta(days=rng.randint(3, 40))
        if start >= now:
            break
    # Through the service, so each learner's last activity (dashboards) is kept in step.
    activity_record_many(events)


@transaction.atomic
def demo_seed(*, stdout) -> None:
    learners = _learners()
    courses = _course_lessons()
    if not courses:
        stdout.write("Dashboard: no courses yet, so no demo progress.")
        return
    skill_lessons: dict[int, set[int]] = {}
    for lesson in LessonPage.objects.live().filter(in_english()).prefetch_related("skills"):
        for skill in lesson.skills.all():
            skill_lessons.setdefault(skill.pk, set()).add(lesson.pk)
    champion = User.objects.filter(email__iexact="champion@example.com").first()
    already = set(
        Enrolment.objects.filter(learner__in=learners).values_list("learner_id", flat=True)
    )
    now = timezone.now()
    added = 0
    for person in learners:
        if person.pk in already:
            continue
        # One random sequence per learner, so a re-run after a partial run gives the same story.
        rng = random.Random(person.username)
        helper = (
            champion
            if person.community_centre and person.community_centre.slug.startswith("elm-court")
            else None
        )
        _progress_add(
            learner=person,
            courses=courses,
            rng=rng,
            helper=helper,
            now=now,
            skill_lessons=skill_lessons,
        )
        added += 1
    if added:
        # Written in bulk above: the dashboard's fact tables are worked out again whole.
        facts_rebuild()
    stdout.write(f"Dashboard: {len(learners)} demo learners, {added} given back-dated progress.")
