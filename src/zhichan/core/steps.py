"""Records that move on by named steps (a case, a complaint, a mediation, a transfer): each kind of record lists
its steps once in a `Steps` table, which its page (core/views/steps.py) and its API (core/api.py `step_endpoint`)
both read. A step names its label, the form that reads its input, the states it is offered in and the action it
runs; the action itself still guards the state and the permission, so a step the table would not offer is refused
with the action's reason."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .scoping import can_edit


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    form: type
    states: tuple | None  # None: a record without states (an agency), offered whatever it holds
    run: Callable  # (record, user, cleaned data, form) -> result
    style: str = "primary"
    files: bool = False  # its form takes a file
    allowed: Callable | None = None  # (user, record) -> bool; None: whoever may edit the record
    when: Callable | None = None  # (record) -> bool: a further condition on the record
    done: str | Callable = ""  # what the page says once it is taken (default: its label); a callable: of the result


class Steps:
    def __init__(self, steps: Iterable[Step], *, form_kwargs: Callable | None = None):
        self.steps = {step.key: step for step in steps}
        # (step, record, user) -> extra keyword arguments of the step's form (choices that depend on the record)
        self.form_kwargs = form_kwargs or (lambda step, record, user: {})

    def __iter__(self):
        return iter(self.steps.values())

    def __contains__(self, key):
        return key in self.steps

    @property
    def keys(self) -> list[str]:
        return sorted(self.steps)

    def get(self, key) -> Step | None:
        return self.steps.get(key or "")

    def offered(self, record, user) -> list[Step]:
        """The steps the record's state allows now and the user may take."""
        found = [
            step
            for step in self.steps.values()
            if (step.states is None or record.state in step.states) and (step.when is None or step.when(record))
        ]
        if not found:
            return []
        editable = None
        offered = []
        for step in found:
            if step.allowed is not None:
                if step.allowed(user, record):
                    offered.append(step)
                continue
            if editable is None:
                editable = can_edit(user, record)
            if editable:
                offered.append(step)
        return offered

    def form(self, step: Step, record, user, data=None, files=None, prefix=None):
        return step.form(data, files, prefix=prefix, **self.form_kwargs(step, record, user))


def by_action(action, name: str) -> Callable:
    """A step's `allowed` read from its service action's own permission (`action.allowed(user, {name: record})`)."""
    return lambda user, record: action.allowed(user, {name: record})
