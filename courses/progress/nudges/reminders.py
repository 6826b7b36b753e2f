"""Reminder emails ("nudges") for learners who have not been back for a while.

The rules:

- A learner is reminded when they have an unfinished enrolment in a published course, a verified
  email address, have not turned reminders off, and have done nothing for ``NUDGE_AFTER_DAYS``
  days (setting, default 7): no course opened, no lesson finished, nothing in the activity stream.
- One email per learner, about the course they were last in, linking to its next lesson.
- Once per lapse: sending sets ``Enrolment.nudged_at`` on their idle enrolments; the progress
  services clear it when the learner comes back. Enrolments with ``nudged_at`` set are skipped.
- Never twice, even with two workers: each email is claimed with a conditional
  ``UPDATE ... WHERE nudged_at IS NULL``, and only the run whose update changed the row sends.
- The emails go into the outbox (``notifications.services.outgoing_email_queue``) in the claim's
  transaction, keyed by enrolment and lapse: stored with the claim or not at all, and each sent
  once even if a worker dies part-way (docs/reliability.md).
- Every email has a signed opt-out link that works without signing in.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Page, Site

from allauth.account.models import EmailAddress

from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage
from courses.models.progress import NudgeOptOut
from courses.verbs import NUDGE_SENT
from notifications.services import outgoing_emails_queue
from training.core.models import ActivityEvent
from training.core.services import activity_record_many
from training.users.models import User
from translations.routing import in_english

# The module's first name: links already sent by email carry it, so it never changes.
OPT_OUT_SALT = "courses.progress.nudges.opt-out"
BATCH_SIZE = 500


def nudge_after_days() -> int:
    return getattr(settings, "NUDGE_AFTER_DAYS", 7)


# --- Opting out and back in --------------------------------------------------------------------


def nudge_opt_out_token(*, learner: User) -> str:
    """A signed token naming ``learner``, for the opt-out link in each email. It does not expire:
    an old email's link must still work."""
    return signing.dumps(learner.pk, salt=OPT_OUT_SALT)


