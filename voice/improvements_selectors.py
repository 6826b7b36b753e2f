"""Reads for "You said, we did": the improvements a page lists, and what an improvement answers.

Only live improvements are listed. Every function here is a fixed number of queries, whatever
the number of improvements, reports or answers (the community pages' query budgets).
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from wagtail.query import PageQuerySet

from training.places.models import Neighbourhood
from translations.routing import in_language_or_english, locale_id_default
from voice.models import (
    EstateCheck,
    EstateCheckQuestion,
    ImprovementPage,
    Report,
    YouSaidWeDidIndexPage,
)
from voice.selectors import RESULTS_MIN_ANSWERS

# The size of the photo on an improvement's card (a Wagtail rendition filter).
CARD_PHOTO_FILTER = "fill-480x320"
LATEST_HOW_MANY = 3


def _improvements() -> PageQuerySet:
    from wagtail.images import get_image_model

    photos = get_image_model().objects.prefetch_renditions(CARD_PHOTO_FILTER)
    return (
        ImprovementPage.objects.live()
        .select_related("neighbourhood")
        .prefetch_related(Prefetch("after_photo", queryset=photos))
        .order_by("-done_on", "-first_published_at", "-pk")
    )


def improvements_list(
    *, index: YouSaidWeDidIndexPage, neighbourhood: Neighbourhood | None = None
) -> QuerySet[ImprovementPage]:
    """The index's live improvements, newest first; only ``neighbourhood``'s if given."""
    improvements = _improvements().child_of(index)
    if neighbourhood is not None:
        improvements = improvements.filter(neighbourhood=neighbourhood)
    return improvements


def improvement_neighbourhoods(*, index: YouSaidWeDidIndexPage) -> list[Neighbourhood]:
    """The neighbourhoods that have a live improvement under ``index``, by name (the filter)."""
    ids = ImprovementPage.objects.live().child_of(index).values("neighbourhood_id")
    return list(Neighbourhood.objects.filter(pk__in=ids).order_by("name"))


def improvements_latest(
    *, neighbourhood: Neighbourhood | None = None, limit: int = LATEST_HOW_MANY
) -> list[ImprovementPage]:
    """The newest live improvements, everywhere or in ``neighbourhood`` (two queries)."""
    # Each once, in the reader's language if someone translated it (no extra query).
    improvements = in_language_or_english(_improvements())
    if neighbourhood is not None:
        improvements = improvements.filter(neighbourhood=neighbourhood)
    return list(improvements[:limit])


def improvements_index() -> YouSaidWeDidIndexPage | None:
    """The live "You said, we did" index, if there is one."""
    return YouSaidWeDidIndexPage.objects.live().filter(locale_id=locale_id_default()).first()


def improvement_reports(*, improvement: ImprovementPage) -> list[Report]:
    """The reports ``improvement`` answers, oldest first (no names: a public page)."""
    if improvement.pk is None:
        return []
    return list(improvement.reports.order_by("created_at", "pk"))


def report_improvements(*, report: Report) -> list[ImprovementPage]:
    """The live improvements that answer ``report``, newest first."""
    return list(
        ImprovementPage.objects.live()
        .filter(reports=report, locale_id=locale_id_default())
        .order_by("-done_on", "-pk")
        .only("title", "url_path", "path", "depth", "done_on")
    )


@dataclass(frozen=True)
class CheckQuestionResult:
    text: str
    answers: int
    average: float | None  # None when fewer than RESULTS_MIN_ANSWERS

    @property
    def too_few(self) -> bool:
        return self.average is None


@dataclass(frozen=True)
class CheckResult:
    check: EstateCheck
    people: int
    questions: list[CheckQuestionResult]


def improvement_check_results(*, improvement: ImprovementPage) -> list[CheckResult]:
    """The results, in the improvement's neighbourhood, of each closed estate check it answers.

    Like the neighbourhood page: an average face per question, or "fewer than 5" answers.
    A check that has not closed yet shows no results. Two queries, whatever the number of
    checks, questions and answers (one when it answers no check).
    """
    from django.utils import timezone

    if improvement.pk is None:
        return []
    place = improvement.neighbourhood_id
    checks = list(
        improvement.estate_checks.filter(closes_on__lt=timezone.localdate())
        .annotate(
            people=Count("responses", filter=Q(responses__neighbourhood_id=place), distinct=True)
        )
        .order_by("-closes_on", "-pk")
    )
    if not checks:
        return []
    questions = EstateCheckQuestion.objects.filter(
        estate_check_id__in=[check.pk for check in checks]
    ).annotate(
        answer_count=Count("answers", filter=Q(answers__response__neighbourhood_id=place)),
        total=Sum("answers__score", filter=Q(answers__response__neighbourhood_id=place)),
    )
    by_check: dict[int, list[CheckQuestionResult]] = {check.pk: [] for check in checks}
    for question in questions.order_by("estate_check_id", "sort_order", "pk"):
        answers = question.answer_count
        average = round(question.total / answers, 1) if answers >= RESULTS_MIN_ANSWERS else None
        by_check[question.estate_check_id].append(
            CheckQuestionResult(text=question.text, answers=answers, average=average)
        )
    return [
        CheckResult(check=check, people=check.people, questions=by_check[check.pk])
        for check in checks
    ]
