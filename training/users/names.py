"""The one place display names are cleaned: used by sign-up, the profile, assisted accounts and
the admin.

A name is what other people see next to what someone writes, so it must not be able to pretend.
We NFKC-normalise it, drop control and invisible characters (Unicode categories Cc and Cf, e.g.
right-to-left override, zero-width space, direction isolates, byte order mark, plus a few blank
"letters"), collapse runs of spaces, and refuse names that claim a staff role ("Sam (Digital
Champion)", "M0derator"): roles are shown as a badge drawn from the role itself
(``{% person_name %}``), never from what someone typed.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DISPLAY_NAME_MAX_LENGTH = 80

# Characters that draw nothing but are letters or symbols, so their category does not give them
# away: Hangul fillers, the Mongolian vowel separator, the blank Braille pattern.
INVISIBLE = {"\u115f", "\u1160", "\u180e", "\u2800", "\u3164", "\uffa0"}
REMOVED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn"}
SEPARATOR_CATEGORIES = {"Zs", "Zl", "Zp"}

# Words (and phrases) for staff roles and for the organisation itself.
ROLE_WORDS = [
    "digital champion",
    "champion",
    "moderator",
    "manager",
    "safeguarding",
    "officer",
    "editor",
    "admin",
    "administrator",
    "staff",
    "homes on the net",
]
# Long enough to look for inside other words too ("SamTheModerator", "m-o-d-e-r-a-t-o-r").
_LONG_ROLE_WORDS = [word.replace(" ", "") for word in ROLE_WORDS if len(word) >= 7]

# Look-alikes people use to get round a word list: digits and symbols, and Cyrillic and Greek
# letters that look Latin. Only used to check, never to change what is stored.
_LOOKALIKES = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "8": "b",
        "@": "a",
        "$": "s",
        "!": "i",
        "|": "l",
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "і": "i",
        "ј": "j",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ѕ": "s",
        "ԁ": "d",
        "ɡ": "g",
        "һ": "h",
        "α": "a",
        "β": "b",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
    }
)

ROLE_WORD_MESSAGE = _(
    "Choose a name without a staff role in it, such as “Champion”, “Moderator” or “Manager”. "
    "We show staff roles next to their names ourselves, so everyone knows who is who."
)
TOO_LONG_MESSAGE = _("Keep your name to %(limit)d characters or fewer.")


def display_name_normalise(value: str) -> str:
    """``value`` NFKC-normalised, without invisible or control characters, spaces collapsed."""
    value = unicodedata.normalize("NFKC", value or "")
    kept = []
    for character in value:
        category = unicodedata.category(character)
        if character in INVISIBLE or category in REMOVED_CATEGORIES:
            continue
        kept.append(" " if category in SEPARATOR_CATEGORIES else character)
    return " ".join("".join(kept).split())


def _without_marks(value: str) -> str:
    """``value`` without accents, so "Mödérator" reads as "moderator"."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def display_name_claims_role(value: str) -> bool:
    """Whether a (normalised) name contains a word for a staff role, however it is dressed up."""
    skeleton = _without_marks(value.casefold()).translate(_LOOKALIKES)
    words = re.findall(r"[a-z]+", skeleton)
    # Letters spelled out one by one ("m o d e r a t o r") count as one word.
    joined_singles = re.sub(r"\b([a-z]) (?=[a-z]\b)", r"\1", " ".join(words))
    for text in {" ".join(words), joined_singles}:
        padded = f" {text} "
        for role in ROLE_WORDS:
            if re.search(rf" {re.escape(role)}s? ", padded):
                return True
    everything = "".join(words)
    return any(word in everything for word in _LONG_ROLE_WORDS)


def display_name_clean(value: str, *, max_length: int = DISPLAY_NAME_MAX_LENGTH) -> str:
    """The name to store, or ValidationError with a message to show beside the field."""
    name = display_name_normalise(value)
    if len(name) > max_length:
        raise ValidationError(TOO_LONG_MESSAGE, code="max_length", params={"limit": max_length})
    if name and display_name_claims_role(name):
        raise ValidationError(ROLE_WORD_MESSAGE, code="role_word")
    return name
