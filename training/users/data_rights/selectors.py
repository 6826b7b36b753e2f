"""Learners' data rights: download everything we hold about you, and delete your account.

- :func:`learner_data_export` gathers one person's data as plain JSON-ready values: their account
  (never the password hash), profile, email addresses, learning record and their own events in
  the activity stream. Other people appear only as the name of whoever helped.
- :func:`account_delete` erases the person: deleting the user row cascades to their enrolments,
  completions, quiz attempts, skill records, certificates, email addresses and reminder
  settings. Their activity-stream events stay, with no one attached (``actor`` is set to NULL by
  the database), so the dashboards keep anonymous counts.
"""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.module_loading import import_string

from allauth.account.models import EmailAddress

from courses.models import Certificate, Enrolment, LessonCompletion, QuizAttempt, SkillRecord
from courses.models.progress import NudgeOptOut
from training.core.models import ActivityEvent
from training.core.services import activity_record
from training.users.models import User

EXPORT_FORMAT_VERSION = 1


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def _name(person: User | None) -> str | None:
    return person.name if person is not None else None


def learner_data_export(*, learner: User) -> dict[str, Any]:
    """Everything held about ``learner``, ready for ``json.dumps``. A fixed number of queries."""
    learner = User.objects.select_related("neighbourhood", "community_centre", "assisted_by").get(
        pk=learner.pk
    )
    opt_out = NudgeOptOut.objects.filter(learner=learner).first()
    return {
        "about": (
            "Everything Homes on the Net holds about you, downloaded on "
            f"{date_format(timezone.localtime(), 'j F Y')}. Times are in ISO 8601 format."
        ),
        "format_version": EXPORT_FORMAT_VERSION,
        "account": {
            "id": learner.pk,
            "username": learner.username,
            "email": learner.email,
            "first_name": learner.first_name,
            "last_name": learner.last_name,
            "joined": _when(learner.date_joined),
            "last_signed_in": _when(learner.last_login),
            "active": learner.is_active,
            "made_with_help": learner.created_with_assistance,
            "made_by": _name(learner.assisted_by),
            "works_for_the_landlord": learner.is_staff_member,
            "roles": sorted(learner.groups.values_list("name", flat=True)),
        },
        "profile": {
            "name_to_show": learner.display_name,
            "preferred_language": learner.preferred_language,
            "neighbourhood": learner.neighbourhood.name if learner.neighbourhood else None,
            "community_centre": (
                learner.community_centre.name if learner.community_centre else None
            ),
            "reminder_emails": {
                "on": opt_out is None,
                "turned_off": _when(opt_out.opted_out_at) if opt_out else None,
            },
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=learner).order_by("pk")
        ],
        "enrolments": [
            {
                "course_id": enrolment.course_id,
                "course": enrolment.course.title,
                "started": _when(enrolment.started_at),
                "last_active": _when(enrolment.last_activity_at),
                "last_lesson": enrolment.last_lesson.title if enrolment.last_lesson else None,
                "finished": _when(enrolment.completed_at),
                "reminder_sent": _when(enrolment.nudged_at),
            }
            for enrolment in Enrolment.objects.filter(learner=learner)
            .select_related("course", "last_lesson")
            .order_by("started_at", "pk")
        ],
        "lesson_completions": [
            {
                "lesson_id": completion.lesson_id,
                "lesson": completion.lesson_title,
                "course_id": completion.course_id,
                "course": completion.course.title if completion.course else None,
                "completed": _when(completion.completed_at),
                "how": completion.get_method_display(),
                "with_help": completion.assisted,
                "helped_by": _name(completion.helper),
                "note": completion.note,
                "page_revision_id": completion.revision_id,
            }
            for completion in LessonCompletion.objects.filter(learner=learner)
            .select_related("course", "helper")
            .order_by("completed_at", "pk")
        ],
        "quiz_attempts": [
            {
                "lesson_id": attempt.lesson_id,
                "lesson": attempt.lesson.title if attempt.lesson else None,
                "attempted": _when(attempt.attempted_at),
                "answers": attempt.answers,
                "score": attempt.score,
                "out_of": attempt.total,
                "passed": attempt.passed,
            }
            for attempt in QuizAttempt.objects.filter(learner=learner)
            .select_related("lesson")
            .order_by("attempted_at", "pk")
        ],
        "skills": [
            {
                "code": record.skill.code,
                "skill": record.skill.statement,
                "achieved": _when(record.achieved_at),
                "how": record.get_evidence_display(),
                "with_help": record.assisted,
                "helped_by": _name(record.helper),
                "note": record.note,
            }
            for record in SkillRecord.objects.filter(learner=learner)
            .select_related("skill", "helper")
            .order_by("achieved_at", "pk")
        ],
        "certificates": [
            {
                "id": str(certificate.pk),
                "course_id": certificate.course_id,
                "course": certificate.course_title,
                "name_on_certificate": certificate.learner_name,
                "issued": _when(certificate.issued_at),
                "revoked": _when(certificate.revoked_at),
                "revoked_reason": certificate.revoked_reason,
            }
            for certificate in Certificate.objects.filter(learner=learner).order_by(
                "issued_at", "pk"
            )
        ],
        "activity": [
            {
                "what": event.verb,
                "when": _when(event.occurred_at),
                "object_type": (
                    f"{event.object_type.app_label}.{event.object_type.model}"
                    if event.object_type
                    else None
                ),
                "object_id": event.object_id or None,
                "context": event.context,
            }
            for event in ActivityEvent.objects.filter(actor=learner)
            .select_related("object_type")
            .order_by("occurred_at", "pk")
        ],
        # Community, events, notifications: each app writes its own part (settings).
        **{
            name: import_string(section)(person=learner)
            for name, section in settings.DATA_EXPORT_SECTIONS.items()
        },
    }


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase ``user`` and everything personal that hangs off their account.

    An ``account.deleted`` event with no actor and no personal data is recorded first, so the
    dashboards can count deletions. The user's other events stay, no longer linked to anyone.
    """
    for hook in settings.ACCOUNT_DELETE_HOOKS:
        import_string(hook)(person=user)
    activity_record(actor=None, verb="account.deleted")
    User.objects.filter(pk=user.pk).delete()
