import pytest

from frontdoor.test import make_persona


@pytest.fixture
def persona(db):
    """persona("social_worker") makes (or fetches) that persona's user."""
    return make_persona


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Personas set a password; Argon2 costs ~0.3 s a time, which most tests do not test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
