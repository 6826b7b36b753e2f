"""Reports made straight in the database for the officers' side's tests (the reporting form's
own service is tested with the form)."""

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile

from safeguarding.models import ConfidentialReport, ReportEvidence, ReportStrand
from safeguarding.references import reference_new
from tests.factories.community import image_bytes

DESCRIPTION = "Someone keeps shouting abuse at my neighbour on the stairs."


def case_make(*, strands=("race",), evidence: bool = False, **fields) -> ConfidentialReport:
    values = {
        "reference": reference_new(),
        "phrase_hash": make_password("apple river seven zebra"),
        "affected": "witness",
        "description": DESCRIPTION,
    } | fields
    report = ConfidentialReport.objects.create(**values)
    for strand in strands:
        ReportStrand.objects.create(report=report, strand=strand)
    if evidence:
        item = ReportEvidence(report=report, width=8, height=8, description="The stairs")
        item.photo.save("evidence.jpg", ContentFile(image_bytes()), save=False)
        item.save()
    return report
