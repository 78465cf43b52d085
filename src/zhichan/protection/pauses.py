"""The periods that do not count towards a case's running clock, named once for the actions, the forms and the
events that word them."""

from django.utils.translation import gettext_lazy


class Pause:
    """Why a period does not count towards the running clock (市场监督管理行政处罚程序规定, see docs/protection.md)."""

    CHOICES = [
        ("suspension", gettext_lazy("Suspension (中止)")),
        ("hearing", gettext_lazy("Hearing")),
        ("notice", gettext_lazy("Public notice")),
        ("testing", gettext_lazy("Testing, inspection or quarantine")),
        ("appraisal", gettext_lazy("Expert appraisal")),
        ("identification", gettext_lazy("Identification by the right holder")),
    ]
    LABELS = dict(CHOICES)
