"""What follows from an inspection's results beyond the plan itself.

`results_found` is called when a result with problems is entered for an object: today it only records the event
on the object; the credit module's records of dishonesty connect here."""

from zhichan.core.events import record

from .events import PROBLEMS_FOUND


def results_found(user, target):
    record(user, PROBLEMS_FOUND, target, reason=target.note, finding=target.finding, credit_code=target.key)
