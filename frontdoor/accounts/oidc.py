"""Sign-in with Entra ID (or any OIDC provider) for staff who already have an account.

Accounts are not created from the provider: an administrator creates the user (with role and
team) and the provider's e-mail claim must match. An unknown e-mail is refused.
"""

from typing import Any

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from frontdoor.accounts.models import User
from frontdoor.audit.log import record_event
from frontdoor.audit.models import Event


class StaffOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def authenticate(self, request: Any, **kwargs: Any) -> Any:
        user = super().authenticate(request, **kwargs)
        if user is not None:  # audited as a password sign-in is
            record_event(
                Event.Action.SIGN_IN,
                user,
                user=user,
                summary="Signed in through the council's identity provider",
            )
        return user

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        email = (claims.get("email") or claims.get("preferred_username") or "").strip()
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims: dict[str, Any]) -> None:
        return None
