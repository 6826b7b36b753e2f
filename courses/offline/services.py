"""Accepting completions queued offline: each exactly once, re-scored, with its time bounded.

The browser sends a list of items, each ``{"id": uuid, "lesson": id, "kind": "done"|"quiz",
"happened_at": ISO time, "answers": {question: [options]}, "quiz": block id, "learner": key}``.
For each one the answer is "accepted" (recorded now), "already" (this id came before: nothing
more is recorded) or "refused" (with a message; the browser drops it and never sends it again).
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from courses.models import (
    CompletionMethod,
    LessonPage,
    OfflineCompletion,
    OfflineOutcome,
)
from courses.progress.services import lesson_complete
from courses.progress.session import SESSION_KEY, session_lesson_complete
from courses.quiz import quiz_score
from training.users.models import User

LEARNER_SALT = "courses.offline.learner"
SESSION_IDS_KEY = "offline_completion_ids"
MAX_ITEMS = 100


@dataclass(frozen=True)
class SyncOutcome:
    id: str
    status: str  # "accepted", "already" or "refused"
    message: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "status": self.status, "message": self.message}


def learner_key(*, user: Any) -> str:
    """An opaque key for the signed-in learner, stored with each queued item, so an item queued
    by one account is never recorded for another (or for nobody, after the account is deleted)."""
    if not getattr(user, "is_authenticated", False):
        return ""
    return signing.dumps(user.pk, salt=LEARNER_SALT)


def _key_user_id(key: str) -> int | None:
    try:
        return int(signing.loads(key, salt=LEARNER_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def happened_at_bounded(*, raw: Any, lesson: LessonPage, now: datetime) -> datetime:
    """The time the browser says it happened, kept within what is possible: never in the
    future, never before the lesson was first published. A missing time is now."""
    when = parse_datetime(raw) if isinstance(raw, str) else None
    if when is None:
        return now
    if timezone.is_naive(when):
        when = timezone.make_aware(when, timezone.get_default_timezone())
    earliest = lesson.first_published_at or lesson.latest_revision_created_at
    if earliest and when < earliest:
        when = earliest
    return min(when, now)


def _answers(raw: Any) -> dict[int, tuple[int, ...]]:
    answers: dict[int, tuple[int, ...]] = {}
    if not isinstance(raw, dict):
        return answers
    for key, values in raw.items():
        try:
            question = int(key)
        except (TypeError, ValueError):
            continue
        if not isinstance(values, list):
            continue
        answers[question] = tuple(value for value in values if isinstance(value, int))
    return answers


def _refuse(item_id: str, message: str) -> SyncOutcome:
    return SyncOutcome(id=item_id, status=OfflineOutcome.REFUSED.value, message=message)


def _owner_refusal(*, key: str, learner: User | None) -> str:
    """An item queued in an account is only recorded for that account, while it exists."""
    if not key:
        return ""
    owner_id = _key_user_id(key)
    if owner_id is None or not User.objects.filter(pk=owner_id, is_active=True).exists():
        return _("The account this was done in no longer exists.")
    if learner is None or learner.pk != owner_id:
        return _("This was done while someone else was signed in.")
    return ""


def _lesson_of(item: dict) -> LessonPage | None:
    try:
        lesson_id = int(item.get("lesson") or 0)
    except (TypeError, ValueError):
        return None
    return LessonPage.objects.live().public().filter(pk=lesson_id).first()


def _lesson_refusal(*, lesson: LessonPage | None, kind: Any) -> str:
    if lesson is None:
        return _("That lesson is no longer available, so it could not be recorded.")
    if kind not in ("done", "quiz"):
        return _("This item could not be read.")
    if (kind == "done") == lesson.has_quiz:
        if lesson.has_quiz:
            return _("This lesson is finished by passing its quiz.")
        return _("This lesson has no quiz.")
    return ""


def offline_completion_accept(
    *, item: Any, user: Any, session: SessionBase, now: datetime | None = None
) -> SyncOutcome:
    """Record one queued completion, exactly once by its id (see the module's docstring)."""
    now = now or timezone.now()
    if not isinstance(item, dict):
        return _refuse("", _("This item could not be read."))
    raw_id = str(item.get("id", ""))
    try:
        item_uuid = uuid.UUID(raw_id)
    except ValueError:
        return _refuse(raw_id, _("This item could not be read."))
    item_id = str(item_uuid)

    previous = OfflineCompletion.objects.filter(pk=item_uuid).first()
    if previous is not None:
        return SyncOutcome(id=item_id, status="already", message=previous.reason)

    signed_in = bool(getattr(user, "is_authenticated", False))
    learner = user if signed_in else None
    refusal = _owner_refusal(key=str(item.get("learner") or ""), learner=learner)
    if refusal:
        return _record_refusal(item_uuid, None, item, now, refusal)
    lesson = _lesson_of(item)
    kind = str(item.get("kind") or "")
    refusal = _lesson_refusal(lesson=lesson, kind=kind)
    if refusal or lesson is None:
        return _record_refusal(item_uuid, learner, item, now, refusal)

    when = happened_at_bounded(raw=item.get("happened_at"), lesson=lesson, now=now)
    try:
        with transaction.atomic():
            OfflineCompletion.objects.create(
                id=item_uuid,
                learner=learner,
                lesson=lesson,
                kind=kind,
                happened_at=when,
                received_at=now,
                outcome=OfflineOutcome.ACCEPTED,
            )
            if kind == "quiz":
                refusal = _quiz_record(item=item, lesson=lesson, learner=learner, session=session)
                if refusal:
                    # Keep the id as refused, so sending it again changes nothing.
                    OfflineCompletion.objects.filter(pk=item_uuid).update(
                        outcome=OfflineOutcome.REFUSED, reason=refusal
                    )
                    return _refuse(item_id, refusal)
            if learner is not None:
                lesson_complete(
                    learner=learner,
                    lesson=lesson,
                    method=CompletionMethod.QUIZ if kind == "quiz" else CompletionMethod.DONE,
                    completed_at=when,
                )
            else:
                _session_complete(session=session, lesson=lesson, kind=kind, when=when)
                ids = list(session.get(SESSION_IDS_KEY, []))
                session[SESSION_IDS_KEY] = [*ids, item_id]
    except IntegrityError:  # the same id arrived at the same moment from another tab
        return SyncOutcome(id=item_id, status="already")
    return SyncOutcome(id=item_id, status=OfflineOutcome.ACCEPTED.value)


def _session_complete(*, session: SessionBase, lesson: LessonPage, kind: str, when) -> None:
    method = CompletionMethod.QUIZ if kind == "quiz" else CompletionMethod.DONE
    if session_lesson_complete(session=session, lesson=lesson, method=method):
        lessons = dict(session.get(SESSION_KEY, {}))
        lessons[str(lesson.pk)]["at"] = when.isoformat()
        session[SESSION_KEY] = lessons


def _quiz_record(
    *, item: dict, lesson: LessonPage, learner: User | None, session: SessionBase
) -> str:
    """Score the answers again on the server. Returns why it was refused, or ""."""
    quiz = next(
        (
            block
            for block in lesson.body
            if block.block_type == "quiz" and block.id and block.id == item.get("quiz")
        ),
        None,
    )
    if quiz is None:
        return _("The quiz changed since the lesson was saved. Please take it again.")
    answers = _answers(item.get("answers"))
    result = quiz_score(
        questions=quiz.value, answers=answers, pass_mark_percent=lesson.pass_mark_percent
    )
    if learner is not None:
        # Recorded without completing: the caller completes with the time it happened.
        from courses.models import QuizAttempt

        QuizAttempt.objects.create(
            learner=learner,
            lesson=lesson,
            quiz_block_id=quiz.id,
            answers=[list(answers.get(index, ())) for index in range(result.total)],
            score=result.score,
            total=result.total,
            passed=result.passed,
        )
    if not result.passed:
        return _("The quiz answers did not pass when checked again, so it was not recorded.")
    return ""


def _record_refusal(
    item_uuid: uuid.UUID, learner: User | None, item: dict, now: datetime, message: str
) -> SyncOutcome:
    try:
        with transaction.atomic():
            OfflineCompletion.objects.create(
                id=item_uuid,
                learner=learner,
                lesson=None,
                kind=str(item.get("kind", ""))[:8],
                happened_at=now,
                received_at=now,
                outcome=OfflineOutcome.REFUSED,
                reason=message[:255],
            )
    except IntegrityError:
        return SyncOutcome(id=str(item_uuid), status="already")
    return _refuse(str(item_uuid), message)


def offline_completions_sync(
    *, items: list[Any], user: Any, session: SessionBase
) -> list[SyncOutcome]:
    """Accept a batch of queued completions, in the order they happened."""
    now = timezone.now()
    return [
        offline_completion_accept(item=item, user=user, session=session, now=now)
        for item in items[:MAX_ITEMS]
    ]


def offline_session_merge(*, learner: User, session: SessionBase) -> int:
    """At sign-in: the visitor's offline completions become the learner's (their lessons are
    recorded by progress_session_merge, like any session progress)."""
    ids = session.pop(SESSION_IDS_KEY, None)
    if not ids:
        return 0
    return OfflineCompletion.objects.filter(pk__in=ids, learner__isnull=True).update(
        learner=learner
    )


__all__ = [
    "SyncOutcome",
    "happened_at_bounded",
    "learner_key",
    "offline_completion_accept",
    "offline_completions_sync",
    "offline_session_merge",
]
