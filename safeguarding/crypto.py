"""Encryption at rest of confidential reports: text, contact details, notes and replies.

The keys come from ``REPORTS_ENCRYPTION_KEY``: a comma-separated list of Fernet keys (each from
``python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'``).
The first key encrypts; every key in the list decrypts (cryptography's ``MultiFernet``). To rotate:
put a new key first, keep the old ones after it, run ``manage.py reports_reencrypt`` (every value
is written again with the first key), then drop the old keys.

Without the setting (the embedded default and development only: production settings refuse to
start) one key is made once in ``var/reports-encryption-key`` (mode 600), like the secret key.
Lose that file and the reports cannot be read: back it up with the database, but never beside it.

:class:`EncryptedTextField` keeps a Fernet token (AES-128-CBC with HMAC-SHA256, a fresh random IV
each time) in a text column. The same text never gives the same token, so the column cannot be
searched or compared: filter on other fields.
"""

import contextlib
import functools
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

KEY_FILE_NAME = "reports-encryption-key"


class DecryptionError(Exception):
    """A stored value that none of the keys opens (wrong or missing key). Names no content."""


def key_texts() -> tuple[str, ...]:
    """The configured keys, the encrypting one first."""
    value = getattr(settings, "REPORTS_ENCRYPTION_KEY", "")
    if isinstance(value, str):
        keys = tuple(part.strip() for part in value.split(",") if part.strip())
    else:
        keys = tuple(str(part).strip() for part in value if str(part).strip())
    if keys:
        return keys
    path = getattr(settings, "REPORTS_ENCRYPTION_KEY_FILE", "") or (
        Path(settings.BASE_DIR) / "var" / KEY_FILE_NAME
    )
    return (key_from_file(Path(path)),)


def key_from_file(path: Path) -> str:
    """The key kept in ``path``; made (mode 600) the first time. Safe when processes race."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "w") as handle:
                handle.write(Fernet.generate_key().decode() + "\n")
            with contextlib.suppress(FileExistsError):  # another process made it first
                os.link(draft, path)
        finally:
            draft.unlink(missing_ok=True)
    return path.read_text().strip()


@functools.lru_cache(maxsize=8)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "REPORTS_ENCRYPTION_KEY must list Fernet keys (url-safe base64 of 32 bytes), "
            "separated by commas."
        ) from error


def fernet() -> MultiFernet:
    return _fernet_for(key_texts())


def encrypt(text: str) -> str:
    """A token for ``text`` made with the first key."""
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """The text of a token made with any configured key."""
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError) as error:
        raise DecryptionError(
            "A confidential value could not be decrypted with any REPORTS_ENCRYPTION_KEY key."
        ) from error


def is_current(token: str) -> bool:
    """True when ``token`` was made with the first key (nothing to re-encrypt)."""
    first = Fernet(key_texts()[0].encode())
    try:
        first.decrypt(token.encode("ascii"))
    except InvalidToken:
        return False
    return True


class EncryptedTextField(models.TextField):
    """Text kept encrypted in the database and plain in Python. Empty text is stored empty.

    ``max_length`` (as on TextField) limits the plain text in forms; the column holds more.
    Lookups other than ``isnull`` and ``exact=""`` mean nothing on it.
    """

    description = "Text encrypted at rest (Fernet)"

    def from_db_value(self, value, expression, connection):  # noqa: ARG002 - Django's signature
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))
