"""Certificates and Open Badges 3.0 credentials (courses/progress/credentials/ and its pages)."""

import base64
import hashlib
import json
import os
import stat
import string
import uuid
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from courses.models import Certificate
from courses.progress.credentials.badges import (
    OB_CONTEXT,
    VC_CONTEXT,
    VerificationStatus,
    account_address,
    certificate_issue,
    certificate_revoke,
    certificate_url,
    certificate_verify,
    certificate_verify_url,
    signing_key,
)
from courses.progress.services import lesson_complete
from courses.progress.tasks import course_completed
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _own_signing_key(settings, tmp_path):
    """Each test signs with a key of its own, made in its own folder (the embedded default)."""
    settings.BADGE_SIGNING_KEY = ""
    settings.BADGE_RETIRED_PUBLIC_KEYS = ""
    settings.BADGE_SIGNING_KEY_FILE = str(tmp_path / "var" / "badge-signing-key.pem")


@pytest.fixture
def certificate(learner, course):
    certificate, _ = certificate_issue(learner=learner, course=course)
    return certificate


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def parts(token: str) -> tuple[dict, dict, bytes]:
    header, payload, signature = token.split(".")
    return json.loads(b64url_decode(header)), json.loads(b64url_decode(payload)), signature


def types(value) -> list[str]:
    return value if isinstance(value, list) else [value]


def other_char(char: str) -> str:
    return "B" if char == "A" else "A"


def finish(course_lessons, learner) -> None:
    for lesson in course_lessons:
        lesson_complete(learner=learner, lesson=lesson)


# --- The credential -------------------------------------------------------------------------


def test_the_credential_verifies_with_the_published_public_key(client, certificate):
    header, _, _ = parts(certificate.credential_jwt)
    assert header == {"alg": "EdDSA", "typ": "JWT", "kid": header["kid"]}

    # A verifier fetches the key named by "kid" and checks the signature with nothing else.
    response = client.get(urlsplit(header["kid"]).path)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    jwk = response.json()
    assert jwk["kty"] == "OKP" and jwk["crv"] == "Ed25519" and "d" not in jwk
    public_key = Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
    signing_input, _, signature = certificate.credential_jwt.rpartition(".")
    public_key.verify(b64url_decode(signature), signing_input.encode())  # raises if wrong

    assert certificate_verify(token=certificate.credential_jwt).status == VerificationStatus.VALID


