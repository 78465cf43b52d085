"""What follows from an inspection's results beyond the plan itself.

`results_found` is called when a result with problems is entered for an object: the event is recorded on the object
drawn and, for a service agency, on the agency, whose supervision history is its events. The credit grades read the
results themselves (the grade rules' fact `inspection_problems`, credit/services/grades.py); a finding that is also
an act of dishonesty is entered as a dishonesty record with the source "random inspection"."""

from zhichan.core.events import record

from .events import PROBLEMS_FOUND


def results_found(user, target):
    details = {"reason": target.note, "finding": target.finding, "credit_code": target.key}
    record(user, PROBLEMS_FOUND, target, **details)
    if target.agency_id:
        record(user, PROBLEMS_FOUND, target.agency, plan=target.plan.name, **details)
