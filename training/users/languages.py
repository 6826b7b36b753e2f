"""The interface language: the chooser, the first-visit prompt and remembering the choice.

Signed-in people keep their choice on their profile (``User.preferred_language``); everyone else
in Django's language cookie. The list of languages is ``settings.LANGUAGES`` and nothing else:
names and text direction come from Django's ``LANG_INFO``.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

# Django's LANG_INFO names a few languages in English only; what their speakers call them.
_LOCAL_NAMES = {"en-gb": "English", "pa": "ਪੰਜਾਬੀ"}


def language_supported(code: str | None) -> str | None:
    """The code as listed in settings.LANGUAGES, or None if it is not offered."""
    if not code:
        return None
    code = code.lower()
    return code if code in dict(settings.LANGUAGES) else None


def language_choices() -> list[dict]:
    """Every offered language: code, its own name in its own script, and whether right to left."""
    choices = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        choices.append(
            {
                "code": code,
                "name_local": _LOCAL_NAMES.get(code, info["name_local"]),
                "bidi": info["bidi"],
            }
        )
    return choices


def language_chosen(request: HttpRequest) -> bool:
    """Whether this visitor has chosen a language (so the first-visit prompt is not shown)."""
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return True
    return settings.LANGUAGE_COOKIE_NAME in request.COOKIES


def language_cookie_set(*, response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 60 * 60,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
    )


def preferred_language_set(*, user, language: str) -> None:
    """Remember a signed-in person's language on their profile (emails use it too)."""
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """The chooser's form: remember the language and go back to the page it was chosen on."""
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    language = language_supported(request.POST.get("language"))
    if language is None:
        return response
    if request.user.is_authenticated:
        preferred_language_set(user=request.user, language=language)
    language_cookie_set(response=response, language=language)
    return response


class ProfileLanguageMiddleware:
    """A signed-in person's profile language wins over the cookie and the browser's wish.

    After LocaleMiddleware and AuthenticationMiddleware. On signing in the profile's language is
    applied (and copied into the cookie, so it stays after signing out).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = _profile_language(request)
        if language and language != getattr(request, "LANGUAGE_CODE", None):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        # Read again: the person may have just signed in, or changed their profile.
        language = _profile_language(request)
        if (
            language
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
            and settings.LANGUAGE_COOKIE_NAME not in response.cookies
        ):
            language_cookie_set(response=response, language=language)
        return response


def _profile_language(request: HttpRequest) -> str | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return language_supported(user.preferred_language)


def language_from_signup(request, user, **kwargs) -> None:
    """A new account starts in the language its owner was reading the site in."""
    language = language_supported(getattr(request, "LANGUAGE_CODE", None))
    if language:
        preferred_language_set(user=user, language=language)
