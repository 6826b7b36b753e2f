"""The dashboard pages: who may see them, what they show, CSV files and background exports."""

import csv
import io
import zipfile

from django.urls import reverse

import pytest

from dashboards.models import DashboardExport, ExportStatus
from tests.factories.users import UserFactory
from training.users import roles

pytestmark = pytest.mark.django_db

URL = reverse("dashboards:dashboard")
ALL_TIME = {"period": "all"}


def csv_rows(response) -> list[list[str]]:
    assert response.content.startswith(b"\xef\xbb\xbf")  # a UTF-8 BOM, for Excel
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize(
    "role", [roles.LEARNER, roles.COURSE_EDITOR, roles.MODERATOR, roles.SAFEGUARDING_OFFICER]
)
def test_other_roles_are_refused(client, role_users, role):
    client.force_login(role_users[role])
    assert client.get(URL).status_code == 403
    assert client.get(reverse("dashboards:table_csv", args=["headline"])).status_code == 403
    assert client.post(reverse("dashboards:export_new")).status_code == 403
    assert not DashboardExport.objects.exists()


def test_the_header_link_shows_only_to_those_allowed(client, learner, manager, champion):
    client.force_login(learner)
    assert URL not in client.get(reverse("users:profile")).content.decode()
    for person in (manager, champion):
        client.force_login(person)
        assert f'href="{URL}"' in client.get(reverse("users:profile")).content.decode()


def test_a_manager_sees_every_place(client, manager, world):
    client.force_login(manager)
    response = client.get(URL, ALL_TIME)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Figures for every place" in page
    assert "By neighbourhood" in page and "By community centre" in page
    assert "<td>25</td>" in page  # lessons completed, all time
    assert "<td>hidden</td>" in page
    # One chart (the trend), beside its data table.
    assert page.count('<figure class="dashboard-chart">') == 1
    # Managers get counts of stalled learners, never names.
    assert "Person A6" not in page


def test_a_champion_sees_their_centre_with_names_of_stalled_learners(client, world):
    champion = UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=world.alder_hall)
    client.force_login(champion)
    page = client.get(URL, {**ALL_TIME, "centre": "birch-house"}).content.decode()
    assert "Figures for learners of Alder Hall" in page
    assert "By neighbourhood" not in page
    assert 'id="filter-centre"' not in page  # the place filters are not offered
    assert "Person A6" in page and "X lesson 2" in page  # stalled, with their last lesson
    assert "Person B2" not in page  # Birch House's learner
    rows = csv_rows(client.get(reverse("dashboards:table_csv", args=["stalled"]), ALL_TIME))
    assert rows[0] == ["Learner", "Course", "Last lesson", "Last active"]
    assert [row[0] for row in rows[1:]] == ["Person A6", "Person C1"]
    # Tables of other places are not there at all.
    assert client.get(reverse("dashboards:table_csv", args=["centres"])).status_code == 404


def test_filters_stay_in_the_address_and_in_the_download_links(client, manager, world):
    client.force_login(manager)
    page = client.get(URL, {"period": "all", "neighbourhood": "alder"}).content.decode()
    assert '<option value="alder" selected>' in page
    assert "Showing everything up to" in page and "Neighbourhood: Alder." in page
    assert "/dashboard/csv/headline/?period=all&amp;neighbourhood=alder" in page


