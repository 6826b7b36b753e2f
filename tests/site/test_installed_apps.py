"""Only the apps the project uses are installed (issue 11): no Wagtail form pages, no oEmbed (our
video block draws its own player) and no humanize filters."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

UNUSED = ("wagtail.contrib.forms", "wagtail.embeds", "django.contrib.humanize")


def test_the_unused_apps_are_not_installed():
    assert [name for name in UNUSED if apps.is_installed(name)] == []


def test_no_template_loads_the_tags_of_an_app_that_is_not_installed():
    templates = Path(settings.BASE_DIR) / "templates"
    loads = {
        library
        for path in templates.rglob("*.html")
        for line in re.findall(r"\{% load ([^%]+)%\}", path.read_text())
        for library in line.split()
    }
    assert loads & {"humanize", "wagtailembeds_tags"} == set()
