"""Certificates and Open Badges 3.0 credentials: issue, sign, verify and withdraw.

Finishing a course gives the learner a :class:`~courses.models.Certificate`. It carries an
``OpenBadgeCredential`` (Open Badges 3.0 on the W3C Verifiable Credentials Data Model 2.0), signed
as a VC-JWT with the site's Ed25519 key, so anyone can check it with our public key alone.

**The JWT** (OB 3.0 §8.2 "JSON Web Token Proof Format", as aligned with VC Data Model 2.0 and
VC-JOSE-COSE): the JOSE header is ``{"alg": "EdDSA", "typ": "JWT", "kid": <our public JWK's URL>}``;
the payload *is* the credential — its members at the top level, with no ``vc`` wrapper
(VC-JOSE-COSE forbids one) — plus the registered claims ``iss`` (= ``issuer.id``), ``jti``
(= ``id``, a ``urn:uuid:`` of the certificate), ``nbf`` and ``iat`` (= ``validFrom``). There is no
``sub``: the recipient has no ``credentialSubject.id``; they are named by a salted hash in
``credentialSubject.identifier`` instead, so the badge never shows their email address.

**The key**: ``BADGE_SIGNING_KEY`` (a setting or environment variable) holds the Ed25519 private
key as PEM or as the base64 of its 32 raw bytes; production must set it, the same on every app
server. Without it — the embedded default — a key is made once and kept in
``var/badge-signing-key.pem`` (git-ignored, readable by the owner only; ``BADGE_SIGNING_KEY_FILE``
moves it). A file, not the database: the private key then never travels in database dumps, exports
or backups shared for support, and a fresh database does not silently change the key. Keys that
signed earlier badges can stay checkable after a change of key: list their public halves in
``BADGE_RETIRED_PUBLIC_KEYS``.
"""

import base64
import binascii
import hashlib
import json
import os
import re
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from jwt.algorithms import OKPAlgorithm
from jwt.exceptions import InvalidKeyError
from jwt.utils import base64url_decode, base64url_encode

from courses.models import Certificate, CoursePage, Skill
from courses.verbs import CERTIFICATE_ISSUED, CERTIFICATE_REVOKED
from notifications.services import outgoing_email_queue
from training.core.addresses import absolute_url, site_url
from training.core.services import activity_record
from training.users.models import User

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
ISSUER_NAME = "Homes on the Net"
SKILLS_FRAMEWORK = "UK Essential Digital Skills framework"
# An alignment's targetType must be one of OB 3.0's AlignmentTargetType values or an "ext:" term
# (the published JSON Schema refuses anything else, such as the "ceterms:Competency" our first
# badges carried). "ceasn:Competency" means a competency published by Credential Engine, which
# the UK Essential Digital Skills framework is not, so our skills get an extension term. Badges
# already issued with the old value keep verifying: their signature is still genuine.
ALIGNMENT_TARGET_TYPE = "ext:EssentialDigitalSkill"
# Our credentials are a few kilobytes; anything far longer is not one of ours.
CREDENTIAL_MAX_CHARS = 20_000

_JWT_SHAPE = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
_B64URL = re.compile(r"[A-Za-z0-9_-]*")
# Checking a credential checks who signed it and that it is unchanged: its dates and other
# registered claims are the credential's own business (a badge does not expire).
_SIGNATURE_ONLY = {
    "verify_exp": False,
    "verify_nbf": False,
    "verify_iat": False,
    "verify_aud": False,
    "verify_iss": False,
    "verify_sub": False,
    "verify_jti": False,
}


# --- Addresses -------------------------------------------------------------------------------


def absolute(path: str) -> str:
    return absolute_url(path)


def issuer_id() -> str:
    return absolute(reverse("courses:badge_issuer"))


def issuer_profile() -> dict[str, Any]:
    """The issuer ``Profile`` embedded in every credential (and served at its ``id``)."""
    return {"id": issuer_id(), "type": ["Profile"], "name": ISSUER_NAME, "url": site_url() + "/"}


def certificate_url(certificate: Certificate) -> str:
    return absolute(reverse("courses:certificate", kwargs={"certificate_id": certificate.pk}))


