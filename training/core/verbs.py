"""The activity stream's verbs: one registry, each verb declared once by the app that records it.

Every app that writes to the activity stream declares its verbs in its own ``verbs.py``::

    POST_CREATED = verb_register(
        "community.post.created", _("Wrote a post in a group."), participation=True
    )

and uses the constant (never the bare string) wherever it records or reads that verb. The
``verbs.py`` modules are imported when the site starts (:class:`training.core.apps.CoreConfig`),
in the way Wagtail finds each app's ``wagtail_hooks.py``.
:func:`training.core.services.activity_record` refuses a verb that nobody declared, and readers
ask the registry which verbs count as taking part (:meth:`VerbRegistry.participation_verbs`)
instead of guessing from the name.

Stored events keep their verb as a plain string: renaming a verb would need a data migration.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

# Every verb that counts as taking part is named ``community.…``: the partial index
# ``activity_community_actor`` (on ActivityEvent) holds those rows only, so the dashboards'
# "went on to take part" probe stays an index lookup. The registry, not this prefix, decides
# what counts: a ``community.…`` verb may still be declared as not taking part.
PARTICIPATION_PREFIX = "community."

_NAME = re.compile(r"[a-z][a-z_]*(\.[a-z][a-z_]*)+")
_NAME_MAX_LENGTH = 64  # ActivityEvent.verb


class UnknownVerb(LookupError):
    """A verb nobody declared with :func:`verb_register`."""

    def __init__(self, name: object) -> None:
        super().__init__(
            f"{name!r} is not a registered activity verb. Declare it once in your app's "
            "verbs.py with training.core.verbs.verb_register() and use that constant."
        )


@dataclass(frozen=True)
class Verb:
    """One kind of thing that happened, as stored in ``ActivityEvent.verb``."""

    name: str
    # What it means, in plain English, for the people who read the stream and its figures.
    meaning: str | Promise
    # Whether it counts as taking part in the community (the dashboards' "Does it last?").
    participation: bool = False

    def __str__(self) -> str:
        return self.name


class VerbRegistry:
    """Every activity verb the site knows, by name."""

    def __init__(self) -> None:
        self._verbs: dict[str, Verb] = {}

    def register(self, name: str, meaning: str | Promise, *, participation: bool = False) -> str:
        """Declare a verb and return its name, to keep as the app's constant."""
        if not _NAME.fullmatch(name) or len(name) > _NAME_MAX_LENGTH:
            raise ImproperlyConfigured(
                f"Activity verb {name!r}: use lower-case dotted words, at most "
                f"{_NAME_MAX_LENGTH} characters (e.g. 'lesson.completed')."
            )
        if participation and not name.startswith(PARTICIPATION_PREFIX):
            raise ImproperlyConfigured(
                f"Activity verb {name!r} counts as taking part, so its name must start with "
                f"{PARTICIPATION_PREFIX!r} (the dashboards' index covers those rows only)."
            )
        verb = Verb(name=name, meaning=meaning, participation=participation)
        known = self._verbs.get(name)
        if known is not None and (known.participation, str(known.meaning)) != (
            participation,
            str(meaning),
        ):
            raise ImproperlyConfigured(f"Activity verb {name!r} is declared twice, differently.")
        self._verbs[name] = verb
        return name

    def get(self, name: str) -> Verb:
        try:
            return self._verbs[name]
        except (KeyError, TypeError):
            raise UnknownVerb(name) from None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._verbs

    def __iter__(self) -> Iterator[Verb]:
        """Every verb, by name."""
        return iter(sorted(self._verbs.values(), key=lambda verb: verb.name))

    def __len__(self) -> int:
        return len(self._verbs)

    def participation_verbs(self) -> list[str]:
        """The names of the verbs that count as taking part in the community, sorted."""
        return [verb.name for verb in self if verb.participation]


verbs = VerbRegistry()
verb_register = verbs.register
