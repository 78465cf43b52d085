"""What an import can refuse: a whole file (FileRejected), a row (RowRejected) or one cell of a row (CellError)."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from ..messages import Message, joined, key_of, keyed


class FileRejected(Exception):
    """The file cannot be imported at all (too large, unreadable, headers missing); nothing is changed.
    `message` is the text in the active language; `key` its catalogue key when it was given as a Message, so
    that the failed batch reads in each reader's language."""

    def __init__(self, message):
        self.key = key_of(message) or None
        self.message = str(message)
        super().__init__(self.message)


class CellError(ValueError):
    """One value of a row cannot be accepted; `field` is the field name, `message` says why."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def reasons_by_field(error: ValidationError) -> list[tuple[str, Message | str]]:
    """A model's ValidationError as (field, reason) pairs; a reason from the catalogue stays a Message, so that
    the rejected row reads in each reader's language."""
    by_field = error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.error_list}
    return [(name, joined([_reason(each) for each in errors])) for name, errors in by_field.items()]


def _reason(error: ValidationError) -> Message | str:
    message = keyed(error.message)
    if isinstance(message, str) and error.params:
        # A plural text (a field's max_length) picks its form from the values: formatted before it is read.
        return str(error.message % error.params)
    return message % error.params if error.params else message


class RowRejected(Exception):
    """A row cannot be imported; `errors` lists (field, value as read, reason) for every cell refused."""

    def __init__(self, errors: list[tuple[str, object, str]]):
        super().__init__(errors)
        self.errors = errors
