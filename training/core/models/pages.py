from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from training.core.page_cache import AnonymousPageCacheMixin

PLAIN_RICH_TEXT = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class HomePage(AnonymousPageCacheMixin, Page):
    """The front page: what the platform is for, and the first thing to do."""

    introduction = models.TextField(
        _("introduction"),
        help_text=_("One or two short sentences saying what people can do here."),
    )
    body = RichTextField(_("body"), features=PLAIN_RICH_TEXT, blank=True)
    call_to_action = models.CharField(
        _("button text"),
        max_length=60,
        default="See the courses",
        help_text=_("Say what the button does, e.g. “See the courses”."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("call_to_action"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find a live page deep in the tree with one lookup by its address, not one per level.

        Anything this fast path does not find (routable sub-pages such as /courses/skills/,
        pages that are not live) goes through Wagtail's usual routing, level by level.
        """
        if path_components:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            page = Page.objects.live().filter(url_path=url_path).specific().first()
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)


class StandardPage(AnonymousPageCacheMixin, Page):
    """A plain page of text, such as the accessibility statement or the privacy notice."""

    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), features=PLAIN_RICH_TEXT)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["core.HomePage", "core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
