"""Demo confidential reports (``content/safeguarding.json``): made up, read only by the demo
Safeguarding Officer (safeguarding@example.com), with notes, a referral and replies made through
the officers' own services. Created only by ``seed_demo``; safe to run again (a report whose text
is already there is skipped)."""

import json
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from safeguarding import handling_services
from safeguarding.models import ConfidentialReport
from safeguarding.reporting_services import ReportAnswers, report_make
from training.places.models import Neighbourhood
from training.users.models import User

CONTENT_FILE = Path(__file__).resolve().parent / "content" / "safeguarding.json"
# The order a demo report is walked through to reach its status.
_PATH = {
    "received": [],
    "assessed": ["assessed"],
    "referred": ["assessed"],  # then the referral moves it to "referred"
    "closed": ["assessed"],  # then the referral, then closed
}


def _make(item: dict, officer: User, today) -> None:
    neighbourhood = Neighbourhood.objects.filter(name=item["neighbourhood"]).first()
    happened = item.get("happened_days_ago")
    made = report_make(
        answers=ReportAnswers(
            strands=item["strands"],
            affected=item["affected"],
            happening_now=False,
            threat_to_life=False,
            happened_on=today - timedelta(days=happened) if happened is not None else None,
            ongoing=item["ongoing"],
            neighbourhood_id=neighbourhood.pk if neighbourhood else None,
            where=item.get("where", ""),
            description=item["description"],
            contact_preference=item["contact_preference"],
            contact_name=item.get("contact_name", ""),
            contact_phone=item.get("contact_phone", ""),
        )
    )
    report = made.report
    made_at = timezone.now() - timedelta(days=item["days_ago"])
    ConfidentialReport.objects.filter(pk=report.pk).update(created_at=made_at, updated_at=made_at)
    for status in _PATH[item["status"]]:
        handling_services.report_status_change(report=report, by=officer, status=status)
    for text in item.get("notes", []):
        handling_services.case_note_add(report=report, by=officer, text=text)
    if referral := item.get("referral"):
        handling_services.referral_add(
            report=report,
            by=officer,
            agency=referral["agency"],
            referred_to=referral["referred_to"],
            referred_on=today - timedelta(days=referral["days_ago"]),
            their_reference=referral.get("their_reference", ""),
        )
    for text in item.get("replies", []):
        handling_services.reporter_reply_send(report=report, by=officer, text=text)
    if item["status"] == "closed":
        handling_services.report_status_change(
            report=report, by=officer, status="closed", outcome=item["outcome"]
        )


def demo_seed(*, stdout) -> None:
    officer = User.objects.get(email__iexact="safeguarding@example.com")
    content = json.loads(CONTENT_FILE.read_text(encoding="utf-8"))
    already = {report.description for report in ConfidentialReport.objects.all()}
    today = timezone.localdate()
    made = 0
    for item in content["reports"]:
        if item["description"] not in already:
            _make(item, officer, today)
            made += 1
    stdout.write(
        f"Confidential reports: {made} demo reports made ({len(content['reports'])} in "
        f"{CONTENT_FILE.relative_to(CONTENT_FILE.parents[2])}); only safeguarding@example.com "
        "reads them."
    )
