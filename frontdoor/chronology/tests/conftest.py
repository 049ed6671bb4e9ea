import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Personas get a password each time they are made; Argon2 is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
