"""State changes to accounts: partner agencies, their systems' API tokens, staff accounts."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from frontdoor.accounts.access import partner_roles
from frontdoor.accounts.models import Agency, ApiToken, User, hash_token
from frontdoor.audit.log import record_change, save_and_record
from frontdoor.audit.models import Event as AuditEvent
from frontdoor.lib.errors import ActionError

COMMAND_LINE = "command line"


def issue_api_token(agency: Agency, actor: Any = None, *, actor_label: str | None = None) -> str:
    """Make a bearer token for `agency`'s system and return it; only its hash is kept.

    The secret is shown once, to whoever issues it: a leaked database must not give an
    attacker a way to send contacts as the police (UK GDPR Art. 32, security of processing).
    """
    if not agency.is_active:
        raise ActionError(
            f"{agency.name} is not an active agency; its tokens would not work.", field="agency"
        )
    secret = ApiToken.new_secret(agency.slug)
    with transaction.atomic():
        token = ApiToken.objects.create(
            agency=agency, token_hash=hash_token(secret), prefix=_prefix(agency, secret)
        )
        record_change(
            actor,
            token,
            AuditEvent.Action.CREATE,
            actor_label=_label(actor, actor_label),
            summary=f"API token {token.prefix}… issued for {agency.name}",
        )
    return secret


def revoke_api_token(
    token: ApiToken, actor: Any = None, *, actor_label: str | None = None
) -> ApiToken:
    """Stop a token working at once; the row stays so the audit trail can name it."""
    if token.revoked_at is not None:
        raise ActionError("This token has already been revoked.")
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_change(
            actor,
            token,
            actor_label=_label(actor, actor_label),
            summary=f"API token {token.prefix}… revoked for {token.agency.name}",
        )
    return token


def revoke_agency_api_tokens(
    agency: Agency, actor: Any = None, *, actor_label: str | None = None
) -> int:
    """Revoke every live token of `agency` (a suspected leak); returns how many."""
    with transaction.atomic():
        tokens = list(
            ApiToken.objects.select_for_update().filter(agency=agency, revoked_at__isnull=True)
        )
        for token in tokens:
            revoke_api_token(token, actor, actor_label=actor_label)
    return len(tokens)


def _prefix(agency: Agency, secret: str) -> str:
    """The first characters of the random part: enough to tell tokens apart in the audit log."""
    return secret.removeprefix(f"fd_{agency.slug}_")[:8]


def _label(actor: Any, actor_label: str | None) -> str | None:
    if getattr(actor, "is_authenticated", False):
        return actor_label
    return actor_label or COMMAND_LINE


def save_agency(user: Any, agency: Agency | None, **fields: Any) -> Agency:
    """Add or change a partner agency (administrators edit the list)."""
    return save_and_record(user, agency or Agency(), fields, "Agency {name} saved")


def _check_agency(role: str, agency: Agency | None) -> None:
    """A MASH partner belongs to an agency; council staff do not."""
    is_partner_role = role in partner_roles()
    if is_partner_role and agency is None:
        raise ActionError("Choose the agency this partner works for.", field="agency")
    if not is_partner_role and agency is not None:
        raise ActionError("Only MASH partners belong to an agency.", field="agency")


def create_staff_user(
    user: Any,
    *,
    password: str | None,
    agency: Agency | None = None,
    actor_label: str | None = None,
    **fields: Any,
) -> User:
    """Create an account. A MASH partner must belong to an agency; staff must not.

    `password` None gives an account that cannot sign in with a password (seeded staff, or
    staff who sign in through the council's identity provider).
    """
    _check_agency(fields.get("role", ""), agency)
    if User.objects.filter(username__iexact=fields["username"]).exists():
        raise ActionError("That username is taken.", field="username")
    with transaction.atomic():
        account = User(agency=agency, **fields)
        if password is None:
            account.set_unusable_password()
        else:
            account.set_password(password)
        account.save()
        record_change(
            user,
            account,
            AuditEvent.Action.CREATE,
            actor_label=_label(user, actor_label),
            summary=f"Account {account.username} created ({account.get_role_display()})",
        )
    return account


def update_staff_user(
    user: Any,
    account: User,
    *,
    password: str | None = None,
    actor_label: str | None = None,
    **fields: Any,
) -> User:
    """Change an account's details (role, team, agency, name, e-mail, whether it is active)
    and, when `password` is given, set a new password. Every change is audited."""
    role = fields.get("role", account.role)
    agency = fields.get("agency", account.agency)
    _check_agency(role, agency)
    with transaction.atomic():
        before = {k: _plain(getattr(account, k)) for k in fields}
        for key, value in fields.items():
            setattr(account, key, value)
        if password is not None:
            account.set_password(password)
        account.save()
        after = {k: _plain(v) for k, v in fields.items()}
        changed = {k: v for k, v in after.items() if before.get(k) != v}
        record_change(
            user,
            account,
            actor_label=_label(user, actor_label),
            summary=f"Account {account.username} changed"
            + (" and its password set" if password is not None else ""),
            changes={"before": {k: before[k] for k in changed}, "after": changed},
        )
    return account


def _plain(value: Any) -> Any:
    """A value as the audit log keeps it (a related record by its primary key)."""
    return getattr(value, "pk", value)


def enrol_second_factor(account: User, secret: str) -> User:
    """Keep the TOTP secret the user has just proved they hold (a code from their app)."""
    with transaction.atomic():
        account.totp_secret = secret
        account.totp_confirmed = True
        account.save(update_fields=["totp_secret", "totp_confirmed"])
        record_change(account, account, summary="Second factor (TOTP) set up")
    return account


def set_account_active(user: Any, account: User, *, active: bool) -> User:
    """Deactivate a leaver's account (its sessions end on their next request: Django signs
    out an inactive user) or reactivate it. An administrator cannot deactivate themselves."""
    if not active and account.pk == getattr(user, "pk", None):
        raise ActionError("You cannot deactivate your own account.")
    with transaction.atomic():
        account.is_active = active
        account.save(update_fields=["is_active"])
        if not active:
            _end_sessions(account)
        record_change(
            user,
            account,
            summary=f"Account {account.username} {'reactivated' if active else 'deactivated'}",
            changes={"before": {"is_active": not active}, "after": {"is_active": active}},
        )
    return account


def _end_sessions(account: User) -> None:
    """Delete the account's stored sessions at once (belt and braces: an inactive user's
    session is refused anyway)."""
    from django.contrib.sessions.models import Session

    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(account.pk):
            session.delete()


def unlock_account(user: Any, account: User) -> User:
    """Clear the failed sign-in attempts that locked the account (django-axes)."""
    from axes.utils import reset

    with transaction.atomic():
        cleared = reset(username=account.username)
        record_change(
            user,
            account,
            summary=f"Account {account.username} unlocked ({cleared} failed attempts cleared)",
        )
    return account


def reset_second_factor(user: Any, account: User) -> User:
    """Forget the account's authenticator app: at its next sign-in it sets one up again."""
    with transaction.atomic():
        account.totp_secret = ""
        account.totp_confirmed = False
        account.save(update_fields=["totp_secret", "totp_confirmed"])
        record_change(user, account, summary=f"Second factor reset for {account.username}")
    return account
