"""Certificate pages, the public checking pages and the public keys.

A certificate page is for its owner only; anyone else gets "not found" (not "forbidden"), so
nobody can learn which certificate numbers exist. Checking a certificate is public: that is what
the QR code and the verification link are for.
"""

from http import HTTPStatus

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

import qrcode
import qrcode.image.svg

from courses.models import Certificate
from courses.progress.credentials.badges import (
    OB_CONTEXT,
    VC_CONTEXT,
    certificate_check,
    certificate_skills,
    certificate_verify,
    certificate_verify_url,
    issuer_profile,
    public_jwk,
    public_jwks,
    public_keys,
)
from courses.progress.credentials.forms import CredentialCheckForm

PUBLIC_JSON_HEADERS = {
    # Verifiers are often web apps on other sites: let them read these files.
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": "public, max-age=3600",
}


def qr_code_svg(url: str, *, label: str) -> str:
    """An inline SVG QR code of ``url``: no image request, no script, nothing for CSP to block."""
    image = qrcode.make(
        url,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=2,
    )
    root = image.get_image()
    for attribute in ("width", "height"):
        root.attrib.pop(attribute, None)
    root.set("class", "certificate__qr-code")
    root.set("role", "img")
    root.set("aria-label", label)
    for child in root:
        child.attrib.pop("id", None)
    # Safe: made by qrcode from our own address; the label goes through ElementTree's escaping.
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


@login_required
@require_GET
def certificate(request: HttpRequest, certificate_id) -> HttpResponse:
    certificate = get_object_or_404(Certificate, pk=certificate_id, learner=request.user)
    verify_url = certificate_verify_url(certificate)
    return render(
        request,
        "courses/progress/certificate.html",
        {
            "certificate": certificate,
            "result": certificate_check(certificate),
            "skills": certificate_skills(certificate),
            "verify_url": verify_url,
            "qr_code": qr_code_svg(
                verify_url, label=_("QR code. Scan it to check this certificate.")
            ),
        },
    )


@login_required
@require_GET
def certificate_download(request: HttpRequest, certificate_id) -> HttpResponse:
    """The signed Open Badges 3.0 credential (a VC-JWT), as a file to keep or share."""
    certificate = get_object_or_404(Certificate, pk=certificate_id, learner=request.user)
    if not certificate.credential_jwt:
        raise Http404
    name = slugify(certificate.course_title)[:60] or "course"
    response = HttpResponse(certificate.credential_jwt, content_type="application/jwt")
    response["Content-Disposition"] = f'attachment; filename="homes-on-the-net-{name}.jwt"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def certificate_verify_page(request: HttpRequest, certificate_id) -> HttpResponse:
    """Where the QR code and the verification link lead: is this certificate real?"""
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return render(
            request,
            "courses/progress/certificate_verify.html",
            {"certificate": None},
            status=HTTPStatus.NOT_FOUND,
        )
    return render(
        request,
        "courses/progress/certificate_verify.html",
        {"certificate": certificate, "result": certificate_check(certificate)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def credential_check(request: HttpRequest) -> HttpResponse:
    """Paste a badge's code and we say whether it is valid, changed or withdrawn."""
    form = CredentialCheckForm(request.POST if request.method == "POST" else None)
    result = None
    if form.is_valid():
        result = certificate_verify(token=form.cleaned_data["credential"])
    return render(
        request, "courses/progress/credential_check.html", {"form": form, "result": result}
    )


@require_GET
def badge_issuer(request: HttpRequest) -> JsonResponse:
    """The issuer Profile that every credential names as its ``issuer.id``."""
    profile = {"@context": [VC_CONTEXT, OB_CONTEXT], **issuer_profile()}
    return JsonResponse(profile, headers=PUBLIC_JSON_HEADERS)


@require_GET
def badge_keys(request: HttpRequest) -> JsonResponse:
    """Every public key we sign badges with, as a JSON Web Key Set."""
    return JsonResponse(public_jwks(), headers=PUBLIC_JSON_HEADERS)


@require_GET
def badge_key(request: HttpRequest, key_id: str) -> JsonResponse:
    """One public key as a JWK: what a credential's ``kid`` points to."""
    key = public_keys().get(key_id)
    if key is None:
        raise Http404
    return JsonResponse(public_jwk(key), headers=PUBLIC_JSON_HEADERS)
