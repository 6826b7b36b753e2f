"""Reads for consultations: who may take part, the results, the CSV file, the moderators' queue
and the Tenant Satisfaction Measures (TP01–TP12).

Results count sent responses only (a half-finished one is not an answer). A figure about fewer
than :data:`voice.selectors.RESULTS_MIN_ANSWERS` people is hidden (the same rule as estate
checks): a question answered by fewer is not broken down at all, and a neighbourhood with fewer
responses shows no figures, so nobody's answer can be picked out.
"""

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dashboards.charts import BarChart, bar_chart
from dashboards.suppression import SUPPRESSED, Suppressed, is_suppressed, secondary_suppress
from training.places.models import Neighbourhood
from training.users.models import User
from voice.models import (
    ConsultationAnswer,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationQuestion,
    ConsultationResponse,
    Eligibility,
    Moderation,
    QuestionKind,
    TenantVerification,
)
from voice.selectors import RESULTS_MIN_ANSWERS, tenant_verified_neighbourhood

MODERATE_PERMISSION = "community.moderate_content"


# --- Who may take part ---------------------------------------------------------------------


@dataclass(frozen=True)
class Eligible:
    allowed: bool
    neighbourhood: Neighbourhood | None = None
    reason: str = ""  # "sign-in", "verify", "neighbourhood"


def consultation_eligibility(*, consultation: ConsultationPage, person: User | None) -> Eligible:
    """Whether ``person`` may take part in ``consultation``, and for which neighbourhood."""
    if person is None or not person.is_authenticated or not person.is_active:
        return Eligible(False, reason="sign-in")
    neighbourhood = tenant_verified_neighbourhood(person=person)
    if consultation.eligibility == Eligibility.SIGNED_IN:
        return Eligible(True, neighbourhood or person.neighbourhood)
    if neighbourhood is None:
        return Eligible(False, reason="verify")
    if consultation.eligibility == Eligibility.VERIFIED:
        return Eligible(True, neighbourhood)
    if neighbourhood.pk in {place.pk for place in consultation.neighbourhoods.all()}:
        return Eligible(True, neighbourhood)
    return Eligible(False, reason="neighbourhood")


def consultation_eligible_count(*, consultation: ConsultationPage) -> int:
    """How many people may take part today (for turnout)."""
    if consultation.eligibility == Eligibility.SIGNED_IN:
        return User.objects.filter(is_active=True).count()
    verified = TenantVerification.objects.filter(
        tenancy__ended_at__isnull=True, person__is_active=True
    )
    if consultation.eligibility == Eligibility.NEIGHBOURHOODS:
        verified = verified.filter(
            tenancy__neighbourhood__in=[place.pk for place in consultation.neighbourhoods.all()]
        )
    return verified.count()


# --- Pages ---------------------------------------------------------------------------------


def consultations_listed(
    *, index: ConsultationIndexPage
) -> tuple[list[ConsultationPage], list[ConsultationPage]]:
    """The live consultations under ``index``: (open or coming, newest first; closed)."""
    today = timezone.localdate()
    pages = list(ConsultationPage.objects.child_of(index).live().order_by("-closes_on", "-pk"))
    return (
        [page for page in pages if not page.is_closed(today=today)],
        [page for page in pages if page.is_closed(today=today)],
    )


def consultation_questions(*, consultation: ConsultationPage) -> list[ConsultationQuestion]:
    return list(ConsultationQuestion.objects.filter(page=consultation).order_by("sort_order", "pk"))


def consultation_response_of(
    *, consultation: ConsultationPage, person: User
) -> ConsultationResponse | None:
    """``person``'s response (sent or half-finished), with its answers."""
    if not getattr(person, "is_authenticated", False):
        return None
    return (
        ConsultationResponse.objects.filter(consultation=consultation, person=person)
        .prefetch_related("answers")
        .first()
    )


def consultation_answers_of(
    *, response: ConsultationResponse | None
) -> dict[int, ConsultationAnswer]:
    return {answer.question_id: answer for answer in response.answers.all()} if response else {}


# --- Results -------------------------------------------------------------------------------


