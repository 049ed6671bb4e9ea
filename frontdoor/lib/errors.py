"""The one error type actions raise for a broken business rule."""


class ActionError(Exception):
    """A plain-English reason an action was refused; shown to the person as it is.

    `field` names the form or API field at fault, when there is one.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