def test_the_credential_has_the_open_badges_3_shape(learner, course, certificate):
    _, claims, _ = parts(certificate.credential_jwt)

    assert claims["@context"][:2] == [VC_CONTEXT, OB_CONTEXT]
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["id"] == f"urn:uuid:{certificate.pk}" == claims["jti"]
    issuer = claims["issuer"]
    assert "Profile" in types(issuer["type"])
    assert issuer["name"] == "Homes on the Net" and issuer["url"].startswith("http")
    assert claims["iss"] == issuer["id"]
    assert claims["name"] == course.title
    valid_from = datetime.fromisoformat(claims["validFrom"])
    assert claims["nbf"] == int(valid_from.timestamp())
    assert "vc" not in claims and "sub" not in claims  # VC Data Model 2.0: no wrapper, no id

    subject = claims["credentialSubject"]
    assert "AchievementSubject" in types(subject["type"])
    [identity] = subject["identifier"]
    assert identity["type"] == "IdentityObject"
    assert identity["identityType"] == "emailAddress" and identity["hashed"] is True
    expected = hashlib.sha256((learner.email + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    assert learner.email not in certificate.credential_jwt and learner.email not in str(claims)

    achievement = subject["achievement"]
    assert "Achievement" in types(achievement["type"])
    assert achievement["achievementType"] == "Course"
    assert achievement["name"] == course.title
    assert achievement["id"].endswith("/courses/staying-safe-with-passwords/")
    assert course.title in achievement["criteria"]["narrative"]
    assert {a["targetCode"] for a in achievement["alignment"]} == {"SAF-7", "FND-8"}


def test_a_learner_without_email_is_named_by_a_hash_of_their_account(course):
    learner = UserFactory(email="")
    certificate, _ = certificate_issue(learner=learner, course=course)

    [identity] = parts(certificate.credential_jwt)[1]["credentialSubject"]["identifier"]
    assert identity["identityType"] == "accountId"
    expected = hashlib.sha256((account_address(learner) + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    assert account_address(learner).startswith(f"acct:{learner.pk}@")


def test_every_credential_has_its_own_salt(course, learner):
    other = UserFactory()
    first, _ = certificate_issue(learner=learner, course=course)
    second, _ = certificate_issue(learner=other, course=course)
    salts = {
        parts(c.credential_jwt)[1]["credentialSubject"]["identifier"][0]["salt"]
        for c in (first, second)
    }
    assert len(salts) == 2


def test_issuing_twice_gives_one_certificate(learner, course):
    first, created = certificate_issue(learner=learner, course=course)
    second, again = certificate_issue(learner=learner, course=course)

    assert created is True and again is False
    assert first.pk == second.pk
    assert Certificate.objects.filter(learner=learner).count() == 1
    assert ActivityEvent.objects.filter(actor=learner, verb="certificate.issued").count() == 1


def test_the_database_refuses_a_second_certificate(learner, course, certificate):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            learner=learner, course=course, course_title="x", learner_name="y"
        )


# --- Tampering, withdrawal, other issuers ---------------------------------------------------


@pytest.mark.parametrize("segment", [1, 2], ids=["payload", "signature"])
@pytest.mark.parametrize("where", [0.1, 0.5, 1.0], ids=["start", "middle", "last"])
def test_changing_one_character_makes_it_tampered(certificate, segment, where):
    pieces = certificate.credential_jwt.split(".")
    text = pieces[segment]
    at = min(int(len(text) * where), len(text) - 1)
    pieces[segment] = text[:at] + other_char(text[at]) + text[at + 1 :]

    result = certificate_verify(token=".".join(pieces))
    assert result.status == VerificationStatus.TAMPERED
    assert result.certificate is None and result.claims == {}


def test_every_other_last_character_of_the_signature_is_tampered(certificate):
    """The last character holds spare bits: some spellings the JWT library will not even
    decode. Each must still read as tampered, not as "not a credential"."""
    header, payload, signature = certificate.credential_jwt.split(".")
    alphabet = string.ascii_letters + string.digits + "-_"
    for char in alphabet.replace(signature[-1], ""):
        token = f"{header}.{payload}.{signature[:-1]}{char}"
        assert certificate_verify(token=token).status == VerificationStatus.TAMPERED, char


def test_changing_one_byte_of_the_signed_data_makes_it_tampered(certificate):
    header, payload, signature = certificate.credential_jwt.split(".")
    data = bytearray(b64url_decode(payload))
    at = data.index(b"Staying")
    data[at] = ord("P")  # "Staying" becomes "Ptaying": one byte
    token = f"{header}.{b64url(bytes(data))}.{signature}"

    assert certificate_verify(token=token).status == VerificationStatus.TAMPERED


def test_a_credential_re_signed_with_another_key_under_our_name_is_tampered(certificate):
    header, payload, _ = certificate.credential_jwt.split(".")
    forged = Ed25519PrivateKey.generate().sign(f"{header}.{payload}".encode())
    token = f"{header}.{payload}.{b64url(forged)}"

    assert certificate_verify(token=token).status == VerificationStatus.TAMPERED


def test_alg_none_is_not_accepted(certificate):
    _, payload, signature = certificate.credential_jwt.split(".")
    header = b64url(json.dumps({"alg": "none", "typ": "JWT"}).encode())

    assert certificate_verify(token=f"{header}.{payload}.{signature}").status == "tampered"


def test_a_withdrawn_certificate_is_revoked(certificate):
    certificate_revoke(certificate=certificate, reason="Issued by mistake")
    certificate_revoke(certificate=certificate, reason="Again")

    result = certificate_verify(token=certificate.credential_jwt)
    assert result.status == VerificationStatus.REVOKED
    assert result.certificate.revoked_reason == "Issued by mistake"
    assert ActivityEvent.objects.filter(verb="certificate.revoked").count() == 1


def test_a_badge_from_another_issuer_is_unknown(certificate):
    header = b64url(json.dumps({"alg": "EdDSA", "kid": "https://elsewhere.example/k"}).encode())
    payload = b64url(b'{"jti":"urn:uuid:' + str(certificate.pk).encode() + b'"}')
    signature = b64url(Ed25519PrivateKey.generate().sign(f"{header}.{payload}".encode()))

    result = certificate_verify(token=f"{header}.{payload}.{signature}")
    assert result.status == VerificationStatus.UNKNOWN and result.reason == "other_issuer"


def test_a_deleted_certificate_is_unknown(certificate):
    token = certificate.credential_jwt
    certificate.delete()

    result = certificate_verify(token=token)
    assert result.status == VerificationStatus.UNKNOWN and result.reason == "not_found"


@pytest.mark.parametrize("garbage", ["", "   ", "hello", "a.b.c", "e30.e30.e30", "x" * 30_000])
def test_garbage_is_unknown_and_never_raises(garbage):
    result = certificate_verify(token=garbage)
    assert result.status == VerificationStatus.UNKNOWN and result.reason == "malformed"


def test_spaces_and_line_breaks_from_a_wrapped_email_are_ignored(certificate):
    token = certificate.credential_jwt
    wrapped = "\n".join(token[i : i + 70] for i in range(0, len(token), 70))
    assert certificate_verify(token=f"  {wrapped}\n").status == VerificationStatus.VALID


# --- The key --------------------------------------------------------------------------------


def test_the_embedded_default_key_is_made_once_and_readable_by_the_owner_only(settings):
    first = signing_key()
    second = signing_key()
    path = settings.BADGE_SIGNING_KEY_FILE

    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    assert first.public_key().public_bytes(*raw) == second.public_key().public_bytes(*raw)


@pytest.mark.parametrize("form", ["pem", "pem_escaped", "base64", "base64url"])
def test_the_key_can_come_from_the_environment(settings, form, learner, course):
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    settings.BADGE_SIGNING_KEY = {
        "pem": pem,
        "pem_escaped": pem.replace("\n", "\\n"),
        "base64": base64.b64encode(raw).decode(),
        "base64url": b64url(raw),
    }[form]

    certificate, _ = certificate_issue(learner=learner, course=course)
    signing_input, _, signature = certificate.credential_jwt.rpartition(".")
    key.public_key().verify(b64url_decode(signature), signing_input.encode())


def test_badges_signed_with_a_retired_key_still_verify_when_it_is_listed(settings, learner, course):
    old = Ed25519PrivateKey.generate()
    settings.BADGE_SIGNING_KEY = b64url(
        old.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
    )
    certificate, _ = certificate_issue(learner=learner, course=course)

    settings.BADGE_SIGNING_KEY = ""  # a new key: the file one
    assert certificate_verify(token=certificate.credential_jwt).status == "unknown"
    old_public = old.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    settings.BADGE_RETIRED_PUBLIC_KEYS = b64url(old_public)
    assert certificate_verify(token=certificate.credential_jwt).status == "valid"


def test_the_key_set_and_issuer_profile_are_public(client, certificate):
    keys = client.get(reverse("courses:badge_keys")).json()["keys"]
    assert len(keys) == 1 and "d" not in keys[0]
    assert parts(certificate.credential_jwt)[0]["kid"] == keys[0]["kid"]

    profile = client.get(reverse("courses:badge_issuer")).json()
    assert profile["id"] == parts(certificate.credential_jwt)[1]["issuer"]["id"]
    assert profile["type"] == ["Profile"] and profile["name"] == "Homes on the Net"

    assert client.get(reverse("courses:badge_key", args=["nope"])).status_code == 404


# --- Issued on completion, with one email ---------------------------------------------------


def test_finishing_a_course_issues_the_certificate_and_emails_once(
    learner, course, lessons, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        finish(lessons[:-1], learner)
    assert not Certificate.objects.exists() and mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(learner=learner, lesson=lessons[-1])

    certificate = Certificate.objects.get(learner=learner, course=course)
    assert certificate.course_title == course.title and certificate.learner_name == learner.name
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [learner.email]
    assert course.title in email.subject
    assert certificate_url(certificate) in email.body
    assert certificate_verify_url(certificate) in email.body

    # The task delivered again, and the lesson done again: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert course_completed.delay(learner_id=learner.pk, course_id=course.pk).get() == str(
            certificate.pk
        )
        lesson_complete(learner=learner, lesson=lessons[-1])
    assert len(mail.outbox) == 1
    assert Certificate.objects.count() == 1


def test_a_run_that_dies_before_the_email_is_stored_leaves_no_certificate_and_the_next_sends_one(
    learner, course, lessons, django_capture_on_commit_callbacks, monkeypatch
):
    """The certificate and its email commit together: a run killed in between (here: failing)
    leaves neither, so the task delivered again issues it and emails once, never zero times."""
    with django_capture_on_commit_callbacks(execute=True):
        finish(lessons[:-1], learner)
    from courses.progress.credentials import badges

    def dies(**kwargs):
        raise RuntimeError("worker lost")

    monkeypatch.setattr(badges, "outgoing_email_queue", dies)
    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True):
        course_completed.delay(learner_id=learner.pk, course_id=course.pk).get()
    assert not Certificate.objects.exists() and mail.outbox == []

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        course_completed.delay(learner_id=learner.pk, course_id=course.pk).get()
    assert Certificate.objects.filter(learner=learner).count() == 1
    assert len(mail.outbox) == 1


def test_no_email_address_means_a_certificate_but_no_email(
    course, lessons, django_capture_on_commit_callbacks
):
    learner = UserFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        finish(lessons, learner)

    assert Certificate.objects.filter(learner=learner).count() == 1
    assert mail.outbox == []


def test_the_task_does_nothing_for_a_course_that_is_gone(learner):
    assert course_completed.delay(learner_id=learner.pk, course_id=999_999).get() is None
    assert not Certificate.objects.exists()


# --- The certificate page -------------------------------------------------------------------


def test_the_certificate_page_shows_name_course_date_skills_qr_code_and_link(
    client, learner, certificate
):
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=datetime(2026, 11, 27, 23, 30, tzinfo=UTC)
    )
    client.force_login(learner)

    response = client.get(reverse("courses:certificate", args=[certificate.pk]))
    html = response.content.decode()

    assert response.status_code == 200
    assert certificate.learner_name in html and certificate.course_title in html
    assert "27 November 2026" in html
    assert "<svg" in html and 'class="certificate__qr-code"' in html and 'role="img"' in html
    assert f'href="{certificate_verify_url(certificate)}"' in html
    assert reverse("courses:certificate_download", args=[certificate.pk]) in html
    assert "<script" not in html.split('<article class="certificate"')[1]
    assert "noindex" in html


def test_the_certificate_page_lists_the_skills_of_the_course(client, learner, certificate):
    from courses.models import Skill

    client.force_login(learner)
    html = client.get(reverse("courses:certificate", args=[certificate.pk])).content.decode()
    for skill in Skill.objects.filter(code__in=["SAF-7", "FND-8"]):
        assert skill.statement in html


def test_a_withdrawn_certificate_says_so_on_its_page(client, learner, certificate):
    certificate_revoke(certificate=certificate, reason="Issued by mistake")
    client.force_login(learner)
    html = client.get(reverse("courses:certificate", args=[certificate.pk])).content.decode()
    assert "This certificate was withdrawn on" in html and "Issued by mistake" in html


@pytest.mark.parametrize("name", ["courses:certificate", "courses:certificate_download"])
def test_another_learner_gets_not_found(client, certificate, name):
    client.force_login(UserFactory())
    assert client.get(reverse(name, args=[certificate.pk])).status_code == 404
    assert client.get(reverse(name, args=[uuid.uuid4()])).status_code == 404


@pytest.mark.parametrize("name", ["courses:certificate", "courses:certificate_download"])
def test_visitors_are_asked_to_sign_in(client, certificate, name):
    response = client.get(reverse(name, args=[certificate.pk]))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_the_owner_downloads_the_signed_credential(client, learner, certificate):
    client.force_login(learner)
    response = client.get(reverse("courses:certificate_download", args=[certificate.pk]))

    assert response.status_code == 200
    assert response.content.decode() == certificate.credential_jwt
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith('.jwt"')


# --- The public checking pages --------------------------------------------------------------


def test_the_verification_link_says_valid_to_anyone(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=datetime(2026, 11, 27, 10, tzinfo=UTC)
    )
    response = client.get(urlsplit(certificate_verify_url(certificate)).path)
    html = response.content.decode()

    assert response.status_code == 200
    assert "This certificate is valid" in html
    assert f"issued to {certificate.learner_name}" in html
    assert certificate.course_title in html and "27 November 2026" in html


def test_the_verification_link_of_a_withdrawn_certificate_says_withdrawn(client, certificate):
    certificate_revoke(certificate=certificate, reason="Private note")
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=datetime(2026, 12, 3, 9, tzinfo=UTC)
    )
    html = client.get(reverse("courses:certificate_verify", args=[certificate.pk])).content
    html = html.decode()

    assert "This certificate was withdrawn on 3 December 2026" in html
    assert "This certificate is valid" not in html
    assert "Private note" not in html  # the reason is for the owner, not the public


