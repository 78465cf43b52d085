"""The navigation module's kinds of events: on a patent set, and on the office's merge table."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

SET_CREATED = EventKind("navigation.set_created", _("patent set created"))
SET_CHANGED = EventKind("navigation.set_changed", _("patent set described"))
SET_READ = EventKind("navigation.set_read", _("patent set read again"))
SET_DELETED = EventKind("navigation.set_deleted", _("patent set deleted"))
BRANCH_ADDED = EventKind("navigation.branch_added", _("technology branch added"))
BRANCH_REMOVED = EventKind("navigation.branch_removed", _("technology branch removed"))
ALIAS_ADDED = EventKind("navigation.alias_added", _("applicant names merged"))
ALIAS_REMOVED = EventKind("navigation.alias_removed", _("applicant name merge undone"))
REPORT_BUILT = EventKind("navigation.report_built", _("navigation report built"))
