"""Places on a neighbourhood's outline: the shared place picker's arithmetic.

The outline is the one :func:`training.places.boundary.boundary_outline` draws (no map tiles).
:func:`outline_frame` gives the same projection, both ways, so a tap on the drawing (pixels from
its top-left corner) becomes a longitude and latitude, and a stored place becomes a dot on it.
:func:`point_in_boundary` says whether a place is inside the boundary (holes excluded): a place
from "use where I am" is accepted only there.

A place is of the problem (a broken light, a dirty stairwell), never someone's home.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from training.places.boundary import (
    OUTLINE_MARGIN,
    OUTLINE_SIZE,
    boundary_errors,
    boundary_polygons,
)

# Six decimal places of a degree: about 10 cm, the precision the models keep.
PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class OutlineFrame:
    """The projection behind a neighbourhood's outline drawing (see ``boundary_outline``)."""

    west: float
    north: float
    scale_x: float
    span: float
    width: int
    height: int

    @property
    def inner(self) -> int:
        return OUTLINE_SIZE - 2 * OUTLINE_MARGIN

    def to_pixels(self, *, longitude: float, latitude: float) -> tuple[float, float]:
        x = OUTLINE_MARGIN + (longitude - self.west) * self.scale_x / self.span * self.inner
        y = OUTLINE_MARGIN + (self.north - latitude) / self.span * self.inner
        return x, y

    def to_place(self, *, x: float, y: float) -> tuple[Decimal, Decimal]:
        """The (latitude, longitude) under pixel (x, y) of the drawing, rounded as stored."""
        longitude = self.west + (x - OUTLINE_MARGIN) / self.inner * self.span / self.scale_x
        latitude = self.north - (y - OUTLINE_MARGIN) / self.inner * self.span
        return _rounded(latitude), _rounded(longitude)


def _rounded(value: float) -> Decimal:
    return Decimal(repr(value)).quantize(PLACES, rounding=ROUND_HALF_UP)


def outline_frame(geometry: dict | None) -> OutlineFrame | None:
    """The outline's projection, or None if there is no valid boundary."""
    if not geometry or boundary_errors(geometry):
        return None
    positions = [
        position for polygon in boundary_polygons(geometry) for ring in polygon for position in ring
    ]
    longitudes = [position[0] for position in positions]
    latitudes = [position[1] for position in positions]
    scale_x = math.cos(math.radians((min(latitudes) + max(latitudes)) / 2))
    span_x = (max(longitudes) - min(longitudes)) * scale_x
    span_y = max(latitudes) - min(latitudes)
    span = max(span_x, span_y) or 1.0
    inner = OUTLINE_SIZE - 2 * OUTLINE_MARGIN
    return OutlineFrame(
        west=min(longitudes),
        north=max(latitudes),
        scale_x=scale_x,
        span=span,
        width=round(span_x / span * inner) + 2 * OUTLINE_MARGIN,
        height=round(span_y / span * inner) + 2 * OUTLINE_MARGIN,
    )


def _in_ring(longitude: float, latitude: float, ring: list) -> bool:
    """Ray casting: does a ray east from the point cross the ring an odd number of times?"""
    inside = False
    previous = ring[-1]
    for current in ring:
        x1, y1 = previous[0], previous[1]
        x2, y2 = current[0], current[1]
        if (y1 > latitude) != (y2 > latitude):
            crossing = x1 + (latitude - y1) * (x2 - x1) / (y2 - y1)
            if longitude < crossing:
                inside = not inside
        previous = current
    return inside


def point_in_boundary(*, geometry: dict | None, latitude: float, longitude: float) -> bool:
    """Whether the place is inside the boundary: inside an outline and outside its holes.

    False when there is no valid boundary, so nothing is accepted against nothing.
    """
    if not geometry or boundary_errors(geometry):
        return False
    latitude, longitude = float(latitude), float(longitude)
    for polygon in boundary_polygons(geometry):
        outer, holes = polygon[0], polygon[1:]
        if _in_ring(longitude, latitude, outer) and not any(
            _in_ring(longitude, latitude, hole) for hole in holes
        ):
            return True
    return False