def certificate_verify_url(certificate: Certificate) -> str:
    return absolute(
        reverse("courses:certificate_verify", kwargs={"certificate_id": certificate.pk})
    )


# --- Keys ------------------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64url_encode(data).decode("ascii")


def _b64url_canonical(text: str) -> bool:
    """Base64url in its one canonical spelling: the alphabet, no padding, no spare bits.

    PyJWT decodes leniently; refusing other spellings matters, otherwise the last character of a
    signature could be changed without changing the bytes it decodes to.
    """
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        return False
    try:
        return _b64url(base64url_decode(text)) == text
    except (binascii.Error, ValueError):  # e.g. spare bits the decoder will not ignore
        return False


def _setting(name: str) -> str:
    value = getattr(settings, name, None) or os.environ.get(name, "")
    return str(value).strip()


def _private_key_parse(text: str) -> Ed25519PrivateKey:
    """A PEM private key, or the base64 (standard or url-safe) of the 32 raw bytes."""
    if "-----BEGIN" in text:
        # Environment variables often carry a PEM's line breaks as the two characters "\n".
        key = serialization.load_pem_private_key(text.replace("\\n", "\n").encode(), None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ImproperlyConfigured("BADGE_SIGNING_KEY must be an Ed25519 private key.")
        return key
    try:
        raw = base64.b64decode(text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as error:
        raise ImproperlyConfigured(
            "BADGE_SIGNING_KEY must be a PEM Ed25519 private key or the base64 of its 32 bytes."
        ) from error
    if len(raw) != 32:
        raise ImproperlyConfigured("BADGE_SIGNING_KEY must hold exactly 32 bytes of key.")
    return Ed25519PrivateKey.from_private_bytes(raw)


@lru_cache(maxsize=8)
def _private_key_from_text(text: str) -> Ed25519PrivateKey:
    return _private_key_parse(text)


@lru_cache(maxsize=8)
def _private_key_from_file(path: str) -> Ed25519PrivateKey:
    """Read the key file, or make it the first time: atomically, so two processes agree."""
    file = Path(path)
    if not file.exists():
        file.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # Another process made it first: use theirs.
        else:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(pem)
    return _private_key_parse(file.read_text())


def signing_key() -> Ed25519PrivateKey:
    """The site's Ed25519 private key (see the module docstring for where it comes from)."""
    text = _setting("BADGE_SIGNING_KEY")
    if text:
        return _private_key_from_text(text)
    path = _setting("BADGE_SIGNING_KEY_FILE") or str(
        Path(settings.BASE_DIR) / "var" / "badge-signing-key.pem"
    )
    return _private_key_from_file(path)


def _jwk_members(key: Ed25519PublicKey) -> dict[str, str]:
    """The key's required JWK members (kty, crv, x), as PyJWT writes them."""
    return OKPAlgorithm.to_jwk(key, as_dict=True)


def key_thumbprint(key: Ed25519PublicKey) -> str:
    """The RFC 7638 JWK thumbprint: a short, stable name for a public key."""
    required = {name: _jwk_members(key)[name] for name in ("crv", "kty", "x")}
    canonical = json.dumps(required, separators=(",", ":"), sort_keys=True)
    return _b64url(hashlib.sha256(canonical.encode()).digest())


def public_keys() -> dict[str, Ed25519PublicKey]:
    """Every public key whose badges we accept, by thumbprint: the current one first."""
    current = signing_key().public_key()
    keys = {key_thumbprint(current): current}
    for text in _setting("BADGE_RETIRED_PUBLIC_KEYS").replace(",", " ").split():
        x = text.rstrip("=")
        try:
            if not _b64url_canonical(x):
                raise ValueError("not base64url")
            key = OKPAlgorithm.from_jwk({"kty": "OKP", "crv": "Ed25519", "x": x})
        except (ValueError, InvalidKeyError) as error:
            raise ImproperlyConfigured(
                "BADGE_RETIRED_PUBLIC_KEYS must list base64url Ed25519 public keys (32 bytes)."
            ) from error
        keys.setdefault(key_thumbprint(key), key)
    return keys


def key_id(thumbprint: str) -> str:
    """The ``kid``: the address of the public key as a JWK, for verifiers to fetch."""
    return absolute(reverse("courses:badge_key", kwargs={"key_id": thumbprint}))


def public_jwk(key: Ed25519PublicKey) -> dict[str, str]:
    """A public key as a JWK. Never contains the private part ``d``."""
    return {
        **_jwk_members(key),
        "kid": key_id(key_thumbprint(key)),
        "alg": "EdDSA",
        "use": "sig",
    }


def public_jwks() -> dict[str, list[dict[str, str]]]:
    return {"keys": [public_jwk(key) for key in public_keys().values()]}


# --- Building and signing the credential -----------------------------------------------------


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def identity_hash(value: str, salt: str) -> str:
    """``sha256$`` and the hex SHA-256 of the identity followed by the salt (the OB format)."""
    return "sha256$" + hashlib.sha256((value + salt).encode("utf-8")).hexdigest()


def account_address(learner: User) -> str:
    """The learner's account as an ``acct:`` URI (RFC 7565), for people with no email address."""
    host = site_url().split("://", 1)[-1].split("/", 1)[0]
    return f"acct:{learner.pk}@{host}"


def recipient_identity(learner: User, *, salt: str) -> dict[str, Any]:
    """Who the badge is for, as a salted hash: of the email address, or of the account."""
    if learner.email:
        value, identity_type = learner.email.strip().lower(), "emailAddress"
    else:
        value, identity_type = account_address(learner), "accountId"
    return {
        "type": "IdentityObject",
        "identityHash": identity_hash(value, salt),
        "identityType": identity_type,
        "hashed": True,
        "salt": salt,
    }


def _page_address(page: CoursePage) -> str | None:
    parts = page.get_url_parts()
    return absolute(parts[2]) if parts else None


def achievement_build(course: CoursePage) -> dict[str, Any]:
    """The ``Achievement``: what finishing this course means, and the skills it aligns to."""
    skills_page = absolute("/courses/skills/")
    fallback_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{site_url()}#course-{course.pk}")
    achievement: dict[str, Any] = {
        "id": _page_address(course) or f"urn:uuid:{fallback_id}",
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": course.title,
        "description": course.summary or course.title,
        "criteria": {
            "narrative": gettext(
                "Finish every lesson of the course “%(course)s” on Homes on the Net. A lesson "
                "with a quiz is finished by passing the quiz."
            )
            % {"course": course.title}
        },
        "inLanguage": translation.to_locale(settings.LANGUAGE_CODE).replace("_", "-"),
    }
    skills = sorted(
        Skill.objects.filter(courses=course).select_related("area"),
        key=lambda skill: (skill.area.sort_order, skill.sort_order, skill.code),
    )
    if skills:
        achievement["alignment"] = [
            {
                "type": ["Alignment"],
                "targetName": skill.statement,
                "targetCode": skill.code,
                "targetFramework": SKILLS_FRAMEWORK,
                "targetType": ALIGNMENT_TARGET_TYPE,
                "targetUrl": f"{skills_page}#area-{skill.area.code.lower()}",
            }
            for skill in skills
        ]
    return achievement


def credential_build(
    *, certificate: Certificate, learner: User, course: CoursePage, salt: str
) -> dict[str, Any]:
    """The unsigned ``OpenBadgeCredential`` for a certificate."""
    with translation.override(settings.LANGUAGE_CODE):
        achievement = achievement_build(course)
        description = gettext("Finished the course “%(course)s” on Homes on the Net.") % {
            "course": certificate.course_title
        }
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": f"urn:uuid:{certificate.pk}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(),
        "validFrom": _iso(certificate.issued_at),
        "name": certificate.course_title,
        "description": description,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [recipient_identity(learner, salt=salt)],
            "achievement": achievement,
        },
    }


