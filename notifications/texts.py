"""Words for notifications, written in each recipient's language.

A notice goes to many people at once (everyone who reported a problem, everyone who answered a
consultation), and each of them chose their own language. So callers do not translate the
words when they decide to tell people (that would be the language of whoever pressed
"Publish"): they hand :func:`notice_text` a small function that builds the words.
:func:`notifications.services.notification_send` reads it once per recipient, with their
language switched on, and stores and emails what it read.
"""

from collections.abc import Callable

from django.utils.functional import Promise, lazy


def notice_text(build: Callable[[], str]) -> Promise:
    """Words built afresh each time they are read, in the language active then.

    ``notice_text(lambda: _("What we decided: %(title)s") % {"title": page.title})``
    """
    return lazy(lambda: str(build()), str)()
