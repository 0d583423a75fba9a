"""Secrets at rest: the resident ID numbers of natural persons and reporters' identities.

Values are encrypted with a key derived from SECRET_KEY (Fernet: AES-128-CBC + HMAC), and
looked up by an HMAC-SHA256 digest, so equality search never needs the plain value.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from functools import lru_cache
from typing import TypedDict

from cryptography.fernet import Fernet

from credit.core.settings import get_settings
from credit.subjects.identifiers import mask_id_number, validate_id_number


@lru_cache(maxsize=1)
def _secret() -> bytes:
    settings = get_settings()
    if settings.secret_key:
        return settings.secret_key.encode()
    if not settings.is_embedded:
        raise RuntimeError("SECRET_KEY must be set when DATABASE_URL points at a server")
    # Embedded default only: a random key kept beside the SQLite file.
    path = settings.data_dir / "secret.key"
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip().encode()


def _derive(purpose: str) -> bytes:
    return hmac.new(_secret(), purpose.encode(), hashlib.sha256).digest()


def fernet() -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_derive("fernet")))


def encrypt(value: str) -> str:
    return fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    return fernet().decrypt(token.encode()).decode()


def digest(value: str) -> str:
    return hmac.new(_derive("digest"), value.encode(), hashlib.sha256).hexdigest()


class ProtectedIdNumber(TypedDict):
    """The columns a subject stores for an ID number (spread into Subject.create)."""

    id_number_digest: str
    id_number_cipher: str
    id_number_masked: str


def protect_id_number(raw: str) -> ProtectedIdNumber:
    """The three stored forms of a resident ID number (raises InvalidIdNumber)."""
    number = validate_id_number(raw)
    return {
        "id_number_digest": digest(number),
        "id_number_cipher": encrypt(number),
        "id_number_masked": mask_id_number(number),
    }


def reset_key_cache() -> None:
    _secret.cache_clear()
