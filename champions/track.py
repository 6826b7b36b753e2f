"""The "Helping others get online" track.

The project has no tracks or pathways, so a track is the smallest honest thing: a named, ordered
list of course slugs, here in code. The courses themselves are ordinary courses (written as course
files in ``demo/content/courses/helping-others-get-online/`` and imported like any other), so
each keeps its own progress, certificate and Open Badge. Finishing the track means finishing every
one of its courses.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Track:
    slug: str
    title: str
    course_slugs: tuple[str, ...]


HELPING_TRACK = Track(
    slug="helping-others-get-online",
    title=_("Helping others get online"),
    course_slugs=(
        "helping-without-taking-over",
        "keeping-people-safe-when-you-help",
        "recording-help-and-running-a-drop-in",
    ),
)
