"""Champions' background work: the helper badge, for everyone who reached 10 learners."""

from celery import shared_task

from champions.services import helper_badges_issue


@shared_task
def helper_badges_issue_hourly() -> int:
    return helper_badges_issue()
