"""Taking people's words and details out of text bound for logs, admin emails and Sentry.

Messages and tracebacks may quote what someone typed or an address they gave. These functions keep
what a developer needs to find a fault (our code, identifiers, short values) and drop the rest.
Used by the JSON log formatter (training/core/logging.py) and error reporting
(training/core/error_reporting.py).
"""

import re

FILTERED = "[Filtered]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A query string's values: "?q=anything&page=2" keeps only "?q=[Filtered]&page=[Filtered]".
_QUERY_VALUE = re.compile(r"([?&][^=&\s'\"#<>]+=)[^&\s'\"#<>]*")
# PostgreSQL repeats the offending values: "Key (email)=(ann@example.org) already exists",
# "Failing row contains (…)".
_PG_KEY_VALUES = re.compile(r"(Key \([^)]*\)=)\(.*?\)(?=\s|$)")
_PG_FAILING_ROW = re.compile(r"(Failing row contains )\(.*\)")
# A quoted value of 20 characters or more in a message ("could not save 'Our lift has been
# broken since…'") is somebody's words rather than an identifier.
_LONG_QUOTED = re.compile(r"('|\")(?:(?!\1).){20,}\1", re.DOTALL)


def text_scrub(text: str) -> str:
    """A message without email addresses, query-string values, PostgreSQL's repeated row values
    or long quoted text."""
    text = _EMAIL.sub("[email]", text)
    text = _QUERY_VALUE.sub(rf"\1{FILTERED}", text)
    text = _PG_KEY_VALUES.sub(rf"\1{FILTERED}", text)
    text = _PG_FAILING_ROW.sub(rf"\1{FILTERED}", text)
    return _LONG_QUOTED.sub(FILTERED, text)


def traceback_scrub(chunks: list[str]) -> str:
    """A formatted traceback with its messages scrubbed and its code left as it is: the
    ``File "…", line …`` lines and the source lines under them (indented) are ours, the rest
    ("ValueError: …", "During handling of …") may quote what someone typed."""
    lines = "".join(chunks).splitlines(keepends=True)
    return "".join(line if line.startswith("  ") else text_scrub(line) for line in lines)
