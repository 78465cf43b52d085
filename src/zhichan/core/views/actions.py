"""Pages run domain actions through `run_action`: a refusal the user can correct (ValidationError) is shown on
the page, as the form's errors or as messages, and a refusal of permission (PermissionDenied) stays one, so the
page answers 403. The messages are already in the user's language; no page catches them by hand."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError


@dataclass
class Outcome:
    ok: bool
    result: object = None
    errors: list = field(default_factory=list)


def run_action(request, function, *args, form=None, done="", **kwargs) -> Outcome:
    """Call `function(*args, **kwargs)`; on success say `done` (if given; a callable is given the result, for a
    message naming what was taken), on a ValidationError show its messages on `form` (if given: each under its
    field when the form has it) or as error messages. Returns what happened."""
    try:
        result = function(*args, **kwargs)
    except ValidationError as error:
        for name, message in _by_field(error):
            if form is not None:
                # Under the field it is about when the form has that field (its label names it), else the form's own.
                form.add_error(name if name in form.fields else None, message)
            else:
                messages.error(request, message)
        return Outcome(False, errors=error.messages)
    if callable(done):
        done = done(result)
    if done:
        messages.success(request, done)
    return Outcome(True, result)


def _by_field(error: ValidationError) -> list[tuple]:
    """(field name or None, message) of each of the error's messages, in their order."""
    if not hasattr(error, "error_dict"):
        return [(None, message) for message in error.messages]
    return [(name, message) for name, found in error.message_dict.items() for message in found]