def _percent(count: int, total: int) -> Decimal:
    if not total:
        return Decimal(0)
    return (Decimal(count) * 100 / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class OptionResult:
    label: str
    count: int
    percent: Decimal
    average_position: Decimal | None = None  # ranking questions only


@dataclass(frozen=True)
class NeighbourhoodRow:
    name: str
    responses: int | Suppressed
    counts: list[int | Suppressed]


@dataclass
class QuestionResults:
    question: ConsultationQuestion
    answered: int
    options: list[OptionResult] = field(default_factory=list)
    neighbourhoods: list[NeighbourhoodRow] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    chart: BarChart | None = None

    @property
    def too_few(self) -> bool:
        return self.answered < RESULTS_MIN_ANSWERS

    @property
    def slug(self) -> str:
        return f"q{self.question.pk}"


@dataclass(frozen=True)
class ConsultationResults:
    consultation: ConsultationPage
    responses: int
    assisted: int
    eligible: int
    turnout: Decimal
    questions: list[QuestionResults]
    minimum: int = RESULTS_MIN_ANSWERS


def _counts(question: ConsultationQuestion, answers: list[ConsultationAnswer]) -> Counter:
    counted: Counter = Counter()
    for answer in answers:
        if question.kind == QuestionKind.RANK:
            if answer.choices:
                counted[answer.choices[0]] += 1
        else:
            counted.update(set(answer.choices))
    return counted


def _question_results(
    question: ConsultationQuestion, answers: list[ConsultationAnswer]
) -> QuestionResults:
    if question.kind == QuestionKind.TEXT:
        answered = [answer for answer in answers if answer.text.strip()]
        quotes = [a.text for a in answered if a.moderation == Moderation.PUBLISHED]
        return QuestionResults(question=question, answered=len(answered), quotes=quotes)
    answered = [answer for answer in answers if answer.choices]
    result = QuestionResults(question=question, answered=len(answered))
    if result.too_few:
        return result
    options = question.option_list()
    counted = _counts(question, answered)
    for option in options:
        average = None
        if question.kind == QuestionKind.RANK:
            positions = [a.choices.index(option) + 1 for a in answered if option in a.choices]
            if positions:
                average = (Decimal(sum(positions)) / len(positions)).quantize(Decimal("0.1"))
        result.options.append(
            OptionResult(option, counted[option], _percent(counted[option], len(answered)), average)
        )
    title = (
        _("First choices: %(question)s") if question.kind == QuestionKind.RANK else "%(question)s"
    ) % {"question": question.text}
    result.chart = bar_chart(title=title, points=[(o.label, o.count) for o in result.options])
    by_place: dict[str, list[ConsultationAnswer]] = defaultdict(list)
    for answer in answered:
        place = answer.response.neighbourhood
        by_place[place.name if place else _("No neighbourhood")].append(answer)
    names = sorted(by_place)
    sizes = [len(by_place[name]) for name in names]
    # Primary: a neighbourhood with fewer than 5 answers. Secondary (the dashboards' rule): the
    # next-smallest too, so a hidden one cannot be worked out from the total by subtraction.
    cells = [SUPPRESSED if size < RESULTS_MIN_ANSWERS else size for size in sizes]
    also = secondary_suppress(cells, sizes)
    for position, name in enumerate(names):
        group = by_place[name]
        if is_suppressed(cells[position]) or position in also:
            hidden = Suppressed()
            result.neighbourhoods.append(NeighbourhoodRow(name, hidden, [hidden] * len(options)))
            continue
        group_counts = _counts(question, group)
        result.neighbourhoods.append(
            NeighbourhoodRow(name, len(group), [group_counts[option] for option in options])
        )
    return result


def _sent_answers(consultation: ConsultationPage) -> QuerySet[ConsultationAnswer]:
    return ConsultationAnswer.objects.filter(
        response__consultation=consultation, response__submitted_at__isnull=False
    ).select_related("response__neighbourhood")


def consultation_results(*, consultation: ConsultationPage) -> ConsultationResults:
    """Counts and percentages per option, turnout among those eligible, a breakdown by
    neighbourhood (small numbers hidden) and the moderated quotes. Five queries."""
    sent = ConsultationResponse.objects.filter(
        consultation=consultation, submitted_at__isnull=False
    )
    responses = sent.count()
    assisted = sent.filter(assisted=True).count()
    eligible = consultation_eligible_count(consultation=consultation)
    by_question: dict[int, list[ConsultationAnswer]] = defaultdict(list)
    for answer in _sent_answers(consultation):
        by_question[answer.question_id].append(answer)
    questions = [
        _question_results(question, by_question[question.pk])
        for question in consultation_questions(consultation=consultation)
    ]
    return ConsultationResults(
        consultation=consultation,
        responses=responses,
        assisted=assisted,
        eligible=eligible,
        turnout=_percent(responses, max(eligible, responses)),
        questions=questions,
    )


def consultation_results_csv(*, results: ConsultationResults) -> str:
    """The results as CSV: one row per option overall, then per neighbourhood (hidden figures
    read "hidden"), then the turnout."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [_("question"), _("neighbourhood"), _("option"), _("count"), _("percent"), _("answered")]
    )
    for question in results.questions:
        if question.question.kind == QuestionKind.TEXT:
            continue
        if question.too_few:
            writer.writerow([question.question.text, _("All"), "", _("hidden"), "", _("hidden")])
            continue
        for option in question.options:
            writer.writerow(
                [
                    question.question.text,
                    _("All"),
                    option.label,
                    option.count,
                    option.percent,
                    question.answered,
                ]
            )
        for row in question.neighbourhoods:
            labels = [option.label for option in question.options]
            for label, count in zip(labels, row.counts, strict=True):
                writer.writerow([question.question.text, row.name, label, count, "", row.responses])
    writer.writerow(
        [_("turnout"), _("All"), "", results.responses, results.turnout, results.eligible]
    )
    return out.getvalue()


# --- Moderation ------------------------------------------------------------------------------


def consultation_may_moderate(*, person: User) -> bool:
    return bool(getattr(person, "is_authenticated", False) and person.has_perm(MODERATE_PERMISSION))


def consultation_answers_waiting() -> QuerySet[ConsultationAnswer]:
    """Free-text answers of sent responses waiting for a moderator, oldest first. No names."""
    return (
        ConsultationAnswer.objects.filter(
            moderation=Moderation.WAITING,
            question__kind=QuestionKind.TEXT,
            response__submitted_at__isnull=False,
        )
        .exclude(text="")
        .select_related("question__page")
        .order_by("response__submitted_at", "pk")
    )


def consultation_answers_export(*, person: User) -> list[dict]:
    """``person``'s consultation answers, for Download my data."""
    responses = (
        ConsultationResponse.objects.filter(person=person)
        .select_related("consultation")
        .prefetch_related(
            Prefetch("answers", queryset=ConsultationAnswer.objects.select_related("question"))
        )
        .order_by("pk")
    )
    return [
        {
            "consultation": response.consultation.title,
            "sent": response.submitted_at.isoformat() if response.submitted_at else None,
            "assisted": response.assisted,
            "answers": [
                {"question": a.question.text, "choices": a.choices, "text": a.text}
                for a in response.answers.all()
            ],
        }
        for response in responses
    ]


# --- Tenant Satisfaction Measures --------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    code: str
    name: str
    satisfied: int
    valid: int

    @property
    def percent(self) -> Decimal | None:
        return _percent(self.satisfied, self.valid) if self.valid else None


def tsm_measures(*, consultation: ConsultationPage) -> list[Measure]:
    """TP01–TP12 as the Regulator defines them: the share of valid answers that are satisfied
    (very or fairly; strongly agree or agree for TP08). Valid answers leave out "don't know /
    not applicable" and, for the questions asked only of some tenants (TP02 and TP03 after a
    repair, TP09 after a complaint, TP10 with communal areas), everyone who did not say yes to
    the question that leads to it. Sent responses only, online and entered by staff alike."""
    from voice.consultations_tsm import MEASURES, SCREEN_YES

    questions = {q.code: q for q in consultation_questions(consultation=consultation) if q.code}
    answers: dict[int, dict[str, list[str]]] = defaultdict(dict)
    for answer in ConsultationAnswer.objects.filter(
        response__consultation=consultation,
        response__submitted_at__isnull=False,
        question__in=list(questions.values()),
    ).select_related("question"):
        answers[answer.response_id][answer.question.code] = answer.choices
    measures = []
    for measure in MEASURES:
        satisfied = valid = 0
        if measure.code in questions:
            for given in answers.values():
                if measure.screen and given.get(measure.screen) != [SCREEN_YES]:
                    continue
                choices = given.get(measure.code) or []
                if len(choices) != 1 or choices[0] in measure.excluded:
                    continue
                valid += 1
                satisfied += choices[0] in measure.satisfied
        measures.append(Measure(measure.code, measure.name, satisfied, valid))
    return measures
