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
    message naming what was taken), on a ValidationError show its messages on `form` (if given) or as error
    messages. Returns what happened."""
    try:
        result = function(*args, **kwargs)
    except ValidationError as error:
        for message in error.messages:
            if form is not None:
                form.add_error(None, message)
            else:
                messages.error(request, message)
        return Outcome(False, errors=error.messages)
    if callable(done):
        done = done(result)
    if done:
        messages.success(request, done)
    return Outcome(True, result)
