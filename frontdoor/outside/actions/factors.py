"""The council's push and pull factors, edited by an administrator."""

from typing import Any

from django.db import transaction

from frontdoor.lib.errors import ActionError
from frontdoor.outside.actions.bookkeeping import audit_only
from frontdoor.outside.codes import FactorDirection
from frontdoor.outside.models import PushPullFactor


def save_push_pull_factor(
    user: Any,
    factor: PushPullFactor | None,
    *,
    code: str,
    name: str,
    direction: str,
    is_active: bool = True,
    order: int = 100,
) -> PushPullFactor:
    """Add a factor, or change one (a factor used in interviews is retired, not deleted)."""
    if direction not in FactorDirection.values:
        raise ActionError("Choose push or pull.", field="direction")
    if not name.strip():
        raise ActionError("Give the factor a name.", field="name")
    clash = PushPullFactor.objects.filter(code=code)
    if factor is not None:
        clash = clash.exclude(pk=factor.pk)
    if clash.exists():
        raise ActionError("Another factor has that code.", field="code")
    with transaction.atomic():
        factor = factor or PushPullFactor()
        factor.code, factor.name, factor.direction = code, name.strip(), direction
        factor.is_active, factor.order = is_active, order
        created = factor.pk is None
        factor.save()
        audit_only(user, factor, f"Push or pull factor saved: {factor.name}", created=created)
    return factor
