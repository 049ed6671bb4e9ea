"""State changes to accounts: partner agencies, their systems' API tokens, staff accounts."""

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from frontdoor.accounts import mfa
from frontdoor.accounts.access import partner_roles
from frontdoor.accounts.models import Agency, ApiToken, User, hash_token
from frontdoor.audit.log import record_change, record_event, save_and_record
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


class SecondFactor:
    """What checking a second-factor code found."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    NO_ENROLMENT_CODE = "no-enrolment-code"
    LOCKED = "locked"


def enrolment_lifetime() -> dt.timedelta:
    return dt.timedelta(hours=settings.FRONTDOOR_ENROLMENT_CODE_HOURS)


def issue_enrolment_code(actor: Any, account: User, *, actor_label: str | None = None) -> str:
    """Make a one-time code with which `account` may set up a (new) second factor; return it.

    Only an administrator (or the command line) issues one, so a password alone never lets
    anyone bind their own authenticator to an account (ADR 0013). Issuing a code removes the
    account's current second factor (a lost phone) and lifts a second-factor lock.
    """
    code = "-".join(secrets.token_hex(2).upper() for _ in range(4))
    with transaction.atomic():
        account = User.objects.select_for_update().get(pk=account.pk)
        account.enrolment_code_hash = hash_token(_plain_code(code))
        account.enrolment_code_expires = timezone.now() + enrolment_lifetime()
        account.totp_secret, account.totp_confirmed = "", False
        account.totp_failures, account.totp_locked_until = 0, None
        account.save()
        record_change(
            actor,
            account,
            actor_label=_label(actor, actor_label),
            summary=f"Enrolment code issued for {account.username}; second factor reset",
        )
    return code


def _plain_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def has_live_enrolment_code(account: User) -> bool:
    expires = account.enrolment_code_expires
    return bool(account.enrolment_code_hash) and expires is not None and expires > timezone.now()


def _is_locked(account: User) -> bool:
    until = account.totp_locked_until
    return until is not None and until > timezone.now()


def second_factor_locked(account: User) -> bool:
    return _is_locked(account)


def _wrong_code(account: User) -> str:
    """Count a wrong code; the fifth in a row locks the second factor (as passwords lock)."""
    account.totp_failures += 1
    fields = ["totp_failures"]
    outcome = SecondFactor.WRONG
    if account.totp_failures >= settings.AXES_FAILURE_LIMIT:
        account.totp_locked_until = timezone.now() + dt.timedelta(hours=settings.AXES_COOLOFF_TIME)
        account.totp_failures = 0
        fields.append("totp_locked_until")
        outcome = SecondFactor.LOCKED
        record_event(
            AuditEvent.Action.UPDATE,
            account,
            user=account,
            summary=f"Second factor locked after {settings.AXES_FAILURE_LIMIT} wrong codes",
        )
    account.save(update_fields=fields)
    return outcome


def check_second_factor(account: User, code: str) -> str:
    """Check a code from the person's authenticator app (a SecondFactor outcome).

    The account row is locked for the check, so concurrent guesses are counted one by one.
    """
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=account.pk)
        if _is_locked(locked):
            return SecondFactor.LOCKED
        if not mfa.verify(locked.totp_secret, code):
            return _wrong_code(locked)
        if locked.totp_failures:
            locked.totp_failures = 0
            locked.save(update_fields=["totp_failures"])
        return SecondFactor.ACCEPTED


def enrol_second_factor(account: User, secret: str, code: str, enrolment_code: str) -> str:
    """Keep the TOTP secret the person has just proved they hold (a code from their app),
    if they also give the live enrolment code an administrator issued them."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=account.pk)
        if _is_locked(locked):
            return SecondFactor.LOCKED
        if not has_live_enrolment_code(locked):
            return SecondFactor.NO_ENROLMENT_CODE
        given = hash_token(_plain_code(enrolment_code))
        if not secrets.compare_digest(given, locked.enrolment_code_hash):
            return _wrong_code(locked)
        if not mfa.verify(secret, code):
            return _wrong_code(locked)
        locked.totp_secret, locked.totp_confirmed = secret, True
        locked.totp_failures = 0
        locked.enrolment_code_hash, locked.enrolment_code_expires = "", None
        locked.save()
        record_change(locked, locked, summary="Second factor (TOTP) set up")
    account.refresh_from_db()
    return SecondFactor.ACCEPTED


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
    """Clear the failed sign-in attempts that locked the account (django-axes) and lift a
    second-factor lock (five wrong codes)."""
    from axes.utils import reset

    with transaction.atomic():
        cleared = reset(username=account.username)
        account.totp_failures, account.totp_locked_until = 0, None
        account.save(update_fields=["totp_failures", "totp_locked_until"])
        record_change(
            user,
            account,
            summary=f"Account {account.username} unlocked ({cleared} failed attempts cleared)",
        )
    return account
