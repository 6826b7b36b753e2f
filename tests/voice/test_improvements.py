"""You said, we did: improvement pages under one index, the people of their reports told once,
shown on neighbourhood pages and the home page, who may publish them."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageLogEntry

import pytest

from notifications.models import Notification, NotificationKind
from tests.factories.courses import image_create
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent
from training.users import roles
from training.users.models import User
from voice.improvements_services import (
    TOLD_LOG_ACTION,
    improvement_people_tell,
    improvements_index_ensure,
)
from voice.models import (
    EstateCheck,
    EstateCheckQuestion,
    ImprovementPage,
    ImprovementTold,
    Report,
    ReportAffected,
    ReportCategory,
    TenantVerification,
    VerificationMethod,
    YouSaidWeDidIndexPage,
)
from voice.verbs import IMPROVEMENT_PEOPLE_TOLD

pytestmark = pytest.mark.django_db


def verify(person, tenancy):
    TenantVerification.objects.create(
        person=person, tenancy=tenancy, method=VerificationMethod.IN_PERSON
    )
    return person


@pytest.fixture
def index(db):
    return improvements_index_ensure()


def report_add(*, neighbourhood, reporter=None, affected=(), description="The light is out."):
    report = Report.objects.create(
        neighbourhood=neighbourhood,
        reporter=reporter,
        category=ReportCategory.LIGHTING,
        description=description,
    )
    for person in affected:
        ReportAffected.objects.create(report=report, person=person)
    return report


def improvement_add(
    index,
    *,
    neighbourhood,
    title="A new light on the landing",
    reports=(),
    checks=(),
    done_on=None,
    publish=True,
    user=None,
    **fields,
):
    page = ImprovementPage(
        title=title,
        tenants_said="The stairs in block B are dark at night.",
        we_did="<p>We fitted a new light on the second-floor landing.</p>",
        neighbourhood=neighbourhood,
        done_on=done_on or date(2026, 11, 20),
        live=False,
        **fields,
    )
    page.reports = list(reports)
    page.estate_checks = list(checks)
    index.add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    page.refresh_from_db()
    return page


# --- Telling the people of the linked reports -------------------------------------------------


def test_publishing_tells_reporters_and_affected_once_each(index, elm, river):
    reporter, neighbour, both, stranger = UserFactory.create_batch(4)
    first = report_add(neighbourhood=elm, reporter=reporter, affected=[neighbour, both])
    second = report_add(neighbourhood=elm, reporter=both, description="Dark stairs again.")
    report_add(neighbourhood=elm, reporter=stranger, description="Not linked.")
    editor = UserFactory(role=roles.COURSE_EDITOR)

    page = improvement_add(index, neighbourhood=elm, reports=[first, second], user=editor)

    told = Notification.objects.filter(kind=NotificationKind.IMPROVEMENT)
    assert sorted(told.values_list("recipient_id", flat=True)) == sorted(
        [reporter.pk, neighbour.pk, both.pk]
    )
    notice = told.get(recipient=reporter)
    assert page.title in notice.subject
    assert notice.url == page.url
    assert set(ImprovementTold.objects.values_list("person_id", flat=True)) == {
        reporter.pk,
        neighbour.pk,
        both.pk,
    }
    event = ActivityEvent.objects.get(verb=IMPROVEMENT_PEOPLE_TOLD)
    assert event.actor_id == editor.pk
    assert event.context["people"] == 3
    assert PageLogEntry.objects.filter(action=TOLD_LOG_ACTION).count() == 1

    # Republished (a correction): nobody is told twice.
    page.title = "A new light on the landing of block B"
    page.save_revision(user=editor).publish(user=editor)
    assert told.count() == 3
    assert improvement_people_tell(page=page) == 0


def test_a_report_linked_later_tells_only_its_new_people(index, elm):
    reporter, later = UserFactory.create_batch(2)
    first = report_add(neighbourhood=elm, reporter=reporter)
    page = improvement_add(index, neighbourhood=elm, reports=[first])
    second = report_add(neighbourhood=elm, reporter=later, affected=[reporter])
    page.reports = [first, second]
    page.save_revision().publish()
    assert sorted(Notification.objects.values_list("recipient_id", flat=True)) == sorted(
        [reporter.pk, later.pk]
    )


def test_a_draft_tells_nobody(index, elm):
    report = report_add(neighbourhood=elm, reporter=UserFactory())
    page = improvement_add(index, neighbourhood=elm, reports=[report], publish=False)
    assert improvement_people_tell(page=page) == 0
    assert not Notification.objects.exists()


def test_scheduled_publishing_tells_them(index, elm):
    from django.core.management import call_command
    from django.utils import timezone

    reporter = UserFactory()
    report = report_add(neighbourhood=elm, reporter=reporter)
    page = improvement_add(index, neighbourhood=elm, reports=[report], publish=False)
    page.go_live_at = timezone.now() - timedelta(minutes=1)
    page.save_revision().publish()  # a go-live date in the past publishes straight away
    assert Notification.objects.filter(recipient=reporter).count() == 1

    later_reporter = UserFactory()
    other = report_add(neighbourhood=elm, reporter=later_reporter, description="Other.")
    scheduled = improvement_add(
        index, neighbourhood=elm, title="Later", reports=[other], publish=False
    )
    scheduled.go_live_at = timezone.now() + timedelta(hours=1)
    scheduled.save_revision().publish()  # scheduled, not live yet
    assert not Notification.objects.filter(recipient=later_reporter).exists()
    from wagtail.models import Revision

    Revision.objects.filter(object_id=str(scheduled.pk)).update(
        approved_go_live_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("publish_scheduled", verbosity=0)
    assert Notification.objects.filter(recipient=later_reporter).count() == 1


def test_index_ensure_is_idempotent_and_gives_editors_page_permissions(db):
    from wagtail.models import GroupPagePermission

    first = improvements_index_ensure()
    second = improvements_index_ensure()
    assert first.pk == second.pk
    assert YouSaidWeDidIndexPage.objects.count() == 1
    assert first.live and first.url == "/you-said-we-did/"
    granted = set(
        GroupPagePermission.objects.filter(page=first).values_list(
            "group__name", "permission__codename"
        )
    )
    assert granted == {
        (group, codename)
        for group in (roles.COURSE_EDITOR, roles.MANAGER)
        for codename in ("add_page", "change_page", "publish_page")
    }


# --- The page's fields ------------------------------------------------------------------------


def test_cost_cannot_be_negative(index, elm):
    page = ImprovementPage(
        title="Bins",
        slug="bins",
        tenants_said="Bins overflow.",
        we_did="<p>More bins.</p>",
        neighbourhood=elm,
        cost=Decimal("-1.00"),
    )
    with pytest.raises(ValidationError) as refused:
        page.full_clean(exclude=["path", "depth"])
    assert "cost" in refused.value.message_dict
    page.cost = Decimal("0.00")
    page.full_clean(exclude=["path", "depth"])


def test_photos_need_alt_text(index, elm):
    page = ImprovementPage(
        title="Bins",
        slug="bins",
        tenants_said="Bins overflow.",
        we_did="<p>More bins.</p>",
        neighbourhood=elm,
        before_photo=image_create(),
        after_photo=image_create(),
        after_photo_alt="New bins by block A",
    )
    with pytest.raises(ValidationError) as refused:
        page.full_clean(exclude=["path", "depth"])
    assert set(refused.value.message_dict) == {"before_photo_alt"}


# --- The pages ----------------------------------------------------------------------------------


def check_closed_with_answers(neighbourhood, *, people: int):
    from voice.models import EstateCheckAnswer, EstateCheckResponse

    check = EstateCheck.objects.create(
        title="Spring estate check", opens_on=date(2026, 3, 1), closes_on=date(2026, 3, 31)
    )
    check.neighbourhoods.set([neighbourhood])
    question = EstateCheckQuestion.objects.create(
        estate_check=check, text="How safe do the stairs feel at night?"
    )
    for _number in range(people):
        response = EstateCheckResponse.objects.create(
            estate_check=check, person=UserFactory(), neighbourhood=neighbourhood
        )
        EstateCheckAnswer.objects.create(response=response, question=question, score=2)
    return check


def test_improvement_page_shows_what_was_said_and_done_and_links_back(client, index, elm):
    report = report_add(neighbourhood=elm, reporter=UserFactory(display_name="Robin Secret"))
    check = check_closed_with_answers(elm, people=5)
    page = improvement_add(
        index,
        neighbourhood=elm,
        reports=[report],
        checks=[check],
        cost=Decimal("1250.50"),
        before_photo=image_create(title="before"),
        before_photo_alt="The dark landing before",
        after_photo=image_create(title="after"),
        after_photo_alt="The landing with its new light",
    )
    html = client.get(page.url).content.decode()
    assert "The stairs in block B are dark at night." in html
    assert "We fitted a new light" in html
    assert "£1,250.50" in html
    assert 'alt="The dark landing before"' in html
    assert 'alt="The landing with its new light"' in html
    assert f'href="{report.get_absolute_url()}"' in html
    assert "Robin Secret" not in html  # a public page: no reporter's name
    assert "Spring estate check" in html
    assert "How safe do the stairs feel at night?" in html and "2.0" in html

    detail = client.get(report.get_absolute_url()).content.decode()
    assert "See what we did" in detail and f'href="{page.url}"' in detail


def test_report_of_a_draft_improvement_does_not_link_to_it(client, index, elm):
    report = report_add(neighbourhood=elm, reporter=UserFactory())
    improvement_add(index, neighbourhood=elm, reports=[report], publish=False)
    assert "See what we did" not in client.get(report.get_absolute_url()).content.decode()


def test_index_lists_newest_first_filters_by_neighbourhood_and_paginates(client, index, elm, river):
    improvement_add(index, neighbourhood=elm, title="Older in Elm", done_on=date(2026, 1, 5))
    improvement_add(index, neighbourhood=elm, title="Newer in Elm", done_on=date(2026, 6, 5))
    improvement_add(index, neighbourhood=river, title="By the river", done_on=date(2026, 3, 5))
    html = client.get(index.url).content.decode()
    assert html.index("Newer in Elm") < html.index("By the river") < html.index("Older in Elm")
    assert "3 improvements" in html

    filtered = client.get(index.url, {"neighbourhood": river.slug}).content.decode()
    assert "By the river" in filtered and "Elm" not in filtered.split("<h2>")[-1]
    assert "1 improvement in Riverside" in filtered

    unknown = client.get(index.url, {"neighbourhood": "nowhere"})
    assert unknown.status_code == 200 and "3 improvements" in unknown.content.decode()

    for number in range(10):
        improvement_add(
            index, neighbourhood=river, title=f"More {number}", done_on=date(2025, 1, 1)
        )
    second = client.get(index.url, {"page": 2}).content.decode()
    assert "Page 2 of 2" in second and "Older in Elm" not in second


def test_neighbourhood_page_shows_its_latest_three(client, index, elm, river):
    for day in range(1, 5):
        improvement_add(
            index, neighbourhood=elm, title=f"Elm job {day}", done_on=date(2026, 5, day)
        )
    improvement_add(index, neighbourhood=river, title="River job")
    html = client.get(f"/community/neighbourhoods/{elm.slug}/").content.decode()
    assert "You said, we did" in html
    assert [f"Elm job {day}" in html for day in (4, 3, 2, 1)] == [True, True, True, False]
    assert "River job" not in html
    assert f"/you-said-we-did/?neighbourhood={elm.slug}" in html


def test_home_page_shows_the_newest_three(client, index, elm, river):
    for day in range(1, 5):
        improvement_add(index, neighbourhood=elm, title=f"Job {day}", done_on=date(2026, 5, day))
    html = client.get("/").content.decode()
    assert [f"Job {day}" in html for day in (4, 3, 2, 1)] == [True, True, True, False]
    assert 'href="/you-said-we-did/"' in html


def test_pages_without_improvements_show_no_section(client, index, elm):
    assert (
        "You said, we did"
        not in client.get(f"/community/neighbourhoods/{elm.slug}/").content.decode()
    )
    assert 'href="/you-said-we-did/"' not in client.get("/").content.decode()


# --- Query budget -------------------------------------------------------------------------------
QUERY_BUDGET = 15


def count_queries(client, address, data=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, data or {})
    assert response.status_code == 200
    return len(queries.captured_queries)


def fill(index, neighbourhood, *, how_many: int, start: int = 0) -> None:
    for number in range(start, start + how_many):
        report = report_add(neighbourhood=neighbourhood, reporter=UserFactory())
        improvement_add(
            index,
            neighbourhood=neighbourhood,
            title=f"Job {number}",
            reports=[report],
            after_photo=image_create(title=f"after {number}"),
            after_photo_alt="After",
        )


def test_query_counts_are_small_and_the_same_at_two_sizes(client, index, elm):
    client.force_login(UserFactory())  # signed in: the anonymous page cache would hide queries
    fill(index, elm, how_many=1)
    page = ImprovementPage.objects.get()
    addresses = [
        (f"/community/neighbourhoods/{elm.slug}/", None),
        ("/", None),
        (index.url, None),
        (index.url, {"neighbourhood": elm.slug}),
    ]
    for address, data in addresses:
        client.get(address, data or {})  # warm renditions and site-wide caches
    small = [count_queries(client, address, data) for address, data in addresses]
    fill(index, elm, how_many=12, start=1)
    for address, data in addresses:
        client.get(address, data or {})
    large = [count_queries(client, address, data) for address, data in addresses]
    assert small == large
    assert max(large) <= QUERY_BUDGET

    page.before_photo = image_create(title="before")
    page.before_photo_alt = "Before"
    page.estate_checks = [check_closed_with_answers(elm, people=5)]
    page.save_revision().publish()
    client.get(page.url)
    one = count_queries(client, page.url)
    page.reports.add(*[report_add(neighbourhood=elm, reporter=UserFactory()) for _n in range(5)])
    page.estate_checks.add(check_closed_with_answers(elm, people=6))
    page.save_revision().publish()
    client.get(page.url)
    assert count_queries(client, page.url) == one <= QUERY_BUDGET


# --- The demo -----------------------------------------------------------------------------------


def test_demo_seeds_an_improvement_in_each_neighbourhood_once(client, demo_seeded):
    import json
    from io import StringIO

    from django.core.management import call_command

    from demo.voice import IMPROVEMENTS_FILE

    slugs = [item["slug"] for item in json.loads(IMPROVEMENTS_FILE.read_text())["improvements"]]
    improvements = ImprovementPage.objects.live().filter(slug__in=slugs)
    assert sorted(page.neighbourhood.slug for page in improvements) == [
        "elm-court",
        "hillview",
        "riverside",
    ]
    for page in improvements:
        assert page.reports.exists() and page.estate_checks.exists()
        assert page.before_photo and page.after_photo
        assert page.before_photo_alt and page.after_photo_alt
        assert client.get(page.url).status_code == 200
    light = improvements.get(neighbourhood__slug="elm-court")
    tenant = User.objects.get(email="tenant@example.com")
    assert light.reports.get().reporter == tenant
    told = Notification.objects.filter(recipient=tenant, url=light.url)
    assert told.count() == 1

    count = ImprovementPage.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert ImprovementPage.objects.count() == count
    assert told.count() == 1
    html = client.get("/").content.decode()
    newest = ImprovementPage.objects.live().order_by("-done_on", "-first_published_at", "-pk")
    assert all(page.title in html for page in newest[:3])


# --- Who may publish: Course Editors and Managers, in the admin ---------------------------------


def admin_add_url(index) -> str:
    return f"/admin/pages/add/voice/improvementpage/{index.pk}/"


def admin_form(elm, *, reports=(), **changes) -> dict:
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    data = {
        "title": "Brighter stairs",
        "slug": "brighter-stairs",
        "tenants_said": "The stairs are dark at night.",
        "we_did": rich_text("<p>We fitted new lights.</p>"),
        "neighbourhood": elm.pk,
        "done_on": "2026-11-20",
        "cost": "99.50",
        "before_photo_alt": "",
        "after_photo_alt": "",
        "action-publish": "publish",
    } | changes
    form = nested_form_data(data)
    form["reports"] = [report.pk for report in reports]
    return form


@pytest.mark.parametrize("role", [roles.COURSE_EDITOR, roles.MANAGER])
def test_editors_and_managers_publish_an_improvement_in_the_admin(client, index, elm, role):
    reporter = UserFactory()
    report = report_add(neighbourhood=elm, reporter=reporter)
    client.force_login(UserFactory(role=role))
    assert client.get(admin_add_url(index)).status_code == 200
    response = client.post(admin_add_url(index), admin_form(elm, reports=[report]))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ImprovementPage.objects.get()
    assert page.live and page.cost == Decimal("99.50")
    assert list(page.reports.all()) == [report]
    assert Notification.objects.filter(recipient=reporter).count() == 1
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert client.get("/admin/images/chooser/").status_code == 200  # for the photos


def test_a_negative_cost_is_explained_by_the_field_in_the_admin(client, index, elm):
    client.force_login(UserFactory(role=roles.MANAGER))
    response = client.post(admin_add_url(index), admin_form(elm, cost="-5"))
    assert response.status_code == 200
    assert "The cost cannot be less than £0." in response.content.decode()
    assert not ImprovementPage.objects.exists()


def test_linked_reports_and_checks_must_be_of_its_neighbourhood(client, index, elm, river):
    client.force_login(UserFactory(role=roles.COURSE_EDITOR))
    elsewhere = report_add(neighbourhood=river, reporter=UserFactory())
    check = check_closed_with_answers(river, people=1)
    form = admin_form(elm, reports=[elsewhere])
    form["estate_checks"] = [check.pk]
    response = client.post(admin_add_url(index), form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tick only problems reported in Elm Court estate" in html
    assert "Tick only estate checks that asked tenants in Elm Court estate." in html
    assert not ImprovementPage.objects.exists()


@pytest.mark.parametrize(
    "role", [roles.LEARNER, roles.HOUSING_OFFICER, roles.DIGITAL_CHAMPION, roles.MODERATOR]
)
def test_others_cannot_add_or_edit_improvements(client, index, elm, role):
    """Learners (tenants) and Housing Officers have no admin access (a Housing Officer's work
    is the status of reports, on the site); other staff have no right to these pages."""
    page = improvement_add(index, neighbourhood=elm)
    user = UserFactory(role=role)
    if role == roles.HOUSING_OFFICER:
        from training.places.services import staff_neighbourhood_set

        staff_neighbourhood_set(person=user, neighbourhood=elm, by=UserFactory(role=roles.MANAGER))
    client.force_login(user)
    for address in (admin_add_url(index), f"/admin/pages/{page.pk}/edit/"):
        response = client.get(address)
        assert response.status_code in (302, 403), address
        if response.status_code == 302:
            assert not response["Location"].startswith(address)
    client.post(admin_add_url(index), admin_form(elm))
    client.post(f"/admin/pages/{page.pk}/edit/", admin_form(elm, title="Changed"))
    assert list(ImprovementPage.objects.values_list("title", flat=True)) == [page.title]
    permissions = page.permissions_for_user(user)
    assert not permissions.can_edit() and not permissions.can_publish()
    assert not index.permissions_for_user(user).can_add_subpage()
