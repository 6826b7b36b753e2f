"""Importing the tenancy list: checked line by line, all or nothing, kept only as keyed hashes."""

import hashlib
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

import pytest

from tests.factories.users import UserFactory
from tests.factories.voice import csv_bytes, tenancy_add
from training.users import roles
from voice.models import Tenancy, TenancyImport, TenantVerification, VerificationMethod
from voice.selectors import tenant_verification_active
from voice.services import TenancyImportError, tenancies_import
from voice.tenancy_list import tenancy_reference_hash

pytestmark = pytest.mark.django_db

ADMIN_URL = "/admin/voice/tenancies/"


def stored_text() -> str:
    """Everything the tenancy tables hold, as one string, to look for references in."""
    rows = [
        *Tenancy.objects.values_list(),
        *TenancyImport.objects.values_list(),
        *TenantVerification.objects.values_list(),
    ]
    return repr(rows)


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(TenancyImportError) as raised:
        tenancies_import(data=data, by=None)
    return raised.value.problems


# --- A good file ----------------------------------------------------------------------------------


def test_a_good_file_is_stored_as_hashes_with_normalised_postcodes(elm, river, manager):
    data = csv_bytes(
        "TEN-000123,N1 8ZZ,Elm Court estate",
        " ten-000124 ,n18zy,elm-court",  # spaces and small letters are tidied
        "TEN/77.1,N1 7ZZ,RIVERSIDE",  # the neighbourhood by name or web address part, any case
    )
    result = tenancies_import(data=data, by=manager)

    assert (result.rows, result.added, result.changed, result.ended) == (3, 3, 0, 0)
    stored = {
        tenancy.reference_hash: (tenancy.postcode, tenancy.neighbourhood)
        for tenancy in Tenancy.objects.all()
    }
    assert stored == {
        tenancy_reference_hash("TEN-000123"): ("N1 8ZZ", elm),
        tenancy_reference_hash("TEN-000124"): ("N1 8ZY", elm),
        tenancy_reference_hash("TEN/77.1"): ("N1 7ZZ", river),
    }
    log = TenancyImport.objects.get()
    assert (log.imported_by, log.source, log.rows, log.added) == (manager, "admin", 3, 3)


def test_the_reference_itself_is_never_stored_only_a_keyed_hash(elm, settings):
    tenancies_import(data=csv_bytes("TEN-000123,N1 8ZZ,elm-court"), by=None)
    text = stored_text()
    assert "TEN-000123" not in text and "TEN000123" not in text.replace("-", "")
    tenancy = Tenancy.objects.get()
    assert len(tenancy.reference_hash) == 64
    # Keyed: not a plain hash anyone could recompute from a guessed reference.
    assert tenancy.reference_hash != hashlib.sha256(b"TEN-000123").hexdigest()
    # The key comes from settings: another key gives another hash, so the stored one no longer
    # matches, and without TENANCY_HASH_KEY it is derived from the secret key.
    settings.TENANCY_HASH_KEY = "a-different-key-for-this-test"
    assert tenancy_reference_hash("TEN-000123") != tenancy.reference_hash
    settings.TENANCY_HASH_KEY = ""
    assert tenancy_reference_hash("TEN-000123") == tenancy.reference_hash
    settings.SECRET_KEY = "another-secret-key-for-this-test"
    assert tenancy_reference_hash("TEN-000123") != tenancy.reference_hash


def test_a_spreadsheet_file_with_bom_crlf_and_empty_columns_is_read(elm):
    data = (
        "\ufeffPostcode,Tenancy_Reference,NEIGHBOURHOOD,,\r\n"
        "N1 8ZZ,TEN-1,Elm Court estate,,\r\n"
        ",,,,\r\n"
        "N1 8ZY,TEN-2,elm-court,,\r\n"
    ).encode()
    assert tenancies_import(data=data, by=None).added == 2
    assert set(Tenancy.objects.values_list("postcode", flat=True)) == {"N1 8ZZ", "N1 8ZY"}


# --- Bad rows: every problem with its line, and nothing stored ------------------------------------


def test_bad_lines_are_reported_with_their_numbers_and_nothing_is_stored(elm):
    data = csv_bytes(
        "TEN-000001,N1 8ZZ,elm-court",  # line 2: good
        ",N1 8ZZ,elm-court",  # line 3
        "TEN-000003,N1 8Z,elm-court",  # line 4
        "TEN-000004,N1 8ZZ,Elm Ct",  # line 5
        "ten-000001,N1 8ZY,elm-court",  # line 6: line 2's reference again
        "TEN-000006,N1 8ZZ",  # line 7
        "TEN 0000 07!,,",  # line 8
        "TEN-000008,N1 8ZZ,elm-court",  # line 9: good
    )

    problems = problems_of(data)

    assert problems == [
        "Line 3: the tenancy reference is empty.",
        "Line 4: the postcode is not a full UK postcode, like N1 8ZZ.",
        "Line 5: there is no neighbourhood called “Elm Ct”: use a name or web address part "
        "from Places → Neighbourhoods.",
        "Line 6: the same tenancy reference is on line 2.",
        "Line 7: it should have 3 values (tenancy reference, postcode, neighbourhood) and has 2.",
        "Line 8: the tenancy reference may have only letters, numbers, dashes, dots and slashes; "
        "the postcode is empty; the neighbourhood is empty.",
    ]
    assert not any("TEN" in problem for problem in problems)  # no reference is repeated
    assert not Tenancy.objects.exists()
    assert not TenancyImport.objects.exists()


