"""Template tags for places: ``{% neighbourhood_outline neighbourhood %}``."""

from django import template

from training.places.boundary import boundary_outline

register = template.Library()


@register.inclusion_tag("places/neighbourhood_outline.html")
def neighbourhood_outline(neighbourhood) -> dict:
    """The neighbourhood's boundary as an inline, accessible SVG; nothing if it has none."""
    outline = boundary_outline(getattr(neighbourhood, "boundary", None))
    return {"outline": outline, "neighbourhood": neighbourhood}
