"""Every CSV file the site makes is written here, safe to open in a spreadsheet.

Two things go wrong when a CSV file is opened in Excel, LibreOffice or Google Sheets:

- **Formula injection** (OWASP "CSV Injection"). A cell that starts with ``=``, ``+``, ``-`` or
  ``@`` (or a tab or carriage return, which some spreadsheets skip before reading a formula) is
  run as a formula: a learner who calls themselves ``=HYPERLINK("http://evil","x")`` becomes a
  live link in a manager's spreadsheet. :func:`csv_cell` puts a single quote ``'`` before any
  such text, which spreadsheets show as plain text.
- **Accented names garbled**. Excel reads a CSV file as the computer's old code page unless it
  starts with a UTF-8 byte order mark (BOM). :func:`csv_text` always writes one, so "Zoë" stays
  "Zoë".

Numbers our own code produces (``int``, ``float``, ``Decimal``) are written as they are, so a
spreadsheet can still add them up: a number is never a formula, and a negative one like ``-3``
is read as minus three. Anything else — names, titles, labels, figures already turned into text
such as "40%" — is text and is always neutralised, whoever typed it.
"""

import csv
import io
import math
from collections.abc import Iterable
from decimal import Decimal

from django.http import HttpResponse

BOM = "\ufeff"
# OWASP's list: what a spreadsheet may take as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPE = "text/csv; charset=utf-8"


def csv_cell(value) -> str | int | float | Decimal:
    """One cell, safe for a spreadsheet: numbers kept, text neutralised, None empty."""
    if value is None:
        return ""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_text(rows: Iterable[Iterable]) -> str:
    """Rows (the first is usually the header) as CSV text starting with a UTF-8 BOM."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return out.getvalue()


def csv_response(rows: Iterable[Iterable], *, filename: str) -> HttpResponse:
    """A CSV download of ``rows`` (see :func:`csv_text`) named ``filename``."""
    response = HttpResponse(csv_text(rows).encode("utf-8"), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