def credential_sign(credential: dict[str, Any]) -> str:
    """Sign a credential as a compact VC-JWT (the claim layout is in the module docstring)."""
    key = signing_key()
    issued = int(datetime.fromisoformat(credential["validFrom"]).timestamp())
    claims = {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": issued,
        "iat": issued,
        **credential,
    }
    # PyJWT writes the header {"alg": "EdDSA", "kid": ..., "typ": "JWT"}.
    kid = key_id(key_thumbprint(key.public_key()))
    return jwt.encode(claims, key, algorithm="EdDSA", headers={"kid": kid})


def credential_claims(token: str) -> dict[str, Any]:
    """The payload of one of our stored credentials, *without* checking it (for display only)."""
    try:
        return jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return {}


# --- Issuing and withdrawing -----------------------------------------------------------------


def certificate_issue(*, learner: User, course: CoursePage) -> tuple[Certificate, bool]:
    """Give ``learner`` their certificate for ``course``, once. Returns it and whether it is new.

    Safe to call any number of times, from any number of processes at once: the database's unique
    constraint keeps one certificate per learner and course, and only the call that made it gets
    ``True`` (so only that one sends the congratulations email).
    """
    existing = Certificate.objects.filter(learner=learner, course=course).first()
    if existing is not None:
        return existing, False
    certificate = Certificate(
        learner=learner,
        course=course,
        course_title=course.title,
        learner_name=learner.name[:150],
        issued_at=timezone.now().replace(microsecond=0),
    )
    credential = credential_build(
        certificate=certificate, learner=learner, course=course, salt=secrets.token_hex(16)
    )
    certificate.credential_jwt = credential_sign(credential)
    try:
        with transaction.atomic():
            certificate.save(force_insert=True)
            activity_record(
                actor=learner,
                verb=CERTIFICATE_ISSUED,
                obj=certificate,
                context={"course_id": course.pk},
                occurred_at=certificate.issued_at,
            )
    except IntegrityError:
        return Certificate.objects.get(learner=learner, course=course), False
    return certificate, True


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    """Withdraw a certificate: checking it says so from now on. A second call changes nothing."""
    now = timezone.now()
    updated = Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=now, revoked_reason=reason[:255]
    )
    certificate.refresh_from_db(fields=["revoked_at", "revoked_reason"])
    if updated:
        activity_record(
            actor=certificate.learner,
            verb=CERTIFICATE_REVOKED,
            obj=certificate,
            context={"course_id": certificate.course_id},
            occurred_at=now,
        )
    return certificate


