"""You said, we did in a real browser: a visitor opens the index, chooses a neighbourhood with
the plain form (no JavaScript needed), opens an improvement with its before and after photos,
its estate check results and the report it answers, and follows the link back. Each page
passes axe-core (WCAG 2.2 AA) and fits a 320px screen."""

from datetime import date, timedelta

from django.utils import timezone

import pytest

from tests.browser.helpers import assert_fits_width, axe_check, submit, visit
from tests.factories.courses import image_create
from tests.factories.users import UserFactory
from training.places.models import Neighbourhood
from voice.improvements_services import improvements_index_ensure
from voice.models import (
    EstateCheck,
    EstateCheckAnswer,
    EstateCheckQuestion,
    EstateCheckResponse,
    ImprovementPage,
    Report,
    ReportCategory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def improvement_publish(index, *, neighbourhood, title, reports=(), checks=(), photos=False):
    page = ImprovementPage(
        title=title,
        tenants_said="The stairs in block B are dark at night.",
        we_did="<p>We fitted a new light on the second-floor landing.</p>",
        neighbourhood=neighbourhood,
        done_on=date(2026, 11, 20),
        live=False,
    )
    if photos:
        page.before_photo = image_create(title="before", width=800, height=500)
        page.before_photo_alt = "The dark landing before"
        page.after_photo = image_create(title="after", width=800, height=500)
        page.after_photo_alt = "The landing with its new light"
        page.cost = "1250.00"
    page.reports = list(reports)
    page.estate_checks = list(checks)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("width", [320, 1280])
def test_a_visitor_reads_you_said_we_did(context_new, demo_content, width):
    elm = Neighbourhood.objects.get(slug="elm-court")
    river = Neighbourhood.objects.get(slug="riverside")
    index = improvements_index_ensure()
    report = Report.objects.create(
        neighbourhood=elm,
        reporter=UserFactory(),
        category=ReportCategory.LIGHTING,
        description="The light on the landing is out.",
    )
    today = timezone.localdate()
    check = EstateCheck.objects.create(
        title="Spring estate check",
        opens_on=today - timedelta(days=40),
        closes_on=today - timedelta(days=10),
    )
    check.neighbourhoods.set([elm])
    question = EstateCheckQuestion.objects.create(
        estate_check=check, text="How safe do the stairs feel at night?"
    )
    for _number in range(5):
        response = EstateCheckResponse.objects.create(
            estate_check=check, person=UserFactory(), neighbourhood=elm
        )
        EstateCheckAnswer.objects.create(response=response, question=question, score=2)
    improvement_publish(
        index,
        neighbourhood=elm,
        title="A new light on the landing",
        reports=[report],
        checks=[check],
        photos=True,
    )
    improvement_publish(index, neighbourhood=river, title="Grass cut by the play area")

    context = context_new(viewport={"width": width, "height": 800})
    page = context.new_page()
    visit(page, "/")
    with page.expect_navigation():
        page.get_by_role("link", name="See everything we did").click()
    axe_check(page)
    assert "2 improvements" in page.content()
    if width == 320:
        assert_fits_width(page, 320)

    page.get_by_label("Neighbourhood", exact=True).select_option(label="Riverside")
    submit(page, "Show improvements", label="Riverside only")
    assert "1 improvement in Riverside" in page.content()
    assert page.get_by_role("link", name="A new light on the landing").count() == 0
    page.get_by_label("Neighbourhood", exact=True).select_option(label=elm.name)
    submit(page, "Show improvements", label="Elm Court only")

    with page.expect_navigation():
        page.get_by_role("link", name="A new light on the landing").click()
    axe_check(page, label="the improvement")
    assert page.get_by_role("img", name="The dark landing before").is_visible()
    assert page.get_by_role("img", name="The landing with its new light").is_visible()
    assert "£1,250.00" in page.content()
    assert "How safe do the stairs feel at night?" in page.content()
    if width == 320:
        assert_fits_width(page, 320)

    with page.expect_navigation():
        page.get_by_role("link", name="Lighting, reported on").click()
    axe_check(page, label="the report")
    with page.expect_navigation():
        page.get_by_role("link", name="See what we did: A new light on the landing").click()
    assert page.get_by_role("heading", name="A new light on the landing").is_visible()