def test_a_bad_filter_gets_a_message_and_the_rest_still_work(client, manager, world):
    client.force_login(manager)
    response = client.get(URL, {"period": "forever", "neighbourhood": "nowhere"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose a period from the list." in page
    assert "Choose a neighbourhood from the list." in page
    assert "Dashboard" in page


def test_csv_of_a_table_matches_the_page_and_hides_small_numbers(client, manager, world):
    client.force_login(manager)
    response = client.get(
        reverse("dashboards:table_csv", args=["neighbourhoods"]), {"period": "all"}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert csv_rows(response) == [
        ["Neighbourhood", "Active learners", "Lessons completed", "Done with help (share)"],
        # Alder all time: a1..a6 and c1: 7 learners, 23 lessons, 5 with help (22%); hidden, as
        # the headline's 9 learners minus 7 would give Birch's 2 (secondary suppression).
        ["Alder", "hidden", "hidden", "hidden"],
        ["Birch", "hidden", "hidden", "hidden"],
    ]


def test_every_table_downloads(client, manager, world):
    client.force_login(manager)
    for slug in [
        "headline",
        "sustained",
        "courses",
        "trend",
        "neighbourhoods",
        "centres",
        "learner-types",
        "skill-areas",
        "stalled",
    ]:
        response = client.get(reverse("dashboards:table_csv", args=[slug]), ALL_TIME)
        assert response.status_code == 200, slug
        assert len(csv_rows(response)) >= 2, slug
    assert client.get(reverse("dashboards:table_csv", args=["nothing"])).status_code == 404


def test_an_export_is_built_in_the_background_and_only_its_requester_downloads_it(
    client, manager, world, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("dashboards:export_new"), {"period": "all"})
    export = DashboardExport.objects.get()
    assert response["Location"] == reverse("dashboards:export_detail", args=[export.pk])
    assert export.filters == {"period": "all"} and export.every_place
    # Before the task has run: "being prepared".
    page = client.get(response["Location"]).content.decode()
    assert "Being prepared" in page
    assert client.get(reverse("dashboards:export_download", args=[export.pk])).status_code == 404

    for callback in callbacks:  # the task, enqueued on commit (eager here)
        callback()
    export.refresh_from_db()
    assert export.status == ExportStatus.READY
    page = client.get(response["Location"]).content.decode()
    assert "Ready" in page and "Download the file" in page

    download = client.get(reverse("dashboards:export_download", args=[export.pk]))
    assert download.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert sorted(archive.namelist()) == sorted(
        f"{slug}.csv"
        for slug in [
            "headline",
            "sustained",
            "courses",
            "trend",
            "neighbourhoods",
            "centres",
            "learner-types",
            "skill-areas",
            "stalled",
        ]
    )
    neighbourhoods = list(
        csv.reader(io.StringIO(archive.read("neighbourhoods.csv").decode("utf-8-sig")))
    )
    assert neighbourhoods[1] == ["Alder", "hidden", "hidden", "hidden"]
    assert neighbourhoods[2][1] == "hidden"

    # Another manager cannot see or download it.
    client.force_login(UserFactory(role=roles.MANAGER))
    assert client.get(reverse("dashboards:export_detail", args=[export.pk])).status_code == 404
    assert client.get(reverse("dashboards:export_download", args=[export.pk])).status_code == 404


def test_the_export_task_is_idempotent_and_a_champions_export_keeps_their_scope(world):
    from django.http import QueryDict

    from dashboards.access import Scope
    from dashboards.filters import DashboardFilterForm, filters_from
    from dashboards.tasks import dashboard_export_build

    champion = UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=world.alder_hall)
    scope = Scope(every_place=False, centre=world.alder_hall)
    export = DashboardExport.objects.create(
        requested_by=champion, filters={"period": "all"}, centre=world.alder_hall
    )
    name = dashboard_export_build(export_id=str(export.pk))
    assert dashboard_export_build(export_id=str(export.pk)) == name  # nothing built twice
    export.refresh_from_db()
    with export.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    assert "centres.csv" not in archive.namelist()
    stalled = archive.read("stalled.csv").decode()
    assert "Person A6" in stalled and "Person B2" not in stalled
    filters = filters_from(DashboardFilterForm(QueryDict("period=all"), scope=scope))
    assert filters.centre == world.alder_hall
    assert dashboard_export_build(export_id="00000000-0000-0000-0000-000000000000") is None


def test_a_failed_export_says_so(client, manager, world, monkeypatch):
    from dashboards import services

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "dashboard_tables", broken)
    client.force_login(manager)
    response = client.post(reverse("dashboards:export_new"), {"period": "all"})
    export = DashboardExport.objects.get()
    from dashboards.tasks import dashboard_export_build

    dashboard_export_build(export_id=str(export.pk))
    page = client.get(response["Location"]).content.decode()
    assert "could not make this file" in page


def test_exports_older_than_a_week_are_deleted_with_their_files(manager, world):
    from datetime import timedelta

    from django.core.files.storage import storages
    from django.utils import timezone

    from dashboards.services import export_build
    from dashboards.tasks import dashboard_exports_expire

    old = DashboardExport.objects.create(
        requested_by=manager, every_place=True, filters={"period": "all"},
        requested_at=timezone.now() - timedelta(days=8),
    )  # fmt: skip
    recent = DashboardExport.objects.create(requested_by=manager, every_place=True)
    name = export_build(export=old).file.name
    assert storages["private"].exists(name)
    assert dashboard_exports_expire() == 1
    assert not storages["private"].exists(name)
    assert list(DashboardExport.objects.all()) == [recent]
    assert dashboard_exports_expire() == 0


def test_export_files_are_kept_in_private_storage_not_under_media(settings):
    from pathlib import Path

    from django.core.files.base import ContentFile

    from dashboards.models import DashboardExport
    from tests.factories.users import UserFactory

    export = DashboardExport.objects.create(requested_by=UserFactory(), filters={})
    export.file.save("names.zip", ContentFile(b"zip"), save=True)

    stored = Path(export.file.path)
    assert stored.read_bytes() == b"zip"
    assert stored.is_relative_to(settings.PRIVATE_FILES_ROOT)
    assert not stored.is_relative_to(settings.MEDIA_ROOT)
    export.file.delete(save=False)


def test_with_no_period_chosen_the_form_shows_the_period_used(client, manager):
    client.force_login(manager)
    html = client.get("/dashboard/").content.decode()
    assert '<option value="12m" selected>' in html
    assert '<option value="4w" selected>' not in html