def certificate_congratulate(*, certificate: Certificate) -> bool:
    """Email the learner, once, with the link to their certificate. False if no address.

    The email goes into the outbox in the caller's transaction, keyed by the certificate, so a
    task run twice (a worker killed, then the task delivered again) still sends one email.
    """
    learner = certificate.learner
    if not learner.email:
        return False
    with translation.override(learner.preferred_language or settings.LANGUAGE_CODE):
        context = {
            "certificate": certificate,
            "learner": learner,
            "certificate_url": certificate_url(certificate),
            "verify_url": certificate_verify_url(certificate),
            "site_url": site_url() + "/",
        }
        subject = render_to_string("courses/progress/email/certificate_subject.txt", context)
        body = render_to_string("courses/progress/email/certificate_message.txt", context)
    payload = {
        "subject": " ".join(subject.split()),
        "body": body,
        "from_email": settings.DEFAULT_FROM_EMAIL,
        "to": [learner.email],
    }
    outgoing_email_queue(
        key=f"certificate-congratulation:{certificate.pk}", payload=payload, recipient=learner
    )
    return True


# --- Verifying -------------------------------------------------------------------------------


class VerificationStatus(StrEnum):
    VALID = "valid"
    TAMPERED = "tampered"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class VerificationResult:
    """What checking a credential found.

    ``claims`` is the signed payload, only when the signature is good. ``reason`` says why a result
    is "unknown": ``"malformed"`` (not a JWT), ``"other_issuer"`` (signed with a key that is not
    ours) or ``"not_found"`` (signed by us, but we hold no such certificate any more).
    """

    status: VerificationStatus
    certificate: Certificate | None = None
    claims: dict[str, Any] = field(default_factory=dict)
    reason: str = ""

    @property
    def is_valid(self) -> bool:
        return self.status == VerificationStatus.VALID


def credential_normalise(token: str) -> str:
    """What people paste: drop spaces and line breaks (emails wrap long lines) and quotes."""
    return "".join(token.split()).strip("\"'")


