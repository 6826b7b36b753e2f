"""Reads of the reporting side (the officers' reads are in ``selectors.py``)."""

from safeguarding.models.reports import ConfidentialReport


def report_for_reporter(*, reporter, pk: int) -> ConfidentialReport | None:
    """The report ``pk`` if ``reporter`` made it and kept it with their account."""
    if not getattr(reporter, "is_authenticated", False):
        return None
    return ConfidentialReport.objects.filter(pk=pk, reporter=reporter).first()


def reports_export(*, person) -> list[dict]:
    """Every report ``person`` kept with their account, for "Download my data": all they told
    us, what they added and the replies they were sent. Never the officers' notes."""
    rows = []
    reports = (
        ConfidentialReport.objects.filter(reporter=person)
        .select_related("neighbourhood")
        .prefetch_related("strand_rows", "additions", "evidence", "replies")
        .order_by("pk")
    )
    for report in reports:
        replies = report.replies.all()
        rows.append(
            {
                "reference": report.reference_display,
                "made": report.created_at.isoformat(),
                "status": report.status,
                "outcome": report.outcome,
                "what_happened": report.strands,
                "who_was_affected": report.affected,
                "happened_on": report.happened_on.isoformat() if report.happened_on else None,
                "keeps_happening": report.ongoing,
                "happening_now": report.happening_now,
                "threat_to_life": report.threat_to_life,
                "neighbourhood": report.neighbourhood.name if report.neighbourhood else None,
                "where": report.where,
                "description": report.description,
                "contact_preference": report.contact_preference,
                "contact_name": report.contact_name,
                "contact_email": report.contact_email,
                "contact_phone": report.contact_phone,
                "photos": [item.description for item in report.evidence.all()],
                "added_later": [
                    {"at": item.created_at.isoformat(), "text": item.text}
                    for item in report.additions.all()
                ],
                "replies": [
                    {"at": item.created_at.isoformat(), "text": item.text} for item in replies
                ],
            }
        )
    return rows
