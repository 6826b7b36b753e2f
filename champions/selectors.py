"""Reads about Digital Champions: the track, applications, the help given, the pathway's funnel.

Help is counted from the activity stream only (:mod:`training.core.models.activity`): every
lesson, skill and account recorded with a champion's help carries ``helper_id`` in its context;
events run are ``champion.event_run``.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Case, CharField, Count, Q, QuerySet, When
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from champions.models import ApplicationStatus, ChampionApplication, ChampionRole, HelperBadge
from champions.track import HELPING_TRACK, Track
from champions.verbs import CHAMPION_EVENT_RUN
from courses.models import CoursePage, Enrolment
from courses.verbs import LESSON_COMPLETED, SKILL_ACHIEVED
from training.core.models import ActivityEvent
from training.places.models import CommunityCentre, StaffAssignment
from training.users.verbs import ACCOUNT_CREATED
from translations.routing import in_english

HELP_VERBS = (LESSON_COMPLETED, SKILL_ACHIEVED, ACCOUNT_CREATED)
HELPED_WITHIN = timedelta(days=90)
HELPER_BADGE_LEARNERS = 10
# Events that name a helper (helper ids are numbers; "helper_id": null means nobody helped).
# The same condition as the partial index ``activity_helped`` (training/core/models/activity.py),
# so PostgreSQL reads those few rows from it instead of the whole stream.
HELPED_Q = Q(context__helper_id__gt=0)


def track_courses(*, track: Track = HELPING_TRACK) -> list[CoursePage]:
    """The track's live courses, in the track's order."""
    found = {
        course.slug: course
        for course in CoursePage.objects.live().filter(in_english(), slug__in=track.course_slugs)
    }
    return [found[slug] for slug in track.course_slugs if slug in found]


@dataclass
class TrackCourse:
    course: CoursePage
    started: bool
    finished: bool


def track_progress(*, learner, track: Track = HELPING_TRACK) -> list[TrackCourse]:
    courses = track_courses(track=track)
    enrolments = {
        row.course_id: row
        for row in Enrolment.objects.filter(learner_id=learner.pk, course__in=courses)
    }
    return [
        TrackCourse(
            course=course,
            started=course.pk in enrolments,
            finished=course.pk in enrolments and enrolments[course.pk].completed_at is not None,
        )
        for course in courses
    ]


def track_finished(*, learner, track: Track = HELPING_TRACK) -> bool:
    """Whether ``learner`` finished every course of the track (and the track has its courses)."""
    if learner is None or not getattr(learner, "is_authenticated", False):
        return False
    progress = track_progress(learner=learner, track=track)
    return len(progress) == len(track.course_slugs) and all(row.finished for row in progress)


def application_open(*, applicant) -> ChampionApplication | None:
    return (
        ChampionApplication.objects.filter(
            applicant_id=applicant.pk, status=ApplicationStatus.PENDING
        )
        .select_related("centre")
        .first()
    )


def application_latest(*, applicant) -> ChampionApplication | None:
    return (
        ChampionApplication.objects.filter(applicant_id=applicant.pk)
        .select_related("centre", "decided_by")
        .order_by("-made_at", "-pk")
        .first()
    )


def applications_waiting() -> QuerySet[ChampionApplication]:
    return ChampionApplication.objects.filter(status=ApplicationStatus.PENDING).select_related(
        "applicant", "centre"
    )


def role_current(*, person) -> ChampionRole | None:
    if person is None or not getattr(person, "is_authenticated", False):
        return None
    return (
        ChampionRole.objects.filter(person_id=person.pk, ended_at__isnull=True)
        .select_related("centre")
        .first()
    )


def roles_current() -> QuerySet[ChampionRole]:
    return ChampionRole.objects.filter(ended_at__isnull=True).select_related("person", "centre")


@dataclass
class HelpGiven:
    learners: int = 0
    lessons: int = 0
    skills: int = 0
    accounts: int = 0
    events: int = 0
    # Who was helped, so that a centre's total counts a learner two champions helped once.
    learner_ids: frozenset[int] = field(default_factory=frozenset, compare=False, repr=False)


def _help_events(
    *, helper_ids: list[int], since: datetime | None = None, until: datetime | None = None
):
    events = ActivityEvent.objects.filter(
        HELPED_Q, verb__in=HELP_VERBS, context__helper_id__in=helper_ids
    )
    if since is not None:
        events = events.filter(occurred_at__gte=since)
    if until is not None:
        events = events.filter(occurred_at__lt=until)
    return events


def help_given(
    *, champion, since: datetime | None = None, until: datetime | None = None
) -> HelpGiven:
    """What ``champion`` helped with, from the activity stream (all time unless narrowed)."""
    return help_given_many(helper_ids=[champion.pk], since=since, until=until).get(
        champion.pk, HelpGiven()
    )


def help_given_many(
    *, helper_ids: list[int], since: datetime | None = None, until: datetime | None = None
) -> dict[int, HelpGiven]:
    """:func:`help_given` for several champions at once: one read of the stream."""
    found: dict[int, HelpGiven] = {}
    learners: dict[int, set[int]] = {}
    # One read of the stream: the help recorded (helper in the context) and the events run.
    events = ActivityEvent.objects.filter(
        Q(HELPED_Q, verb__in=HELP_VERBS, context__helper_id__in=helper_ids)
        | Q(verb=CHAMPION_EVENT_RUN, actor_id__in=helper_ids)
    )
    if since is not None:
        events = events.filter(occurred_at__gte=since)
    if until is not None:
        events = events.filter(occurred_at__lt=until)
    # Counted by the database per kind, learner and helper: a row per learner a helper helped,
    # not per lesson.
    rows = (
        events.order_by()
        .values_list("verb", "actor_id", "context__helper_id")
        .annotate(n=Count("pk"))
    )
    for verb, actor_id, helper_id, n in rows:
        if verb == CHAMPION_EVENT_RUN:
            found.setdefault(actor_id, HelpGiven()).events += n
            continue
        helper_id = int(helper_id)
        counts = found.setdefault(helper_id, HelpGiven())
        if actor_id is not None:
            learners.setdefault(helper_id, set()).add(actor_id)
        if verb == LESSON_COMPLETED:
            counts.lessons += n
        elif verb == SKILL_ACHIEVED:
            counts.skills += n
        elif verb == ACCOUNT_CREATED:
            counts.accounts += n
    for helper_id, people in learners.items():
        found[helper_id].learners = len(people)
        found[helper_id].learner_ids = frozenset(people)
    return found


def learners_helped(*, champion) -> int:
    return help_given(champion=champion).learners


def helper_badge(*, person) -> HelperBadge | None:
    return HelperBadge.objects.filter(person_id=person.pk).select_related("certificate").first()


def _helper_ids() -> list[int]:
    """Everyone who ever helped (anyone named as a helper in the stream, or who ran an event)."""
    # One read: the helper named in the context, or the actor of an event run.
    helper = Case(
        When(verb=CHAMPION_EVENT_RUN, then=Cast("actor_id", output_field=CharField())),
        default=KeyTextTransform("helper_id", "context"),
        output_field=CharField(),
    )
    values = (
        ActivityEvent.objects.filter(
            Q(HELPED_Q, verb__in=HELP_VERBS) | Q(verb=CHAMPION_EVENT_RUN, actor__isnull=False)
        )
        .annotate(helper=helper)
        .order_by()
        .values_list("helper", flat=True)
        .distinct()
    )
    # A stream row may name no helper (helper_id: null); SQLite gives that back as "null".
    helpers = {int(value) for value in values if str(value).isdigit()}
    return sorted(helpers)


@dataclass
class ChampionHelpRow:
    person_id: int
    name: str | None  # None when the champion has not agreed to be named
    centre: str
    help: HelpGiven


def help_by_champion(
    *, since: datetime | None = None, until: datetime | None = None
) -> list[ChampionHelpRow]:
    """The help each helper gave, with their centre; names only with their consent."""
    from training.users.models import User

    ids = _helper_ids()
    counts = help_given_many(helper_ids=ids, since=since, until=until)
    centres = dict(
        StaffAssignment.objects.filter(person_id__in=ids, centre__isnull=False).values_list(
            "person_id", "centre__name"
        )
    )
    role_centres: dict[int, str] = {}
    named: set[int] = set()
    for role in (
        ChampionRole.objects.filter(person_id__in=ids)
        .select_related("centre")
        .order_by("started_at")
    ):
        role_centres[role.person_id] = role.centre.name
        if role.ended_at is None and role.named_on_dashboard:
            named.add(role.person_id)
    people = {user.pk: user for user in User.objects.filter(pk__in=ids)}
    rows = []
    for person_id in ids:
        person = people.get(person_id)
        if person is None:
            continue
        rows.append(
            ChampionHelpRow(
                person_id=person_id,
                name=person.name if person_id in named else None,
                centre=centres.get(person_id) or role_centres.get(person_id, ""),
                help=counts.get(person_id, HelpGiven()),
            )
        )
    return sorted(rows, key=lambda row: (row.centre, row.name or "~", row.person_id))


def help_by_centre(
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    rows: list[ChampionHelpRow] | None = None,
) -> list[tuple[str, int, HelpGiven]]:
    """(centre, champions, help) for every centre whose champions helped: the per-champion
    rows added up (``rows`` from :func:`help_by_champion` if already read, else read here)."""
    if rows is None:
        rows = help_by_champion(since=since, until=until)
    totals: dict[str, tuple[int, HelpGiven]] = {}
    for row in rows:
        champions, total = totals.get(row.centre, (0, HelpGiven()))
        helped = total.learner_ids | row.help.learner_ids
        total = HelpGiven(
            learners=len(helped),
            learner_ids=helped,
            lessons=total.lessons + row.help.lessons,
            skills=total.skills + row.help.skills,
            accounts=total.accounts + row.help.accounts,
            events=total.events + row.help.events,
        )
        totals[row.centre] = (champions + 1, total)
    return [(centre, champions, total) for centre, (champions, total) in sorted(totals.items())]


@dataclass
class Funnel:
    started: int
    finished: int
    applied: int
    approved: int
    helped: int


def funnel(*, start: datetime | None, end: datetime, track: Track = HELPING_TRACK) -> Funnel:
    """The pathway, for the learners who started the track in [start, end): how many finished it,
    applied, were approved, and helped someone within 90 days of approval."""
    courses = track_courses(track=track)
    started_q = Q(course__in=courses, started_at__lt=end)
    if start is not None:
        started_q &= Q(started_at__gte=start)
    started = set(Enrolment.objects.filter(started_q).values_list("learner_id", flat=True))
    finished_counts: dict[int, int] = {}
    for learner_id in Enrolment.objects.filter(
        learner_id__in=started, course__in=courses, completed_at__isnull=False
    ).values_list("learner_id", flat=True):
        finished_counts[learner_id] = finished_counts.get(learner_id, 0) + 1
    finished = {
        learner_id
        for learner_id, done in finished_counts.items()
        if courses and done == len(track.course_slugs)
    }
    applied = set(
        ChampionApplication.objects.filter(applicant_id__in=finished).values_list(
            "applicant_id", flat=True
        )
    )
    first_started: dict[int, datetime] = {}
    for person_id, started_at in (
        ChampionRole.objects.filter(person_id__in=applied)
        .order_by("started_at")
        .values_list("person_id", "started_at")
    ):
        first_started.setdefault(person_id, started_at)
    # One read of the help they gave, then each checked against their own 90 days.
    helped_ids: set[int] = set()
    if first_started:
        rows = (
            _help_events(
                helper_ids=list(first_started),
                since=min(first_started.values()),
                until=max(first_started.values()) + HELPED_WITHIN,
            )
            .order_by()
            .values_list("context__helper_id", "occurred_at")
        )
        for helper_id, occurred_at in rows:
            begun = first_started.get(int(helper_id))
            if begun is not None and begun <= occurred_at < begun + HELPED_WITHIN:
                helped_ids.add(int(helper_id))
    helped = len(helped_ids)
    return Funnel(
        started=len(started),
        finished=len(finished),
        applied=len(applied),
        approved=len(first_started),
        helped=helped,
    )


def centres_for_application() -> QuerySet[CommunityCentre]:
    return CommunityCentre.objects.order_by("name")