def credential_is_well_formed(token: str) -> bool:
    """Three base64url parts joined by dots, the first a JSON header: the shape of a JWT."""
    return _header(credential_normalise(token)) is not None


def _header(token: str) -> dict[str, Any] | None:
    if len(token) > CREDENTIAL_MAX_CHARS or not _JWT_SHAPE.fullmatch(token):
        return None
    # Only the first part: a changed signature is "tampered", never "not a credential".
    first = token.split(".", 1)[0]
    if not _b64url_canonical(first):
        return None
    try:
        header = json.loads(base64url_decode(first))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(header, dict) or not isinstance(header.get("alg"), str):
        return None
    if not isinstance(header.get("kid", ""), str):
        return None
    return header


def _signed_claims(token: str, key: Ed25519PublicKey) -> dict[str, Any] | None:
    """The payload, if ``key`` signed this token with EdDSA (the only algorithm accepted)."""
    try:
        return jwt.decode(token, key, algorithms=["EdDSA"], options=_SIGNATURE_ONLY)
    except jwt.PyJWTError:
        return None


def _certificate_for(claims: dict[str, Any]) -> Certificate | None:
    jti = claims.get("jti")
    if not isinstance(jti, str) or not jti.startswith("urn:uuid:"):
        return None
    try:
        certificate_id = uuid.UUID(jti.removeprefix("urn:uuid:"))
    except ValueError:
        return None
    return Certificate.objects.filter(pk=certificate_id).first()


def certificate_verify(*, token: str) -> VerificationResult:
    """Check a credential: signed by us and unchanged, and not withdrawn since.

    Never raises on bad input: anything that is not a JWT is "unknown" with reason "malformed".
    """
    token = credential_normalise(token)
    header = _header(token)
    if header is None:
        return VerificationResult(status=VerificationStatus.UNKNOWN, reason="malformed")
    keys = public_keys()
    kid = header.get("kid")
    if kid:
        thumbprint = kid.rsplit("/", 1)[-1].removesuffix(".json")
        if thumbprint not in keys:
            return VerificationResult(status=VerificationStatus.UNKNOWN, reason="other_issuer")
        candidates = [keys[thumbprint]]
    else:
        candidates = list(keys.values())

    claims = None
    if _b64url_canonical(token.rsplit(".", 1)[-1]):
        claims = next(
            (found for key in candidates if (found := _signed_claims(token, key)) is not None),
            None,
        )
    if claims is None:
        return VerificationResult(status=VerificationStatus.TAMPERED, reason="signature")

    certificate = _certificate_for(claims)
    if certificate is None:
        return VerificationResult(
            status=VerificationStatus.UNKNOWN, claims=claims, reason="not_found"
        )
    if certificate.revoked_at is not None:
        return VerificationResult(
            status=VerificationStatus.REVOKED, certificate=certificate, claims=claims
        )
    return VerificationResult(
        status=VerificationStatus.VALID, certificate=certificate, claims=claims
    )


def certificate_check(certificate: Certificate) -> VerificationResult:
    """Verify the credential we hold for a certificate (for its own pages)."""
    if not certificate.credential_jwt:
        return VerificationResult(
            status=VerificationStatus.UNKNOWN, certificate=certificate, reason="not_found"
        )
    return certificate_verify(token=certificate.credential_jwt)


def certificate_skills(certificate: Certificate) -> list[dict[str, str]]:
    """The skills the credential was aligned to when it was issued (later edits change nothing)."""
    achievement = (
        credential_claims(certificate.credential_jwt)
        .get("credentialSubject", {})
        .get("achievement", {})
    )
    return [
        {"code": item.get("targetCode", ""), "statement": item.get("targetName", "")}
        for item in achievement.get("alignment", [])
        if isinstance(item, dict)
    ]


__all__ = [
    "CREDENTIAL_MAX_CHARS",
    "VerificationResult",
    "VerificationStatus",
    "certificate_check",
    "certificate_congratulate",
    "certificate_issue",
    "certificate_revoke",
    "certificate_skills",
    "certificate_verify",
    "credential_claims",
    "credential_is_well_formed",
    "credential_normalise",
    "issuer_profile",
    "public_jwk",
    "public_jwks",
    "public_keys",
    "signing_key",
]
