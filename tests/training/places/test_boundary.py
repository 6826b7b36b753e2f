"""A neighbourhood's optional boundary: checked in the admin, drawn as an accessible SVG."""

import json
import math
import re

from django.template import Context, Template

import pytest

from demo.places import NEIGHBOURHOODS
from tests.factories.places import NeighbourhoodFactory
from training.places.boundary import MAX_POINTS, boundary_errors, boundary_outline
from training.places.models import Neighbourhood

SQUARE = [
    [[-0.105, 51.536], [-0.101, 51.536], [-0.101, 51.534], [-0.105, 51.534], [-0.105, 51.536]]
]
POLYGON = {"type": "Polygon", "coordinates": SQUARE}


def edit_url(neighbourhood) -> str:
    return f"/admin/snippets/places/neighbourhood/edit/{neighbourhood.pk}/"


def form_data(neighbourhood, boundary: str) -> dict:
    return {
        "name": neighbourhood.name,
        "slug": neighbourhood.slug,
        "description": "",
        "latitude": "51.535",
        "longitude": "-0.103",
        "boundary": boundary,
    }


@pytest.mark.parametrize(
    ("boundary", "message"),
    [
        ("[1, 2", "This is not valid GeoJSON."),
        ('{"type": "Point", "coordinates": [-0.1, 51.5]}', "must be a Polygon or a MultiPolygon"),
        ('"Elm Court"', "Paste a GeoJSON shape"),
        (
            json.dumps(
                {"type": "Polygon", "coordinates": [[[51.5, -200], [1, 1], [2, 2], [51.5, -200]]]}
            ),
            "has a point out of range",
        ),
        (
            json.dumps({"type": "Polygon", "coordinates": [SQUARE[0][:-1] + [[-0.102, 51.535]]]}),
            "is not closed",
        ),
        (json.dumps({"type": "Polygon", "coordinates": [SQUARE[0][:3]]}), "at least four points"),
        (json.dumps({"type": "Polygon", "coordinates": [[["a", "b"]] * 4]}), "pair of numbers"),
        (json.dumps({"type": "Polygon"}), "has no “coordinates”"),
    ],
)
@pytest.mark.django_db
def test_bad_boundaries_get_a_clear_message_and_keep_what_was_typed(
    client, manager, boundary, message
):
    neighbourhood = NeighbourhoodFactory()
    client.force_login(manager)

    response = client.post(edit_url(neighbourhood), form_data(neighbourhood, boundary))

    assert response.status_code == 200
    errors = response.context["form"].errors["boundary"]
    assert any(message in error for error in errors), errors
    assert response.context["form"]["boundary"].value() == boundary
    neighbourhood.refresh_from_db()
    assert neighbourhood.boundary is None


@pytest.mark.django_db
def test_a_polygon_is_saved_and_a_feature_from_geojson_io_is_unwrapped(client, manager):
    neighbourhood = NeighbourhoodFactory()
    client.force_login(manager)
    pasted = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {}, "geometry": POLYGON}],
    }

    response = client.post(edit_url(neighbourhood), form_data(neighbourhood, json.dumps(pasted)))

    assert response.status_code == 302
    neighbourhood.refresh_from_db()
    assert neighbourhood.boundary == POLYGON


@pytest.mark.django_db
def test_the_boundary_is_optional_and_can_be_cleared(client, manager):
    neighbourhood = NeighbourhoodFactory(boundary=POLYGON)
    client.force_login(manager)
    response = client.post(edit_url(neighbourhood), form_data(neighbourhood, ""))
    assert response.status_code == 302
    neighbourhood.refresh_from_db()
    assert neighbourhood.boundary is None


def test_too_many_points_are_refused():
    ring = [[-0.1 + index * 1e-6, 51.5] for index in range(MAX_POINTS + 1)] + [[-0.1, 51.5]]
    errors = boundary_errors({"type": "Polygon", "coordinates": [ring]})
    assert errors and "fewer points" in errors[0]


def test_a_multipolygon_with_a_hole_is_valid():
    hole = [[-0.104, 51.5355], [-0.102, 51.5355], [-0.102, 51.5345], [-0.104, 51.5355]]
    assert boundary_errors({"type": "MultiPolygon", "coordinates": [SQUARE + [hole], SQUARE]}) == []


def test_the_demo_boundaries_are_valid():
    for data in NEIGHBOURHOODS:
        assert boundary_errors(data["boundary"]) == [], data["slug"]


def render_outline(neighbourhood) -> str:
    template = Template("{% load places_tags %}{% neighbourhood_outline neighbourhood %}")
    return template.render(Context({"neighbourhood": neighbourhood}))


def test_the_outline_is_an_accessible_svg_that_fits_a_phone():
    neighbourhood = Neighbourhood(name="Elm Court estate", boundary=POLYGON)

    html = render_outline(neighbourhood)

    assert html.count("<svg") == 1
    assert 'role="img"' in html
    assert 'aria-label="Outline of the area covered by Elm Court estate, north at the top"' in html
    assert "<title>Outline of the area covered by Elm Court estate" in html
    width = int(re.search(r'width="(\d+)"', html).group(1))
    height = int(re.search(r'height="(\d+)"', html).group(1))
    assert width <= 288 and height <= 288
    # 0.004° of longitude by 0.002° of latitude: at 51.5° N, longitude shrinks by cos(51.5°).
    expected = 0.004 * math.cos(math.radians(51.535)) / 0.002
    assert (width - 12) / (height - 12) == pytest.approx(expected, rel=0.01)
    path = re.search(r' d="([^"]+)"', html).group(1)
    assert path.startswith("M") and path.endswith("Z")
    assert "<script" not in html and "http" not in html.replace("http://www.w3.org/2000/svg", "")


def test_a_multipolygon_draws_one_closed_shape_per_ring():
    outline = boundary_outline({"type": "MultiPolygon", "coordinates": [SQUARE, SQUARE]})
    assert outline.path.count("M") == 2 and outline.path.count("Z") == 2


def test_no_boundary_renders_nothing():
    assert render_outline(Neighbourhood(name="Riverside")).strip() == ""
    assert render_outline(None).strip() == ""


def test_names_are_escaped_in_the_outline():
    html = render_outline(Neighbourhood(name='<script>"x"</script>', boundary=POLYGON))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
