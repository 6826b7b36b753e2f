from typing import Any

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe

from training.core.models import SiteSettings
from training.core.page_cache import (
    page_cache_version,
    request_is_preview,
    token_fill,
    token_hide,
)
from training.core.process_copies import MISSING, ProcessCopies

register = template.Library()

# What the shared cache held for these tags, kept in each process too: both keys carry the
# page-cache version, so a copy can never outlive what it was made from.
_process_copies = ProcessCopies(limit=500)


def _shared_read(version: int, key: str) -> Any:
    """``cache.get(key)``, answered from this process when it has read it before."""
    found = _process_copies.get(version, key)
    if found is MISSING:
        found = cache.get(key)
        if found is not None:
            _process_copies.keep(version, key, found)
    return None if found is MISSING else found


@register.inclusion_tag("components/footer_links.html", takes_context=True)
def footer_links(context) -> dict:
    """The footer's links and phone number, kept in the cache until something is published.

    Every page shows them, so reading them once rather than four queries a page matters.
    """
    request = context.get("request")
    version = page_cache_version()
    key = f"footer-links:{version}"
    # A preview reads and writes no shared cache at all.
    links = None if request_is_preview(request) else _shared_read(version, key)
    if links is None:
        site_settings = (
            SiteSettings.objects.select_related(
                "accessibility_page", "privacy_page", "contact_page"
            ).first()
            or SiteSettings()
        )
        links = {
            "accessibility": _url(site_settings.accessibility_page, request),
            "privacy": _url(site_settings.privacy_page, request),
            "contact": _url(site_settings.contact_page, request),
            "phone": site_settings.contact_phone,
        }
        if not request_is_preview(request):
            cache.set(key, links, 60 * 60)
    # Pages in a translation invite people to say if something reads wrongly.
    return {**links, "translated": translation.get_language() != settings.LANGUAGE_CODE}


def _url(page, request) -> str:
    return page.get_url(request) if page is not None and page.live else ""


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name: str, vary_on: list, disabled, per_page: bool = True) -> None:
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.disabled = disabled
        self.per_page = per_page

    def render(self, context) -> str:
        request = context.get("request")
        if request_is_preview(request) or (
            self.disabled is not None and self.disabled.resolve(context)
        ):
            # A preview may show a draft: it neither reads nor writes the shared copy.
            return self.nodelist.render(context)
        parts = [str(expression.resolve(context)) for expression in self.vary_on]
        # Keyed by the page's live revision too, so a publish gives a new key and only what is
        # live can ever be stored under it.
        page = context.get("page")
        live_revision = getattr(page, "live_revision_id", None) if self.per_page else "site"
        # One copy per language.
        language = translation.get_language()
        version = page_cache_version()
        key = f"fragment:{version}:{language}:{self.name}:{live_revision}:{':'.join(parts)}"
        cached = _shared_read(version, key)
        if cached is None:
            rendered = self.nodelist.render(context)
            cached = token_hide(rendered.encode()).decode()
            cache.set(key, cached, settings.ANONYMOUS_PAGE_CACHE_SECONDS)
        return mark_safe(token_fill(request, cached.encode()).decode())  # noqa: S308


@register.tag
def shared_fragment(parser, token):
    """Cache a part of a page that is the same for everyone, until something is published.

        {% shared_fragment "lesson-body" page.pk disabled=quiz_results %}…{% endshared_fragment %}

    Never in a preview (which may show a draft): there the fragment is rendered and not kept.
    The key includes the live revision of the page being shown (``page.live_revision_id``).

    Forms inside keep working: CSRF tokens are stored as a placeholder and filled in for each
    visitor. Anything the fragment reads lazily (selectors wrapped in SimpleLazyObject) is not
    read at all when the fragment comes from the cache.
    """
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("shared_fragment needs a name")
    disabled = None
    vary_on = []
    for bit in bits[1:]:
        if bit.startswith("disabled="):
            disabled = parser.compile_filter(bit.removeprefix("disabled="))
        else:
            vary_on.append(parser.compile_filter(bit))
    end = f"end{token.split_contents()[0]}"
    nodelist = parser.parse((end,))
    parser.delete_first_token()
    name = bits[0].strip("\"'")
    per_page = end == "endshared_fragment"
    return SharedFragmentNode(nodelist, name, vary_on, disabled, per_page=per_page)


@register.tag
def site_fragment(parser, token):
    """Like ``shared_fragment``, for a part of every page that does not depend on the page: one
    copy per language (and anything named after the name) until something is published.

        {% site_fragment "footer" request.get_host %}…{% endsite_fragment %}

    For the page's surroundings that read nothing personal: the footer, the offline scripts.
    """
    return shared_fragment(parser, token)
