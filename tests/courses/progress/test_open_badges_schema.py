"""Every credential we issue conforms to Open Badges 3.0: it validates against 1EdTech's published
AchievementCredential JSON Schema (``schemas/``, with its source noted there), dates included, and
its VC-JWT claims agree with the credential they carry.

Wallets that validate refuse a badge that fails the schema, so this is checked on credentials made
the way learners get them: by finishing every lesson of a course, alone or with a Digital
Champion's help, with or without an email address, with names and titles beyond ASCII.
"""

import base64
import json
from datetime import datetime
from pathlib import Path

from django.test import Client
from django.urls import reverse

import pytest
from jsonschema import Draft201909Validator

from courses.models import Certificate, LessonPage, Skill
from courses.progress.credentials.badges import (
    VerificationStatus,
    certificate_issue,
    certificate_skills,
    certificate_verify,
    credential_build,
    credential_sign,
)
from courses.progress.services import lesson_complete, skill_record_observed
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

SCHEMA_FILE = Path(__file__).parent / "schemas" / "ob_v3p0_achievementcredential_schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
VALIDATOR = Draft201909Validator(SCHEMA, format_checker=Draft201909Validator.FORMAT_CHECKER)
# The JWT's registered claims, beside the credential's own members (VC-JOSE-COSE: no "vc").
JWT_CLAIMS = {"iss", "sub", "jti", "nbf", "iat", "exp", "aud"}


@pytest.fixture(autouse=True)
def _own_signing_key(settings, tmp_path):
    settings.BADGE_SIGNING_KEY = ""
    settings.BADGE_RETIRED_PUBLIC_KEYS = ""
    settings.BADGE_SIGNING_KEY_FILE = str(tmp_path / "var" / "badge-signing-key.pem")


def payload(token: str) -> dict:
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def credential_of(claims: dict) -> dict:
    """The credential a VC-JWT carries: its ``vc`` claim if it has one, else the payload itself."""
    if "vc" in claims:
        return claims["vc"]
    return {key: value for key, value in claims.items() if key not in JWT_CLAIMS}


def _seconds(moment: str) -> int | None:
    """A date-time as a JWT NumericDate; None if it is not one (the schema reports that)."""
    try:
        return int(datetime.fromisoformat(moment).timestamp())
    except (TypeError, ValueError):
        return None


def ob3_problems(claims: dict) -> list[str]:
    """Everything wrong with a VC-JWT payload by Open Badges 3.0: the schema, then the JWT rules
    (OB 3.0 §8.2.4.1, VC-JOSE-COSE): iss, jti, sub, nbf (and exp) repeat the credential."""
    credential = credential_of(claims)
    problems = [
        f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
        for error in VALIDATOR.iter_errors(credential)
    ]
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if claims.get("iss") != issuer_id:
        problems.append(f"iss {claims.get('iss')!r} is not the issuer's id {issuer_id!r}")
    if claims.get("jti") != credential.get("id"):
        problems.append(f"jti {claims.get('jti')!r} is not the credential's id")
    subject_id = credential.get("credentialSubject", {}).get("id")
    if claims.get("sub") != subject_id:
        problems.append(f"sub {claims.get('sub')!r} is not credentialSubject.id {subject_id!r}")
    if claims.get("nbf") != _seconds(credential.get("validFrom")):
        problems.append("nbf is not validFrom")
    if "validUntil" in credential and claims.get("exp") != _seconds(credential["validUntil"]):
        problems.append("exp is not validUntil")
    return problems


def course_teaching_every_skill(title: str):
    """A published course of two lessons aligned to every skill of the framework."""
    codes = list(Skill.objects.values_list("code", flat=True))
    course = CoursePageFactory(
        title=title, summary="Stay safe – and “confident” – online.", skills=codes
    )
    LessonPageFactory(parent=course, title="Première leçon")
    LessonPageFactory(parent=course, title="Second lesson")
    return course, codes


def finish(course, learner, django_capture_on_commit_callbacks, helper=None) -> Certificate:
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in LessonPage.objects.child_of(course).live().order_by("path"):
            lesson_complete(learner=learner, lesson=lesson, helper=helper)
    return Certificate.objects.get(learner=learner, course=course)


# --- The reference itself --------------------------------------------------------------------


