"""Demo tenancy list and verified tenant. Created only by `seed_demo`, never in production.

The list is ``content/tenancies.csv``: made-up references (``DEMO-…``) and fictional postcodes,
loaded by the same import as a real list. The demo tenant (Pat Jones, Elm Court) is checked in
person by the demo Housing Officer, so every tenant-voice page has something to show.
"""

from pathlib import Path

from training.users.models import User
from voice.models import Tenancy, TenancyImport
from voice.selectors import neighbourhoods_by_name, tenant_verification_active
from voice.services import tenancies_import, tenant_verify_in_person
from voice.tenancy_list import tenancy_file_read

TENANCIES_FILE = Path(__file__).resolve().parent / "content" / "tenancies.csv"
# The demo tenant's tenancy: a line of TENANCIES_FILE.
DEMO_TENANT_TENANCY = ("DEMO-EC-0001", "N1 8ZZ")


def _list_is_current(data: bytes) -> bool:
    """Whether the list already is exactly the file (so seeding again imports nothing)."""
    parsed = tenancy_file_read(data=data, neighbourhoods=neighbourhoods_by_name())
    wanted = {(row.reference_hash, row.postcode, row.neighbourhood_id) for row in parsed.rows}
    stored = set(
        Tenancy.objects.filter(ended_at__isnull=True).values_list(
            "reference_hash", "postcode", "neighbourhood_id"
        )
    )
    return bool(wanted) and wanted == stored


def demo_seed(*, stdout) -> None:
    manager = User.objects.get(email__iexact="manager@example.com")
    data = TENANCIES_FILE.read_bytes()
    if not _list_is_current(data):
        tenancies_import(data=data, by=manager, source=TenancyImport.Source.COMMAND)
    tenant = User.objects.get(email__iexact="tenant@example.com")
    if tenant_verification_active(person=tenant) is None:
        reference, postcode = DEMO_TENANT_TENANCY
        tenant_verify_in_person(
            person=tenant,
            reference=reference,
            postcode=postcode,
            by=User.objects.get(email__iexact="officer@example.com"),
            note="Showed a rent letter at the Elm Court drop-in.",
        )
    stdout.write(
        f"Tenant voice: {Tenancy.objects.filter(ended_at__isnull=True).count()} demo tenancies "
        f"(made up, in {TENANCIES_FILE.relative_to(TENANCIES_FILE.parents[2])}); "
        f"{tenant.email} is a verified tenant."
    )
