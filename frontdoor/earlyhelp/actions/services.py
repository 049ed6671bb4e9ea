"""The council's own list of early-help services, edited by an administrator."""

from typing import Any

from django.db import transaction

from frontdoor.audit.log import record_change
from frontdoor.earlyhelp.models import Service
from frontdoor.lib.errors import ActionError


def save_service(user: Any, service: Service | None, **fields: Any) -> Service:
    """Add or change an early-help service (name, description, order, whether offered)."""
    name = str(fields.get("name", "")).strip()
    if not name:
        raise ActionError("Enter the name of the service.", field="name")
    clash = Service.objects.filter(name__iexact=name)
    if service is not None:
        clash = clash.exclude(pk=service.pk)
    if clash.exists():
        raise ActionError(f"“{name}” is already a service.", field="name")
    with transaction.atomic():
        service = service or Service()
        before = {k: getattr(service, k, None) for k in fields}
        for key, value in {**fields, "name": name}.items():
            setattr(service, key, value)
        service.save()
        record_change(
            user,
            service,
            summary=f"Early-help service saved: {name}",
            changes={
                "before": {k: str(v) for k, v in before.items()},
                "after": {k: str(v) for k, v in fields.items()},
            },
        )
    return service
