"""Demo consultations (``content/consultations.json``): "Where should the new benches go?",
closed, with results (Hillview's three answers hidden as too few), two moderated quotes, a paper
answer entered by the demo Housing Officer, the decision and its You said, we did improvement;
and "How should we spend the garden fund?", open now, which the demo tenant can answer.

Answers go through the real service while a consultation is open; a closed one's dates and its
decision are then published by the demo Manager (so everyone who took part is told). Safe to run
again: a consultation already there (by address) is left alone.
"""

import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from training.places.models import Neighbourhood
from training.users.models import User
from voice.consultations_services import (
    Answer,
    consultation_answer,
    consultation_answer_moderate,
    consultation_create,
    consultations_index_ensure,
)
from voice.models import ConsultationAnswer, ConsultationPage, QuestionKind

CONSULTATIONS_FILE = Path(__file__).resolve().parent / "content" / "consultations.json"


def _person(key: str) -> User:
    if "@" in key:
        return User.objects.get(email__iexact=key)
    return User.objects.get(username=key)


def _answer(kind: str, given) -> Answer:
    if kind == QuestionKind.TEXT:
        return Answer(text=given)
    return Answer(choices=tuple(given) if isinstance(given, list) else (given,))


def _improvement(item: dict, by: User):
    from voice.improvements_services import improvements_index_ensure
    from voice.models import ImprovementPage

    index = improvements_index_ensure()
    page = ImprovementPage.objects.child_of(index).filter(slug=item["slug"]).first()
    if page is not None:
        return page
    page = ImprovementPage(
        title=item["title"],
        slug=item["slug"],
        tenants_said=item["tenants_said"],
        we_did=item["we_did"],
        neighbourhood=Neighbourhood.objects.get(slug=item["neighbourhood"]),
        done_on=timezone.localdate() - timedelta(days=item["done_days_ago"]),
        cost=Decimal(item["cost"]) if item.get("cost") else None,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=by).publish(user=by)
    return page


def _consultation_seed(item: dict, *, index, by: User, moderator: User) -> None:
    today = timezone.localdate()
    page = consultation_create(
        index=index,
        title=item["title"],
        slug=item["slug"],
        question=item["question"],
        background=item["background"],
        eligibility=item["eligibility"],
        neighbourhoods=Neighbourhood.objects.filter(slug__in=item["neighbourhoods"]),
        questions=item["questions"],
        # Open while the answers go in; a closed one's real dates are published below.
        opens_on=today + timedelta(days=min(item["opens_in_days"], 0)),
        closes_on=today + timedelta(days=max(item["closes_in_days"], 0)),
        user=by,
    )
    questions = list(page.questions.order_by("sort_order"))
    for username, given in item["answers"].items():
        staff = item["entered_by"].get(username)
        consultation_answer(
            consultation=page,
            person=_person(username),
            answers={
                question.pk: _answer(question.kind, value)
                for question, value in zip(questions, given, strict=True)
            },
            finish=True,
            entered_by=_person(staff) if staff else None,
        )
    for answer in ConsultationAnswer.objects.filter(
        response__consultation=page, question__kind=QuestionKind.TEXT
    ).exclude(text=""):
        publish = answer.response.person.username in item["quotes"]
        consultation_answer_moderate(answer=answer, publish=publish, by=moderator)
    if item["closes_in_days"] < 0:
        page.opens_on = today + timedelta(days=item["opens_in_days"])
        page.closes_on = today + timedelta(days=item["closes_in_days"])
        page.decision = item["decision"]
        if item.get("improvement"):
            page.improvement = _improvement(item["improvement"], by)
        page.save_revision(user=by).publish(user=by)


def demo_seed(*, stdout) -> None:
    data = json.loads(CONSULTATIONS_FILE.read_text())
    by = _person(data["by"])
    moderator = _person(data["moderator"])
    index = consultations_index_ensure()
    made = 0
    for item in data["consultations"]:
        if ConsultationPage.objects.child_of(index).filter(slug=item["slug"]).exists():
            continue
        _consultation_seed(item, index=index, by=by, moderator=moderator)
        made += 1
    stdout.write(
        f"Consultations: {ConsultationPage.objects.live().count()} demo consultations ({made} "
        "new), one closed with its results and decision, one open."
    )
