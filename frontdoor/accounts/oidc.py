"""Sign-in with Entra ID (or any OIDC provider) for staff who already have an account.

Accounts are not created from the provider: an administrator creates the user (with role and
team) and the provider's e-mail claim must match. An unknown e-mail is refused.
"""

from typing import Any

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from frontdoor.accounts.models import User


class StaffOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        email = (claims.get("email") or claims.get("preferred_username") or "").strip()
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims: dict[str, Any]) -> None:
        return None
