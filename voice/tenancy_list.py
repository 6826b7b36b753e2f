"""The tenancy list file, and how references and postcodes are compared.

A tenancy reference is never stored. It is normalised (NFKC, capital letters, no spaces) and
kept as a keyed hash, HMAC-SHA256 with ``settings.TENANCY_HASH_KEY``, or, when that is empty,
with a key derived from ``SECRET_KEY``. Without the key, the hashes cannot be tested against
guessed references. Changing the key (or the secret key it falls back on) makes every stored
hash unmatchable: import the list again straight away.

The file is CSV, UTF-8 (Excel's "CSV UTF-8"), with a first line naming its three columns in any
order: ``tenancy reference``, ``postcode``, ``neighbourhood`` (its name or web address part).
:func:`tenancy_file_read` checks every line and answers the rows, or a list of problems, each
with its line number and a plain reason. Problems never repeat a tenancy reference.
"""

import csv
import hashlib
import hmac
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

REFERENCE_MAX_LENGTH = 40
# After normalising: letters, digits and the separators landlords' systems use.
_REFERENCE = re.compile(r"[A-Z0-9][A-Z0-9/.\-]*")
# A full UK postcode once spaces are removed: outward code, then inward code.
_POSTCODE = re.compile(r"(GIR|[A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})")
COLUMNS = ("tenancy reference", "postcode", "neighbourhood")
_DERIVED_KEY_LABEL = b"homes-on-the-net: tenancy reference hash key"


def _squeezed(value: str) -> str:
    """NFKC (full-width letters become plain ones), capitals, and every space removed."""
    return "".join(unicodedata.normalize("NFKC", value or "").split()).upper()


def tenancy_reference_normalise(value: str) -> str:
    return _squeezed(value)


def postcode_normalise(value: str) -> str | None:
    """``" n18zz "`` → ``"N1 8ZZ"``; None if it is not a full UK postcode."""
    match = _POSTCODE.fullmatch(_squeezed(value))
    return f"{match[1]} {match[2]}" if match else None


def _hash_key() -> bytes:
    configured = getattr(settings, "TENANCY_HASH_KEY", "")
    if configured:
        return configured.encode()
    return hmac.new(settings.SECRET_KEY.encode(), _DERIVED_KEY_LABEL, hashlib.sha256).digest()


def tenancy_reference_hash(reference: str) -> str:
    """The keyed hash stored in place of a tenancy reference (64 hex characters)."""
    normalised = tenancy_reference_normalise(reference)
    return hmac.new(_hash_key(), normalised.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class TenancyRow:
    line: int
    reference_hash: str
    postcode: str
    neighbourhood_id: int


@dataclass
class TenancyFile:
    rows: list[TenancyRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _header_name(cell: str) -> str:
    return " ".join(cell.replace("_", " ").replace("-", " ").lower().split())


def _columns(header: list[str]) -> dict[str, int] | None:
    names = [_header_name(cell) for cell in header]
    while names and not names[-1]:
        names.pop()
    if sorted(names) != sorted(COLUMNS):
        return None
    return {name: names.index(name) for name in COLUMNS}


def _line_problems(
    cells: dict[str, str], neighbourhoods: dict[str, int]
) -> tuple[list[str], str, str | None, int | None]:
    """What is wrong with one line's cells; and its reference, postcode and neighbourhood."""
    problems = []
    reference = tenancy_reference_normalise(cells["tenancy reference"])
    if not reference:
        problems.append(_("the tenancy reference is empty"))
    elif len(reference) > REFERENCE_MAX_LENGTH:
        problems.append(
            _("the tenancy reference is longer than %(limit)d characters")
            % {"limit": REFERENCE_MAX_LENGTH}
        )
    elif not _REFERENCE.fullmatch(reference):
        problems.append(
            _("the tenancy reference may have only letters, numbers, dashes, dots and slashes")
        )
    postcode = postcode_normalise(cells["postcode"])
    if not cells["postcode"].strip():
        problems.append(_("the postcode is empty"))
    elif postcode is None:
        problems.append(_("the postcode is not a full UK postcode, like N1 8ZZ"))
    name = cells["neighbourhood"].strip()
    neighbourhood_id = neighbourhoods.get(name.casefold())
    if not name:
        problems.append(_("the neighbourhood is empty"))
    elif neighbourhood_id is None:
        problems.append(
            _(
                "there is no neighbourhood called “%(name)s”: use a name or web address part "
                "from Places → Neighbourhoods"
            )
            % {"name": name[:80]}
        )
    return problems, reference, postcode, neighbourhood_id


def _text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _row_read(
    cells: list[str],
    line: int,
    columns: dict[str, int],
    neighbourhoods: dict[str, int],
    seen: dict[str, int],
) -> TenancyRow | str:
    """One line of tenancies: its row, or what is wrong with it."""
    width = max(columns.values()) + 1
    extra = [cell for cell in cells[width:] if cell.strip()]
    if len(cells) < width or extra:
        return _(
            "Line %(line)d: it should have 3 values (tenancy reference, postcode, "
            "neighbourhood) and has %(count)d."
        ) % {"line": line, "count": len([cell for cell in cells if cell.strip()])}
    values = {name: cells[index] for name, index in columns.items()}
    problems, reference, postcode, neighbourhood_id = _line_problems(values, neighbourhoods)
    if not problems and reference in seen:
        problems.append(
            _("the same tenancy reference is on line %(first)d") % {"first": seen[reference]}
        )
    if problems or postcode is None or neighbourhood_id is None:
        return _("Line %(line)d: %(problems)s.") % {"line": line, "problems": "; ".join(problems)}
    seen[reference] = line
    return TenancyRow(
        line=line,
        reference_hash=tenancy_reference_hash(reference),
        postcode=postcode,
        neighbourhood_id=neighbourhood_id,
    )


def tenancy_file_read(*, data: bytes, neighbourhoods: dict[str, int]) -> TenancyFile:
    """Check a tenancy list file line by line.

    ``neighbourhoods`` maps each neighbourhood's name and web address part, casefolded, to its
    id. Blank lines are skipped. The answer has rows only if it has no problems.
    """
    result = TenancyFile()
    text = _text(data)
    if text is None:
        result.problems.append(
            _(
                "The file is not saved as UTF-8 text. In Excel, choose File → Save a copy → "
                "“CSV UTF-8 (comma delimited)”."
            )
        )
        return result
    reader = csv.reader(io.StringIO(text, newline=""))
    columns = None
    seen: dict[str, int] = {}
    rows = []
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if columns is None:
                columns = _columns(cells)
                if columns is None:
                    result.problems.append(
                        _(
                            "Line %(line)d: the first line must name the three columns: "
                            "tenancy reference, postcode, neighbourhood."
                        )
                        % {"line": reader.line_num}
                    )
                    return result
                continue
            row = _row_read(cells, reader.line_num, columns, neighbourhoods, seen)
            if isinstance(row, str):
                result.problems.append(row)
            else:
                rows.append(row)
    except csv.Error:
        result.problems.append(
            _("Line %(line)d: it cannot be read as CSV. Save the file from a spreadsheet again.")
            % {"line": reader.line_num}
        )
        return result
    if columns is None:
        result.problems.append(_("The file is empty."))
    elif not rows and not result.problems:
        result.problems.append(
            _(
                "The file names its columns but has no tenancies. Importing it would end every "
                "tenancy, so nothing was imported."
            )
        )
    if not result.problems:
        result.rows = rows
    return result
