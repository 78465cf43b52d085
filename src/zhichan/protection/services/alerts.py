"""The leadership dashboard's warning: enforcement cases past their time limit on the day the dashboard shows."""

from zhichan.core.asof import chosen

from .clocks import overdue_cases


def dashboard_alerts(request) -> list:
    late = overdue_cases(request.user, chosen(request))
    if not late:
        return []
    return [("protection/_alert.html", {"count": len(late), "cases": late[:5]})]
