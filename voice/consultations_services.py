"""Writes for consultations: answering (once, changed until it closes), paper answers entered
by staff, moderating free text, telling everyone who took part about the decision, the index,
and the Tenant Satisfaction Measures template.

"Once" is held by the database (one :class:`voice.models.ConsultationResponse` per consultation
and person): :func:`consultation_answer` locks the person's row, or creates it in a savepoint,
and when two requests race to create it (a double click on PostgreSQL) the loser finds the
winner's row and changes it, so there is still one response and the last answer counts.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from notifications.models import NotificationKind
from notifications.texts import notice_text
from training.core.services import activity_record
from training.users.models import User
from training.users.roles import COURSE_EDITOR, MANAGER
from voice.consultations_selectors import consultation_eligibility
from voice.models import (
    ConsultationAnswer,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationQuestion,
    ConsultationResponse,
    ConsultationTold,
    Eligibility,
    Moderation,
    QuestionKind,
)
from voice.models.consultations import FREE_TEXT_MAX_LENGTH
from voice.selectors import staff_check_scope
from voice.telling import people_tell_once
from voice.verbs import CONSULTATION_ANSWERED, CONSULTATION_CHANGED, CONSULTATION_DECISION_TOLD

TOLD_LOG_ACTION = "voice.consultation.decision_told"
INDEX_SLUG = "consultations"
INDEX_TITLE = "Consultations"
INDEX_INTRODUCTION = (
    "Have your say before we decide. Each tenant answers once and can change their answers "
    "until the closing date. The results are published whatever they are, with what we decided "
    "and why."
)
INDEX_EDITOR_GROUPS = (COURSE_EDITOR, MANAGER)
INDEX_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


class ConsultationClosed(Exception):
    """The consultation is not open today."""


class ConsultationAlreadyAnswered(Exception):
    """A paper answer for someone who has already sent theirs."""


@dataclass(frozen=True)
class Answer:
    choices: tuple[str, ...] = ()
    text: str = ""


def _answer_check(question: ConsultationQuestion, answer: Answer) -> None:
    options = question.option_list()
    if question.kind == QuestionKind.TEXT:
        if answer.choices or len(answer.text) > FREE_TEXT_MAX_LENGTH:
            raise ValueError("A free-text answer is text of at most 1000 characters.")
        return
    if answer.text or any(choice not in options for choice in answer.choices):
        raise ValueError("Choose among the question's options.")
    if len(set(answer.choices)) != len(answer.choices):
        raise ValueError("Each option once.")
    if not answer.choices:
        return
    if question.kind in (QuestionKind.ONE, QuestionKind.SCALE) and len(answer.choices) != 1:
        raise ValueError("Choose one.")
    if question.kind == QuestionKind.RANK and len(answer.choices) != len(options):
        raise ValueError("Put every option in order.")


def _answers_save(response: ConsultationResponse, answers: dict[int, Answer]) -> None:
    existing = {answer.question_id: answer for answer in response.answers.all()}
    new, changed = [], []
    for question_id, given in answers.items():
        answer = existing.get(question_id)
        choices = list(given.choices)
        text = given.text.strip()
        if answer is None:
            new.append(
                ConsultationAnswer(
                    response=response, question_id=question_id, choices=choices, text=text
                )
            )
        elif (answer.choices, answer.text) != (choices, text):
            answer.choices, answer.text = choices, text
            # Changed words are read again before they can be quoted.
            answer.moderation, answer.moderated_by = Moderation.WAITING, None
            changed.append(answer)
    ConsultationAnswer.objects.bulk_create(new)
    ConsultationAnswer.objects.bulk_update(
        changed, ["choices", "text", "moderation", "moderated_by"]
    )


def _response_locked(
    consultation: ConsultationPage, person: User
) -> tuple[ConsultationResponse, bool]:
    """``person``'s response row, locked; created if missing. (row, created now)."""
    locked = ConsultationResponse.objects.select_for_update()
    response = locked.filter(consultation=consultation, person=person).first()
    if response is not None:
        return response, False
    try:
        with transaction.atomic():
            return ConsultationResponse.objects.create(
                consultation=consultation, person=person
            ), True
    except IntegrityError:
        # Another request created it a moment ago: change that one (the last answer counts).
        return locked.get(consultation=consultation, person=person), False


