"""The finance module's kinds of events, each on the record it concerns."""

from django.utils.translation import gettext_lazy as _

from zhichan.core.events import EventKind

BANK_ADDED = EventKind("bank.added", _("bank entered"))
PRODUCT_ADDED = EventKind("bank.product_added", _("loan product entered"))
PLEDGE_REGISTERED = EventKind("pledge.registered", _("pledge entered"))
LOAN_ADDED = EventKind("pledge.loan_added", _("loan entered"))
PLEDGE_RELEASED = EventKind("pledge.released", _("pledge released"))
RIGHT_MATCHED = EventKind("pledge.right_matched", _("pledged right matched to the register"))
TRANSACTION_RECORDED = EventKind("ip_transaction.recorded", _("licence, transfer or auction entered"))
