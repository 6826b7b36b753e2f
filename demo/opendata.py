"""Demo open data (``content/opendata.json``): made-up Tenant Satisfaction Measures for this
year and last year, entered through the open data services as the demo Manager, then every
dataset drafted, checked and published. Created only by ``seed_demo``; safe to run again (a year
already there and a dataset already published are left alone)."""

import json
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from opendata import services
from opendata.models import DatasetVersion, TsmYear, VersionStatus
from opendata.selectors import DATASETS
from training.users.models import User

CONTENT_FILE = Path(__file__).resolve().parent / "content" / "opendata.json"


def tsm_year_now() -> int:
    """The year the Tenant Satisfaction Measures year running today started (in April)."""
    today = timezone.localdate()
    return today.year if today.month >= 4 else today.year - 1


def tsm_load(*, manager: User) -> None:
    """This year's and last year's made-up figures, entered as ``manager`` (once)."""
    content = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
    now = tsm_year_now()
    for key, year in (("last_year", now - 1), ("this_year", now)):
        if TsmYear.objects.filter(year=year).exists():
            continue
        item = content["years"][key]
        tsm_year = TsmYear.objects.create(
            year=year,
            homes=content["homes"],
            perception_source="outside",
            method=item["method"],
            sample_size=item["sample_size"],
        )
        services.tsm_figures_save(
            user=manager,
            tsm_year=tsm_year,
            entries=[
                services.FigureEntry(
                    code, Decimal(str(figure[0])), figure[1] if len(figure) > 1 else None
                )
                for code, figure in item["figures"].items()
            ],
        )


def demo_seed(*, stdout=None) -> None:
    manager = User.objects.get(email__iexact="manager@example.com")
    tsm_load(manager=manager)
    for dataset in DATASETS:
        if DatasetVersion.objects.filter(
            dataset=dataset.slug, status=VersionStatus.PUBLISHED
        ).exists():
            continue
        version = services.version_draft(user=manager, dataset=dataset.slug)
        services.version_check(user=manager, version=version)
        services.version_publish(user=manager, version=version)
    if stdout is not None:
        stdout.write("Open data: Tenant Satisfaction Measures and every dataset published.")
