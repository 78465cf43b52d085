"""The leadership dashboard's warning: enforcement cases past their time limit on the day the dashboard shows."""

from zhichan.core.asof import chosen

from .clocks import overdue_cases


def dashboard_alerts(request) -> list:
    late = overdue_cases(request.user, chosen(request))
    if not late:
        return []
    return [("protection/_alert.html", {"count": len(late), "cases": late[:5]})]


def meeting_alerts(request) -> list:
    """The leadership dashboard's warning that a plenary joint meeting of the reader's organisation is due soon, due
    or overdue, on the day the dashboard shows (one query)."""
    from .meetings import meeting_due, organisation_of

    due = meeting_due(organisation_of(request.user), chosen(request))
    if due is None or not due.pressing:
        return []
    return [("protection/_meeting_alert.html", {"due": due})]