def test_a_bad_reimport_leaves_the_list_as_it_was(elm):
    tenancies_import(data=csv_bytes("TEN-1,N1 8ZZ,elm-court", "TEN-2,N1 8ZZ,elm-court"), by=None)
    before = list(Tenancy.objects.values_list("reference_hash", "postcode", "ended_at"))

    problems_of(csv_bytes("TEN-1,N1 7ZZ,elm-court", "TEN-3,N1,elm-court"))

    assert list(Tenancy.objects.values_list("reference_hash", "postcode", "ended_at")) == before
    assert TenancyImport.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "The file is empty."),
        (b"\n\n", "The file is empty."),
        (
            b"reference,postcode\nTEN-1,N1 8ZZ\n",
            "Line 1: the first line must name the three columns: tenancy reference, postcode, "
            "neighbourhood.",
        ),
        (
            b"TEN-1,N1 8ZZ,elm-court\n",
            "Line 1: the first line must name the three columns: tenancy reference, postcode, "
            "neighbourhood.",
        ),
        (
            csv_bytes(),
            "The file names its columns but has no tenancies. Importing it would end every "
            "tenancy, so nothing was imported.",
        ),
        (
            "tenancy reference,postcode,neighbourhood\nTEN-1,N1 8ZZ,Élm\n".encode("latin-1"),
            "The file is not saved as UTF-8 text. In Excel, choose File → Save a copy → "
            "“CSV UTF-8 (comma delimited)”.",
        ),
    ],
    ids=["empty", "blank-lines", "wrong-header", "no-header", "header-only", "not-utf8"],
)
def test_a_file_that_is_not_a_tenancy_list_is_explained(elm, data, problem):
    tenancy_add("TEN-1", "N1 8ZZ", elm)
    assert problems_of(data) == [problem]
    assert Tenancy.objects.filter(ended_at__isnull=True).count() == 1


# --- Importing again: updates, ends, and brings back ----------------------------------------------


def test_reimporting_updates_rows_and_ends_tenancies_missing_from_the_file(elm, river, tenant):
    tenancies_import(
        data=csv_bytes(
            "TEN-A,N1 8ZZ,elm-court", "TEN-B,N1 8ZZ,elm-court", "TEN-C,N1 8ZY,elm-court"
        ),
        by=None,
    )
    verified_by_c = TenantVerification.objects.create(
        person=tenant,
        tenancy=Tenancy.objects.get(reference_hash=tenancy_reference_hash("TEN-C")),
        method=VerificationMethod.SELF,
    )
    assert tenant_verification_active(person=tenant) == verified_by_c

    result = tenancies_import(
        data=csv_bytes(
            "TEN-A,N1 7ZZ,riverside",  # moved to another neighbourhood
            "TEN-B,N1 8ZZ,elm-court",  # the same
            "TEN-D,N1 8ZX,elm-court",  # new
        ),
        by=None,
    )

    assert (result.rows, result.added, result.changed, result.ended) == (3, 1, 1, 1)
    by_reference = {
        reference: Tenancy.objects.get(reference_hash=tenancy_reference_hash(reference))
        for reference in ("TEN-A", "TEN-B", "TEN-C", "TEN-D")
    }
    assert (by_reference["TEN-A"].postcode, by_reference["TEN-A"].neighbourhood) == (
        "N1 7ZZ",
        river,
    )
    assert by_reference["TEN-B"].ended_at is None
    assert by_reference["TEN-C"].ended_at is not None  # ended, not deleted
    assert by_reference["TEN-D"].ended_at is None
    # The person verified by the ended tenancy no longer counts; their record stays.
    assert tenant_verification_active(person=tenant) is None
    assert TenantVerification.objects.filter(person=tenant).exists()

    # Back on the list: the tenancy is active again, and so is their verification.
    again = tenancies_import(
        data=csv_bytes(
            "TEN-A,N1 7ZZ,riverside", "TEN-B,N1 8ZZ,elm-court", "TEN-C,N1 8ZY,elm-court"
        ),
        by=None,
    )
    assert (again.added, again.changed, again.ended) == (0, 1, 1)
    assert tenant_verification_active(person=tenant) == verified_by_c
    assert TenancyImport.objects.count() == 3


def test_importing_the_same_file_twice_changes_nothing(elm):
    data = csv_bytes("TEN-A,N1 8ZZ,elm-court", "TEN-B,N1 8ZZ,elm-court")
    tenancies_import(data=data, by=None)
    result = tenancies_import(data=data, by=None)
    assert (result.added, result.changed, result.ended) == (0, 0, 0)
    assert Tenancy.objects.count() == 2


# --- The command ----------------------------------------------------------------------------------


