"""QuickSelect writes the same drop-down list as Django's own Select, only quicker."""

import re

from django import forms

from training.core.forms import QuickSelect

CHOICES = [
    ("", "All of them"),
    ("a&b", "Fish & chips <hot>"),
    ("Groups", [("g1", "In a group"), ("g2", "Also in it")]),
    ("3", "Three"),
]


def tidy(html: str) -> str:
    """The same HTML whatever the line breaks and indents between tags."""
    return re.sub(r">\s+<", "><", html.strip())


def test_the_html_is_djangos_with_the_chosen_option_escaped_and_grouped():
    attrs = {"id": "filter-x", "aria-describedby": "filter-x_error", "aria-invalid": True}
    for value in ("a&b", "g2", "", None, "not-a-choice"):
        django = forms.Select(choices=CHOICES).render("x", value, attrs=attrs)
        quick = QuickSelect(choices=CHOICES).render("x", value, attrs=attrs)
        assert tidy(quick) == tidy(django), value
    quick = QuickSelect(choices=CHOICES).render("x", "g2", attrs=attrs)
    assert '<option value="g2" selected>Also in it</option>' in quick
    assert "Fish &amp; chips &lt;hot&gt;" in quick and 'value="a&amp;b"' in quick
    assert '<optgroup label="Groups">' in quick


def test_the_dashboard_filters_render_their_lists_quickly(client, manager):
    from django.urls import reverse

    client.force_login(manager)
    page = client.get(reverse("dashboards:dashboard"), {"period": "4w"}).content.decode()
    assert '<select name="period" id="filter-period">' in page
    assert '<option value="4w" selected>Last 4 weeks</option>' in page
