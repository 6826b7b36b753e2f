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
    demo_reports_seed(stdout=stdout)
    demo_estate_checks_seed(stdout=stdout)
    demo_improvements_seed(stdout=stdout)


# --- Reports of problems (voice.models.reports) --------------------------------------------------

REPORTS_FILE = Path(__file__).resolve().parent / "content" / "reports.json"


def _demo_person(key: str) -> User:
    """A demo account by email (the demo sign-ins) or by username (the demo residents)."""
    if "@" in key:
        return User.objects.get(email__iexact=key)
    return User.objects.get(username=key)


def _demo_residents_seed(residents: list[dict]) -> None:
    """Made-up residents who cannot sign in, verified with a made-up tenancy, so that each demo
    neighbourhood has reports."""
    from training.places.models import Neighbourhood
    from voice.services import tenant_verify_self

    for data in residents:
        person = User.objects.filter(username=data["username"]).first()
        if person is None:
            person = User(username=data["username"], display_name=data["name"])
            person.set_unusable_password()
            person.neighbourhood = Neighbourhood.objects.get(slug=data["neighbourhood"])
            person.save()
        if tenant_verification_active(person=person) is None:
            reference, postcode = data["tenancy"]
            tenant_verify_self(person=person, reference=reference, postcode=postcode)


def demo_reports_seed(*, stdout) -> None:
    """Demo problem reports in every demo neighbourhood (``content/reports.json``), each moved
    through its statuses by the real services: a broken light in Elm Court that the demo
    Housing Officer fixed, a planned collection, a won't-fix with its reason, and a stalled one
    for the managers' dashboard. Safe to run again: a report already there is left alone."""
    import json
    from datetime import timedelta

    from django.utils import timezone

    from voice.geo import point_in_boundary
    from voice.models import Report, ReportAffected, ReportUpdate
    from voice.reports_services import report_affects_me_too, report_create, report_status_change

    data = json.loads(REPORTS_FILE.read_text())
    _demo_residents_seed(data["residents"])
    now = timezone.now()
    made = 0
    for item in data["reports"]:
        reporter = _demo_person(item["reporter"])
        neighbourhood = tenant_verification_active(person=reporter).tenancy.neighbourhood
        if Report.objects.filter(
            neighbourhood=neighbourhood, description=item["description"]
        ).exists():
            continue
        # "middle": the neighbourhood's middle point, as a place picked on its outline.
        middle = (neighbourhood.latitude, neighbourhood.longitude)
        placed = (
            item.get("place") == "middle"
            and None not in middle
            and point_in_boundary(
                geometry=neighbourhood.boundary,
                latitude=float(middle[0]),
                longitude=float(middle[1]),
            )
        )
        report = report_create(
            reporter=reporter,
            category=item["category"],
            description=item["description"],
            show_name=item["show_name"],
            latitude=middle[0] if placed else None,
            longitude=middle[1] if placed else None,
        )
        for key in item["affected"]:
            report_affects_me_too(person=_demo_person(key), report=report)
        created = now - timedelta(days=item["days_ago"])
        steps = len(item["updates"]) + 1
        for number, update in enumerate(item["updates"], start=1):
            done = report_status_change(
                report=report,
                by=_demo_person(update["by"]),
                status=update["status"],
                planned_for=(now + timedelta(days=update["planned_in_days"])).date()
                if "planned_in_days" in update
                else None,
                reason=update.get("reason", ""),
                note=update.get("note", ""),
            )
            ReportUpdate.objects.filter(pk=done.pk).update(
                at=created + (now - created) * number / steps
            )
        last = ReportUpdate.objects.filter(report=report).order_by("-at").first()
        Report.objects.filter(pk=report.pk).update(
            created_at=created, updated_at=last.at if last else created
        )
        ReportAffected.objects.filter(report=report).update(created_at=created)
        made += 1
    stdout.write(
        f"Tenant voice: {Report.objects.count()} demo problem reports ({made} new) in "
        f"{Report.objects.values('neighbourhood').distinct().count()} neighbourhoods."
    )


# --- Estate checks (voice.models.estate_checks) ---------------------------------------------------

ESTATE_CHECKS_FILE = Path(__file__).resolve().parent / "content" / "estate_checks.json"


def _estate_check_residents_seed(residents: list[dict]) -> None:
    """Made-up residents who cannot sign in, each verified with a demo household's tenancy
    (several people of one household may be), so every demo neighbourhood has results."""
    from voice.services import tenant_verify_self

    for data in residents:
        person = User.objects.filter(username=data["username"]).first()
        if person is None:
            person = User(username=data["username"], display_name=data["name"])
            person.set_unusable_password()
            person.save()
        if tenant_verification_active(person=person) is None:
            reference, postcode = data["tenancy"]
            tenant_verify_self(person=person, reference=reference, postcode=postcode)


