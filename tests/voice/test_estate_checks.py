"""Estate checks: Managers open them in the admin; verified tenants of the neighbourhood answer
once (and change their answers until it closes) with photos and a place; results show per
neighbourhood once closed."""

from datetime import timedelta

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from tests.factories.users import UserFactory
from training.users import roles
from voice.models import EstateCheck

pytestmark = pytest.mark.django_db

ADMIN_ADD = "/admin/voice/estate-checks/add/"
ADMIN_LIST = "/admin/voice/estate-checks/"


def admin_form(*neighbourhoods, questions=("How clean are the shared areas?",), **dates):
    today = timezone.localdate()
    data = nested_form_data(
        {
            "title": "Spring estate check",
            "introduction": "",
            "opens_on": dates.get("opens_on", today).isoformat(),
            "closes_on": dates.get("closes_on", today + timedelta(days=14)).isoformat(),
            "questions": inline_formset([{"text": text} for text in questions]),
        }
    )
    data["neighbourhoods"] = [n.pk for n in neighbourhoods]
    return data


# --- In the admin: Tenant voice → Estate checks ---------------------------------------------------
def test_a_manager_opens_a_check_with_questions_in_the_admin(client, manager, elm, river):
    client.force_login(manager)
    assert "Estate checks" in client.get("/admin/").content.decode()
    response = client.post(
        ADMIN_ADD,
        admin_form(elm, river, questions=("How clean are the shared areas?", "How safe is it?")),
    )
    assert response.status_code == 302
    check = EstateCheck.objects.get()
    assert [q.text for q in check.questions.all()] == [
        "How clean are the shared areas?",
        "How safe is it?",
    ]
    assert set(check.neighbourhoods.all()) == {elm, river}
    assert "Spring estate check" in client.get(ADMIN_LIST + "?q=spring").content.decode()


def test_a_check_that_closes_before_it_opens_is_explained_by_the_field(client, manager, elm):
    client.force_login(manager)
    today = timezone.localdate()
    response = client.post(
        ADMIN_ADD, admin_form(elm, opens_on=today, closes_on=today - timedelta(days=1))
    )
    assert response.status_code == 200
    assert "The closing date must be on or after the opening date." in response.content.decode()
    assert not EstateCheck.objects.exists()


@pytest.mark.parametrize(
    "role",
    [roles.DIGITAL_CHAMPION, roles.COURSE_EDITOR, roles.MODERATOR, roles.SAFEGUARDING_OFFICER],
)
def test_other_staff_cannot_open_checks(client, role, elm):
    client.force_login(UserFactory(role=role))
    assert "Estate checks" not in client.get("/admin/").content.decode()
    assert client.get(ADMIN_LIST).status_code == 302
    client.post(ADMIN_ADD, admin_form(elm))
    assert not EstateCheck.objects.exists()


@pytest.mark.parametrize("role", [roles.LEARNER, roles.HOUSING_OFFICER])
def test_people_without_admin_access_cannot_open_checks(client, role, elm):
    client.force_login(UserFactory(role=role))
    response = client.post(ADMIN_ADD, admin_form(elm))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not EstateCheck.objects.exists()