def test_an_unknown_verification_link_is_not_found(client):
    response = client.get(reverse("courses:certificate_verify", args=[uuid.uuid4()]))
    assert response.status_code == 404
    assert "We cannot find this certificate" in response.content.decode()


def check(client, text: str):
    return client.post(reverse("courses:credential_check"), {"credential": text})


def test_pasting_a_credential_says_valid(client, certificate):
    html = check(client, certificate.credential_jwt).content.decode()
    assert "This certificate is valid" in html and certificate.learner_name in html


def test_pasting_a_changed_credential_says_it_cannot_be_trusted(client, certificate):
    header, payload, signature = certificate.credential_jwt.split(".")
    changed = f"{header}.{payload[:40]}{other_char(payload[40])}{payload[41:]}.{signature}"

    html = check(client, changed).content.decode()
    assert "This certificate has been changed and cannot be trusted" in html
    assert "This certificate is valid" not in html


def test_pasting_a_withdrawn_credential_says_withdrawn(client, certificate):
    certificate_revoke(certificate=certificate, reason="Issued by mistake")
    html = check(client, certificate.credential_jwt).content.decode()
    assert "This certificate was withdrawn on" in html


def test_pasting_garbage_explains_beside_the_field_and_keeps_what_was_typed(client):
    response = check(client, "my certificate <is> here")
    html = response.content.decode()

    assert response.status_code == 200
    assert "This does not look like a certificate code" in html
    assert 'class="error-message" id="id_credential_error"' in html
    assert "my certificate &lt;is&gt; here</textarea>" in html
    assert 'data-testid="verification-result"' not in html


def test_pasting_nothing_asks_for_the_code(client):
    html = check(client, "   ").content.decode()
    assert "Paste the certificate code into the box." in html


def test_the_check_page_needs_the_csrf_token(certificate):
    client = Client(enforce_csrf_checks=True)
    assert check(client, certificate.credential_jwt).status_code == 403

    client.get(reverse("courses:credential_check"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        reverse("courses:credential_check"),
        {"credential": certificate.credential_jwt, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 200 and "This certificate is valid" in response.content.decode()


def test_the_check_page_shows_an_empty_form(client):
    response = client.get(reverse("courses:credential_check"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<textarea name="credential"' in html and "Check this certificate" in html
