from django import template
from django.core.cache import cache

from training.core.models import SiteSettings
from training.core.page_cache import page_cache_version

register = template.Library()


@register.inclusion_tag("components/footer_links.html", takes_context=True)
def footer_links(context) -> dict:
    """The footer's links and phone number, kept in the cache until something is published.

    Every page shows them, so reading them once rather than four queries a page matters.
    """
    key = f"footer-links:{page_cache_version()}"
    links = cache.get(key)
    if links is None:
        site_settings = (
            SiteSettings.objects.select_related(
                "accessibility_page", "privacy_page", "contact_page"
            ).first()
            or SiteSettings()
        )
        request = context.get("request")
        links = {
            "accessibility": _url(site_settings.accessibility_page, request),
            "privacy": _url(site_settings.privacy_page, request),
            "contact": _url(site_settings.contact_page, request),
            "phone": site_settings.contact_phone,
        }
        cache.set(key, links, 60 * 60)
    return links


def _url(page, request) -> str:
    return page.get_url(request) if page is not None and page.live else ""