def nudge_opt_out_learner(*, token: str) -> User | None:
    """The learner a token names, or None if it was changed or the account is gone."""
    try:
        learner_id = signing.loads(token, salt=OPT_OUT_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(learner_id, int):
        return None
    return User.objects.filter(pk=learner_id, is_active=True).first()


def nudges_opted_out(*, learner: User) -> bool:
    return NudgeOptOut.objects.filter(learner=learner).exists()


def nudges_stop(*, learner: User) -> bool:
    """Turn reminder emails off. Returns False if they were already off."""
    _opt_out, created = NudgeOptOut.objects.get_or_create(learner=learner)
    return created


def nudges_restart(*, learner: User) -> bool:
    """Turn reminder emails back on. Returns False if they were already on."""
    deleted, _counts = NudgeOptOut.objects.filter(learner=learner).delete()
    return bool(deleted)


# --- Sending -----------------------------------------------------------------------------------


@dataclass
class _Nudge:
    enrolment: Enrolment
    lesson: LessonPage | None


def nudge_candidates(*, cutoff: datetime):
    """Idle, unfinished, not-yet-reminded enrolments of learners who may be reminded, one query.

    Ordered by learner and then most recent activity first, so the first row of each learner is
    the course they were last in.
    """
    learner = OuterRef("learner")
    verified = EmailAddress.objects.filter(
        user=learner, email__iexact=OuterRef("learner__email"), verified=True
    )
    opted_out = NudgeOptOut.objects.filter(learner=learner)
    active_since = Enrolment.objects.filter(learner=learner, last_activity_at__gt=cutoff)
    events_since = ActivityEvent.objects.filter(actor=learner, occurred_at__gt=cutoff).exclude(
        verb=NUDGE_SENT
    )
    return (
        Enrolment.objects.filter(
            completed_at__isnull=True,
            nudged_at__isnull=True,
            last_activity_at__lte=cutoff,
            learner__is_active=True,
            course__live=True,
        )
        .exclude(learner__email="")
        .filter(Exists(verified), ~Exists(opted_out), ~Exists(active_since), ~Exists(events_since))
        .order_by("learner_id", "-last_activity_at", "-pk")
    )


def _first_per_learner(*, cutoff: datetime) -> list[int]:
    """The id of each learner's most recent idle enrolment: the course their email is about."""
    firsts: list[int] = []
    previous = None
    for pk, learner_id in nudge_candidates(cutoff=cutoff).values_list("pk", "learner_id"):
        if learner_id != previous:
            firsts.append(pk)
            previous = learner_id
    return firsts


def _live_lessons_by_course() -> dict[str, list[LessonPage]]:
    lessons: dict[str, list[LessonPage]] = {}
    # English lessons: progress is kept against them (courses/progress/languages.py).
    for lesson in (
        LessonPage.objects.live().filter(in_english()).defer_streamfields().order_by("path")
    ):
        lessons.setdefault(lesson.path[: -Page.steplen], []).append(lesson)
    return lessons


def _site_root() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _email(*, nudge: _Nudge, site_root: str) -> dict:
    learner = nudge.enrolment.learner
    course: CoursePage = nudge.enrolment.course
    token = nudge_opt_out_token(learner=learner)
    context = {
        "name": learner.name,
        "course_title": course.title,
        "lesson": nudge.lesson,
        "lesson_url": (nudge.lesson or course).get_full_url(),
        "opt_out_url": site_root + reverse("courses:nudges_opt_out", kwargs={"token": token}),
        "days": nudge_after_days(),
    }
    with translation.override(learner.preferred_language):
        subject = render_to_string("courses/progress/email/nudge_subject.txt", context)
        body = render_to_string("courses/progress/email/nudge_message.txt", context)
    return {
        "subject": " ".join(subject.split()),
        "body": body,
        "from_email": settings.DEFAULT_FROM_EMAIL,
        "to": [learner.email],
    }


def learners_nudge(*, now: datetime | None = None) -> int:
    """Remind every learner who has not been back for ``NUDGE_AFTER_DAYS`` days, once per lapse.

    Returns how many emails this run claimed (and so will send). Safe to run twice, or in two
    workers at once: a second run finds nothing left to claim.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=nudge_after_days())
    # Read the ids first, then work in batches: no cursor stays open while rows are updated.
    firsts = _first_per_learner(cutoff=cutoff)
    if not firsts:
        return 0
    lessons_by_course, site_root = _live_lessons_by_course(), _site_root()
    sent = 0
    for start in range(0, len(firsts), BATCH_SIZE):
        batch = list(
            Enrolment.objects.filter(pk__in=firsts[start : start + BATCH_SIZE])
            .select_related("learner", "course")
            .order_by("learner_id")
        )
        sent += _batch_nudge(
            batch=batch,
            lessons_by_course=lessons_by_course,
            site_root=site_root,
            now=now,
            cutoff=cutoff,
        )
    return sent


def _batch_nudge(
    *,
    batch: list[Enrolment],
    lessons_by_course: dict[str, list[LessonPage]],
    site_root: str,
    now: datetime,
    cutoff: datetime,
) -> int:
    done: dict[int, set[int]] = {}
    for learner_id, lesson_id in LessonCompletion.objects.filter(
        learner_id__in=[enrolment.learner_id for enrolment in batch], lesson__isnull=False
    ).values_list("learner_id", "lesson_id"):
        done.setdefault(learner_id, set()).add(lesson_id)

    nudges = []
    for enrolment in batch:
        learner_done = done.get(enrolment.learner_id, set())
        lessons = lessons_by_course.get(enrolment.course.path, [])
        lesson = next((each for each in lessons if each.pk not in learner_done), None)
        nudges.append(_Nudge(enrolment=enrolment, lesson=lesson))

    course_type = ContentType.objects.get_for_model(CoursePage)
    with transaction.atomic():
        claimed = [
            nudge
            for nudge in nudges
            # The claim: only the run whose UPDATE changes the row sends this email.
            if Enrolment.objects.filter(
                pk=nudge.enrolment.pk,
                nudged_at__isnull=True,
                completed_at__isnull=True,
                last_activity_at__lte=cutoff,
            ).update(nudged_at=now)
        ]
        if not claimed:
            return 0
        # Their other idle courses belong to the same lapse: one email covers them all.
        Enrolment.objects.filter(
            learner_id__in=[nudge.enrolment.learner_id for nudge in claimed],
            nudged_at__isnull=True,
            completed_at__isnull=True,
            last_activity_at__lte=cutoff,
        ).update(nudged_at=now)
        activity_record_many(
            [
                ActivityEvent(
                    actor_id=nudge.enrolment.learner_id,
                    verb=NUDGE_SENT,
                    object_type=course_type,
                    object_id=str(nudge.enrolment.course_id),
                    context={
                        "course_id": nudge.enrolment.course_id,
                        "lesson_id": nudge.lesson.pk if nudge.lesson else None,
                    },
                    occurred_at=now,
                )
                for nudge in claimed
            ]
        )
        # The claims are new, so are the keys: one INSERT for the batch.
        outgoing_emails_queue(
            emails=[
                (
                    f"nudge-{nudge.enrolment.pk}-{now.isoformat()}",
                    _email(nudge=nudge, site_root=site_root),
                    nudge.enrolment.learner,
                )
                for nudge in claimed
            ]
        )
    return len(claimed)