def demo_estate_checks_seed(*, stdout) -> None:
    """Demo estate checks for every demo neighbourhood (``content/estate_checks.json``): two
    closed ones with results and the change between them (Hillview has fewer than 5 answers
    to the second), and one open now that the demo tenant can answer. Answers go through the
    real service while a check is open; a closed check's dates are then moved into the past.
    Safe to run again: a check already there (by title) is left alone."""
    import json
    from datetime import timedelta

    from django.utils import timezone

    from training.places.models import Neighbourhood
    from voice.models import EstateCheck, EstateCheckQuestion
    from voice.services import estate_check_answer

    data = json.loads(ESTATE_CHECKS_FILE.read_text())
    _estate_check_residents_seed(data["residents"])
    neighbourhoods = list(Neighbourhood.objects.filter(tenancies__isnull=False).distinct())
    today = timezone.localdate()
    made = 0
    for item in data["checks"]:
        if EstateCheck.objects.filter(title=item["title"]).exists():
            continue
        check = EstateCheck.objects.create(
            title=item["title"],
            introduction=item["introduction"],
            opens_on=today + timedelta(days=min(item["opens_in_days"], 0)),
            closes_on=today + timedelta(days=max(item["closes_in_days"], 0)),
        )
        check.neighbourhoods.set(neighbourhoods)
        check.save()
        questions = [
            EstateCheckQuestion.objects.create(estate_check=check, text=text, sort_order=number)
            for number, text in enumerate(item["questions"])
        ]
        comments = item.get("comments", {})
        for username, scores in item["answers"].items():
            notes = comments.get(username, [""] * len(scores))
            estate_check_answer(
                check=check,
                person=User.objects.get(username=username),
                scores={
                    question.pk: (score, note)
                    for question, score, note in zip(questions, scores, notes, strict=True)
                },
            )
        EstateCheck.objects.filter(pk=check.pk).update(
            opens_on=today + timedelta(days=item["opens_in_days"]),
            closes_on=today + timedelta(days=item["closes_in_days"]),
        )
        made += 1
    stdout.write(
        f"Tenant voice: {EstateCheck.objects.count()} demo estate checks ({made} new) in "
        f"{len(neighbourhoods)} neighbourhoods."
    )


# --- You said, we did (voice.models.improvements) -------------------------------------------------

IMPROVEMENTS_FILE = Path(__file__).resolve().parent / "content" / "improvements.json"


def _improvement_picture(scene: str) -> bytes:
    """A simple before or after drawing, made with Pillow here (nothing is downloaded)."""
    from io import BytesIO

    from PIL import Image, ImageDraw

    dark = scene in ("dark", "overgrown", "door_open")
    picture = Image.new("RGB", (640, 400), (70, 74, 82) if dark else (230, 242, 239))
    draw = ImageDraw.Draw(picture)
    ink = (7, 61, 54)
    if scene in ("dark", "bright"):
        for step in range(5):  # the stairs
            draw.rectangle((80 + step * 90, 330 - step * 50, 640, 400), fill=(120, 120, 120))
        lamp = (90, 90, 90) if dark else (255, 221, 0)
        draw.ellipse((290, 30, 350, 90), fill=lamp, outline=ink, width=4)
    elif scene in ("overgrown", "tidy"):
        draw.rectangle((0, 260, 640, 400), fill=(60, 140, 70))
        draw.rectangle((420, 120, 560, 260), outline=ink, width=8)  # the swing's frame
        for x in range(0, 640, 18):
            height = 90 if dark else 12
            draw.line((x, 260, x + 6, 260 - height), fill=(40, 110, 50), width=5)
        if dark:
            for x in (70, 210, 330):
                draw.rectangle((x, 300, x + 30, 318), fill=(240, 240, 240))
    else:
        draw.rectangle((200, 60, 440, 400), fill=(180, 180, 180), outline=ink, width=6)
        if dark:
            draw.polygon([(200, 60), (300, 90), (300, 400), (200, 400)], fill=(90, 60, 40))
        else:
            draw.rectangle((206, 66, 434, 400), fill=(140, 90, 60))
            draw.ellipse((400, 220, 420, 240), fill=(255, 221, 0))
    buffer = BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _improvement_image(*, slug: str, when: str, scene: str):
    """The demo photo (a Wagtail image), made once."""
    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    title = f"Demo improvement {slug}: {when}"
    image = get_image_model().objects.filter(title=title).first()
    if image is None:
        from io import BytesIO

        image = get_image_model().objects.create(
            title=title,
            file=ImageFile(BytesIO(_improvement_picture(scene)), name=f"{slug}-{when}.png"),
        )
    return image


def demo_improvements_seed(*, stdout) -> None:
    """An improvement in each demo neighbourhood (``content/improvements.json``), linked to
    demo reports and the closed spring check, with before and after drawings, published by
    the demo Manager so the people of its reports are told (the demo tenant, of the fixed light
    in Elm Court). Safe to run again: an improvement already there (by address) is left alone."""
    import json
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from training.places.models import Neighbourhood
    from voice.improvements_services import improvements_index_ensure
    from voice.models import EstateCheck, ImprovementPage, Report

    data = json.loads(IMPROVEMENTS_FILE.read_text())
    index = improvements_index_ensure()
    by = _demo_person(data["by"])
    today = timezone.localdate()
    made = 0
    for item in data["improvements"]:
        if ImprovementPage.objects.child_of(index).filter(slug=item["slug"]).exists():
            continue
        neighbourhood = Neighbourhood.objects.get(slug=item["neighbourhood"])
        page = ImprovementPage(
            title=item["title"],
            slug=item["slug"],
            tenants_said=item["tenants_said"],
            we_did=item["we_did"],
            neighbourhood=neighbourhood,
            done_on=today - timedelta(days=item["done_days_ago"]),
            cost=Decimal(item["cost"]) if item["cost"] else None,
            before_photo=_improvement_image(
                slug=item["slug"], when="before", scene=item["before"]["scene"]
            ),
            before_photo_alt=item["before"]["alt"],
            after_photo=_improvement_image(
                slug=item["slug"], when="after", scene=item["after"]["scene"]
            ),
            after_photo_alt=item["after"]["alt"],
            live=False,
        )
        page.reports = list(
            Report.objects.filter(neighbourhood=neighbourhood, description__in=item["reports"])
        )
        page.estate_checks = list(EstateCheck.objects.filter(title__in=item["checks"]))
        index.add_child(instance=page)
        page.save_revision(user=by).publish(user=by)
        made += 1
    stdout.write(
        f"Tenant voice: {ImprovementPage.objects.live().count()} demo improvements ({made} new) "
        "in You said, we did."
    )
