"""A neighbourhood's optional boundary: GeoJSON checked on the way in, drawn as a small SVG.

The boundary is a GeoJSON geometry (RFC 7946), a ``Polygon`` or a ``MultiPolygon`` with
longitude/latitude positions. People usually draw one on a site such as geojson.io and paste
what it gives them, which is often a ``Feature`` or a ``FeatureCollection`` holding one shape:
:func:`boundary_normalise` unwraps those to the geometry we store. :func:`boundary_errors` lists
every problem in plain English, and :func:`boundary_outline` projects the shape for drawing,
with no map tiles and no scripts.
"""

import json
import math
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

# Generous for a hand-drawn estate, small enough to keep pages light.
MAX_POINTS = 2000
MAX_BYTES = 100_000
SHAPES = ("Polygon", "MultiPolygon")
# The drawing's longer side, in pixels: fits a 320px-wide phone screen with the page margins.
OUTLINE_SIZE = 240
OUTLINE_MARGIN = 6


def boundary_normalise(value: Any) -> Any:
    """The geometry inside a Feature, or inside a FeatureCollection of one Feature.

    Anything else comes back as it was, for :func:`boundary_errors` to judge.
    """
    if isinstance(value, dict) and value.get("type") == "FeatureCollection":
        features = value.get("features")
        if isinstance(features, list) and len(features) == 1:
            value = features[0]
    if isinstance(value, dict) and value.get("type") == "Feature":
        return value.get("geometry")
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _ring_errors(ring: Any, *, where: str) -> list[str]:
    if not isinstance(ring, list) or len(ring) < 4:
        return [
            _("%(where)s needs at least four points (the last one the same as the first).")
            % {"where": where}
        ]
    for position in ring:
        if (
            not isinstance(position, list)
            or len(position) not in (2, 3)
            or not all(_is_number(number) for number in position)
        ):
            return [
                _("%(where)s has a point that is not a pair of numbers like [-0.1032, 51.5351].")
                % {"where": where}
            ]
        longitude, latitude = position[0], position[1]
        if not -180 <= longitude <= 180 or not -90 <= latitude <= 90:
            return [
                _(
                    "%(where)s has a point out of range: longitude must be between -180 and "
                    "180 and latitude between -90 and 90, longitude first (e.g. "
                    "[-0.1032, 51.5351])."
                )
                % {"where": where}
            ]
    if ring[0][:2] != ring[-1][:2]:
        return [
            _("%(where)s is not closed: its last point must be the same as its first.")
            % {"where": where}
        ]
    return []


def _polygon_errors(polygon: Any, *, name: str) -> list[str]:
    if not isinstance(polygon, list) or not polygon:
        return [_("%(name)s has no outline.") % {"name": name}]
    errors: list[str] = []
    for number, ring in enumerate(polygon):
        where = (
            _("The outline of %(name)s") % {"name": name}
            if number == 0
            else _("Hole %(number)s of %(name)s") % {"number": number, "name": name}
        )
        errors += _ring_errors(ring, where=where)
    return errors


def boundary_polygons(geometry: dict) -> list[list]:
    """A Polygon's or MultiPolygon's coordinates as a list of polygons."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def boundary_errors(value: Any) -> list[str]:
    """Every problem with a boundary, in plain English; an empty list if it is fine."""
    if not isinstance(value, dict):
        return [_("Paste a GeoJSON shape: text that starts with { and has a “type”.")]
    kind = value.get("type")
    if kind not in SHAPES:
        return [
            _(
                "The shape must be a Polygon or a MultiPolygon (an area), not “%(kind)s”. "
                "Draw the area again as a polygon."
            )
            % {"kind": kind if isinstance(kind, str) else _("no type")}
        ]
    if len(json.dumps(value)) > MAX_BYTES:
        return [
            _("The shape is too detailed: keep it under %(size)s KB. Draw it with fewer points.")
            % {"size": MAX_BYTES // 1000}
        ]
    coordinates = value.get("coordinates")
    if not isinstance(coordinates, list) or not coordinates:
        return [_("The shape has no “coordinates”.")]
    if kind == "Polygon":
        errors = _polygon_errors(coordinates, name=_("the area"))
    else:
        errors = []
        for number, polygon in enumerate(coordinates, start=1):
            errors += _polygon_errors(polygon, name=_("area %(number)s") % {"number": number})
    if errors:
        return errors
    points = sum(len(ring) for polygon in boundary_polygons(value) for ring in polygon)
    if points > MAX_POINTS:
        return [
            _(
                "The shape has %(points)s points; the most we keep is %(limit)s. "
                "Draw it with fewer points."
            )
            % {"points": points, "limit": MAX_POINTS}
        ]
    return []


@dataclass(frozen=True)
class Outline:
    """A boundary projected for SVG: ``path`` data in a ``width`` × ``height`` box."""

    path: str
    width: int
    height: int

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def boundary_outline(geometry: dict | None) -> Outline | None:
    """Project a valid boundary for drawing, or None if there is none (or it is not valid).

    An equirectangular projection around the shape's middle latitude: longitude shrunk by the
    cosine of the latitude, north up. For an estate-sized area it is indistinguishable from
    a map's.
    """
    if not geometry or boundary_errors(geometry):
        return None
    polygons = boundary_polygons(geometry)
    positions = [position for polygon in polygons for ring in polygon for position in ring]
    longitudes = [position[0] for position in positions]
    latitudes = [position[1] for position in positions]
    middle = math.radians((min(latitudes) + max(latitudes)) / 2)
    scale_x = math.cos(middle)
    span_x = (max(longitudes) - min(longitudes)) * scale_x
    span_y = max(latitudes) - min(latitudes)
    span = max(span_x, span_y) or 1.0
    inner = OUTLINE_SIZE - 2 * OUTLINE_MARGIN
    width = round(span_x / span * inner) + 2 * OUTLINE_MARGIN
    height = round(span_y / span * inner) + 2 * OUTLINE_MARGIN
    west, north = min(longitudes), max(latitudes)

    def point(position: list) -> str:
        x = OUTLINE_MARGIN + (position[0] - west) * scale_x / span * inner
        y = OUTLINE_MARGIN + (north - position[1]) / span * inner
        return f"{x:.1f} {y:.1f}"

    path = " ".join(
        "M" + " L".join(point(position) for position in ring[:-1]) + " Z"
        for polygon in polygons
        for ring in polygon
    )
    return Outline(path=path, width=width, height=height)
