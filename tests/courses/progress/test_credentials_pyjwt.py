"""Badges signed before the move to PyJWT still verify, and new ones keep the same JOSE header.

The token below was made by the hand-written signer this project used before PyJWT, with the
fixed test key ``KEY`` (32 bytes 0x01..0x20): a wallet may hold such a badge for years.
"""

import base64
import json
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from courses.models import Certificate
from courses.progress.credentials.badges import (
    VerificationStatus,
    certificate_verify,
    credential_claims,
    credential_sign,
    key_thumbprint,
    public_jwk,
    signing_key,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

KEY = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA"
CERTIFICATE_ID = uuid.UUID("5b0f3c1e-2d4a-4e8b-9c1d-7a6e5f4d3c2b")
ISSUED_BEFORE_PYJWT = (
    "eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCIsImtpZCI6Imh0dHA6Ly8xMjcuMC4wLjE6ODAwMC9jZXJ0aWZpY2F0"
    "ZXMva2V5cy9XV3BuX3BmSHVpOVlLUjRDWnRRc0RHTXU3X0djaDJ6WUNoZlN2bnhndFBrLmpzb24ifQ.eyJpc3MiO"
    "iJodHRwczovL2hvbWVzLmV4YW1wbGUvY2VydGlmaWNhdGVzL2lzc3Vlci5qc29uIiwianRpIjoidXJuOnV1aWQ6N"
    "WIwZjNjMWUtMmQ0YS00ZThiLTljMWQtN2E2ZTVmNGQzYzJiIiwibmJmIjoxNzQ4NzcyMDAwLCJpYXQiOjE3NDg3N"
    "zIwMDAsIkBjb250ZXh0IjpbImh0dHBzOi8vd3d3LnczLm9yZy9ucy9jcmVkZW50aWFscy92MiIsImh0dHBzOi8vc"
    "HVybC5pbXNnbG9iYWwub3JnL3NwZWMvb2IvdjNwMC9jb250ZXh0LTMuMC4zLmpzb24iXSwiaWQiOiJ1cm46dXVpZ"
    "Do1YjBmM2MxZS0yZDRhLTRlOGItOWMxZC03YTZlNWY0ZDNjMmIiLCJ0eXBlIjpbIlZlcmlmaWFibGVDcmVkZW50a"
    "WFsIiwiT3BlbkJhZGdlQ3JlZGVudGlhbCJdLCJpc3N1ZXIiOnsiaWQiOiJodHRwczovL2hvbWVzLmV4YW1wbGUvY"
    "2VydGlmaWNhdGVzL2lzc3Vlci5qc29uIiwidHlwZSI6WyJQcm9maWxlIl0sIm5hbWUiOiJIb21lcyBvbiB0aGUgT"
    "mV0IiwidXJsIjoiaHR0cHM6Ly9ob21lcy5leGFtcGxlLyJ9LCJ2YWxpZEZyb20iOiIyMDI1LTA2LTAxVDEwOjAwO"
    "jAwWiIsIm5hbWUiOiJVc2luZyBlbWFpbCDigJMgdGhlIGJhc2ljcyIsImRlc2NyaXB0aW9uIjoiRmluaXNoZWQgd"
    "GhlIGNvdXJzZSDigJxVc2luZyBlbWFpbCDigJMgdGhlIGJhc2ljc-KAnSBvbiBIb21lcyBvbiB0aGUgTmV0LiIsI"
    "mNyZWRlbnRpYWxTdWJqZWN0Ijp7InR5cGUiOlsiQWNoaWV2ZW1lbnRTdWJqZWN0Il0sImlkZW50aWZpZXIiOltdL"
    "CJhY2hpZXZlbWVudCI6eyJpZCI6InVybjp1dWlkOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwM"
    "SIsInR5cGUiOlsiQWNoaWV2ZW1lbnQiXSwibmFtZSI6IlVzaW5nIGVtYWlsIOKAkyB0aGUgYmFzaWNzIn19fQ.Fe"
    "tXiucigQBGtEd2dIVue0y8JK8JIjaPYYIl_9mi2K4H-G_6SbTJpjklVAHsBdIym08KItWzXG-KUh0_Jj1OBQ"
)


@pytest.fixture(autouse=True)
def _the_old_key(settings):
    settings.BADGE_SIGNING_KEY = KEY
    settings.BADGE_RETIRED_PUBLIC_KEYS = ""


def _segment(text: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


def test_a_badge_signed_before_pyjwt_still_verifies():
    certificate = Certificate.objects.create(
        id=CERTIFICATE_ID,
        learner=UserFactory(),
        course_title="Using email – the basics",
        learner_name="Sam",
        credential_jwt=ISSUED_BEFORE_PYJWT,
    )

    result = certificate_verify(token=ISSUED_BEFORE_PYJWT)

    assert result.status == VerificationStatus.VALID
    assert result.certificate == certificate
    assert result.claims["name"] == "Using email – the basics"
    assert credential_claims(ISSUED_BEFORE_PYJWT) == result.claims


def test_one_changed_byte_of_the_old_badge_is_tampered():
    header, payload, signature = ISSUED_BEFORE_PYJWT.split(".")
    changed = payload[:-3] + ("A" if payload[-3] != "A" else "B") + payload[-2:]

    result = certificate_verify(token=f"{header}.{changed}.{signature}")

    assert result.status == VerificationStatus.TAMPERED


def test_new_badges_have_the_same_header_and_a_signature_over_it():
    credential = {
        "id": f"urn:uuid:{CERTIFICATE_ID}",
        "issuer": {"id": "https://homes.example/certificates/issuer.json"},
        "validFrom": "2025-06-01T10:00:00Z",
        "name": "Using email – the basics",
    }

    token = credential_sign(credential)

    header, payload, signature = token.split(".")
    key = signing_key().public_key()
    assert _segment(header) == {
        "alg": "EdDSA",
        "typ": "JWT",
        "kid": public_jwk(key)["kid"],
    }
    assert public_jwk(key)["kid"].endswith(f"/certificates/keys/{key_thumbprint(key)}.json")
    assert _segment(payload) == {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": 1748772000,
        "iat": 1748772000,
        **credential,
    }
    key.verify(base64.urlsafe_b64decode(signature + "=="), f"{header}.{payload}".encode("ascii"))
    # The same key as the old signer: the raw private key KEY.
    assert signing_key().private_bytes_raw() == base64.urlsafe_b64decode(KEY + "=")
    assert isinstance(signing_key(), Ed25519PrivateKey)