def test_the_command_imports_a_file(elm, tmp_path):
    path = tmp_path / "tenancies.csv"
    path.write_bytes(csv_bytes("TEN-A,N1 8ZZ,elm-court", "TEN-B,N1 8ZY,elm-court"))
    out = io.StringIO()

    call_command("tenancies_import", str(path), stdout=out)

    assert out.getvalue().strip() == "Imported 2 tenancies: 2 new, 0 changed, 0 ended."
    assert Tenancy.objects.count() == 2
    assert TenancyImport.objects.get().source == "command"


def test_the_command_lists_the_problems_and_imports_nothing(elm, tmp_path):
    path = tmp_path / "tenancies.csv"
    path.write_bytes(csv_bytes("TEN-A,N1 8ZZ,elm-court", "TEN-B,XX,elm-court", ",N1 8ZZ,elm-court"))

    with pytest.raises(CommandError) as raised:
        call_command("tenancies_import", str(path), stdout=io.StringIO())

    message = str(raised.value)
    assert message.startswith(f"Nothing was imported. 2 problem(s) in {path}:")
    assert "Line 3: the postcode is not a full UK postcode, like N1 8ZZ." in message
    assert "Line 4: the tenancy reference is empty." in message
    assert not Tenancy.objects.exists()


def test_the_command_explains_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read .*no-such.csv"):
        call_command("tenancies_import", str(tmp_path / "no-such.csv"))


# --- In the admin: Tenant voice → Tenancy list ----------------------------------------------------


def upload(data: bytes, name: str = "tenancies.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_a_manager_imports_the_list_in_the_admin_and_sees_counts_only(client, manager, elm):
    client.force_login(manager)
    home = client.get("/admin/").content.decode()
    assert "Tenant voice" in home and ADMIN_URL in home

    response = client.post(
        ADMIN_URL,
        {"file": upload(csv_bytes("TEN-000123,N1 8ZZ,elm-court", "TEN-000124,N1 8ZY,elm-court"))},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == ADMIN_URL
    page = response.content.decode()
    assert "Imported 2 tenancies: 2 new, 0 changed, 0 ended." in page
    assert "2 tenancies" in page and "Elm Court estate" in page
    assert "TEN-000123" not in page and "N1 8ZY" not in page
    assert Tenancy.objects.count() == 2
    assert TenancyImport.objects.get().imported_by == manager


def test_a_bad_file_in_the_admin_lists_the_problems_and_stores_nothing(client, manager, elm):
    client.force_login(manager)
    response = client.post(
        ADMIN_URL, {"file": upload(csv_bytes("TEN-1,N1 8ZZ,elm-court", "TEN-2,N1,Elm Ct"))}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was imported: 1 problem" in page
    assert (
        "Line 3: the postcode is not a full UK postcode, like N1 8ZZ; there is no neighbourhood "
        "called “Elm Ct”" in page
    )
    assert not Tenancy.objects.exists()


def test_the_admin_form_asks_for_a_file(client, manager):
    client.force_login(manager)
    response = client.post(ADMIN_URL, {})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == ["Choose the CSV file of the tenancy list."]


@pytest.mark.parametrize(
    "role",
    [
        roles.DIGITAL_CHAMPION,
        roles.COURSE_EDITOR,
        roles.MODERATOR,
        roles.SAFEGUARDING_OFFICER,
    ],
)
def test_other_staff_are_refused_the_tenancy_list(client, role, elm):
    client.force_login(UserFactory(role=role))
    assert "Tenant voice" not in client.get("/admin/").content.decode()
    response = client.get(ADMIN_URL)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    posted = client.post(ADMIN_URL, {"file": upload(csv_bytes("TEN-1,N1 8ZZ,elm-court"))})
    assert posted.status_code == 302 and posted["Location"] == "/admin/"
    assert not Tenancy.objects.exists()


@pytest.mark.parametrize("role", [roles.LEARNER, roles.HOUSING_OFFICER])
def test_people_without_admin_access_are_refused_the_tenancy_list(client, role, elm):
    client.force_login(UserFactory(role=role))
    response = client.get(ADMIN_URL)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    client.post(ADMIN_URL, {"file": upload(csv_bytes("TEN-1,N1 8ZZ,elm-court"))})
    assert not Tenancy.objects.exists()


def test_a_neighbourhood_on_the_tenancy_list_is_not_deleted_and_the_manager_is_told(
    client, manager, elm
):
    tenancy_add("TEN-1", "N1 8ZZ", elm, ended=True)
    client.force_login(manager)
    response = client.post(f"/admin/snippets/places/neighbourhood/delete/{elm.pk}/", follow=True)
    assert response.status_code == 200
    assert (
        "Elm Court estate cannot be deleted: other records still need it, such as tenancies on "
        "the tenancy list" in response.content.decode()
    )
    assert Tenancy.objects.filter(neighbourhood=elm).exists()


def test_a_neighbourhood_nothing_needs_is_still_deleted(client, manager, river):
    client.force_login(manager)
    response = client.post(f"/admin/snippets/places/neighbourhood/delete/{river.pk}/")
    assert response.status_code == 302
    assert not type(river).objects.filter(pk=river.pk).exists()