def test_the_vendored_schema_is_a_valid_schema_and_dates_are_really_checked():
    Draft201909Validator.check_schema(SCHEMA)
    assert "ceasn:Competency" in json.dumps(SCHEMA["$defs"]["Alignment"])
    # Without rfc3339-validator installed, jsonschema silently skips "date-time": make sure not.
    checker = Draft201909Validator.FORMAT_CHECKER
    assert checker.conforms("2026-11-27T14:00:00Z", "date-time")
    assert not checker.conforms("27 November 2026", "date-time")
    assert not checker.conforms("2026-11-27T14:00:00", "date-time")  # no time zone


# --- Every issued credential -----------------------------------------------------------------

LEARNERS = {
    "alone": {},
    "non-ascii name": {"display_name": "Zoë Łukasz Ó Briain"},
    "no email address": {"email": ""},
}


@pytest.mark.parametrize("kind", list(LEARNERS))
@pytest.mark.parametrize("helped", [False, True], ids=["on their own", "with help"])
def test_every_issued_credential_conforms_to_open_badges_3(
    kind, helped, champion, django_capture_on_commit_callbacks
):
    course, codes = course_teaching_every_skill("Café Wi‑Fi: staying safe – ça va?")
    learner = UserFactory(community_centre=champion.community_centre, **LEARNERS[kind])
    if helped:
        skill_record_observed(
            learner=learner, skill=Skill.objects.first(), helper=champion, note="Saw it done"
        )
    certificate = finish(
        course, learner, django_capture_on_commit_callbacks, helper=champion if helped else None
    )

    claims = payload(certificate.credential_jwt)
    assert ob3_problems(claims) == []
    # Every skill of the framework is there, each with an allowed target type.
    alignment = credential_of(claims)["credentialSubject"]["achievement"]["alignment"]
    assert sorted(item["targetCode"] for item in alignment) == sorted(codes)
    assert certificate_verify(token=certificate.credential_jwt).status == VerificationStatus.VALID


def test_a_course_with_no_skills_gives_a_conforming_credential(learner):
    course = CoursePageFactory(title="A short course")
    certificate, _ = certificate_issue(learner=learner, course=course)
    assert ob3_problems(payload(certificate.credential_jwt)) == []


def test_the_check_catches_what_wallets_refuse(learner, course):
    certificate, _ = certificate_issue(learner=learner, course=course)
    good = payload(certificate.credential_jwt)

    old = json.loads(json.dumps(good))
    for item in old["credentialSubject"]["achievement"]["alignment"]:
        item["targetType"] = "ceterms:Competency"
    assert any("targetType" in problem for problem in ob3_problems(old))

    undated = good | {"validFrom": "27 November 2026"}
    assert any("validFrom" in problem for problem in ob3_problems(undated))

    assert ob3_problems(good | {"iss": "https://elsewhere.example/"}) != []
    assert ob3_problems(good | {"jti": "urn:uuid:00000000-0000-0000-0000-000000000000"}) != []
    assert ob3_problems(good | {"sub": "did:example:someone"}) != []
    assert ob3_problems({k: v for k, v in good.items() if k != "issuer"}) != []


# --- Badges issued before the fix ------------------------------------------------------------


def test_a_badge_issued_with_the_old_target_type_still_verifies(learner, course):
    """Badges already in wallets were signed with "ceterms:Competency": their signature is
    genuine, so checking them must still say valid (the fix changes new badges only)."""
    certificate = Certificate(
        learner=learner,
        course=course,
        course_title=course.title,
        learner_name=learner.name,
        issued_at=datetime.fromisoformat("2026-03-02T10:00:00+00:00"),
    )
    credential = credential_build(
        certificate=certificate, learner=learner, course=course, salt="0123456789abcdef"
    )
    for item in credential["credentialSubject"]["achievement"]["alignment"]:
        item["targetType"] = "ceterms:Competency"
    certificate.credential_jwt = credential_sign(credential)
    certificate.save()

    assert certificate_verify(token=certificate.credential_jwt).status == VerificationStatus.VALID
    assert {skill["code"] for skill in certificate_skills(certificate)} == {"SAF-7", "FND-8"}
    html = (
        Client()
        .post(reverse("courses:credential_check"), {"credential": certificate.credential_jwt})
        .content.decode()
    )
    assert "This certificate is valid" in html