@transaction.atomic
def consultation_answer(
    *,
    consultation: ConsultationPage,
    person: User,
    answers: dict[int, Answer],
    finish: bool,
    entered_by: User | None = None,
) -> ConsultationResponse:
    """Save ``person``'s answers to some or all questions (``answers`` maps question id to
    :class:`Answer`). ``finish`` sends the response (every required question must then be
    answered); without it the answers are kept as a half-finished response. Sending again
    changes the answers: the last ones count.

    ``entered_by`` is a Digital Champion or Housing Officer entering a paper or phone answer
    for ``person`` (who must be in their care); it is refused for someone who has already sent
    their own answers.

    Raises PermissionDenied unless ``person`` may take part, ConsultationClosed unless it is
    open today, ConsultationAlreadyAnswered (see above) and ValueError for answers that do not
    fit the questions.
    """
    if entered_by is not None and not staff_check_scope(staff=entered_by).person_allowed(person):
        raise PermissionDenied("Only staff who look after this person enter their answers.")
    eligible = consultation_eligibility(consultation=consultation, person=person)
    if not eligible.allowed:
        raise PermissionDenied("This person may not take part in this consultation.")
    if not consultation.is_open():
        raise ConsultationClosed
    questions = {
        question.pk: question for question in ConsultationQuestion.objects.filter(page=consultation)
    }
    if not set(answers) <= set(questions):
        raise ValueError("An answer to a question of another consultation.")
    for question_id, answer in answers.items():
        _answer_check(questions[question_id], answer)
    response, _created = _response_locked(consultation, person)
    if entered_by is not None and response.submitted_at and not response.assisted:
        raise ConsultationAlreadyAnswered
    _answers_save(response, answers)
    if finish:
        given = {
            answer.question_id for answer in response.answers.all() if answer.choices or answer.text
        }
        missing = [q for pk, q in questions.items() if q.required and pk not in given]
        if missing:
            raise ValueError("Answer every question that needs an answer.")
    now = timezone.now()
    first_time = finish and response.submitted_at is None
    response.neighbourhood = eligible.neighbourhood
    response.updated_at = now
    if entered_by is not None:
        response.assisted, response.entered_by = True, entered_by
    if finish:
        response.submitted_at = now
    response.save()
    if finish:
        activity_record(
            actor=entered_by or person,
            verb=CONSULTATION_ANSWERED if first_time else CONSULTATION_CHANGED,
            obj=response,
            context={
                "consultation": consultation.pk,
                "neighbourhood": eligible.neighbourhood.pk if eligible.neighbourhood else None,
                "assisted": response.assisted,
            },
        )
    return response


@transaction.atomic
def consultation_answer_moderate(*, answer: ConsultationAnswer, publish: bool, by: User) -> None:
    """A moderator publishes a free-text answer as a quote (never with a name), or not."""
    answer.moderation = Moderation.PUBLISHED if publish else Moderation.REJECTED
    answer.moderated_by = by
    answer.save(update_fields=["moderation", "moderated_by"])


@transaction.atomic
def consultation_decision_tell(*, consultation: ConsultationPage, by: User | None = None) -> int:
    """Tell everyone who sent answers that the decision is published, once each. Answers how
    many were told now (0 without a decision, before closing, or when all were told before)."""
    consultation = ConsultationPage.objects.filter(pk=consultation.pk, live=True).first()
    if consultation is None or not consultation.decision.strip() or not consultation.is_closed():
        return 0
    people = User.objects.filter(
        consultation_responses__consultation=consultation,
        consultation_responses__submitted_at__isnull=False,
    ).exclude(pk__in=ConsultationTold.objects.filter(consultation=consultation).values("person"))
    # Built for each person in their own language (notifications.texts).
    subject = notice_text(lambda: _("What we decided: %(title)s") % {"title": consultation.title})
    body = notice_text(
        lambda: (
            _(
                "You took part in the consultation “%(question)s”. The results are published, with "
                "what we decided and why."
            )
            % {"question": consultation.question}
        )
    )
    url = consultation.url or consultation.url_path
    told = people_tell_once(
        people=people,
        told_record=lambda person: ConsultationTold.objects.create(
            consultation=consultation, person=person
        ),
        kind=NotificationKind.CONSULTATION_DECISION,
        subject=subject,
        body=body,
        url=url,
        dedupe_prefix=f"consultation-{consultation.pk}",
    )
    if told:
        activity_record(
            actor=by,
            verb=CONSULTATION_DECISION_TOLD,
            obj=consultation,
            context={"people": told},
        )
        log(consultation, TOLD_LOG_ACTION, user=by, data={"people": told})
    return told


