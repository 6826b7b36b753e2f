"""``{% inline_static 'css/site.css' %}``: a static file written into the page (issue 20).

On a slow phone each file the first paint waits for is another round trip; the few that every
page needs at once are sent inside the HTML, allowed by their hash in the
Content-Security-Policy (``training.core.static_files.inline_static``).
"""

from django import template
from django.utils.safestring import SafeString

from training.core.static_files import inline_static as inline_file

register = template.Library()


@register.simple_tag
def inline_static(name: str) -> SafeString:
    """``<style>…</style>`` or ``<script>…</script>`` holding the minified static file ``name``;
    only files listed in settings.CONTENT_SECURITY_POLICY_INLINE (their hash is in the policy)."""
    return inline_file(name=name).html
