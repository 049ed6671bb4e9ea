"""Bearer-token authentication for partner agencies' systems (the partner API)."""

from django.http import HttpRequest
from ninja.security import HttpBearer

from frontdoor.accounts.models import Agency, ApiToken, hash_token

API_POLICY = "token"


class AgencyToken(HttpBearer):
    """`Authorization: Bearer <token>`; the request is made on behalf of the token's agency.

    Only live tokens of active agencies count (`ApiToken.objects.active()`), so revoking a
    token or deactivating an agency shuts its system out on the next request. No session or
    cookie is involved, so CSRF does not apply.
    """

    openapi_description = (
        "A token issued to one partner agency with `frontdoor api-token --agency <slug>`. "
        "Send it as `Authorization: Bearer <token>`."
    )

    def authenticate(self, request: HttpRequest, token: str) -> Agency | None:
        if not token:
            return None
        found = (
            ApiToken.objects.active()
            .select_related("agency")
            .filter(token_hash=hash_token(token))
            .first()
        )
        return found.agency if found else None


def system_label(agency: Agency) -> str:
    """How the audit trail names a partner system acting through the API."""
    return f"{agency.slug} system"