def consultation_published(sender, instance, revision=None, **_kwargs) -> None:
    """The ``page_published`` receiver (connected in ``voice/apps.py``)."""
    if isinstance(instance, ConsultationPage):
        consultation_decision_tell(consultation=instance, by=getattr(revision, "user", None))


@transaction.atomic
def consultations_index_ensure() -> ConsultationIndexPage:
    """The consultations index (made and published under the home page if missing), with page
    permissions for :data:`INDEX_EDITOR_GROUPS`. Safe to run again."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import GroupPagePermission, Page

    from training.core.models import HomePage
    from translations.routing import locale_id_default

    # The English pages: each translated home page has its own tree (voice pages are not copied).
    index = ConsultationIndexPage.objects.filter(locale_id=locale_id_default()).first()
    if index is None:
        index = ConsultationIndexPage(
            title=INDEX_TITLE, slug=INDEX_SLUG, introduction=INDEX_INTRODUCTION
        )
        HomePage.objects.get(locale_id=locale_id_default()).add_child(instance=index)
        index.save_revision().publish()
    page_type = ContentType.objects.get_for_model(Page)
    for group_name in INDEX_EDITOR_GROUPS:
        group, _created = Group.objects.get_or_create(name=group_name)
        for codename in INDEX_PAGE_PERMISSIONS:
            permission = Permission.objects.get(content_type=page_type, codename=codename)
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=index.pk, permission=permission
            )
    return index


def consultation_create(
    *,
    index: ConsultationIndexPage,
    title: str,
    question: str,
    questions: list[dict],
    opens_on: date,
    closes_on: date,
    eligibility: str = Eligibility.NEIGHBOURHOODS,
    neighbourhoods=(),
    background: str = "",
    slug: str = "",
    publish: bool = True,
    user: User | None = None,
) -> ConsultationPage:
    """A consultation page under ``index`` with ``questions`` (ConsultationQuestion fields)."""
    page = ConsultationPage(
        title=title,
        question=question,
        background=background,
        eligibility=eligibility,
        opens_on=opens_on,
        closes_on=closes_on,
        live=False,
        **({"slug": slug} if slug else {}),
    )
    page.neighbourhoods = list(neighbourhoods)
    page.questions = [
        ConsultationQuestion(sort_order=n, **fields) for n, fields in enumerate(questions)
    ]
    index.add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    return page


def tsm_consultation_create(
    *,
    index: ConsultationIndexPage,
    landlord: str,
    year: int,
    opens_on: date | None = None,
    weeks: int = 6,
    publish: bool = False,
    user: User | None = None,
) -> ConsultationPage:
    """The Tenant Satisfaction Measures survey (TP01–TP12 and the questions that lead to TP02,
    TP09 and TP10) as a consultation for all verified tenants, left as a draft unless
    ``publish``. Staff enter paper and phone answers through the paper-entry page."""
    from voice.consultations_tsm import INTRODUCTION, tsm_questions

    opens_on = opens_on or timezone.localdate()
    return consultation_create(
        index=index,
        title=f"Tenant satisfaction survey {year}",
        question=f"How satisfied are you with {landlord}?",
        background=f"<p>{INTRODUCTION}</p>",
        questions=tsm_questions(landlord=landlord),
        eligibility=Eligibility.VERIFIED,
        opens_on=opens_on,
        closes_on=opens_on + timedelta(weeks=weeks),
        slug=f"tenant-satisfaction-{year}",
        publish=publish,
        user=user,
    )
