"""Writes: Tenant Satisfaction Measures entered by staff, and a dataset version drafted,
checked and published (each a Manager's decision)."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from opendata.measures import BY_CODE, PERCEPTION_CODES
from opendata.models import DatasetVersion, TsmFigure, TsmYear, VersionStatus
from opendata.selectors import BY_SLUG, CURRENT_KEY, may_publish


def _require(user) -> None:
    if not may_publish(user=user):
        raise PermissionDenied


@dataclass(frozen=True)
class FigureEntry:
    code: str
    value: Decimal | None
    about: int | None = None


def tsm_figures_save(*, user, tsm_year: TsmYear, entries: list[FigureEntry]) -> None:
    """Store the year's figures (a figure left empty is removed). Percentages 0 to 100, counts
    0 or more: checked here and by the database."""
    _require(user)
    for entry in entries:
        info = BY_CODE[entry.code]
        if entry.value is not None and (
            entry.value < 0 or (info.unit == "percent" and entry.value > 100)
        ):
            raise ValidationError(_("%(code)s must be between 0 and 100.") % {"code": entry.code})
        if entry.about is not None and entry.about < 0:
            raise ValidationError(_("A count cannot be less than 0."))
    with transaction.atomic():
        for entry in entries:
            if entry.value is None:
                TsmFigure.objects.filter(tsm_year=tsm_year, code=entry.code).delete()
                continue
            TsmFigure.objects.update_or_create(
                tsm_year=tsm_year,
                code=entry.code,
                defaults={"value": entry.value, "about": entry.about},
            )
        tsm_year.updated_at = timezone.now()
        tsm_year.save(update_fields=["updated_at"])


def tsm_perception_from_consultation(*, user, tsm_year: TsmYear) -> int:
    """TP01–TP12 from the year's survey on this site (the consultations' TSM results). Returns
    how many measures had answers."""
    from voice.consultations_selectors import tsm_measures

    _require(user)
    if tsm_year.consultation is None:
        raise ValidationError(_("Choose the survey on this site first."))
    entries = []
    for measure in tsm_measures(consultation=tsm_year.consultation):
        if measure.code in PERCEPTION_CODES and measure.valid:
            entries.append(FigureEntry(measure.code, measure.percent, measure.valid))
    tsm_figures_save(user=user, tsm_year=tsm_year, entries=entries)
    return len(entries)


def tsm_nm01_from_reports(*, user, tsm_year: TsmYear) -> Decimal:
    """NM01(1) anti-social behaviour cases and NM01(2) those involving hate incidents, per
    1,000 homes, from the confidential reports' anonymous counts for the year (April to March)
    and the number of homes. Returns NM01(1)."""
    from safeguarding.selectors import nm01

    _require(user)
    if not tsm_year.homes:
        raise ValidationError(_("Enter the number of homes first."))
    figure = nm01(
        homes=tsm_year.homes, start=date(tsm_year.year, 4, 1), end=date(tsm_year.year + 1, 3, 31)
    )
    cent = Decimal("0.01")
    value = figure.cases_per_1000_homes.quantize(cent, rounding=ROUND_HALF_UP)
    hate = figure.hate_cases_per_1000_homes.quantize(cent, rounding=ROUND_HALF_UP)
    tsm_figures_save(
        user=user,
        tsm_year=tsm_year,
        entries=[
            FigureEntry("NM01(1)", value, figure.cases),
            FigureEntry("NM01(2)", hate, figure.hate_cases),
        ],
    )
    return value


def version_draft(*, user, dataset: str, what_changed: str = "") -> DatasetVersion:
    """A new version with the dataset's rows as they are now. After a published version it is
    a correction, which must say what changed."""
    _require(user)
    spec = BY_SLUG[dataset]
    with transaction.atomic():
        last = DatasetVersion.objects.filter(dataset=dataset).aggregate(n=Max("number"))["n"] or 0
        published_before = DatasetVersion.objects.filter(
            dataset=dataset, status=VersionStatus.PUBLISHED
        ).exists()
        if published_before and not what_changed.strip():
            raise ValidationError(_("Say what changed since the version already published."))
        # Drafts not yet published are replaced by the new one.
        DatasetVersion.objects.filter(dataset=dataset).exclude(
            status=VersionStatus.PUBLISHED
        ).delete()
        return DatasetVersion.objects.create(
            dataset=dataset,
            number=last + 1,
            rows=spec.build(),
            what_changed=what_changed.strip(),
            drafted_by=user,
        )


def version_check(*, user, version: DatasetVersion) -> DatasetVersion:
    _require(user)
    if version.status != VersionStatus.DRAFTED:
        raise ValidationError(_("Only a drafted version can be checked."))
    version.status = VersionStatus.CHECKED
    version.checked_by = user
    version.checked_at = timezone.now()
    version.save(update_fields=["status", "checked_by", "checked_at"])
    return version


def version_publish(*, user, version: DatasetVersion) -> DatasetVersion:
    _require(user)
    if version.status != VersionStatus.CHECKED:
        raise ValidationError(_("Check a version before publishing it."))
    version.status = VersionStatus.PUBLISHED
    version.published_by = user
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_by", "published_at"])
    transaction.on_commit(lambda: cache.delete(CURRENT_KEY))
    cache.delete(CURRENT_KEY)
    return version
