"""Celery tasks of the progress tracker. Thin: each loads its objects and calls a service.

Enqueued with transaction.on_commit, and idempotent: running one twice changes nothing more.
"""

from django.db import transaction

from celery import shared_task

from courses.models import CoursePage
from courses.progress.credentials.badges import certificate_congratulate, certificate_issue
from training.users.models import User


@shared_task(acks_late=True)
def course_completed(*, learner_id: int, course_id: int) -> str | None:
    """A learner finished a course: issue their certificate and congratulate them, once each.

    The certificate and its email (in the outbox, keyed by the certificate) commit together, so a
    worker killed in between leaves neither, and the task delivered again makes both; a second
    run finds both and sends nothing more. Returns the certificate's id, or None if the learner
    or the course no longer exists.
    """
    learner = User.objects.filter(pk=learner_id).first()
    course = CoursePage.objects.filter(pk=course_id).first()
    if learner is None or course is None:
        return None
    with transaction.atomic():
        certificate, _created = certificate_issue(learner=learner, course=course)
        certificate_congratulate(certificate=certificate)
    return str(certificate.pk)


@shared_task(acks_late=True)
def learners_nudge_daily() -> int:
    """Daily (Celery beat): email learners who have not been back for NUDGE_AFTER_DAYS days.

    Idempotent: each email is claimed in the database first, so a second run sends nothing.
    """
    from courses.progress.nudges.reminders import learners_nudge

    return learners_nudge()
