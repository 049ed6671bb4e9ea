"""TOTP second factor for staff (required in production settings, optional in the demo)."""

import io

import pyotp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.http import HttpRequest

from frontdoor.accounts.models import User

SESSION_KEY = "frontdoor_mfa_verified"


def needs_mfa(user: User) -> bool:
    return bool(settings.FRONTDOOR_REQUIRE_MFA or user.totp_confirmed)


def is_verified(request: HttpRequest) -> bool:
    return bool(request.session.get(SESSION_KEY))


def mark_verified(request: HttpRequest) -> None:
    request.session[SESSION_KEY] = True


def new_secret() -> str:
    return pyotp.random_base32()


def verify(secret: str, code: str) -> bool:
    return bool(secret) and pyotp.TOTP(secret).verify(code.strip(), valid_window=1)


def provisioning_svg(user: User, secret: str) -> str:
    uri = pyotp.TOTP(secret).provisioning_uri(
        name=user.username, issuer_name=f"Front Door – {settings.FRONTDOOR_COUNCIL_NAME}"
    )
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()
