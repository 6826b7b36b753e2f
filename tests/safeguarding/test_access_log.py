"""The access log: every read, change, download, export and refusal is written; nobody can
change or delete an entry (not the model, not the queryset, not the admin); Managers see
counts only; superusers read it, read-only, in the Django admin; officers cannot."""

from django.db import transaction

import pytest

from safeguarding.access_log import access_log_record
from safeguarding.models import AccessLogAppendOnly, AccessLogEntry
from safeguarding.selectors import access_log_counts
from tests.factories.users import UserFactory
from tests.safeguarding.cases import DESCRIPTION, case_make
from training.users import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(db):
    return UserFactory(role=roles.SAFEGUARDING_OFFICER, display_name="Sam Officer")


def test_every_read_change_download_and_export_is_logged(client, officer):
    report = case_make(evidence=True)
    client.force_login(officer)
    client.get("/safeguarding/cases/")
    client.get(f"/safeguarding/cases/{report.pk}/")
    client.post(f"/safeguarding/cases/{report.pk}/", {"form": "note", "note-text": "Seen."})
    client.get(f"/safeguarding/cases/evidence/{report.evidence.get().pk}/")
    client.get("/safeguarding/cases/export.csv")
    entries = list(AccessLogEntry.objects.order_by("pk"))
    assert [entry.action for entry in entries] == [
        "list",
        "read",
        "change",
        "download",
        "export",
    ]
    assert {entry.person_id for entry in entries} == {officer.pk}
    assert all("Sam Officer" in entry.person_name for entry in entries)
    assert {entry.report_reference for entry in entries[1:4]} == {report.reference}
    for entry in entries:
        assert DESCRIPTION not in entry.detail
        assert "Seen." not in entry.detail


def test_a_refusal_is_logged(client):
    client.force_login(UserFactory(role=roles.MANAGER))
    assert client.get("/safeguarding/cases/").status_code == 403
    entry = AccessLogEntry.objects.get()
    assert (entry.action, entry.path) == ("refused", "/safeguarding/cases/")


def test_an_entry_cannot_be_changed_or_deleted(officer):
    entry = access_log_record(person=officer, action="read", reference="ABCD2345")
    entry.detail = "changed"
    with pytest.raises(AccessLogAppendOnly):
        entry.save()
    with pytest.raises(AccessLogAppendOnly):
        entry.delete()
    with pytest.raises(AccessLogAppendOnly):
        AccessLogEntry.objects.filter(pk=entry.pk).update(detail="changed")
    with pytest.raises(AccessLogAppendOnly):
        AccessLogEntry.objects.all().delete()
    with pytest.raises(AccessLogAppendOnly), transaction.atomic():
        AccessLogEntry.objects.bulk_update([entry], ["detail"])
    assert AccessLogEntry.objects.get().detail == ""


def test_the_log_outlives_the_officers_account(officer):
    access_log_record(person=officer, action="read", reference="ABCD2345")
    officer.delete()
    entry = AccessLogEntry.objects.get()
    assert entry.person_id is not None
    assert "Sam Officer" in entry.person_name


def test_managers_see_counts_only(officer):
    for _ in range(3):
        access_log_record(person=officer, action="read", reference="ABCD2345")
    access_log_record(person=officer, action="export")
    counts = dict(access_log_counts())
    assert counts["Read a report"] == 3
    assert counts["Exported the list"] == 1
    assert all(isinstance(count, int) for count in counts.values())


@pytest.mark.parametrize(
    "role", [roles.SAFEGUARDING_OFFICER, roles.MANAGER, roles.MODERATOR, roles.COURSE_EDITOR]
)
def test_only_superusers_read_the_log_in_the_django_admin(client, role):
    access_log_record(person=None, action="delete", reference="ABCD2345")
    entry = AccessLogEntry.objects.get()
    person = UserFactory(role=role, is_staff=True)
    client.force_login(person)
    assert client.get("/django-admin/safeguarding/accesslogentry/").status_code in (302, 403)
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    listing = client.get("/django-admin/safeguarding/accesslogentry/")
    assert listing.status_code == 200
    assert "ABCD2345" in listing.content.decode()
    change = f"/django-admin/safeguarding/accesslogentry/{entry.pk}/change/"
    page = client.get(change)
    assert page.status_code == 200  # a read-only view
    assert client.post(change, {"detail": "x"}).status_code == 403
    delete = client.post(f"/django-admin/safeguarding/accesslogentry/{entry.pk}/delete/")
    assert delete.status_code == 403
    assert AccessLogEntry.objects.count() == 1


def test_on_postgresql_the_database_refuses_too(officer):
    from django.db import DatabaseError, connection

    if connection.vendor != "postgresql":
        pytest.skip("the trigger is PostgreSQL's; SQLite relies on the model")
    entry = access_log_record(person=officer, action="read", reference="ABCD2345")
    for sql in (
        "UPDATE safeguarding_accesslogentry SET detail = 'x' WHERE id = %s",
        "DELETE FROM safeguarding_accesslogentry WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    assert AccessLogEntry.objects.get().detail == ""
